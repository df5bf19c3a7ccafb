"""Every cache layer is declared once (samizdat.caching), and docs/caching.md says what it says."""

import ast
import re
from pathlib import Path

import pytest

from samizdat import caching

ROOT = Path(caching.__file__).resolve().parent.parent
# What keeps something: Django's cache, a functools memo, a thread's own copy, or a private
# module-level dict.
KEEPING = re.compile(
    r"\bcache\.(get|set|add|get_or_set|get_many|set_many|incr|decr)\("
    r"|functools\.cache\b|^@cache\b|lru_cache|threading\.local\("
    r"|^_[a-z]\w*(: [a-z]+)? = (\{|dict\()",
    re.MULTILINE,
)
SKIPPED = {
    ".venv",
    ".runtime-venv",
    "node_modules",
    "e2e",
    "bench",
    "testing",
    "tests",
    "migrations",
    "settings",
}
# Modules that use a cache or module state for something other than a copy of data.
NOT_MEMOS = {
    "copies/export.py": "a forked renderer's own client and spool: its state, not copies",
    "comments/pipeline.py": "reads the bans moderators set: rules, not copies",
    "comments/services.py": "ban tokens and bans a moderator sets: state, not copies",
    "privacy/limits.py": "counts each address's requests in a window: limits, not copies",
    "corrections/reports.py": "one report per fragment and client a while: a rate guard",
    "samizdat/jobs.py": "the worker's runs apart still going: state, not copies",
    "samizdat/rediscache.py": "the circuit breaker's state per Redis address",
    "shield/concurrency.py": "each process's slots of a concurrency bound",
}


def keeping_modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if SKIPPED.intersection(relative.parts[:-1]):
            continue
        if KEEPING.search(path.read_text(encoding="utf-8")):
            yield relative.as_posix()


def test_the_docs_table_is_what_the_registry_renders():
    text = caching.DOC.read_text(encoding="utf-8")
    assert caching.with_table(text) == text, "run: python -m samizdat.caching --write"


def test_every_module_that_keeps_something_declares_its_layer():
    declared = {path for layer in caching.LAYERS.values() for path in layer.code}
    undeclared = [
        path for path in keeping_modules() if path not in declared and path not in NOT_MEMOS
    ]
    assert undeclared == [], "declare a layer in samizdat/caching.py (or say why it is no memo)"


def test_the_scan_finds_the_memos_it_is_for():
    """A scan that found nothing would let every new memo through."""
    found = set(keeping_modules())
    assert {"samizdat/pagecache.py", "privacy/clients.py", "newsroom/routing.py"} <= found
    assert {"comments/pipeline.py", "readership/numbers.py"} <= found


@pytest.mark.parametrize("layer", caching.LAYERS.values(), ids=lambda layer: layer.name)
def test_every_layer_names_code_that_reads_its_declaration(layer):
    name = next(name for name, value in vars(caching).items() if value is layer)
    texts = []
    for path in layer.code:
        assert (ROOT / path).is_file(), f"{layer.name}: no {path}"
        texts.append((ROOT / path).read_text(encoding="utf-8"))
    if layer.timeout is not None or layer.limit is not None:
        # Its timeout or bound is read from here, so the doc says what the code does.
        reads = re.compile(rf"\b{name}\.(seconds|limit)\b|\bcaching\.{name}\b")
        assert any(reads.search(text) for text in texts), name


@pytest.mark.parametrize(
    "node",
    sorted({test for layer in caching.LAYERS.values() for test in layer.tests}),
)
def test_every_named_test_exists(node):
    path, *names = node.split("::")
    assert names, f"{node}: name the test, not only its file"
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    scope = tree.body
    for name in names:
        found = [
            item
            for item in scope
            if isinstance(item, ast.FunctionDef | ast.ClassDef) and item.name == name
        ]
        assert found, f"{node}: no {name} in {path}"
        scope = found[0].body


def test_a_layer_is_declared_once():
    with pytest.raises(ValueError, match="declared twice"):
        caching.declare("pages", **{key: None for key in ("keeps", "where", "code")})
