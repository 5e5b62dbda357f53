"""`add job FILE|-`: an editor files a job that an employer sent by e-mail (or pasted anywhere).

The text is read from FILE, or from standard input with `-`; what an e-mail adds around it is set aside (lines
before the form's first line `# jobs/EMPLOYER/ID.yml`, quoting `> `, Windows line ends). The employer and the id
come from --employer and --id, else from that first line, else the id from the French title. The file is
written under jobs/EMPLOYER/ (never over another file), then `check` reads the project: if the job has an
error, the file is removed again and every problem is printed with the line of the text as it was given.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import yaml

from passerelle.records.fields import nearest
from passerelle.records.loading import id_problem
from passerelle.records.messages import M, Message
from passerelle.records.problems import Problem, errors
from passerelle.records.vocabulary import ID_MAX

LIMIT = 1_000_000
"""A job file is a few kilobytes: more is not a job."""
_HEADER = re.compile(r"^# jobs/([^/\s]+)/([^/\s]+)\.yml\s*$")
_QUOTED_HEADER = re.compile(r"^((?:> ?)*)# jobs/")


def unwrap(text: str) -> tuple[str, int]:
    """The job's text in what was pasted, and how many lines came before it: from the form's first line on (else
    the whole text), without the `> ` a reply puts before each line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff").split("\n")
    start, quote = 0, ""
    for i, line in enumerate(lines):
        found = _QUOTED_HEADER.match(line)
        if found:
            start, quote = i, found.group(1)
            break
    body = lines[start:]
    if quote.strip():
        bare = quote.rstrip()
        body = [
            line[len(quote) :] if line.startswith(quote) else line[len(bare) :] if line.startswith(bare) else line
            for line in body
        ]
    return "\n".join(body).strip("\n") + "\n", start


def _slug(title: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))[:ID_MAX].strip("-")


def _title(text: str) -> str:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return ""
    title = data.get("title") if isinstance(data, dict) else None
    if isinstance(title, dict):
        title = title.get("fr") or next(iter(title.values()), "")
    return str(title or "")


def add_job(root: Path, given: str, employer: str | None, job_id: str | None, today: dt.date, lang: str) -> int:
    from passerelle.pipeline import check

    def fail(message: Message) -> int:
        print(f"{given}: {message.render(lang)}")
        print(M("Nothing was added.").render(lang), file=sys.stderr)
        return 1

    try:
        raw = sys.stdin.buffer.read(LIMIT + 1) if given == "-" else Path(given).open("rb").read(LIMIT + 1)
    except OSError as e:
        return fail(M("cannot be read ({why}): check the path.", why=e.strerror or e))
    if len(raw) > LIMIT:
        return fail(M("is over {limit} bytes: it is not a job file.", limit=LIMIT))
    try:
        pasted = raw.decode("utf-8")
    except UnicodeDecodeError:
        pasted = raw.decode("cp1252", errors="replace")  # Word and Outlook on Windows
    text, offset = unwrap(pasted)
    header = _HEADER.match(text.split("\n", 1)[0])
    employer = employer or (header.group(1) if header else None)
    job_id = job_id or (header.group(2) if header else None) or _slug(_title(text)) or None
    if not employer:
        return fail(M("says no employer: add --employer ID (the name of its folder in jobs/)."))
    if not job_id:
        return fail(M("says no id and has no title to make one from: add --id ID."))
    employers = sorted(p.stem for p in (root / "content" / "employers").glob("*.yml"))
    if employer not in employers:
        return fail(
            M(
                "names the employer '{employer}', which has no file content/employers/{employer}.yml.{hint}",
                employer=employer,
                hint=M(" Did you mean '{near}'?", near=near) if (near := nearest(employer, employers)) else "",
            )
        )
    why = id_problem(job_id, "jobs")
    if why:
        return fail(why)
    folder = root / "jobs" / employer
    target = folder / f"{job_id}.yml"
    if target.exists() or target.is_symlink():
        n = 2
        while (folder / f"{job_id}-{n}.yml").exists():
            n += 1
        return fail(
            M(
                "jobs/{employer}/{id}.yml exists already: add --id {other} to file this one beside it.",
                employer=employer,
                id=job_id,
                other=f"{job_id}-{n}",
            )
        )
    rel = f"jobs/{employer}/{job_id}.yml"
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{job_id}.yml.adding"
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, target)  # never half a file under jobs/
    problems = [p for p in check(root, today).problems if p.path == rel]
    shown = [Problem(given, p.line + offset if p.line else None, p.message, p.warning) for p in problems]
    for problem in shown:
        print(problem.render(lang))
    if errors(problems):
        target.unlink()
        print(M("Nothing was added.").render(lang), file=sys.stderr)
        return 1
    print(M("Added {path}. Review it, then commit it (git add {path}).", path=rel).render(lang))
    return 0
