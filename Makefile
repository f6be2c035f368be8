# The front door: every target creates the virtual environment when it is missing.
# `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.DEFAULT_GOAL := help
.PHONY: venv validate help site serve test lint fix docs golden bench lock clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## create the virtual environment in .venv with the pinned versions

validate: $(STAMP) ## check the provider files
	$(BIN)/localoffer validate

site: $(STAMP) ## validate the providers and build the site into site/
	$(BIN)/localoffer build

serve: $(STAMP) ## preview the site at http://127.0.0.1:8000, rebuilding on changes
	$(BIN)/localoffer validate
	$(BIN)/mkdocs serve

test: $(STAMP) ## run the tests
	$(BIN)/python -m pytest

lint: $(STAMP) ## check style, formatting and types
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

fix: $(STAMP) ## fix style and formatting where possible
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

docs: $(STAMP) ## regenerate the field reference and problem code pages
	$(BIN)/localoffer docs

golden: $(STAMP) ## rewrite the expected outputs of the example tests (review the diff!)
	$(BIN)/python -m pytest tests --update-golden -q

bench: $(STAMP) ## measure validation, build, sizes and downloads on generated providers (BENCH_ARGS="--sizes 100,1000")
	$(BIN)/python -m build_tools.bench $(BENCH_ARGS)

lock: ## re-resolve the pinned versions in requirements.lock
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv

clean: ## remove the built site and the virtual environment
	rm -rf site $(VENV)
