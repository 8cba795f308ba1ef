"""dyad's modules are layers: each imports only from its own layer or the layers below.

The order is the README's "Layout" section. The test walks every module's imports with
``ast`` (function-level imports included, so a late import cannot dodge a cycle), fails on
an import against the order, on a module that no layer names, and on any import cycle.
"""
from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "dyad"

# Lowest first. A module may import from its own layer and any layer above it in this list.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("dyad.config", "dyad.version", "dyad.errors", "dyad.document"),
    ("dyad.data_files", "dyad.linear"),
    # language data and text handling with no parse
    ("dyad.english", "dyad.lexicons", "dyad.sentences", "dyad.clean", "dyad.clean.*", "dyad.ingest", "dyad.ingest.*",
     "dyad.events.cameo", "dyad.events.dates", "dyad.events.places", "dyad.actors.kb_names", "dyad.datelines",
     "dyad.actors.people"),
    ("dyad.syntax", "dyad.quotes.marks", "dyad.events.lexicon", "dyad.actors.kb"),
    ("dyad.events.monadic",),
    ("dyad.actors.kb_import",),
    # the actors stage
    ("dyad.actors.index",),
    ("dyad.actors.mentions", "dyad.actors.builder"),
    ("dyad.actors.roles", "dyad.actors.groups", "dyad.actors.coref", "dyad.actors.aliases"),
    ("dyad.actors.relations",),
    ("dyad.actors.resolve",),
    # the quotes stage
    ("dyad.quotes.cues", "dyad.quotes.speakers", "dyad.quotes.mentions", "dyad.quotes.complements"),
    ("dyad.quotes.attribution", "dyad.quotes.sources", "dyad.quotes.learned"),
    ("dyad.quotes.finder",),
    # the events stage
    ("dyad.events.triggers", "dyad.events.arguments", "dyad.events.realis", "dyad.events.dating", "dyad.events.locate"),
    ("dyad.events.candidates",),
    ("dyad.events.anaphora", "dyad.events.recode", "dyad.events.learned"),
    ("dyad.events.coder",),
    ("dyad.pieces",),
    ("dyad.pipeline",),
    # everything that uses the pipeline's records
    ("dyad.eval", "dyad.eval.*", "dyad.store", "dyad.store.*", "dyad.export", "dyad.export.*", "dyad.live", "dyad.live.*"),
    ("dyad.engines", "dyad.engines.*"),
    ("dyad.web", "dyad.web.*"),
    ("dyad.cli", "dyad.cli.*"),
    ("dyad",),
    # the empty stage packages
    ("dyad.actors", "dyad.events", "dyad.quotes"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int | None:
    for n, patterns in enumerate(LAYERS):
        if any(fnmatch(module, pattern) for pattern in patterns):
            return n
    return None


def imports_of(module: str) -> set[str]:
    """The dyad modules ``module`` imports, anywhere in its code."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:  # "from ..actors import kb_import" imports a module
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return {name for name in found if name == "dyad" or name.startswith("dyad.")}


def test_every_module_has_a_layer():
    missing = sorted(m for m in MODULES if layer_of(m) is None)
    assert not missing, f"add these modules to LAYERS in tests/test_layers.py and to the README layout: {missing}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layers(module):
    mine = layer_of(module)
    upward = sorted(f"{other} (layer {layer_of(other)})" for other in imports_of(module)
                    if other in MODULES and layer_of(other) is not None and mine is not None and layer_of(other) > mine)
    assert not upward, f"{module} (layer {mine}) imports from a higher layer: {upward}"


def test_no_import_cycles():
    graph = {m: sorted(i for i in imports_of(m) if i in MODULES and i != m) for m in MODULES}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module)


def test_the_walker_sees_relative_and_late_imports():
    """The checker itself: a relative import, a function-level one and a submodule import."""
    assert "dyad.actors.index" in imports_of("dyad.events.coder")
    assert "dyad.pipeline" in imports_of("dyad")  # imported inside extract(), still counted
    assert layer_of("dyad.events.coder") > layer_of("dyad.quotes.finder") > layer_of("dyad.actors.resolve")
