"""Seconds from saving a job to seeing the change in the live preview (`python build.py serve`).

    python bench/serve_latency.py [PROJECT_DIR]

Copies the sample (or uses PROJECT_DIR as it is: bench/generate.py makes one), starts `serve` on a free port,
edits one job's title (the sample's developpeuse-web-alternance, or PROJECT_DIR's first job)
three times, a second apart (as a person saves: not while the last rebuild is still tidying up),
and prints how long each edit took to show at its URL.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from conftest import copy_project  # noqa: E402

JOB = "jobs/lumen-studio/developpeuse-web-alternance.yml"


def wait_for(url: str, text: str, limit: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode():
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(url)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "p") if len(sys.argv) < 2 else Path(sys.argv[1])
        proc = subprocess.Popen(
            [sys.executable, str(root / "build.py"), "serve", "--port", "0"], cwd=root, stderr=subprocess.PIPE, text=True
        )
        try:
            line = ""
            while "Serving on" not in line:
                line = proc.stderr.readline()
            job = JOB if (root / JOB).is_file() else sorted(root.glob("jobs/*/*.yml"))[0].relative_to(root).as_posix()
            page = job.removesuffix(".yml")
            url = re.search(r"http://\S+", line).group(0).rstrip("/") + f"/fr/{page}/"
            times = []
            for i in range(3):
                time.sleep(1)
                path = root / job
                text = path.read_text(encoding="utf-8")
                marker = f"Édition {i}"
                path.write_text(re.sub(r"  fr: .*", f"  fr: {marker}", text, count=1), encoding="utf-8")
                times.append(round(wait_for(url, marker), 2))
            print(json.dumps({"seconds_to_show_an_edit": times}))
        finally:
            proc.terminate()
            proc.wait()
            shutil.rmtree(Path(tmp) / "p", ignore_errors=True)


if __name__ == "__main__":
    main()
