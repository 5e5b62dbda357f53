"""Consent, the last guard before publishing: a built site keeps no trace of a withdrawn story."""

from __future__ import annotations

from pathlib import Path


def traces(site_dir: Path, story_ids: list[str], languages: tuple[str, ...]) -> list[str]:
    """What a built site still holds of withdrawn stories: their pages, photos, and links in lists, feeds,
    the sitemap and the export. Empty when the site has forgotten them."""
    found = []
    for sid in story_ids:
        for lang in languages:
            if (site_dir / lang / "stories" / sid).exists():
                found.append(f"{lang}/stories/{sid}/")
        photos = site_dir / "media" / "photos"
        found += [f"media/photos/{p.name}" for p in photos.glob(f"{sid}-*")] if photos.is_dir() else []
    needles = [f"/stories/{sid}/" for sid in story_ids]
    listed = [site_dir / "sitemap.xml", site_dir / "jobs.json"]
    for lang in languages:
        listed += [site_dir / lang / "index.html", site_dir / lang / "stories" / "index.html"]
        listed += sorted((site_dir / lang / "feeds").glob("*")) if (site_dir / lang / "feeds").is_dir() else []
    for file in listed:
        if file.is_file():
            body = file.read_text(encoding="utf-8", errors="replace")
            found += [f"{file.relative_to(site_dir)} links {n}" for n in needles if n in body]
    return found
