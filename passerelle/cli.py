"""The command line: build, check, serve, new (CONTRACT section 4)."""

from __future__ import annotations

import argparse
import html
import re
import datetime as dt
import os
import sys
from pathlib import Path
from typing import NoReturn

from passerelle.records.days import resolve_today
from passerelle.records.messages import LANGUAGES, M, default_language
from passerelle.records.problems import Problem, errors, summary

ROOT = Path(__file__).resolve().parent.parent


def _today(value: str | None) -> dt.date:
    try:
        return resolve_today(value)
    except ValueError as e:
        raise SystemExit(_usage(str(e))) from None


def _jobs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 64:
        raise argparse.ArgumentTypeError(f"--jobs must be a number of processes from 1 to 64, not '{value}'")
    return int(value)


def _usage(message: str) -> int:
    print(f"build.py: error: {message}", file=sys.stderr)
    return 2


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report(problems: list[Problem], lang: str = "en", fmt: str = "text") -> None:
    """Every problem, one a line on stdout (as workflow annotations with --format github), and a summary."""
    for problem in problems:
        if fmt == "github":
            where = f"file={_github_escape(problem.path, True)}"
            if problem.line:
                where += f",line={problem.line}"
            level = "warning" if problem.warning else "error"
            print(f"::{level} {where},title=Passerelle::{_github_escape(problem.message.render(lang))}")
        else:
            print(problem.render(lang))
    print(summary(problems, lang), file=sys.stderr)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        write_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), problems, lang)


ANNOTATIONS_SHOWN = 10
"""GitHub shows at most this many annotations of a step on a pull request; the job summary lists every problem."""


def write_step_summary(path: Path, problems: list[Problem], lang: str) -> None:
    """Every problem as a table in the workflow's job summary (Markdown; record text escaped, links inert)."""

    def cell(text: str) -> str:
        text = html.escape(text, quote=False).replace("\n", " ")
        return re.sub(r"([\\`*_\[\]()#!~|])", r"\\\1", text)

    title = M("Passerelle check: {summary}", summary=summary(problems, lang)).render(lang)
    rows = [f"## {cell(title)}", ""]
    if len(problems) > ANNOTATIONS_SHOWN:
        rows += [
            M(
                "GitHub shows {shown} of them beside the lines; here are all {count}.",
                shown=ANNOTATIONS_SHOWN,
                count=len(problems),
            ).render(lang),
            "",
        ]
    rows += [f"| | {M('file').render(lang)} | {M('line').render(lang)} | {M('message').render(lang)} |", "|---|---|---|---|"]
    for problem in problems:
        level = "⚠️" if problem.warning else "❌"
        rows.append(f"| {level} | {cell(problem.path)} | {problem.line or ''} | {cell(problem.message.render(lang))} |")
    with path.open("a", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")


def cmd_build(args: argparse.Namespace) -> int:
    from passerelle.publish.staging import out_problem
    from passerelle.pipeline import build

    quiet = args.quiet
    why = out_problem(Path(args.out), args.root)
    if why:
        return _usage(why)
    problems = build(
        args.root,
        Path(args.out),
        _today(args.today),
        progress=(lambda _: None) if quiet else (lambda msg: print(msg, file=sys.stderr)),
        jobs=args.jobs,
        handover=args.handover,
        cache=not args.no_cache,
    )
    if problems:
        report(problems, args.lang, args.format)
        print(
            "Rien n'a été écrit : le site précédent est intact."
            if args.lang == "fr"
            else "Nothing was written: the previous site is unchanged.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from passerelle.pipeline import check

    checked = check(args.root, _today(args.today), args.jobs, not args.no_cache)
    problems = checked.problems
    if args.paths:
        wanted = [Path(p).resolve() for p in args.paths]
        missing = [p for p, w in zip(args.paths, wanted, strict=True) if not w.exists()]
        if missing:
            for path in missing:
                print(
                    M(
                        "{path}: there is no such file or folder: check the path (it is relative to the folder you are in).",
                        path=path,
                    ).render(args.lang)
                )
            return 1

        def concerns(problem: Problem) -> bool:
            target = (args.root / problem.path).resolve()
            return any(target == w or w in target.parents or target in w.parents for w in wanted)

        problems = [p for p in problems if concerns(p)]
    if problems:
        report(problems, args.lang, args.format)
    if errors(problems):
        return 1
    c = checked.catalog.content
    print(
        M(
            "All good: {employers} employers, {jobs} jobs, {stories} stories, {pages} pages.",
            employers=len(c.employers),
            jobs=len(c.jobs),
            stories=len(c.stories),
            pages=len(c.pages),
        ).render(args.lang)
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from passerelle.commands.serve import serve

    _today(args.today)  # a bad --today is a usage error before anything starts
    return serve(args.root, args.host, args.port, args.today)


def cmd_new(args: argparse.Namespace) -> int:
    from passerelle.commands.new import new

    return new(args.root, args.kind, args.ids)


def cmd_add(args: argparse.Namespace) -> int:
    from passerelle.commands.add import add_job

    return add_job(args.root, args.file, args.employer, args.id, _today(args.today), args.lang)


def cmd_withdraw(args: argparse.Namespace) -> int:
    from passerelle.commands.withdraw import withdraw

    return withdraw(args.root, args.story, _today(args.date))


def cmd_scope(args: argparse.Namespace) -> int:
    from passerelle.commands.scope import check_scope

    return check_scope(args.root, args.base, args.author, args.lang, args.format)


def cmd_translations(args: argparse.Namespace) -> int:
    from passerelle.records.reading import read
    from passerelle.records.translations import print_reports, reports

    checked = read(args.root, _today(args.today))
    if errors(checked.problems):
        report(checked.problems, args.lang if args.lang in LANGUAGES else "en")
        return 1
    if args.only and args.only not in checked.site.languages:
        return _usage(f"--lang must be one of the site's languages ({', '.join(checked.site.languages)}), not '{args.only}'")
    print_reports(reports(checked.site, checked.catalog, checked.strings), args.only)
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from passerelle.records.schemas import write_schemas
    from passerelle.records.settings import load_site

    site = load_site(args.root)
    for path in write_schemas(args.root, site.languages, site.url):
        print(f"wrote {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="Passerelle: build the site from its records.")
    p.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command")
    b = sub.add_parser("build", help="check everything, then build the whole site")
    b.add_argument("--out", default="site", help="output folder (default: site/)")
    b.add_argument("--today", help="the date to build for, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today)")
    b.add_argument("--quiet", action="store_true", help="print nothing but problems")
    b.add_argument(
        "--handover",
        choices=("memory", "files"),
        default="memory",
        help="how the theme gets the pages: memory (default, fastest) or files (a docs folder that material "
        "builds with no plugin of ours, as Zensical would; slower)",
    )
    b.set_defaults(func=cmd_build)
    c = sub.add_parser("check", help="validate records and cross-references")
    c.add_argument("--today")
    for command in (b, c):
        command.add_argument(
            "--no-cache",
            action="store_true",
            help="read every file anew (and make every output anew), reading and writing nothing in .passerelle-cache/ "
            "(what earlier checks and builds made)",
        )
        command.add_argument(
            "--jobs",
            type=_jobs,
            default=None,
            metavar="N",
            help="processes to use (default: one a core; 1: everything in this process, for debugging)",
        )
        command.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=default_language(),
            help="language of the messages: en or fr (default: from the locale)",
        )
        command.add_argument(
            "--format",
            choices=("text", "github"),
            default="text",
            help="github: workflow annotations, shown on the lines of a pull request",
        )
    c.add_argument("paths", nargs="*", help="only report problems of these files or folders")
    c.set_defaults(func=cmd_check)
    s = sub.add_parser("serve", help="live preview on 127.0.0.1:8000, rebuilt on every change")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--today")
    s.set_defaults(func=cmd_serve)
    n = sub.add_parser("new", help="write a commented template: new employer ID | new job EMPLOYER ID | new story ID")
    n.add_argument("kind", choices=["employer", "job", "story"])
    n.add_argument("ids", nargs="+", metavar="ID")
    n.set_defaults(func=cmd_new)
    a = sub.add_parser("add", help="file a job sent by e-mail: add job FILE (or - to paste it), checked, in its folder")
    a.add_argument("kind", choices=["job"])
    a.add_argument("file", metavar="FILE", help="the job's text, or - to read it from standard input")
    a.add_argument("--employer", help="the employer's id (default: from the file's first line, # jobs/EMPLOYER/ID.yml)")
    a.add_argument("--id", help="the job's id (default: from that line, else from the French title)")
    a.add_argument("--today")
    a.add_argument("--lang", choices=LANGUAGES, default=default_language())
    a.set_defaults(func=cmd_add)
    w = sub.add_parser("withdraw", help="record that a fellow withdrew her consent: her story disappears at the next build")
    w.add_argument("story", metavar="STORY-ID")
    w.add_argument("--date", help="the date consent was withdrawn, YYYY-MM-DD (default: today)")
    w.set_defaults(func=cmd_withdraw)
    tr = sub.add_parser("translations", help="what each language still lacks: fields of records, pages, interface strings")
    tr.add_argument("--lang", dest="only", help="one language only (default: every language)")
    tr.add_argument("--today")
    tr.set_defaults(func=cmd_translations, lang=default_language())
    sc = sub.add_parser("schemas", help="write schemas/{job,story,employer}.schema.json from the vocabulary")
    sc.set_defaults(func=cmd_schemas)
    pr = sub.add_parser(
        "scope",
        help="a pull request changes the jobs of one employer whose posters include its author, unless a maintainer made it",
    )
    pr.add_argument("--base", required=True, help="the branch the pull request goes into, e.g. origin/main")
    pr.add_argument("--author", required=True, help="the GitHub login of its author")
    pr.add_argument("--lang", choices=LANGUAGES, default=default_language())
    pr.add_argument("--format", choices=("text", "github"), default="text", help="github: also a workflow annotation")
    pr.set_defaults(func=cmd_scope)
    return p


def main(argv: list[str] | None = None) -> int:
    return _run(_arguments(argv))


def run() -> NoReturn:
    """`python build.py`: main(), then out of the process. After `check`, at once: what it read (a million objects
    at 5,000 jobs) would be freed one object at a time, a tenth of its time, for a process that ends anyway. (It
    leaves nothing behind: check writes its memo before it returns and starts processes only by fork, within a
    pool it closes.)"""
    args = _arguments(None)
    code = _run(args)
    if args.func is cmd_check:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not {"build", "check", "serve", "new", "add", "withdraw", "schemas", "scope", "translations", "-h", "--help"} & set(argv):
        # `python build.py` alone builds, and so does `python build.py --quiet` (after a leading --root DIR)
        at = 2 if argv[:1] == ["--root"] else 1 if argv[:1] and argv[0].startswith("--root=") else 0
        argv.insert(at, "build")
    args = parser().parse_args(argv)
    args.root = args.root.resolve()
    return args


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
