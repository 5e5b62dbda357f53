"""Withdrawal: record that a fellow withdrew her consent, prove the file says so, and prove the built site forgot her.

The edit is made in memory and read back before anything is written: `withdrawn` must hold the date and
every other field must be unchanged. A file written in a form that cannot be edited line by line (a flow
mapping `{...}`, a document end `...`) is rewritten as plain fields. If neither proves right, nothing is
written and the command fails loudly: a withdrawal never "succeeds" without taking effect.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from passerelle.records.reading import read
from passerelle.records.loading import id_problem
from passerelle.records.problems import errors
from passerelle.records.files import read_regular
from passerelle.records.yamlfile import MAX_BYTES, YamlError, decode, parse

_DATES = ("consent", "published", "withdrawn")


def _read(text: str) -> dict[str, Any] | None:
    try:
        data = parse(text).data
    except YamlError:
        return None
    return data if isinstance(data, dict) else None


def _proven(text: str, before: dict[str, Any], day: dt.date) -> bool:
    """Whether `text` records the withdrawal on `day` and changes nothing else."""
    after = _read(text)
    if after is None or after.get("withdrawn") != day:
        return False
    return {k: v for k, v in after.items() if k != "withdrawn"} == {k: v for k, v in before.items() if k != "withdrawn"}


def _line_edit(text: str, day: dt.date) -> str:
    """The file with its `withdrawn:` line set (comments kept), or the line added at the end of the document."""
    line = f"withdrawn: {day.isoformat()}"
    if re.search(r"^withdrawn\s*:", text, re.M):
        return re.sub(r"^withdrawn\s*:.*$", line, text, count=1, flags=re.M)
    end = re.search(r"^\.\.\.\s*$", text, re.M)
    if end:
        return text[: end.start()] + line + "\n" + text[end.start() :]
    return text.rstrip("\n") + f"\n{line}\n"


def _rewrite(text: str, before: dict[str, Any], day: dt.date) -> str:
    """The fields written out again one a line, as typed (for files that cannot be edited line by line)."""
    typed = parse(text).typed
    data = {
        k: (v if k in _DATES or k == "indexable" or isinstance(v, (str, list, dict)) else typed.get((k,), v))
        for k, v in before.items()
        if k != "withdrawn"
    }
    data["withdrawn"] = day
    header = f"# Rewritten by `python build.py withdraw` on {day.isoformat()}: consent withdrawn.\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def withdraw(root: Path, story_id: str, day: dt.date) -> int:
    """Write `withdrawn: <day>` into stories/<id>/story.yml, proven before it is written; 1 when it cannot be."""
    why = id_problem(story_id)
    path = root / "stories" / story_id / "story.yml"
    if why or not path.is_file() or path.is_symlink():
        print(f"There is no story '{story_id}': no stories/{story_id}/story.yml.", file=sys.stderr)
        return 1
    try:
        text = decode(read_regular(path, MAX_BYTES))
    except (OSError, YamlError) as e:
        print(f"stories/{story_id}/story.yml cannot be read ({e}): nothing was written.", file=sys.stderr)
        return 1
    before = _read(text)
    if before is None:
        print(
            f"stories/{story_id}/story.yml is not valid YAML: nothing was written. Fix the file, or add the line "
            f"'withdrawn: {day.isoformat()}' by hand, then run python build.py check.",
            file=sys.stderr,
        )
        return 1
    new = next((t for t in (_line_edit(text, day), _rewrite(text, before, day)) if _proven(t, before, day)), None)
    if new is None:
        print(
            f"The withdrawal could not be written into stories/{story_id}/story.yml safely: nothing was written. "
            f"Add the line 'withdrawn: {day.isoformat()}' by hand, then run python build.py check.",
            file=sys.stderr,
        )
        return 1
    temporary = path.with_name(f".story.yml.{os.getpid()}")
    temporary.write_text(new, encoding="utf-8")
    os.replace(temporary, path)
    print(f"stories/{story_id}/story.yml: withdrawn: {day.isoformat()}")
    checked = read(root, day)
    story = next((s for s in checked.catalog.content.stories if s.id == story_id), None)
    if story is None or story.withdrawn != day:
        mine = [p for p in checked.problems if p.path.startswith(f"stories/{story_id}/")]
        print(
            "The withdrawal is written, but the story has other problems, so the next build will FAIL and the live "
            "site will keep showing it until they are fixed:",
            file=sys.stderr,
        )
        for problem in mine or checked.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    site = checked.site
    print("At the next build, the story disappears from every output file (the build checks it):")
    for lang in site.languages:
        print(f"  - its page {site.lang_url(lang, f'stories/{story_id}/')}")
    print("  - the stories lists, the home pages and the stories feeds of every language")
    if story.employer:
        print(f"  - the page of its employer and of that employer's jobs ({story.employer})")
    if story.photo:
        print(f"  - its photo, in every size (media/photos/{story_id}-*)")
    print("  - sitemap.xml and the search index")
    if errors(checked.problems):
        print(
            f"Other records have {len(errors(checked.problems))} problem(s): the next build will fail until they are fixed "
            "(python build.py check).",
            file=sys.stderr,
        )
    print("Then deploy the site. Copies kept by search engines and feed readers may take a few days to go.")
    return 0
