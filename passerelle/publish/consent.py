"""Consent, the last guard before publishing: a built site keeps no trace of a withdrawn story."""

from __future__ import annotations

from pathlib import Path

from passerelle.plan import urls


def traces(site_dir: Path, story_ids: list[str], languages: tuple[str, ...]) -> list[str]:
    """What a built site still holds of withdrawn stories: their pages, photos, and links in lists, feeds,
    the sitemap and the export. Empty when the site has forgotten them."""
    found = []
    photos = site_dir / urls.photo("")
    for sid in story_ids:
        for lang in languages:
            if (site_dir / lang / urls.story(sid)).exists():
                found.append(f"{lang}/{urls.story(sid)}")
        found += [urls.photo(p.name) for p in photos.glob(f"{sid}-*")] if photos.is_dir() else []
    needles = [f"/{urls.story(sid)}" for sid in story_ids]
    listed = [site_dir / urls.SITEMAP, site_dir / urls.JOBS_EXPORT]
    for lang in languages:
        listed += [site_dir / lang / urls.page_file(urls.HOME), site_dir / lang / urls.page_file(urls.STORIES)]
        feeds = site_dir / lang / urls.FEEDS
        listed += sorted(feeds.glob("*")) if feeds.is_dir() else []
    for file in listed:
        if file.is_file():
            body = file.read_text(encoding="utf-8", errors="replace")
            found += [f"{file.relative_to(site_dir)} links {n}" for n in needles if n in body]
    return found
