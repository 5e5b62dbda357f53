"""Schemas: JSON Schemas of the three records, made from the same vocabulary that `check` enforces.

`python build.py schemas` writes schemas/{job,story,employer}.schema.json; a test keeps the committed
files equal to what this module makes. They let an editor with a YAML language server validate and
complete a record as it is typed; `check` stays the judge (cross-references, files, dates in order).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from passerelle.records import vocabulary as V

DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
PLAIN = {"type": "string", "minLength": 1, "pattern": r"^[^<>]*$"}
ID = {"type": "string", "pattern": V.ID_RE.pattern, "maxLength": V.ID_MAX}


def doc(fr: str, en: str, example: Any = None) -> dict[str, Any]:
    """Title-less help in both languages, as editors show it on hover."""
    out: dict[str, Any] = {"description": f"{fr} / {en}"}
    if example is not None:
        out["examples"] = [example]
    return out


def translatable(languages: tuple[str, ...], markdown: bool = False) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1} if markdown else PLAIN
    return {"oneOf": [
        text,
        {"type": "object", "minProperties": 1, "additionalProperties": False,
         "properties": {lang: text for lang in languages}},
    ]}


def job_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    t = translatable(languages)
    return {
        "title": "Passerelle: offre d'emploi / job opening",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "contract", "location", "posted", "deadline", "apply", "description"],
        "properties": {
            "title": {**t, **doc("Intitulé, une ligne par langue", "Title, one line per language",
                                 {"fr": "Développeuse web en alternance", "en": "Web developer apprentice"})},
            "contract": {"enum": list(V.CONTRACTS), **doc("Type de contrat", "Contract type", "apprenticeship")},
            "location": {
                "type": "object", "additionalProperties": False, "required": ["country"],
                **doc("Lieu : city (sauf télétravail complet), region, country (code ISO)",
                      "Place: city (unless remote: full), region, country (ISO code)"),
                "properties": {
                    "city": {**PLAIN, **doc("Ville", "City", "Lyon")},
                    "region": {**PLAIN, **doc("Région", "Region", "Auvergne-Rhône-Alpes")},
                    "country": {"type": "string", "pattern": "^[A-Z]{2}$", **doc("Pays, code ISO 3166-1 de deux lettres", "Country, ISO 3166-1 two-letter code", "FR")},
                },
            },
            "remote": {"enum": list(V.REMOTE), **doc("Télétravail (défaut : onsite)", "Remote work (default: onsite)", "hybrid")},
            "posted": {**DATE, **doc("Date de publication, AAAA-MM-JJ", "Date posted, YYYY-MM-DD", "2026-09-01")},
            "deadline": {**DATE, **doc("Date limite incluse (heure de Paris), pas avant posted", "Deadline, open through that day (Paris time), not before posted", "2026-10-31")},
            "start": {**DATE, **doc("Date de début", "Start date", "2026-11-02")},
            "apply": {"type": "string", "pattern": "^(https://|mailto:)", **doc("Pour postuler : adresse https:// ou mailto:", "How to apply: an https:// or mailto: address", "https://example.org/careers/web-apprentice")},
            "description": {**translatable(languages, markdown=True), **doc("Description en Markdown, une par langue", "Description in Markdown, one per language")},
            "french_level": {"enum": list(V.FRENCH_LEVELS), **doc("Niveau de français nécessaire (CECRL)", "Level of French needed (CEFR)", "B1")},
            "training": {**t, **doc("Diplôme préparé (alternance)", "Qualification prepared (apprenticeships)")},
            "salary": {
                "type": "object", "additionalProperties": False, "required": list(V.SALARY_FIELDS),
                **doc("Salaire : min <= max, devise ISO 4217, période", "Salary: min <= max, ISO 4217 currency, period"),
                "properties": {
                    "min": {"type": "number", "minimum": 0, **doc("Minimum", "Minimum", 1100)},
                    "max": {"type": "number", "minimum": 0, **doc("Maximum", "Maximum", 1400)},
                    "currency": {"type": "string", "pattern": "^[A-Z]{3}$", **doc("Devise", "Currency", "EUR")},
                    "period": {"enum": list(V.SALARY_PERIODS), **doc("Période", "Period", "month")},
                },
            },
            "tags": {"type": "array", "items": PLAIN, **doc("Mots-clés", "Tags", ["javascript"])},
        },
    }


def story_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    t = translatable(languages)
    return {
        "title": "Passerelle: parcours / story (story.yml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "consent", "published"],
        "properties": {
            "name": {**PLAIN, **doc("Nom affiché, choisi par la participante : prénom ou pseudonyme", "Name shown, her choice: first name or pseudonym", "Amal")},
            "consent": {**DATE, **doc("Date de l'accord écrit de publication", "Date of the written consent to publish")},
            "withdrawn": {**DATE, **doc("Date du retrait de l'accord : le parcours disparaît de tout le site", "Date consent was withdrawn: the story disappears from the whole site")},
            "published": {**DATE, **doc("Date de publication, pas avant l'accord", "Publication date, not before consent")},
            "employer": {**ID, **doc("Identifiant de l'entreprise (content/employers/<id>.yml)", "Employer id (content/employers/<id>.yml)", "lumen-studio")},
            "role": {**t, **doc("Poste", "Role")},
            "cohort": {**PLAIN, **doc("Promotion", "Cohort", "TF4Women 2025")},
            "photo": {"type": "string", "pattern": r"^[^/\\]+\.(png|jpe?g|webp)$", **doc("Photo à côté de story.yml, publiée sans métadonnées", "Photo beside story.yml, published without metadata", "portrait.jpg")},
            "photo_alt": {**t, **doc("Ce que montre la photo, par langue", "What the photo shows, per language")},
            "indexable": {"type": "boolean", **doc("false : hors des moteurs de recherche", "false: kept out of search engines", True)},
            "tags": {"type": "array", "items": PLAIN, **doc("Mots-clés", "Tags")},
        },
    }


def employer_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    return {
        "title": "Passerelle: entreprise partenaire / partner employer",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "website"],
        "properties": {
            "name": {**PLAIN, **doc("Nom affiché", "Name as shown", "Lumen Studio")},
            "website": {"type": "string", "pattern": "^https://", **doc("Site web (https://)", "Website (https://)", "https://example.org")},
            "sector": {**translatable(languages), **doc("Secteur", "Sector")},
            "description": {**translatable(languages, markdown=True), **doc("Présentation en Markdown", "Description in Markdown")},
            "logo": {"type": "string", "pattern": r"^[^/\\]+\.(svg|png|jpe?g|webp)$", **doc("Logo à côté du fichier", "Logo file beside this one", "lumen-studio.svg")},
            "posters": {"type": "array", "items": {"type": "string", "pattern": "^@?" + V.GITHUB_LOGIN.pattern + "$"},
                        **doc("Comptes GitHub autorisés à publier les offres de l'entreprise", "GitHub logins who may post this employer's jobs", "alice-martin")},
        },
    }


MAKERS = {"job": job_schema, "story": story_schema, "employer": employer_schema}


def schemas(languages: tuple[str, ...], site_url: str) -> dict[str, dict[str, Any]]:
    out = {}
    for kind, make in MAKERS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"{site_url}schemas/{kind}.schema.json", **make(languages)}
        out[f"{kind}.schema.json"] = schema
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path, languages: tuple[str, ...], site_url: str) -> list[str]:
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    written = []
    for name, schema in schemas(languages, site_url).items():
        (folder / name).write_text(render(schema), encoding="utf-8")
        written.append(f"schemas/{name}")
    return written
