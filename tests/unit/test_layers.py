"""build_tools is a stack of rooms: a module imports only from its own room or from rooms below.

The order is the one the subpackages' docstrings give. Rooms on the same layer are
independent: neither imports the other. A wrong-way import fails here with the line to fix.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from build_tools.paths import PACKAGE

# Bottom first. A top-level module is its own room, named by its file.
LAYERS: list[set[str]] = [
    {"paths", "clock", "problems", "model"},
    {"schema"},
    {"text"},
    {"files"},
    {"entries"},
    {"guidance"},
    {"search"},
    {"directory"},
    {"easy_read"},
    {"pages"},
    {"exports", "printable", "reports", "submit"},
    {"editor", "importer"},
    {"build_state"},
    {"hooks", "site"},
    {"cli", "bench"},
    {"__main__"},
]
LAYER_OF = {room: index for index, rooms in enumerate(LAYERS) for room in rooms}


def room_of(module: str) -> str:
    """build_tools.entries.load -> entries; build_tools.hooks -> hooks."""
    return module.split(".")[1]


def modules() -> list[tuple[str, Path]]:
    found = []
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = file.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) > 1:
            found.append((".".join(parts), file))
    return found


def imports_of(file: Path) -> list[tuple[int, str]]:
    """Every build_tools module `file` imports, with its line, including imports inside
    functions (a late import is still a dependency)."""
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "build_tools":
                found += [(node.lineno, f"build_tools.{alias.name}") for alias in node.names]
            elif node.module.startswith("build_tools."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, "relative"))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("build_tools")]
    return found


def test_every_room_has_a_layer_and_says_what_it_owns() -> None:
    rooms = {room_of(module) for module, _ in modules()}
    assert rooms <= set(LAYER_OF), f"put these rooms in LAYERS: {sorted(rooms - set(LAYER_OF))}"
    for folder in PACKAGE.iterdir():
        init = folder / "__init__.py"
        if init.exists():
            docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
            assert docstring, f"{init}: say what this room owns and what it may import"


@pytest.mark.parametrize("module, file", modules(), ids=lambda value: str(value))
def test_imports_go_down_the_stack(module: str, file: Path) -> None:
    own = room_of(module)
    wrong = []
    for line, imported in imports_of(file):
        if imported == "relative":
            wrong.append(f"{file}:{line}: use an absolute import (build_tools.<room>.<module>)")
            continue
        other = room_of(imported)
        if other == own:
            continue
        if LAYER_OF[other] >= LAYER_OF[own]:
            wrong.append(
                f"{file}:{line}: {own} (layer {LAYER_OF[own]}) imports {imported} "
                f"(layer {LAYER_OF[other]}): a room imports only from rooms below it"
            )
    assert not wrong, "\n".join(wrong)


def test_no_room_holds_more_than_about_twelve_modules() -> None:
    for folder in [PACKAGE, *(f for f in PACKAGE.iterdir() if (f / "__init__.py").exists())]:
        count = len([f for f in folder.glob("*.py") if f.name != "__init__.py"])
        assert count <= 13, f"{folder} holds {count} modules: split it into rooms"


def test_only_the_build_imports_mkdocs() -> None:
    # bench/phases.py times MkDocs' own phases by wrapping them: a measurement of MkDocs, run by
    # `python -m build_tools.bench.phases`, never part of a build.
    allowed = {PACKAGE / "hooks.py", PACKAGE / "site.py", PACKAGE / "bench" / "phases.py"}
    for file in PACKAGE.rglob("*.py"):
        if file in allowed:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), (
                f"{file}:{node.lineno} imports MkDocs: only hooks.py and site.py may"
            )
