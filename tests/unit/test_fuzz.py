"""Property-based tests: no input, however broken or hostile, makes validation crash or hang."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.entries.safe_yaml import YamlDocument, parse_yaml
from build_tools.entries.validate import validate_files
from build_tools.problems import CATALOGUE, Problem, Severity
from build_tools.schema import provider_validator, quick_validator
from tests.support import MINIMAL_ENTRY, REPO_ROOT, TODAY

SEVERITY = {code.code: code.severity for code in CATALOGUE}
FUZZ = settings(
    max_examples=200,
    # A generous limit per example: finding a real hang matters, a slow CI machine does not.
    deadline=dt.timedelta(seconds=5),
)


def assert_good_problems(problems: list[Problem], file: str) -> None:
    for problem in problems:
        assert problem.file == file
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.code in SEVERITY, problem
        assert problem.severity is SEVERITY[problem.code], problem
        assert problem.message.strip(), problem
        assert problem.fix.strip(), problem


def assert_parsed_well(raw: bytes) -> tuple[YamlDocument | None, list[Problem]]:
    document, problems = parse_yaml(raw, "providers/fuzz.yaml")
    assert_good_problems(problems, "providers/fuzz.yaml")
    if document is None:
        assert any(p.severity is Severity.ERROR for p in problems), problems
    else:
        assert isinstance(document.data, dict)
        assert all(isinstance(key, str) for key in document.data)
    return document, problems


# --- plain values that yaml.safe_dump can write ---------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["yes", "no", "0123", "9:30", "2026-02-30", "1e999", "~", "<b>x</b>", "&amp;"]),
    st.dates().map(dt.date.isoformat),
)
keys = st.one_of(
    st.text(max_size=15),
    st.sampled_from(
        ["name", "summary", "needs", "cost", "free", "contacts", "phone", "locations", "age_range"]
    ),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=5),
    ),
    max_leaves=25,
)
documents = st.dictionaries(keys, values, max_size=8)

# Things a careless or hostile editor might splice into a file.
splices = st.sampled_from(
    [
        "&a ", "*a ", "&a [x] ", "<<: *a\n", "!!python/object/apply:os.system ['echo'] ",
        "!custom ", "!!binary ", "!!str ", "! ", "? ", "- ", ": ", "---\n", "...\n", "%YAML 1.1\n",
        "\t", "\x00", "\x07", "\ufeff", "\r", "[", "]", "{", "}", '"', "'", "#", "|", ">",
        "\u2028", "\x85", "@", "`", "%", "  ", "\n  - ", "1e999 ", "9" * 5000 + " ",
    ]
)  # fmt: skip


def dump(data: Any, flow: bool | None) -> str:
    return yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, sort_keys=False)


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(raw: bytes) -> None:
    assert_parsed_well(raw)


@FUZZ
@given(st.text(max_size=2000))
def test_random_text_never_crashes(text: str) -> None:
    assert_parsed_well(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(documents, st.sampled_from([None, True, False]))
def test_dumped_yaml_reads_back_without_crashing(data: dict[str, Any], flow: bool | None) -> None:
    assert_parsed_well(dump(data, flow).encode("utf-8"))


@FUZZ
@given(
    documents,
    st.sampled_from([None, True, False]),
    st.lists(st.tuples(st.integers(min_value=0), splices), min_size=1, max_size=6),
)
def test_yaml_with_spliced_tags_anchors_and_junk_never_crashes(
    data: dict[str, Any], flow: bool | None, cuts: list[tuple[int, str]]
) -> None:
    text = dump(data, flow)
    for position, piece in cuts:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    assert_parsed_well(text.encode("utf-8", "surrogatepass"))


# --- whole provider files through the whole validator -----------------------------------------

BASE: dict[str, Any] = yaml.safe_load(MINIMAL_ENTRY)
FIELDS = sorted(BASE)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    entry = dict(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        action = draw(st.sampled_from(["replace", "remove", "add", "replace-nested", "item"]))
        if action == "replace":
            entry[draw(st.sampled_from(FIELDS))] = draw(values)
        elif action == "remove":
            entry.pop(draw(st.sampled_from(FIELDS)), None)
        elif action == "add":
            entry[draw(keys)] = draw(values)
        elif action == "item":
            field = draw(st.sampled_from(["contacts", "schedules", "locations", "needs"]))
            current = entry.get(field)
            items = list(current) if isinstance(current, list) else []
            entry[field] = [*items, draw(values)]
        else:
            field = draw(st.sampled_from(["organisation", "age_range", "cost", "eligibility"]))
            if isinstance(entry.get(field), dict):
                entry[field] = {**entry[field], draw(keys): draw(values)}
    return entry


mutated_entries = st.composite(_mutated)()


@FUZZ
@given(mutated_entries, st.sampled_from([None, False]))
def test_mutated_entries_are_validated_without_crashing(
    scratch: Path, entry: dict[str, Any], flow: bool | None
) -> None:
    path = scratch / "fuzz-entry.yaml"
    path.write_text(dump(entry, flow), encoding="utf-8")
    report = validate_files([path], today=TODAY)
    assert len(report.files) == 1
    assert_good_problems(report.problems, report.files[0].shown)


@settings(
    max_examples=100,
    deadline=dt.timedelta(seconds=5),
    # The scratch folder is module-scoped and every example overwrites the same file, so it is
    # safe to share between examples; the health check cannot know that.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.binary(max_size=3000))
def test_random_bytes_in_a_provider_file_never_crash(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz-bytes.yaml"
    path.write_bytes(raw)
    report = validate_files([path], today=TODAY)
    assert_good_problems(report.problems, report.files[0].shown)


# --- the quick schema check never lets through what the detailed one refuses ----------------

SAMPLES: list[dict[str, Any]] = [
    yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((REPO_ROOT / "providers").glob("*.yaml"))
]
# Values just inside or just outside what the schema's patterns, formats and bounds allow.
near_misses = st.sampled_from(
    [
        "", " ", "09:30", "9:30", "24:00", "09:30\n", "01632 960000", "01632 96000",
        "+44 1632 960000", "DY1 1AA", "dy1 1aa", "DY1 1AA\n", "2026-02-28", "2026-02-30",
        "2026-2-3", "x@y.example", "x@y", "x @y.example", "https://a.example", "http://a.example",
        "https://a b", "javascript:x", "ftp://a.example", 0, 25, 26, -1, 1.5, 1.0, True, None,
        [], {}, ["all"], ["all", "all"],
        "00000000-0000-4000-8000-000000000000", "not-an-id",
    ]
)  # fmt: skip


def _paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replaced(data[head], rest, value)
    return copy


@st.composite
def sample_variants(draw: st.DrawFn) -> dict[str, Any]:
    entry: dict[str, Any] = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(entry)[1:]))
        entry = _replaced(entry, path, draw(st.one_of(near_misses, values)))
    return entry


@FUZZ
@given(st.one_of(sample_variants(), mutated_entries))
def test_the_quick_check_never_passes_an_entry_the_detailed_check_refuses(
    entry: dict[str, Any],
) -> None:
    if quick_validator().is_valid(entry):
        assert list(provider_validator().iter_errors(entry)) == []
