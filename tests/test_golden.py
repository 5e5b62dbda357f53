"""The golden site: what the build writes for a small project, byte for byte (see tests/golden.py)."""

from __future__ import annotations

import difflib
from pathlib import Path

from golden import GOLDEN, build, compared


def test_the_build_writes_the_golden_site(tmp_path: Path) -> None:
    built = compared(build(tmp_path))
    golden = compared(GOLDEN / "site")
    assert sorted(built) == sorted(golden), "files added or missing: if intended, run python tests/golden.py"
    for rel, data in built.items():
        if data != golden[rel]:
            diff = difflib.unified_diff(
                golden[rel].decode("utf-8", "replace").splitlines(),
                data.decode("utf-8", "replace").splitlines(),
                "golden/" + rel,
                "built/" + rel,
                lineterm="",
                n=1,
            )
            raise AssertionError(f"{rel} differs (if intended, run python tests/golden.py):\n" + "\n".join(list(diff)[:40]))
