"""The layers of the code (ARCHITECTURE.md): what may import what, read from the sources with ``ast``.

core (``csto_portal`` but its ``site`` package) → organs → treaties → operations → site (``csto_portal.site``) and
``bench``. A domain app's models see only the core and the models of the apps below it; its pages (views, API,
filters, admin) may read any app's models but only the pages of the apps below it.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["organs", "treaties", "operations"]
TOP = ["csto_portal.site", "bench"]
MODEL_MODULES = {"models", "choices"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in ["csto_portal", *APPS, "bench"]:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


MODULES = project_modules()


def imported(module: str, node: ast.ImportFrom | ast.Import) -> list[str]:
    """The project modules an import statement reads (``from a import b`` reads ``a.b`` when that is a module)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module.split(".")
            if MODULES[module].name != "__init__.py":
                package.pop()
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    return [name for name in names if name in MODULES]


def imports() -> list[tuple[str, str, bool]]:
    """Every import of a project module by a project module: (importer, imported, inside a function)."""
    edges = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(), str(path))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges += [(module, target, id(node) not in top_level) for target in imported(module, node)]
    return edges


EDGES = imports()


def layer(module: str) -> tuple[int, bool]:
    """A module's rank (core 0, the apps in order, then the top) and whether it is part of an app's model layer."""
    if any(module == top or module.startswith(f"{top}.") for top in TOP):
        return len(APPS) + 1, False
    app, _, rest = module.partition(".")
    if app in APPS:
        return APPS.index(app) + 1, rest.split(".")[0] in MODEL_MODULES
    return 0, True


def allowed(importer: str, target: str) -> bool:
    (rank, is_model), (target_rank, target_is_model) = layer(importer), layer(target)
    if rank == target_rank or target_rank == 0:
        return True
    if is_model:
        return target_rank < rank and target_is_model
    # A page may read any app's models, and build on the pages of the apps below it.
    return target_rank < rank or (target_is_model and target_rank <= len(APPS))


def test_the_walk_reads_every_app_and_the_layers_it_expects():
    assert {module.split(".")[0] for module in MODULES} == {"csto_portal", *APPS, "bench"}
    assert layer("csto_portal.dates") == (0, True)
    assert layer("treaties.models") == (2, True)
    assert layer("treaties.views") == (2, False)
    assert layer("csto_portal.site.timeline")[0] == len(APPS) + 1
    assert ("operations.models", "organs.models", False) in EDGES


def test_no_import_goes_up_a_layer():
    wrong = sorted(f"{importer} imports {target}" for importer, target, _ in EDGES if not allowed(importer, target))
    assert not wrong, "imports against the layers of ARCHITECTURE.md:\n" + "\n".join(wrong)


def test_no_project_import_is_hidden_in_a_function():
    """Imports inside functions are how cycles were dodged. An app's ``apps`` module (which loads before the models)
    and the benchmark's scripts (which set Django up first) are the places that need them."""
    hidden = sorted(
        f"{importer} imports {target}"
        for importer, target, inside in EDGES
        if inside and not importer.endswith(".apps") and layer(importer) != layer("bench")
    )
    assert not hidden, "imports inside functions:\n" + "\n".join(hidden)


def find_cycle(edges) -> list[str] | None:
    graph = {}
    for importer, target, _ in edges:
        if importer != target:
            graph.setdefault(importer, set()).add(target)
    state, path = {}, []

    def visit(node):
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_import_graph_has_no_cycle():
    cycle = find_cycle(EDGES)
    assert cycle is None, "import cycle: " + " → ".join(cycle)


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ([("a", "b", False), ("b", "c", False)], None),
        ([("a", "b", False), ("b", "c", False), ("c", "a", True)], ["a", "b", "c", "a"]),
    ],
)
def test_a_cycle_is_found_and_named(edges, expected):
    assert find_cycle(edges) == expected


@pytest.mark.parametrize(
    ("importer", "target", "ok"),
    [
        ("csto_portal.models", "organs.models", False),
        ("organs.models", "treaties.models", False),
        ("treaties.models", "organs.models", True),
        ("organs.views", "operations.models", True),
        ("organs.views", "operations.views", False),
        ("operations.api.serializers", "organs.api.serializers", True),
        ("operations.views", "csto_portal.site.timeline", False),
        ("csto_portal.site.views", "operations.views", True),
    ],
)
def test_the_layer_rule(importer, target, ok):
    assert allowed(importer, target) is ok
