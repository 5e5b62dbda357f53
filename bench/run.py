"""The benchmark: Passerelle's builds, cold and incremental, against plain mkdocs-material and Hugo.

    python bench/run.py [--sizes 1000 5000] [--repeat 3] [--work /tmp/passerelle-bench] [--no-hugo]

For each N: generate N jobs, N/5 stories, N/20 employers (bench/generate.py), then, --repeat turns,
each measure in its own process after a `sync`, alternating:

- check: `build.py check --no-cache`, every file read and validated anew (a pull request's check in CI);
- check-one-edit: `build.py check` with one job changed since the last check or build (its memo, .passerelle-
  cache/records.pickle, holds the rest: an employer checking her edit, and the first step of every rebuild);
- cold: `build.py build` with an empty cache (.passerelle-cache/ removed), every output;
- no-change: the same build again;
- next-day: the build for the next day;
- one-edit: one job's description edited (a sentence added), then the build (the next day still);
- baseline: plain mkdocs-material building as many pages per language, for every language (records out
  of the nav, one build per language, one after the other, no search plugin);
- hugo: Hugo (the Debian package, `apt-get install hugo`) building the same number of pages, every
  language, from the same Markdown, with a minimal layout.

Each measure gives wall time, CPU time (user + system of every process it ran) and the peak RSS of the
largest process. The medians are compared: a neighbour's load then weighs on every side alike. The share of
CPU time the host took away ("steal", from /proc/stat) is printed with each size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

TODAY = dt.date(2026, 11, 26)
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
    """Wall time, CPU time and the peak RSS of the largest process the command ran (itself or a descendant).

    The probe makes itself the reaper of the command's orphans (Linux's PR_SET_CHILD_SUBREAPER) and waits for them
    all: a multiprocessing forkserver outlives the build by a moment, is waited for by nobody else, and holds the
    CPU time and memory of every worker it started. The disk is synced first, so that no measure pays for writing
    back what the one before it wrote."""
    os.sync()
    probe = (
        "import ctypes, os, resource, subprocess, sys, time, json\n"
        "ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER\n"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "w = time.perf_counter() - t\n"
        "while True:\n"
        "    try: os.wait()\n"
        "    except ChildProcessError: break\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'wall': w, 'cpu': u.ru_utime + u.ru_stime, 'rss_mb': u.ru_maxrss / 1024, 'rc': r.returncode, 'err': r.stderr.decode()[-2000:]}))\n"
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


HUGO_LAYOUT = """<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></header>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""


def hugo_site(gen: Path, pages_per_lang: int, langs: list[str]) -> Path:
    """A Hugo project with as many pages per language as Passerelle writes, from the same Markdown."""
    base = gen.parent / f"{gen.name}-hugo"
    shutil.rmtree(base, ignore_errors=True)
    texts = [p.read_text(encoding="utf-8").replace("---", "") for p in sorted((gen / "jobs").rglob("*.yml"))]
    texts += [p.read_text(encoding="utf-8").replace("---", "") for p in sorted((gen / "stories").rglob("*.md"))]
    languages = []
    for n, lang in enumerate(langs):
        folder = base / "content" / lang
        folder.mkdir(parents=True)
        (folder / "_index.md").write_text("---\ntitle: Home\n---\n", encoding="utf-8")
        for i in range(pages_per_lang - 1):
            (folder / f"p{i:05d}.md").write_text(f"---\ntitle: Page {i}\n---\n\n{texts[i % len(texts)]}\n", encoding="utf-8")
        languages.append(f"[languages.{lang}]\ncontentDir = 'content/{lang}'\nweight = {n + 1}\n")
    (base / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (base / "layouts" / "_default" / name).write_text(HUGO_LAYOUT, encoding="utf-8")
    (base / "hugo.toml").write_text(
        "baseURL = 'https://example.org/'\ntitle = 'Baseline'\n"
        f"defaultContentLanguage = '{langs[0]}'\ndefaultContentLanguageInSubdir = true\n"
        "disableKinds = ['taxonomy', 'term']\n" + "".join(languages),
        encoding="utf-8",
    )
    return base


def edit_one_job(gen: Path) -> tuple[Path, str]:
    """Add a sentence to one job's French description; returns the file and its text before."""
    job = sorted((gen / "jobs").rglob("*.yml"))[len(list((gen / "jobs").rglob("*.yml"))) // 2]
    before = job.read_text(encoding="utf-8")
    job.write_text(before.replace("  fr: |\n", "  fr: |\n    Poste ouvert aux candidatures.\n", 1), encoding="utf-8")
    return job, before


def steal() -> tuple[int, int]:
    """(stolen, total) CPU ticks since boot, where the system reports them."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    return (ticks[7] if len(ticks) > 7 else 0), sum(ticks[:8])


MEASURES = ("check", "check-one-edit", "cold", "no-change", "next-day", "one-edit", "baseline", "hugo")


def run(sizes: list[int], work: Path, repeat: int, hugo: bool) -> list[dict]:
    rows = []
    build_py = HERE.parent / "build.py"
    for n in sizes:
        gen = work / f"n{n}"
        generate(n, gen)
        out = work / f"n{n}-site"
        base_out, hugo_out = work / f"n{n}-baseline-site", work / f"n{n}-hugo-site"
        base = hugo_base = None
        turns: dict[str, list[dict[str, float]]] = {m: [] for m in MEASURES}

        def build(today: dt.date, gen: Path = gen, out: Path = out) -> dict[str, float]:
            cmd = [sys.executable, str(build_py), "--root", str(gen), "build", "--quiet", "--out", str(out)]
            return measure([*cmd, "--today", today.isoformat()])

        stolen_before, total_before = steal()
        for _ in range(repeat):
            check = [sys.executable, str(build_py), "--root", str(gen), "check", "--today", TODAY.isoformat()]
            turns["check"].append(measure([*check, "--no-cache"]))
            shutil.rmtree(gen / ".passerelle-cache", ignore_errors=True)
            turns["cold"].append(build(TODAY))
            if base is None:
                langs = sorted(d.name for d in out.iterdir() if d.is_dir() and (d / "index.html").exists())
                per_lang = len(list((out / langs[0]).rglob("*.html")))
                base = baseline_docs(gen, per_lang)
                hugo_base = hugo_site(gen, per_lang, langs) if hugo else None
            turns["baseline"].append(measure([sys.executable, "-c", BASELINE, str(base), str(base_out), ",".join(langs)]))
            turns["no-change"].append(build(TODAY))
            turns["next-day"].append(build(TODAY + dt.timedelta(days=1)))
            if hugo_base is not None:
                shutil.rmtree(hugo_out, ignore_errors=True)
                turns["hugo"].append(measure(["hugo", "--quiet", "-s", str(hugo_base), "-d", str(hugo_out)]))
            job, before = edit_one_job(gen)
            turns["one-edit"].append(build(TODAY + dt.timedelta(days=1)))
            job.write_text(before, encoding="utf-8")
            turns["check-one-edit"].append(measure(check))  # the job is as it was before the edit the memo holds
        stolen_after, total_after = steal()
        html = list(out.rglob("*.html"))
        med = {m: {k: statistics.median(t[k] for t in ts) for k in ("wall", "cpu")} for m, ts in turns.items() if ts}
        cold = med["cold"]
        row = {
            "n_jobs": n,
            "pages": len(html),
            "baseline_pages": len(list(base_out.rglob("*.html"))),
            "hugo_pages": len(list(hugo_out.rglob("*.html"))) if hugo else 0,
            "wall_s": {m: round(v["wall"], 2) for m, v in med.items()},
            "cpu_s": {m: round(v["cpu"], 2) for m, v in med.items()},
            "peak_rss_mb": {m: round(max(t["rss_mb"] for t in ts)) for m, ts in turns.items() if ts},
            "cold_vs_baseline": {k: round(cold[k] / med["baseline"][k], 2) for k in ("wall", "cpu")},
            "of_cold": {m: round(med[m]["wall"] / cold["wall"], 3) for m in ("no-change", "next-day", "one-edit")},
            "of_cold_cpu": {m: round(med[m]["cpu"] / cold["cpu"], 3) for m in ("no-change", "next-day", "one-edit")},
            "next_day_vs_hugo": round(med["next-day"]["wall"] / med["hugo"]["wall"], 2) if "hugo" in med else None,
            "ms_per_page_cold": round(1000 * cold["wall"] / len(html), 2),
            "turns_cold_vs_baseline": [
                round(c["wall"] / b["wall"], 2) for c, b in zip(turns["cold"], turns["baseline"], strict=True)
            ],
            "steal_pct": round(100 * (stolen_after - stolen_before) / max(1, total_after - total_before), 1),
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--repeat", type=int, default=3, help="turns of every measure per size (medians)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/passerelle-bench"))
    ap.add_argument("--no-hugo", action="store_true", help="leave Hugo out (where it is not installed)")
    args = ap.parse_args()
    print(f"# {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · {platform.machine()}")
    run(args.sizes, args.work, args.repeat, hugo=not args.no_hugo and shutil.which("hugo") is not None)


if __name__ == "__main__":
    main()
