"""Withdrawal: record that a fellow withdrew her consent, and say what the next build removes."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from .loading import id_problem
from .checking import check


def withdraw(root: Path, story_id: str, day: dt.date) -> int:
    """Write `withdrawn: <day>` into stories/<id>/story.yml (keeping its comments); 1 if there is no such story."""
    why = id_problem(story_id)
    path = root / "stories" / story_id / "story.yml"
    if why or not path.is_file():
        print(f"There is no story '{story_id}': no stories/{story_id}/story.yml.", file=sys.stderr)
        return 1
    text = path.read_text(encoding="utf-8")
    line = f"withdrawn: {day.isoformat()}"
    if re.search(r"^withdrawn\s*:", text, re.M):
        text = re.sub(r"^withdrawn\s*:.*$", line, text, count=1, flags=re.M)
    else:
        text = text.rstrip("\n") + f"\n{line}\n"
    checked = check(root, day)
    story = next((s for s in checked.catalog.content.stories if s.id == story_id), None)
    path.write_text(text, encoding="utf-8")
    print(f"stories/{story_id}/story.yml: {line}")
    site = checked.site
    print("At the next build, the story disappears from every output file:")
    for lang in site.languages:
        print(f"  - its page {site.lang_url(lang, f'stories/{story_id}/')}")
    print("  - the stories lists, the home pages and the stories feeds of every language")
    if story and story.employer:
        print(f"  - the page of its employer and of that employer's jobs ({story.employer})")
    if story and story.photo:
        print(f"  - its photo, in every size (media/photos/{story_id}-*)")
    print("  - sitemap.xml and the search index")
    print("Then deploy the site. Copies kept by search engines and feed readers may take a few days to go.")
    return 0
