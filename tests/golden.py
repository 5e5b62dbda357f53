"""The golden site: a small project (tests/golden/project: two languages, one employer, two jobs, a story, a page)
built with the real code and theme, and the site it gives (tests/golden/site), compared byte for byte by
tests/test_golden.py. Any change to what the build writes shows there, as a diff to read.

    python tests/golden.py        # rebuild tests/golden/site on purpose, after a change meant to alter the output

Left out of the comparison: the theme's static files (assets/, copied from material and theme/assets), the
search index (pagefind's binary format), the media and the preview cards (PNG bytes depend on Pillow's version),
and sw.js (its release is a digest of the assets).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = HERE / "golden"
TODAY = "2026-11-26"
SKIPPED = ("assets", "pagefind", "media", "preview.png", "sw.js")


def project(target: Path) -> Path:
    """The golden project with this checkout's code and theme, ready to build."""
    shutil.copytree(GOLDEN / "project", target)
    for name in ("passerelle", "theme", "schemas", "build.py"):
        src = ROOT / name
        (
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
            if src.is_dir()
            else shutil.copy2(src, target / name)
        )
    return target


def build(target: Path) -> Path:
    root = project(target / "project")
    out = target / "site"
    result = subprocess.run(
        [sys.executable, str(root / "build.py"), "build", "--out", str(out), "--today", TODAY, "--quiet"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return out


def compared(site: Path) -> dict[str, bytes]:
    """The files of a built site that the golden site holds, by path."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not set(p.relative_to(site).parts) & set(SKIPPED)
    }


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        files = compared(build(Path(tmp)))
        shutil.rmtree(GOLDEN / "site", ignore_errors=True)
        for rel, data in files.items():
            (GOLDEN / "site" / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / "site" / rel).write_bytes(data)
    print(f"wrote {len(files)} files under tests/golden/site: review them with git diff")


if __name__ == "__main__":
    main()
