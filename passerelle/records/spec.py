"""The records' fields, declared once: their names, kinds, whether they are required, their help in French and
English, an example. The validator reads which fields exist and which are required; the JSON Schemas are made
from it (schemas.py); the "Post a job" form reads which of its inputs are required; the vocabularies the kinds
point to (contracts, levels...) are in vocabulary.py, which the filters, the form and the bench generator read.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from passerelle.records import vocabulary as V


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    """text (translatable plain text), markdown (translatable Markdown), plain, place (plain text in Latin letters:
    it names a list's address), choice, date, apply, https, id,
    country, currency, number, tags, boolean, photo, logo, logins, object."""
    required: bool = False
    fr: str = ""
    en: str = ""
    example: Any = None
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    """An object's own fields."""
    unless: tuple[str, str] | None = None
    """Required unless the record's field [0] has the value [1]: a city, unless the job is fully remote."""


JOB = (
    Field(
        "title",
        "text",
        True,
        "Intitulé, une ligne par langue",
        "Title, one line per language",
        {"fr": "Développeuse web en alternance", "en": "Web developer apprentice"},
    ),
    Field("contract", "choice", True, "Type de contrat", "Contract type", "apprenticeship", V.CONTRACTS),
    Field(
        "location",
        "object",
        True,
        "Lieu : city (sauf télétravail complet), region, country (code ISO)",
        "Place: city (unless remote: full), region, country (ISO code)",
        fields=(
            Field("city", "plain", True, "Ville", "City", "Lyon", unless=("remote", "full")),
            Field("region", "place", False, "Région", "Region", "Auvergne-Rhône-Alpes"),
            Field(
                "country", "country", True, "Pays, code ISO 3166-1 de deux lettres", "Country, ISO 3166-1 two-letter code", "FR"
            ),
        ),
    ),
    Field("remote", "choice", False, "Télétravail (défaut : onsite)", "Remote work (default: onsite)", "hybrid", V.REMOTE),
    Field("posted", "date", True, "Date de publication, AAAA-MM-JJ", "Date posted, YYYY-MM-DD", "2026-09-01"),
    Field(
        "deadline",
        "date",
        True,
        "Date limite incluse (heure de Paris), pas avant posted",
        "Deadline, open through that day (Paris time), not before posted",
        "2026-10-31",
    ),
    Field("start", "date", False, "Date de début", "Start date", "2026-11-02"),
    Field(
        "apply",
        "apply",
        True,
        "Pour postuler : adresse https:// ou mailto:",
        "How to apply: an https:// or mailto: address",
        "https://example.org/careers/web-apprentice",
    ),
    Field(
        "description", "markdown", True, "Description en Markdown, une par langue", "Description in Markdown, one per language"
    ),
    Field(
        "french_level",
        "choice",
        False,
        "Niveau de français nécessaire (CECRL)",
        "Level of French needed (CEFR)",
        "B1",
        V.FRENCH_LEVELS,
    ),
    Field("training", "text", False, "Diplôme préparé (alternance)", "Qualification prepared (apprenticeships)"),
    Field(
        "salary",
        "object",
        False,
        "Salaire : min <= max, devise ISO 4217, période",
        "Salary: min <= max, ISO 4217 currency, period",
        fields=(
            Field("min", "number", True, "Minimum", "Minimum", 1100),
            Field("max", "number", True, "Maximum", "Maximum", 1400),
            Field("currency", "currency", True, "Devise", "Currency", "EUR"),
            Field("period", "choice", True, "Période", "Period", "month", V.SALARY_PERIODS),
        ),
    ),
    Field("tags", "tags", False, "Mots-clés", "Tags", ["javascript"]),
)
STORY = (
    Field(
        "name",
        "plain",
        True,
        "Nom affiché, choisi par la participante : prénom ou pseudonyme",
        "Name shown, her choice: first name or pseudonym",
        "Amal",
    ),
    Field("consent", "date", True, "Date de l'accord écrit de publication", "Date of the written consent to publish"),
    Field(
        "withdrawn",
        "date",
        False,
        "Date du retrait de l'accord : le parcours disparaît de tout le site",
        "Date consent was withdrawn: the story disappears from the whole site",
    ),
    Field("published", "date", True, "Date de publication, pas avant l'accord", "Publication date, not before consent"),
    Field(
        "employer",
        "id",
        False,
        "Identifiant de l'entreprise (content/employers/<id>.yml)",
        "Employer id (content/employers/<id>.yml)",
        "lumen-studio",
    ),
    Field("role", "text", False, "Poste", "Role"),
    Field("cohort", "plain", False, "Promotion", "Cohort", "TF4Women 2025"),
    Field(
        "photo",
        "photo",
        False,
        "Photo à côté de story.yml, publiée sans métadonnées",
        "Photo beside story.yml, published without metadata",
        "portrait.jpg",
    ),
    Field("photo_alt", "text", False, "Ce que montre la photo, par langue", "What the photo shows, per language"),
    Field("indexable", "boolean", False, "false : hors des moteurs de recherche", "false: kept out of search engines", True),
    Field("tags", "tags", False, "Mots-clés", "Tags"),
)
STORY_TEXT = (Field("title", "plain", True), Field("summary", "plain", True))
"""The front matter of stories/<id>/<lang>.md."""
EMPLOYER = (
    Field("name", "plain", True, "Nom affiché", "Name as shown", "Lumen Studio"),
    Field("website", "https", True, "Site web (https://)", "Website (https://)", "https://example.org"),
    Field("sector", "text", False, "Secteur", "Sector"),
    Field("description", "markdown", False, "Présentation en Markdown", "Description in Markdown"),
    Field("logo", "logo", False, "Logo à côté du fichier", "Logo file beside this one", "lumen-studio.svg"),
    Field(
        "posters",
        "logins",
        False,
        "Comptes GitHub autorisés à publier les offres de l'entreprise",
        "GitHub logins who may post this employer's jobs",
        "alice-martin",
    ),
)
PAGE = (Field("title", "plain", True), Field("summary", "plain", False), Field("order", "number", False))
"""The front matter of content/pages/<id>/<lang>.md."""
FIGURE = (
    Field("value", "plain", True),
    Field("label", "text", True),
    Field("source", "plain", True),
    Field("date", "date", True),
    Field("url", "https", False),
)
"""One figure of content/impact.yml."""

RECORDS: dict[str, tuple[Field, ...]] = {
    "job": JOB,
    "story": STORY,
    "story_text": STORY_TEXT,
    "employer": EMPLOYER,
    "page": PAGE,
    "figure": FIGURE,
}


@functools.cache
def field(record: str, path: str) -> Field:
    """A field by its dotted path: field('job', 'location.country')."""
    fields = RECORDS[record]
    found: Field | None = None
    for part in path.split("."):
        found = next(f for f in fields if f.name == part)
        fields = found.fields
    assert found is not None
    return found


def names(record: str, path: str = "") -> tuple[str, ...]:
    """The fields a record (or one of its objects) may hold, in the order they are documented."""
    return tuple(f.name for f in (field(record, path).fields if path else RECORDS[record]))


def required(record: str, path: str, values: dict[str, object] | None = None) -> bool:
    """Whether the field must be given, in a record holding `values` (for a field required `unless`)."""
    f = field(record, path)
    if f.unless is not None:
        return f.required and (values is None or values.get(f.unless[0]) != f.unless[1])
    return f.required
