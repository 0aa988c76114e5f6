"""The package's import graph: layers import downward only, stages never import each other, no cycles.

Every `import` in the package is read from the source (at module level or inside a function; imports
under `if TYPE_CHECKING:` are annotations only and never run), so a lazy import cannot hide a
dependency on a higher layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import newsfuse

PACKAGE = Path(newsfuse.__file__).parent

# Lowest first. A module imports from its own package or from a lower layer; the stages over a story
# (summarise, analyse, cluster) sit side by side and never import one another.
LAYERS: list[set[str]] = [
    {"display", "reporting"},
    {"model"},
    {"clean"},
    {"segment"},
    {"ingest"},
    {"prepare", "dedupe"},
    {"story"},
    {"summarise", "analyse", "cluster"},
    {"pipeline"},
    {"api"},
    {"render", "store", "evaluate"},
    {"serve", "follow", "archive"},
    {"cli"},
    {"__init__", "__main__"},
]
LAYER_OF = {name: number for number, layer in enumerate(LAYERS) for name in layer}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top(module: str) -> str:
    """The layer name of a module: `newsfuse.story.units` -> "story"; the package itself -> "__init__"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_imports(tree: ast.AST) -> list[tuple[str, int]]:
    """(module imported, line) for every import that runs, skipping `if TYPE_CHECKING:` blocks."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            found.extend((f"{node.module}.{alias.name}", node.lineno) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _graph() -> dict[str, set[tuple[str, int]]]:
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[tuple[str, int]]] = {}
    for name, path in modules.items():
        edges = set()
        for target, line in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if target == "newsfuse.__version__":  # the version string, set in the package root, is no layer
                edges.discard(("newsfuse", line))
                continue
            if target.startswith("newsfuse") and target in modules and target != name:
                edges.add((target, line))
        graph[name] = edges
    return graph


def test_every_top_level_package_has_a_layer():
    names = {_top(_module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert names <= set(LAYER_OF), f"give these a layer in LAYERS: {sorted(names - set(LAYER_OF))}"


def test_layers_import_downward_only():
    wrong = []
    for module, edges in _graph().items():
        here = _top(module)
        for target, line in edges:
            there = _top(target)
            if there == here:
                continue
            if LAYER_OF.get(there, 0) >= LAYER_OF.get(here, 0):
                wrong.append(f"{module}:{line} imports {target}")
    assert not wrong, "imports from the same or a higher layer:\n" + "\n".join(sorted(wrong))


def test_the_package_has_no_import_cycles():
    graph = {module: {target for target, _ in edges} for module, edges in _graph().items()}
    # A package's __init__ re-exporting its own modules is not a cycle: `import a.b` runs `a` first anyway.
    for module in graph:
        graph[module] = {t for t in graph[module] if not module.startswith(t + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_checker_sees_a_lazy_import_and_ignores_annotations():
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from newsfuse.cli import main\n"
              "def f():\n    from newsfuse.pipeline import build_brief\n")
    imported = {name for name, _ in _runtime_imports(ast.parse(source))}
    assert "newsfuse.pipeline.build_brief" in imported
    assert not any(name.startswith("newsfuse.cli") for name in imported)
