"""The folders show the pipeline: each stage imports only the stages before it, and test modules stand alone."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

STAGES = ("records", "plan", "render", "publish")
"""In the order data flows: each may import the ones before it, never one after."""


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_each_stage_imports_only_the_stages_before_it() -> None:
    wrong = []
    for n, stage in enumerate(STAGES):
        later = STAGES[n + 1 :]
        for module in sorted((ROOT / "passerelle" / stage).glob("*.py")):
            for name in _imports(module):
                parts = name.split(".")
                if (
                    parts[0] == "passerelle"
                    and len(parts) > 1
                    and (parts[1] in later or parts[1] in ("commands", "cli", "pipeline"))
                ):
                    wrong.append(f"{module.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_every_module_lives_in_a_stage() -> None:
    loose = sorted(p.name for p in (ROOT / "passerelle").glob("*.py"))
    assert loose == ["__init__.py", "cache.py", "cli.py", "pipeline.py", "workers.py"]


def test_test_modules_do_not_import_each_other() -> None:
    tests = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    wrong = [f"{p.name} imports {name}" for p in sorted((ROOT / "tests").glob("*.py")) for name in _imports(p) if name in tests]
    assert wrong == []
