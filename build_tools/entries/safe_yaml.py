"""Read one YAML document safely and predictably, keeping where every value came from.

We compose the YAML node tree with libyaml (or the pure-Python parser) and build plain Python
values ourselves, so that:
- nothing but text, whole numbers, decimals, true/false, null, lists and mappings is ever built
  (no tags, anchors or aliases: no code runs and no "billion laughs");
- dates stay text, so the schema's `format: date` applies;
- YAML 1.1 surprises (`no` as false, `0123` as octal, `1:30` as 90) are refused, with a hint
  to use quotes;
- duplicate keys are errors, and keys are always text;
- every value and key keeps its line and column for error messages.

This module knows nothing about providers or the schema.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from build_tools.entries.yaml_errors import diagnose
from build_tools.problems import Position, Problem, make_problem

try:
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # libyaml missing: the pure-Python parser gives the same nodes, slower
    _BaseLoader = yaml.SafeLoader

KeyPath = tuple[str | int, ...]

MAX_DEPTH = 20
_YAML_TAG = "tag:yaml.org,2002:"
# Tags the safe resolver gives to untagged scalars; any other tag was written by hand.
_IMPLICIT_TAGS = {
    _YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "value", "merge")
}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_YES_NO = {"yes", "no", "on", "off", "y", "n"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+(\.[0-9]*)?")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
# The first characters of every number pattern above: other values are text.
_NUMBER_STARTS = frozenset("0123456789+-.")
# Control characters (C0 but tab and line breaks, DEL, and C1), and Unicode non-characters
# (U+FDD0 to U+FDEF, and the last two of every plane): none can appear on a web page, and one
# in a name made the Atom feed badly formed XML for everyone (issue 15). The non-characters
# beyond U+FFFF have a pattern of their own, used only on text that has such characters:
# putting them in one class with the others makes every search 30 times slower.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL_NONCHARACTERS = re.compile(
    "["
    + "".join(chr(plane * 0x10000 + end) for plane in range(1, 17) for end in (0xFFFE, 0xFFFF))
    + "]"
)


def _find_refused(text: str) -> re.Match[str] | None:
    """The first control character or non-character in the text."""
    match = _CONTROL.search(text)
    if match is None and not text.isascii() and max(text) > "\uffff":
        match = _ASTRAL_NONCHARACTERS.search(text)
    return match


def escape_refused(text: str) -> str:
    """The text with each character the reader refuses written as Python writes its escape
    (\\x1f, \\ufdd0), for text that must read back, such as a comment quoting a feed's value."""
    while (match := _find_refused(text)) is not None:
        shown = match.group().encode("unicode_escape").decode("ascii")
        text = text[: match.start()] + shown + text[match.end() :]
    return text


def _refused_character(character: str) -> str:
    """The problem name for a character `_find_refused` found."""
    point = ord(character)
    return "control-character" if point < 0xA0 else "non-character"


_BOM = b"\xef\xbb\xbf"


_KIND_TAGS = {
    yaml.ScalarNode: _YAML_TAG + "str",
    yaml.SequenceNode: _YAML_TAG + "seq",
    yaml.MappingNode: _YAML_TAG + "map",
}


class _Loader(_BaseLoader):
    """The safe loader, minus its guess at each untagged value's type: _Builder decides types
    itself (more strictly), and the guessing took a third of the time of composing."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _KIND_TAGS[kind]


@dataclass
class YamlDocument:
    """A parsed file: its data, and the position of each value and each mapping key.

    Positions are only needed to point at a problem, and most files have none: they are found
    by reading the text again the first time one is asked for. That halves the time and memory
    of reading thousands of files.
    """

    data: Any
    text: str = field(repr=False)
    _positions: tuple[dict[KeyPath, Position], dict[KeyPath, Position]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def values(self) -> dict[KeyPath, Position]:
        """Where each value starts, by path."""
        return self._located()[0]

    @property
    def keys(self) -> dict[KeyPath, Position]:
        """Where each mapping key starts, by path."""
        return self._located()[1]

    def _located(self) -> tuple[dict[KeyPath, Position], dict[KeyPath, Position]]:
        if self._positions is None:
            node, _ = _compose(self.text, "")
            builder = _Builder("", record_positions=True)
            if node is not None:
                builder.build(node, (), 0)
            self._positions = (builder.values, builder.keys)
        return self._positions

    def position_of(self, path: KeyPath, *, prefer_key: bool = False) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if prefer_key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return Position(1, 1)
            path = path[:-1]


def parse_yaml(raw: bytes, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `raw` bytes into a YamlDocument, or return the problems that stop it."""
    problems: list[Problem] = []
    if raw.startswith(_BOM):
        problems.append(make_problem(file, Position(1, 1), "byte-order-mark"))
        raw = raw[len(_BOM) :]
    text, problem = _decode(raw, file)
    if problem:
        return None, [*problems, problem]
    before = _check_characters(text, file)
    if before:
        return None, [*problems, *before]
    node, problem = _compose(text, file)
    if problem:
        return None, [*problems, problem]
    if node is None:
        return None, [*problems, make_problem(file, Position(1, 1), "empty-file")]
    if "&" in text or "*" in text:
        anchor_problem = _find_anchor(text, file)
        if anchor_problem:
            return None, [*problems, anchor_problem]
    builder = _Builder(file)
    data = builder.build(node, (), 0)
    problems.extend(builder.problems)
    if builder.refused:  # a tag, key or depth we refuse: there is no usable document
        return None, problems
    if data is None:  # only "---", "null" or "~"
        problems.append(make_problem(file, Position(1, 1), "empty-file"))
        return None, problems
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        problems.append(make_problem(file, Position(1, 1), "not-a-mapping", found=found))
        return None, problems
    return YamlDocument(data, text), problems


def _decode(raw: bytes, file: str) -> tuple[str, Problem | None]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", make_problem(
            file,
            Position(1, 1),
            "not-utf8",
            detail=" (it looks like UTF-16, which some editors call Unicode)",
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return "", make_problem(
            file,
            Position(line, column),
            "not-utf8",
            detail=f": line {line} has a character from another encoding, such as a curly"
            " quote or an accented letter",
        )


def _check_characters(text: str, file: str) -> list[Problem]:
    problems = []
    match = _find_refused(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        problems.append(
            make_problem(
                file,
                Position(line, column),
                _refused_character(match.group()),
                line=line,
                codepoint=f"U+{ord(match.group()):04X}",
            )
        )
    for number, line_text in enumerate(text.splitlines() if "\t" in text else (), start=1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip():
            problems.append(
                make_problem(
                    file, Position(number, indent.index("\t") + 1), "tab-indent", line=number
                )
            )
            break
    return problems


def _compose(text: str, file: str) -> tuple[yaml.Node | None, Problem | None]:
    loader = _Loader(text)
    try:
        return loader.get_single_node(), None
    except yaml.composer.ComposerError as error:
        # PyYAML puts "expected a single document" in the context, not the problem.
        if "expected a single document" in f"{error.context} {error.problem}":
            mark = error.problem_mark
            line = mark.line + 1 if mark else 1
            return None, make_problem(file, Position(line, 1), "several-documents", line=line)
        return None, _syntax_problem(error, file, text)
    except yaml.MarkedYAMLError as error:
        return None, _syntax_problem(error, file, text)
    except RecursionError:  # the pure-Python composer recurses; libyaml stops at its own limit
        return None, make_problem(
            file,
            Position(1, 1),
            "yaml-syntax",
            explanation="The fields are nested far too deeply.",
            fix="Check the indentation and brackets.",
        )
    except yaml.YAMLError as error:  # unmarked reader errors
        return None, make_problem(
            file,
            Position(1, 1),
            "yaml-syntax",
            explanation=f"The file could not be read as YAML ({error}).",
            fix="Check the file against an example in providers/.",
        )
    finally:
        loader.dispose()


# Plain-English versions of the parser's messages, most specific first.
_SYNTAX_HELP: list[tuple[str, str, str]] = [
    (
        "found character '\\t'",
        "A tab character is in the wrong place.",
        "Replace tabs with spaces.",
    ),
    (
        "mapping values are not allowed",
        "A colon (:) is in a place where YAML does not expect one.",
        "If the text contains a colon, put the whole value in quotes. Otherwise check the "
        "indentation of this line and the one above.",
    ),
    (
        "could not find expected ':'",
        "A line is missing the colon after its field name, or a "
        "quoted value runs over several lines.",
        "Check that each field looks like 'name: value'.",
    ),
    (
        "found unexpected end of stream",
        "A quote or bracket is opened but never closed.",
        "Find the opening quote or bracket and close it.",
    ),
    (
        "found undefined alias",
        "The file uses a YAML alias ('*').",
        "Write the value out in full instead of using '*'.",
    ),
    (
        "exceeded maximum nesting depth",
        "The fields are nested far too deeply.",
        "Check the indentation and brackets.",
    ),
    (
        "did not find expected key",
        "The indentation does not line up with the lines above.",
        "Line up fields at the same level with the same number of spaces.",
    ),
    (
        "expected <block end>",
        "The indentation does not line up with the lines above.",
        "Line up fields at the same level with the same number of spaces.",
    ),
    (
        "did not find expected '-' indicator",
        "A list item is not lined up with the ones above.",
        "Start every item of a list with '- ' at the same indentation.",
    ),
    (
        "found character that cannot start any token",
        "A line starts with a character that YAML reserves (such as @, ` or %).",
        "Put the value in quotes.",
    ),
    (
        "did not find expected",
        "Something is missing or out of place on this line.",
        "Compare the line with an example in providers/.",
    ),
]


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> Problem:
    diagnosis = diagnose(text, error)
    if diagnosis:  # the line where the broken quote, bracket or block starts
        return make_problem(
            file,
            Position(diagnosis.line, diagnosis.column),
            "yaml-syntax",
            explanation=diagnosis.explanation,
            fix=diagnosis.fix,
        )
    mark = error.problem_mark or error.context_mark
    position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    explanation = f"The file is not valid YAML here ({detail})."
    fix = "Check this line and the one above it against an example in providers/."
    for needle, known_explanation, known_fix in _SYNTAX_HELP:
        if needle in detail:
            explanation, fix = known_explanation, known_fix
            break
    return make_problem(file, position, "yaml-syntax", explanation=explanation, fix=fix)


def _find_anchor(text: str, file: str) -> Problem | None:
    for event in yaml.parse(text, Loader=_Loader):
        anchor = getattr(event, "anchor", None)
        mark = event.start_mark
        if anchor is None or mark is None:
            continue
        is_alias = isinstance(event, yaml.AliasEvent)
        return make_problem(
            file,
            Position(mark.line + 1, mark.column + 1),
            "anchor-or-alias",
            line=mark.line + 1,
            what="alias" if is_alias else "anchor",
            text=("*" if is_alias else "&") + anchor,
        )
    return None


class _Refused(Exception):
    """Raised inside the builder when a part of the tree cannot be used at all."""


class _Builder:
    """Turns composed nodes into plain values and problems, and records positions if asked."""

    def __init__(self, file: str, record_positions: bool = False) -> None:
        self.file = file
        self.record_positions = record_positions
        self.values: dict[KeyPath, Position] = {}
        self.keys: dict[KeyPath, Position] = {}
        self.problems: list[Problem] = []
        self.refused = False
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        try:
            return self._node(node, path, depth)
        except _Refused:
            self.refused = True
            return None

    def _position(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return Position(mark.line + 1, mark.column + 1)

    def _refuse(self, node: yaml.Node, name: str, path: KeyPath, **details: Any) -> None:
        tag = details.get("tag")
        if isinstance(tag, str) and tag.startswith(_YAML_TAG):  # show it as written: !!binary
            details["tag"] = "!!" + tag[len(_YAML_TAG) :]
        self.problems.append(
            make_problem(self.file, self._position(node), name, format_path(path), **details)
        )
        raise _Refused

    def _node(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._refuse(node, "too-deep", path, limit=MAX_DEPTH)
        if id(node) in self._seen:  # an alias: the same node reached twice
            line = node.start_mark.line + 1
            self._refuse(node, "anchor-or-alias", path, line=line, what="alias", text="*")
        self._seen.add(id(node))
        if self.record_positions:
            self.values[path] = self._position(node)
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, "map", path)
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "seq", path)
            return [
                self._node(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _check_tag(self, node: yaml.Node, kind: str, path: KeyPath) -> None:
        if node.tag != _YAML_TAG + kind:
            self._refuse(node, "custom-tag", path, line=node.start_mark.line + 1, tag=node.tag)

    def _mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._refuse(key_node, "complex-key", path, line=key_node.start_mark.line + 1)
            if key_node.tag not in _IMPLICIT_TAGS:
                self._refuse(
                    key_node,
                    "custom-tag",
                    path,
                    line=key_node.start_mark.line + 1,
                    tag=key_node.tag,
                )
            key = str(key_node.value)
            key_path = (*path, key)
            if key in key_nodes:
                first_line = key_nodes[key].start_mark.line + 1
                self._flag(key_node, "duplicate-key", key_path, key=key, first_line=first_line)
                continue
            key_nodes[key] = key_node
            if self.record_positions:
                self.keys[key_path] = self._position(key_node)
            result[key] = self._node(value_node, key_path, depth + 1)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        if node.tag not in _IMPLICIT_TAGS:
            self._refuse(node, "custom-tag", path, line=node.start_mark.line + 1, tag=node.tag)
        value: str = node.value
        if node.style:  # quoted or block text is always text (plain is None or "")
            control = _find_refused(value)
            if control:  # written as an escape such as "\x07" inside quotes
                line = node.start_mark.line + 1
                self.problems.append(
                    make_problem(
                        self.file,
                        self._position(node),
                        _refused_character(control.group()),
                        format_path(path),
                        line=line,
                        codepoint=f"U+{ord(control.group()):04X}",
                    )
                )
            return value
        return self._plain(node, value, path)

    def _plain(self, node: yaml.ScalarNode, value: str, path: KeyPath) -> Any:
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value in _NULL:
            return None
        if value[0] not in _NUMBER_STARTS:  # most values: text that cannot be read as a number
            if value.lower() in _YES_NO:
                self._flag(node, "yaml-yes-no", path, value=value)
            return value
        if _LEADING_ZERO.fullmatch(value):
            self._flag(node, "yaml-leading-zero", path, value=value)
        elif _SEXAGESIMAL.fullmatch(value):
            self._flag(
                node,
                "yaml-colon-number",
                path,
                value=value,
                quoted=_as_time(value),
                as_number=_sexagesimal(value),
            )
        elif len(value) <= 30 and _INT.fullmatch(value):
            return int(value)
        elif len(value) <= 30 and _FLOAT.fullmatch(value):
            number = float(value)
            if math.isfinite(number):
                return number
        return value

    def _flag(self, node: yaml.Node, name: str, path: KeyPath, **details: Any) -> None:
        """Note a problem with a value that is still used."""
        self.problems.append(
            make_problem(self.file, self._position(node), name, format_path(path), **details)
        )


def _as_time(value: str) -> str:
    """9:30 -> 09:30, so the suggested fix also passes the HH:MM check."""
    return f"0{value}" if re.fullmatch(r"[0-9]:[0-5][0-9]", value) else value


def _sexagesimal(value: str) -> str:
    sign = -1 if value.startswith("-") else 1
    total = 0.0
    for part in value.lstrip("+-").replace("_", "").split(":"):
        total = total * 60 + float(part or 0)
    total *= sign
    return str(int(total)) if total.is_integer() else str(total)


def format_path(path: KeyPath) -> str:
    """Show a path the way people write it: contacts[0].email."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
