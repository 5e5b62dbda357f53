"""The fixed vocabularies of the records, declared once: validation, templates and exports read them."""

from __future__ import annotations

import re

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX = 80

CONTRACTS = ("apprenticeship", "professionalisation", "internship", "fixed-term", "permanent", "freelance")
REMOTE = ("onsite", "hybrid", "full")
FRENCH_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
SALARY_PERIODS = ("hour", "day", "month", "year")
SALARY_MAX = 10_000_000
"""The largest salary amount (a yearly salary in any currency the programme meets stays below it)."""
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
PHOTO_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")

SCHEMA_ORG_EMPLOYMENT = {
    # schema.org has no value for an apprenticeship or a professionalisation contract: both are
    # paid, fixed-term work alternating with school, so they map to FULL_TIME + TEMPORARY, which is
    # what Google's guidelines ask for fixed-term work; the exact contract stays in jobs.json.
    "apprenticeship": ["FULL_TIME", "TEMPORARY"],
    "professionalisation": ["FULL_TIME", "TEMPORARY"],
    "internship": ["INTERN"],
    "fixed-term": ["TEMPORARY"],
    "permanent": ["FULL_TIME"],
    "freelance": ["CONTRACTOR"],
}

RESERVED_IDS = {
    "employers": ("contract", "region", "page", "index", "feeds"),
    "jobs": ("index", "page"),
    "stories": ("index", "page"),
}
"""Ids that would take a path the site writes for itself: jobs/<employer>/ sits beside jobs/contract/,
jobs/region/ and jobs/page/; stories/<id>/ beside the list's stories/index."""
RESERVED_PAGES = (
    "impact",
    "glossary",
    "saved",
    "week",
    "index",
    "jobs",
    "stories",
    "employers",
    "feeds",
    "assets",
    "search",
    "pagefind",
    "media",
    "schemas",
    "404",
)
"""Editorial page names that would collide with generated paths."""

GITHUB_LOGIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
"""A GitHub login: letters, digits and single hyphens inside, at most 39 characters."""
CONTRACT_GROUPS = {
    "alternance": ("apprenticeship", "professionalisation"),
    "internship": ("internship",),
    "fixed-term": ("fixed-term",),
    "permanent": ("permanent",),
    "freelance": ("freelance",),
}
"""Contracts as fellows name them: "alternance" is apprenticeship and professionalisation together."""
LOW_FRENCH = (None, "A1", "A2")
"""Levels of French a fellow in her first year usually has: no level asked, A1, A2."""

WORDS = {
    "contract": {
        "cdi": "permanent",
        "cdd": "fixed-term",
        "alternance": "apprenticeship",
        "apprentissage": "apprenticeship",
        "contrat d'apprentissage": "apprenticeship",
        "contrat pro": "professionalisation",
        "contrat de professionnalisation": "professionalisation",
        "professionnalisation": "professionalisation",
        "stage": "internship",
        "stagiaire": "internship",
        "indépendant": "freelance",
        "independant": "freelance",
        "mission": "freelance",
        "interim": "fixed-term",
        "intérim": "fixed-term",
    },
    "remote": {
        "oui": "full",
        "yes": "full",
        "true": "full",
        "non": "onsite",
        "no": "onsite",
        "false": "onsite",
        "télétravail": "full",
        "teletravail": "full",
        "remote": "full",
        "full remote": "full",
        "hybride": "hybrid",
        "sur site": "onsite",
        "présentiel": "onsite",
        "presentiel": "onsite",
        "on site": "onsite",
    },
    "period": {
        "mois": "month",
        "mensuel": "month",
        "monthly": "month",
        "an": "year",
        "année": "year",
        "annee": "year",
        "annuel": "year",
        "yearly": "year",
        "heure": "hour",
        "horaire": "hour",
        "hourly": "hour",
        "jour": "day",
        "journée": "day",
        "tjm": "day",
        "daily": "day",
    },
}
"""The words employers' HR staff write, in French and English, and the value each one means: `check` suggests it."""
