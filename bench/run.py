"""The benchmark: Passerelle's build and check against plain mkdocs-material, for several sizes.

    python bench/run.py [--sizes 100 1000 5000] [--repeat 3] [--work /tmp/passerelle-bench]

For each N: generate N jobs, N/5 stories, N/20 employers (bench/generate.py); time `check` and
`build` (all outputs); count pages, HTML bytes per page, peak RSS of the largest process; and build
the same number of pages per language with plain mkdocs-material (records out of the nav, one
build per language, one after the other) as the baseline. Each measure runs in its own process.

The machine is shared: `check`, `build` and the baseline take turns, --repeat times, and the
medians are compared (a neighbour's load then weighs on both sides alike). The share of CPU time the
host took away ("steal", from /proc/stat) during each size is printed with it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

BASELINE = """
import os, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.config import load_config
from mkdocs.commands.build import build
root, out, langs = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
for lang in langs:
    cfg = load_config(config_file=os.path.join(root, "mkdocs.yml"), docs_dir=os.path.join(root, "docs"),
                      site_dir=os.path.join(out, lang), site_url=f"https://example.org/{lang}/")
    cfg.theme["language"] = lang
    build(cfg)
"""


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall time and the peak RSS of the largest process the command ran (itself or a child).

    The disk is synced first, so that no measure pays for writing back what the one before it wrote."""
    os.sync()
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "w = time.perf_counter() - t\n"
        "print(json.dumps({'wall': w, 'rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 'rc': r.returncode, 'err': r.stderr.decode()[-2000:]}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *cmd],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    data = json.loads(result.stdout)
    if data["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{data['err']}")
    return data


def baseline_docs(gen: Path, pages_per_lang: int) -> Path:
    """A plain mkdocs project with as many pages as Passerelle writes per language: the records' Markdown."""
    base = gen.parent / f"{gen.name}-baseline"
    docs = base / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    texts = []
    for path in sorted((gen / "jobs").rglob("*.yml")) + sorted((gen / "stories").rglob("*.md")):
        texts.append(path.read_text(encoding="utf-8"))
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    for i in range(pages_per_lang - 1):
        body = texts[i % len(texts)].replace("---", "")
        (docs / f"p{i:05d}.md").write_text(f"# Page {i}\n\n{body}\n", encoding="utf-8")
    (base / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme:\n  name: material\n  font: false\nplugins: []\nnav:\n  - index.md\n"
        "not_in_nav: |\n  /p*.md\n",
        encoding="utf-8",
    )
    return base


def steal() -> tuple[int, int]:
    """(stolen, total) CPU ticks since boot, where the system reports them."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return (ticks[7] if len(ticks) > 7 else 0), sum(ticks[:8])


def run(sizes: list[int], work: Path, repeat: int) -> list[dict]:
    rows = []
    build_py = HERE.parent / "build.py"
    for n in sizes:
        gen = work / f"n{n}"
        generate(n, gen)
        out = work / f"n{n}-site"
        base_out = work / f"n{n}-baseline-site"
        base = None
        checks, builds, baselines = [], [], []
        stolen_before, total_before = steal()
        for _ in range(repeat):
            checks.append(measure([sys.executable, str(build_py), "--root", str(gen), "check", "--today", "2026-11-26"]))
            builds.append(
                measure(
                    [
                        sys.executable,
                        str(build_py),
                        "--root",
                        str(gen),
                        "build",
                        "--quiet",
                        "--out",
                        str(out),
                        "--today",
                        "2026-11-26",
                    ]
                )
            )
            if base is None:
                langs = sorted(d.name for d in out.iterdir() if d.is_dir() and (d / "index.html").exists())
                per_lang = len(list((out / langs[0]).rglob("*.html")))
                base = baseline_docs(gen, per_lang)
            baselines.append(measure([sys.executable, "-c", BASELINE, str(base), str(base_out), ",".join(langs)]))
        stolen_after, total_after = steal()
        html = list(out.rglob("*.html"))
        build_s = statistics.median(b["wall"] for b in builds)
        baseline_s = statistics.median(b["wall"] for b in baselines)
        row = {
            "n_jobs": n,
            "pages": len(html),
            "build_s": round(build_s, 2),
            "pages_per_s": round(len(html) / build_s, 1),
            "ms_per_page": round(1000 * build_s / len(html), 2),
            "peak_rss_mb": round(max(b["rss_mb"] for b in builds)),
            "html_kb_per_page": round(sum(p.stat().st_size for p in html) / len(html) / 1024, 1),
            "check_s": round(statistics.median(c["wall"] for c in checks), 2),
            "check_max_s": round(max(c["wall"] for c in checks), 2),
            "baseline_pages": len(list(base_out.rglob("*.html"))),
            "baseline_s": round(baseline_s, 2),
            "baseline_rss_mb": round(max(b["rss_mb"] for b in baselines)),
            "ratio_to_baseline": round(build_s / baseline_s, 2),
            "ratios_by_turn": [round(b["wall"] / a["wall"], 2) for b, a in zip(builds, baselines, strict=True)],
            "steal_pct": round(100 * (stolen_after - stolen_before) / max(1, total_after - total_before), 1),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument("--repeat", type=int, default=3, help="turns of check, build and baseline per size (medians)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/passerelle-bench"))
    args = ap.parse_args()
    print(f"# {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · {platform.machine()}")
    run(args.sizes, args.work, args.repeat)


if __name__ == "__main__":
    main()
