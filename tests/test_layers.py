"""The layers the README's design notes describe hold for the modules below the commands and
screens: the form, the model, the rules, the files — no import runs upward, none runs in a
circle (a function-local import counts too: it is how a circle hides), so each of these
modules imports alone and the editor loads only what it uses."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"

# Lowest first; a module may import its own layer and those before it.
LAYERS = (
    ("govtui", "govtui.errors", "govtui.numbers", "govtui.controls", "govtui.linebreak"),
    ("govtui.form", "govtui.places", "govtui.policy", "govtui.finding", "govtui.outcome"),
    ("govtui.model",),
    ("govtui.rules",),
    ("govtui.io", "govtui.profile", "govtui.rollover", "govtui.compare"),
)

# Known upward arrows, each to be moved down (not to be added to).
KNOWN: set[tuple[str, str]] = set()


def _name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in (SRC / "govtui").rglob("*.py")}


def _layer(module: str) -> int | None:
    """The layer of ``module`` (a package's stands for its modules; ``govtui`` is only its own
    ``__init__``), or None above them all."""
    for index, layer in enumerate(LAYERS):
        for name in layer:
            if module == name or (name != "govtui" and module.startswith(name + ".")):
                return index
    return None


def _rank(module: str) -> int:
    layer = _layer(module)
    return len(LAYERS) if layer is None else layer


def _imported(module: str) -> Iterator[str]:
    """Every govtui module ``module`` imports, at its top or in a function (not those imported
    for type checking only): the longest existing module each import names."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]

    def walk(node: ast.AST) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                yield from (alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package
                    for _ in range(child.level - 1):
                        parent = parent.rpartition(".")[0]
                    base = f"{parent}.{base}".rstrip(".")
                yield from (f"{base}.{alias.name}" for alias in child.names)
            yield from walk(child)

    for name in walk(tree):
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name.startswith("govtui") and name != module:
            yield name


LOWER = sorted(m for m in MODULES if _layer(m) is not None)


@pytest.mark.parametrize("module", LOWER)
def test_no_import_runs_upward(module: str) -> None:
    own = _layer(module)
    assert own is not None
    upward = [t for t in _imported(module) if _rank(t) > own and (module, t) not in KNOWN]
    assert upward == [], f"{module} imports a higher layer"


def test_no_import_runs_in_a_circle() -> None:
    graph = {m: set(_imported(m)) & set(LOWER) for m in LOWER}
    # A package's __init__ may gather its own modules; importing one of them runs it first.
    for module in LOWER:
        graph[module] -= {p for p in LOWER if module.startswith(p + ".")}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " → ".join((*path[path.index(module) :], module))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, (*path, module))
        done.add(module)

    for module in LOWER:
        visit(module, ())
