"""Structured data: the schema.org JobPosting of an open job, and JSON safe to place inside <script>."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from passerelle.records.days import PARIS
from passerelle.records.models import Employer, Job
from passerelle.records.vocabulary import SCHEMA_ORG_EMPLOYMENT

_SALARY_UNIT = {"hour": "HOUR", "day": "DAY", "month": "MONTH", "year": "YEAR"}


def script_json(data: Any) -> str:
    """JSON that cannot close its <script> element nor open a comment, whatever the records hold."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def end_of_day(day: dt.date) -> str:
    """The last second of `day` in Paris, with its offset: a job is open through its deadline day."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=PARIS).isoformat()


def job_posting(
    job: Job, employer: Employer, *, title: str, description_html: str, url: str, logo_url: str | None
) -> dict[str, Any]:
    """The JobPosting of an open job as Google reads it: title and description in the page's language (by the
    fallback rule, chosen by the caller), the place as a PostalAddress, the pay with its unit. `directApply` is
    false: the page links to the employer's own application, it is not an application form."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "description": description_html,
        "datePosted": job.posted.isoformat(),
        "validThrough": end_of_day(job.deadline),
        "employmentType": SCHEMA_ORG_EMPLOYMENT[job.contract],
        "hiringOrganization": {"@type": "Organization", "name": employer.name, "sameAs": employer.website},
        "identifier": {"@type": "PropertyValue", "name": employer.name, "value": job.key},
        "directApply": False,
        "url": url,
    }
    if logo_url:
        data["hiringOrganization"]["logo"] = logo_url
    address = {"@type": "PostalAddress", "addressCountry": job.location.country}
    if job.location.city:
        address["addressLocality"] = job.location.city
    if job.location.region:
        address["addressRegion"] = job.location.region
    if job.remote == "full":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": job.location.country}
        if job.location.city:
            data["jobLocation"] = {"@type": "Place", "address": address}
    else:
        data["jobLocation"] = {"@type": "Place", "address": address}
    if job.start:
        data["jobStartDate"] = job.start.isoformat()
    if job.salary:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": job.salary.currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": job.salary.min,
                "maxValue": job.salary.max,
                "unitText": _SALARY_UNIT[job.salary.period],
            },
        }
    return data
