"""Exports: jobs.json, every open job with all its translations, for partner sites and aggregators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from passerelle.plan import urls
from passerelle.records.catalog import Catalog
from passerelle.records.models import Text
from passerelle.records.settings import Site
from passerelle.render.structured import end_of_day

FORMAT_VERSION = "1.0"


def _text(value: Text | None) -> dict[str, str] | None:
    return dict(value.by_lang) if value else None


def jobs_document(site: Site, catalog: Catalog, html: dict[str, str]) -> dict[str, Any]:
    """The export: descriptions as sanitised HTML, like the pages (a record's Markdown may hold markup).

    `html` holds each record's Markdown rendered as the pages show it (see record_html.texts)."""
    jobs = []
    for job in catalog.jobs:
        employer = catalog.employer(job.employer)
        jobs.append(
            {
                "id": job.key,
                "title": _text(job.title),
                "contract": job.contract,
                "employer": {
                    "id": employer.id,
                    "name": employer.name,
                    "website": employer.website,
                    "url": {lang: site.lang_url(lang, urls.employer(employer.id)) for lang in site.languages},
                },
                "location": {"city": job.location.city, "region": job.location.region, "country": job.location.country},
                "remote": job.remote,
                "posted": job.posted.isoformat(),
                "deadline": job.deadline.isoformat(),
                "valid_through": end_of_day(job.deadline),
                "start": job.start.isoformat() if job.start else None,
                "apply": job.apply,
                "description_html": {lang: html[text] for lang, text in job.description.by_lang},
                "french_level": job.french_level,
                "training": _text(job.training),
                "salary": {
                    "min": job.salary.min,
                    "max": job.salary.max,
                    "currency": job.salary.currency,
                    "period": job.salary.period,
                }
                if job.salary
                else None,
                "tags": list(job.tags),
                "url": {lang: site.lang_url(lang, urls.job(job.key)) for lang in site.languages},
            }
        )
    return {
        "version": FORMAT_VERSION,
        "schema": site.file_url(f"{urls.SCHEMAS}jobs-export.schema.json"),
        "site": site.url,
        "languages": list(site.languages),
        "default_language": site.default,
        "generated_for": catalog.today.isoformat(),
        "jobs": jobs,
    }


def write_exports(site: Site, catalog: Catalog, html: dict[str, str], root: Path) -> None:
    """jobs.json, and the JSON Schemas at schemas/ (the export's is the URL the document names)."""
    doc = jobs_document(site, catalog, html)
    (root / urls.JOBS_EXPORT).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (root / urls.SCHEMAS).mkdir(exist_ok=True)
    for path in sorted((site.root / "schemas").glob("*.schema.json")):  # the export's and the records'
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["$id"] = site.file_url(f"{urls.SCHEMAS}{path.name}")
        (root / urls.SCHEMAS / path.name).write_text(json.dumps(schema, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
