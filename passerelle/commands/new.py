"""Scaffold: `new employer|job|story` writes a commented template, in French and English, never over a file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from passerelle.records.loading import id_problem
from passerelle.records.vocabulary import CONTRACTS, FRENCH_LEVELS, REMOTE

EMPLOYER = """\
# yaml-language-server: $schema=../../schemas/employer.schema.json
# Entreprise partenaire / Partner employer. Les lignes commençant par # sont des commentaires.
# Lines starting with # are comments. Check with: python build.py check {path}

# Nom affiché / Name as shown (obligatoire / required)
name: {name}
# Site web, adresse en https:// / Website, an https:// address (obligatoire / required)
website: https://example.org
# Secteur, une ligne par langue / Sector, one line per language (facultatif / optional)
sector:
  fr: Développement logiciel
  en: Software development
# Fichier du logo à côté de ce fichier (svg, png, jpg, webp) / Logo file beside this one (optional)
# logo: {id}.svg
# Comptes GitHub qui peuvent publier les offres de l'entreprise / GitHub logins who may post its jobs
# (facultatif : sans eux, seule l'équipe du programme publie / optional: without them, only maintainers post)
# posters:
#   - alice-martin
# Présentation en Markdown / Description in Markdown (facultatif / optional)
description:
  fr: |
    Quelques phrases sur l'entreprise et sur la façon dont elle accompagne les participantes.
  en: |
    A few sentences about the company and how it supports the fellows.
"""

JOB = """\
# yaml-language-server: $schema=../../schemas/job.schema.json
# Offre d'emploi / Job opening. Les lignes commençant par # sont des commentaires.
# Lines starting with # are comments. Check with: python build.py check {path}

# Intitulé, une ligne par langue / Title, one line per language (obligatoire / required)
title:
  fr: Développeuse web en alternance
  en: Web developer apprentice
# Contrat / Contract (obligatoire / required): {contracts}
contract: apprenticeship
# Lieu / Location: city (sauf télétravail complet / unless remote: full), region (optional), country (code ISO, ex. FR)
location:
  city: Lyon
  region: Auvergne-Rhône-Alpes
  country: FR
# Télétravail / Remote work: {remote} (défaut / default: onsite)
remote: hybrid
# Date de publication / Date posted, AAAA-MM-JJ / YYYY-MM-DD (obligatoire / required)
posted: {today}
# Date limite incluse (heure de Paris) / Deadline, open through that day, Paris time (required)
deadline: {deadline}
# Date de début / Start date (facultatif / optional)
# start: {deadline}
# Pour postuler : adresse https:// ou mailto: / How to apply: an https:// or mailto: address (required)
apply: https://example.org/careers/{id}
# Niveau de français nécessaire / Level of French needed: {levels} (facultatif / optional)
french_level: B1
# Diplôme préparé (alternance) / Qualification prepared (apprenticeships) (optional)
# training:
#   fr: Titre professionnel Développeur web et web mobile
# Salaire / Salary (facultatif / optional): period is hour, day, month or year
# salary:
#   min: 1100
#   max: 1400
#   currency: EUR
#   period: month
# Description en Markdown, une par langue / Description in Markdown, one per language (required)
description:
  fr: |
    Ce que fera la personne recrutée, avec qui, et ce que l'entreprise offre.
  en: |
    What the person hired will do, with whom, and what the company offers.
"""

STORY = """\
# yaml-language-server: $schema=../../schemas/story.schema.json
# Parcours / Story. Publié uniquement avec l'accord écrit de la participante.
# Published only with the fellow's written consent. Check with: python build.py check {path}

# Nom affiché, choisi par elle : prénom ou pseudonyme / Name shown, her choice: first name or pseudonym (required)
name: {name}
# Date de l'accord écrit, AAAA-MM-JJ : à remplir par l'équipe / Date of written consent, YYYY-MM-DD: the team fills it in (required)
consent:
# Date de publication (pas avant l'accord) / Publication date (not before consent) (required)
published: {today}
# Date du retrait de l'accord : le parcours disparaît partout / Date consent was withdrawn: the story disappears everywhere
# withdrawn: {today}
# Identifiant de l'entreprise / Employer id, e.g. lumen-studio (optional)
# employer:
# Poste / Role (optional)
# role:
#   fr: Développeuse web
# Promotion / Cohort (optional)
# cohort: TF4Women {year}
# Photo à côté de ce fichier, publiée sans métadonnées / Photo beside this file, published without metadata (optional)
# photo: portrait.jpg
# false : pas dans les moteurs de recherche / false: kept out of search engines (default: true)
indexable: true
"""

STORY_TEXT = """\
---
title: Titre du parcours
summary: Une ou deux phrases, affichées sur les cartes et dans les flux.
---
Le texte du parcours, en Markdown. Ajoutez en.md, ar.md... pour les autres langues.
"""


def new(root: Path, kind: str, ids: list[str]) -> int:
    """Write the template for `kind`; 1 when the file exists, 2 on bad usage."""
    expected = 2 if kind == "job" else 1
    if len(ids) != expected:
        usage = "new job EMPLOYER ID" if kind == "job" else f"new {kind} ID"
        print(f"build.py: error: usage: python build.py {usage}", file=sys.stderr)
        return 2
    for value in ids:
        why = id_problem(value)
        if why:
            print(f"build.py: error: {why}", file=sys.stderr)
            return 2
    today = dt.date.today()
    values = {
        "today": today.isoformat(),
        "deadline": (today + dt.timedelta(days=60)).isoformat(),
        "year": today.year,
        "contracts": ", ".join(CONTRACTS),
        "remote": ", ".join(REMOTE),
        "levels": " ".join(FRENCH_LEVELS),
    }
    files: list[tuple[Path, str]]
    if kind == "employer":
        path = root / "content" / "employers" / f"{ids[0]}.yml"
        files = [(path, EMPLOYER.format(id=ids[0], name=ids[0].replace("-", " ").title(), path=_rel(root, path), **values))]
    elif kind == "job":
        path = root / "jobs" / ids[0] / f"{ids[1]}.yml"
        files = [(path, JOB.format(id=ids[1], path=_rel(root, path), **values))]
        if not (root / "content" / "employers" / f"{ids[0]}.yml").exists():
            print(
                f"note: content/employers/{ids[0]}.yml does not exist yet: create it with python build.py new employer {ids[0]}",
                file=sys.stderr,
            )
    else:
        path = root / "stories" / ids[0] / "story.yml"
        files = [
            (path, STORY.format(name=ids[0].replace("-", " ").title(), path=_rel(root, path), **values)),
            (path.with_name("fr.md"), STORY_TEXT),
        ]
    for target, _ in files:
        if target.exists():
            print(f"{_rel(root, target)} already exists: nothing was written.", file=sys.stderr)
            return 1
    for target, text in files:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {_rel(root, target)}")
    return 0


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()
