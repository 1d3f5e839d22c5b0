"""The packages of chalicelib import each other in one direction only.

A package is a subpackage of chalicelib (`funds`, `storage`, …) or one of its top-level
modules (`auth`, `clock`, …). Read from the bottom up, each layer may import its own layer
and the ones below it, never one above:

| layer       | packages                                                     | may import          |
| ----------- | ------------------------------------------------------------ | ------------------- |
| wiring      | app.py (outside chalicelib)                                  | everything          |
| publication | publishing                                                   | all below           |
| domains     | accounts divisions funds notifications residence session     | each other (no      |
|             | review staff suggestions system uploads voting workdays live | cycle), all below   |
| http        | web: blueprint, authorizer, middleware, request parsing,     | the kernel          |
|             | OpenAPI; each domain's routes.py is built on it              |                     |
| kernel      | ratelimit idempotency (counters and claims in the table)     | storage, base       |
| storage     | storage: table, keys of every item family, items, activity   | base                |
| base        | auth aws clock directory disclosure division_codes errors    | each other (no      |
|             | identity ids                                                 |                     |
|             | models observability privacy scrub secrets settings          | cycle)              |
|             | spreadsheet tokens visible_text                              |                     |

So the publication reads the domains and no domain imports it (what both need, the activity
index, the text scrubber and spreadsheet neutralising, sits below them); the HTTP plumbing
reaches no domain (the officials' account check is handed to it by app.py); and nothing
below the domains imports one. The graph is read from the source with `ast`, deferred
imports inside functions included, without importing anything.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

CHALICELIB = Path(__file__).resolve().parents[2] / "chalicelib"

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"auth", "aws", "clock", "directory", "disclosure", "division_codes", "errors", "identity", "ids", "models",
               "observability", "privacy", "scrub", "secrets", "settings", "spreadsheet", "tokens",
               "visible_text"}),
    frozenset({"storage"}),
    frozenset({"ratelimit", "idempotency"}),
    frozenset({"web"}),
    frozenset({"accounts", "divisions", "funds", "notifications", "residence", "review", "session", "staff", "suggestions",
               "system", "uploads", "voting", "workdays", "live", "meetings", "deliberation", "texts"}),
    frozenset({"publishing"}),
)
LAYER_OF = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        if node.module == "chalicelib":
            return [f"chalicelib.{alias.name}" for alias in node.names]
        return [node.module]
    return []


def import_graph() -> dict[tuple[str, str], list[str]]:
    """(importer, imported) package pairs, each with where the import is written."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(CHALICELIB.rglob("*.py")):
        importer = path.relative_to(CHALICELIB).with_suffix("").parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                edges[(importer, "<relative import>")].append(f"{path.relative_to(CHALICELIB)}:{node.lineno}")
            for name in _imported(node):
                parts = name.split(".")
                if parts[0] == "app" or (parts[0] == "chalicelib" and len(parts) > 1 and parts[1] != importer):
                    imported = "app" if parts[0] == "app" else parts[1]
                    edges[(importer, imported)].append(f"{path.relative_to(CHALICELIB)}:{node.lineno}")
    return dict(edges)


def cycles(edges: dict[tuple[str, str], list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one package (Tarjan)."""
    successors: dict[str, set[str]] = defaultdict(set)
    for importer, imported in edges:
        successors[importer].add(imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(package: str) -> None:
        index[package] = low[package] = len(index)
        stack.append(package)
        for successor in sorted(successors[package]):
            if successor not in index:
                visit(successor)
                low[package] = min(low[package], low[successor])
            elif successor in stack:
                low[package] = min(low[package], index[successor])
        if low[package] == index[package]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == package:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for package in sorted({p for edge in edges for p in edge}):
        if package not in index:
            visit(package)
    return found


def test_no_cycle_between_packages():
    edges = import_graph()
    described = [
        [f"{a} -> {b} ({', '.join(edges[(a, b)][:3])})" for a in component for b in component if (a, b) in edges]
        for component in cycles(edges)
    ]
    assert described == []


def test_every_package_has_a_layer():
    packages = {path.relative_to(CHALICELIB).with_suffix("").parts[0] for path in CHALICELIB.rglob("*.py")}
    assert sorted(packages - {"__init__"} - set(LAYER_OF)) == [], "place the new package in LAYERS"


def test_no_package_imports_a_layer_above_its_own():
    upward = [
        f"{importer} -> {imported}: {', '.join(where[:3])}"
        for (importer, imported), where in sorted(import_graph().items())
        if importer in LAYER_OF and LAYER_OF.get(imported, len(LAYERS)) > LAYER_OF[importer]
    ]
    assert upward == []


def test_a_cycle_is_found():
    edges = {("a", "b"): ["a.py:1"], ("b", "c"): ["b.py:1"], ("c", "a"): ["c.py:1"], ("c", "d"): ["c.py:2"]}
    assert cycles(edges) == [["a", "b", "c"]]
