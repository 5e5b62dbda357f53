"""Validation: each rule, with a failing record and the exact message an HR assistant reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from helpers import GOOD_JOB, TODAY, job_problems, problems, write
from passerelle.pipeline import check


def test_the_sample_is_valid() -> None:
    assert problems(ROOT) == []


def test_a_good_job_is_valid(mini: Path) -> None:
    assert job_problems(mini, GOOD_JOB) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("deadline: 2036-06-30", "deadlline: 2036-06-30"),
            [
                "jobs/lumen-studio/dev.yml:1: the field 'deadline' is missing: it is required, a date written YYYY-MM-DD.",
                "jobs/lumen-studio/dev.yml:10: unknown field 'deadlline'. Did you mean 'deadline'? The fields of a job are: "
                "title, contract, location, remote, posted, deadline, start, apply, description, french_level, training, salary, tags.",
            ],
        ),
        (
            ("contract: apprenticeship", "contract: aprenticeship"),
            [
                "jobs/lumen-studio/dev.yml:4: the field 'contract' is 'aprenticeship', which is not allowed. Did you mean "
                "'apprenticeship'? Write one of: apprenticeship, professionalisation, internship, fixed-term, permanent, freelance.",
            ],
        ),
        (
            ("posted: 2026-09-01", "posted: 01/09/2026"),
            [
                "jobs/lumen-studio/dev.yml:9: the field 'posted' is '01/09/2026', which is not a date: write it as YYYY-MM-DD, for example 2026-09-01.",
            ],
        ),
        (
            ("deadline: 2036-06-30", "deadline: 2026-08-01"),
            [
                "jobs/lumen-studio/dev.yml:10: the deadline (2026-08-01) is before the date posted (2026-09-01): the deadline must be on or after it.",
            ],
        ),
        (
            ("apply: https://example.org/apply", "apply: http://example.org/apply"),
            [
                "jobs/lumen-studio/dev.yml:11: the field 'apply' is 'http://example.org/apply': write an address beginning with https:// or mailto:, for example https://example.org/careers.",
            ],
        ),
        (
            ("apply: https://example.org/apply", "apply: mailto:not-an-address"),
            [
                "jobs/lumen-studio/dev.yml:11: the field 'apply' is 'mailto:not-an-address', which is not a valid e-mail address: write mailto:jobs@example.org.",
            ],
        ),
        (
            ("  country: FR", "  country: fr"),
            [
                "jobs/lumen-studio/dev.yml:7: the field 'location.country' is 'fr', which is not a country code. Write it in capitals: 'FR'.",
            ],
        ),
        (
            ("  city: Lyon\n", ""),
            [
                "jobs/lumen-studio/dev.yml:5: the field 'location.city' is missing: it is required (unless remote: full).",
            ],
        ),
        (
            ("  en: Web developer", "  de: Web developer"),
            [
                "jobs/lumen-studio/dev.yml:1: the field 'title' has text for 'de', which is not a language of this site. Languages: fr, en, ar, fa, uk, tr.",
            ],
        ),
        (
            ("  en: Web developer", "  en: <script>alert(1)</script>"),
            [
                "jobs/lumen-studio/dev.yml:1: the field 'title' contains HTML markup ('<s…'): write plain text, without < and > tags.",
            ],
        ),
        (
            ("description: Une description.\n", "description: Une description.\nfrench_level: b1\n"),
            [
                "jobs/lumen-studio/dev.yml:13: the field 'french_level' is 'b1', which is not allowed. Did you mean 'B1'? Write one of: A1, A2, B1, B2, C1, C2.",
            ],
        ),
        (
            (
                "description: Une description.\n",
                "description: Une description.\nsalary:\n  min: 1800\n  max: 1200\n  currency: EURO\n  period: monthly\n",
            ),
            [
                "jobs/lumen-studio/dev.yml:15: the salary max (1200) is below its min (1800): max must be at least min.",
                "jobs/lumen-studio/dev.yml:16: the field 'salary.currency' is 'EURO', which is not a currency code: write a three-letter ISO 4217 code such as EUR.",
                "jobs/lumen-studio/dev.yml:17: the field 'salary.period' is 'monthly', which is not allowed. Did you mean 'month'? Write one of: hour, day, month, year.",
            ],
        ),
        (
            ("description: Une description.\n", "description: Une description.\nremote: partial\n"),
            [
                "jobs/lumen-studio/dev.yml:13: the field 'remote' is 'partial', which is not allowed. Write one of: onsite, hybrid, full.",
            ],
        ),
    ],
)
def test_job_rules(mini: Path, change: tuple[str, str], expected: list[str]) -> None:
    old, new = change
    assert old in GOOD_JOB
    assert job_problems(mini, GOOD_JOB.replace(old, new)) == expected


def test_full_remote_needs_no_city(mini: Path) -> None:
    text = GOOD_JOB.replace("  city: Lyon\n", "") + "remote: full\n"
    assert job_problems(mini, text) == []


def test_job_of_an_unknown_employer(mini: Path) -> None:
    write(mini, "jobs/lumen-studios/dev.yml", GOOD_JOB)
    assert problems(mini) == [
        "jobs/lumen-studios/dev.yml:1: the folder 'jobs/lumen-studios/' names no employer: add "
        "content/employers/lumen-studios.yml, or move this file into the folder of an existing employer. "
        "Did you mean jobs/lumen-studio/?",
    ]


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (
            "jobs/lumen-studio/Dev_Job.yml",
            GOOD_JOB,
            "jobs/lumen-studio/Dev_Job.yml: the name 'Dev_Job' is not a valid id: use lowercase letters a-z, digits and "
            "single hyphens between them (for example 'dev-job').",
        ),
        (
            "jobs/lumen-studio/notes.txt",
            "hello",
            "jobs/lumen-studio/notes.txt: only job records, <id>.yml, belong in an employer's jobs folder.",
        ),
        ("jobs/stray.yml", GOOD_JOB, "jobs/stray.yml: jobs are filed by employer: put this file in jobs/<employer-id>/."),
        (
            "stories/README.md",
            "x",
            "stories/README.md: a story is a folder, stories/<id>/, holding story.yml and one <lang>.md per language.",
        ),
        (
            "jobs/lumen-studio/dev.yml",
            "- a list\n- not a mapping\n",
            "jobs/lumen-studio/dev.yml:1: a job must be a list of fields ('name: value' lines), not a list.",
        ),
        ("jobs/lumen-studio/dev.yml", "", "jobs/lumen-studio/dev.yml:1: the file is empty."),
        (
            "jobs/lumen-studio/dev.yml",
            "title: Caf\xe9\n".encode("latin-1"),
            "jobs/lumen-studio/dev.yml:1: the file is not UTF-8 text (byte 0xe9). Save it again with the UTF-8 encoding.",
        ),
        (
            "jobs/lumen-studio/dev.yml",
            GOOD_JOB + "title: again\n",
            "jobs/lumen-studio/dev.yml:13: the field 'title' is written twice (first on line 1): keep only one.",
        ),
        (
            "jobs/lumen-studio/dev.yml",
            "x: !!python/object/apply:os.system ['echo hi']\n",
            "jobs/lumen-studio/dev.yml:1: the tag !!python/object/apply:os.system is not allowed: write plain text, numbers, dates, lists and mappings only.",
        ),
    ],
)
def test_files_and_names(mini: Path, rel: str, text: str | bytes, expected: str) -> None:
    write(mini, rel, text)
    assert problems(mini) == [expected]


STORY = """\
name: Amina
consent: 2026-01-05
published: 2026-02-01
employer: lumen-studio
"""
STORY_TEXT = "---\ntitle: Un titre\nsummary: Un résumé.\n---\nLe texte.\n"


def test_a_good_story_is_valid(mini: Path) -> None:
    write(mini, "stories/amina/story.yml", STORY)
    write(mini, "stories/amina/fr.md", STORY_TEXT)
    assert problems(mini) == []


@pytest.mark.parametrize(
    ("story", "text", "expected"),
    [
        (
            STORY.replace("employer: lumen-studio", "employer: lumen"),
            STORY_TEXT,
            ["stories/amina/story.yml:4: the field 'employer' is 'lumen', but there is no content/employers/lumen.yml."],
        ),
        (
            STORY.replace("published: 2026-02-01", "published: 2025-12-01"),
            STORY_TEXT,
            [
                "stories/amina/story.yml:3: the story is published on 2025-12-01 but consent was given on 2026-01-05: a story is published only after consent."
            ],
        ),
        (
            STORY.replace("consent: 2026-01-05\n", ""),
            STORY_TEXT,
            ["stories/amina/story.yml:1: the field 'consent' is missing: it is required, a date written YYYY-MM-DD."],
        ),
        (
            STORY + "indexable: no-thanks\n",
            STORY_TEXT,
            ["stories/amina/story.yml:5: the field 'indexable' is 'no-thanks': write true or false."],
        ),
        (
            STORY + "photo: me.jpg\n",
            STORY_TEXT,
            [
                "stories/amina/story.yml:5: the field 'photo' names 'me.jpg', but there is no such file beside this record: add it, or check the spelling."
            ],
        ),
        (
            STORY,
            "---\ntitle: Un titre\n---\nLe texte.\n",
            [
                "stories/amina/fr.md:2: the field 'summary' is missing: it is required: one or two sentences, shown on cards and in feeds."
            ],
        ),
        (
            STORY,
            "Pas de front matter.\n",
            [
                "stories/amina/fr.md:1: the file has no front matter: begin it with a line ---, then title: and summary:, then ---."
            ],
        ),
    ],
)
def test_story_rules(mini: Path, story: str, text: str, expected: list[str]) -> None:
    write(mini, "stories/amina/story.yml", story)
    write(mini, "stories/amina/fr.md", text)
    assert problems(mini) == expected


def test_story_files(mini: Path) -> None:
    write(mini, "stories/amina/story.yml", STORY)
    write(mini, "stories/amina/de.md", STORY_TEXT)
    write(mini, "stories/amina/notes.docx", b"PK")
    assert problems(mini) == [
        "stories/amina/de.md: 'de' is not a language of this site: name the text after one of fr, en, ar, fa, uk, tr (for example fr.md).",
        "stories/amina/notes.docx: this file is not used by the story: name it in the 'photo' field of story.yml, or remove it.",
        "stories/amina/story.yml: the story has no text: add a <lang>.md beside story.yml, for one of fr, en, ar, fa, uk, tr.",
    ]


def test_a_photo_that_is_not_an_image(mini: Path) -> None:
    write(mini, "stories/amina/story.yml", STORY + "photo: me.jpg\n")
    write(mini, "stories/amina/fr.md", STORY_TEXT)
    write(mini, "stories/amina/me.jpg", b"this is not a picture")
    assert problems(mini) == [
        "stories/amina/story.yml:5: 'me.jpg' is not an image Passerelle can read: use a JPEG, PNG or WebP file.",
    ]


def test_employer_rules(mini: Path) -> None:
    write(mini, "content/employers/acme.yml", "name: Acme\nwebsite: acme.example.org\nlogo: acme.svg\nsecteur: x\n")
    write(
        mini,
        "content/employers/acme.svg",
        '<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"></svg>',
    )
    assert problems(mini) == [
        "content/employers/acme.yml:2: the field 'website' is 'acme.example.org': write an address beginning with https://, for example https://example.org/careers.",
        "content/employers/acme.yml:3: the logo acme.svg: the SVG file declares a DTD or entities (<!DOCTYPE, <!ENTITY, <!ATTLIST): export it again as a plain SVG, or use a PNG.",
        "content/employers/acme.yml:4: unknown field 'secteur'. Did you mean 'sector'? The fields of an employer are: name, website, sector, description, logo, posters.",
    ]


def test_every_problem_of_every_file_in_one_run(mini: Path) -> None:
    write(mini, "jobs/lumen-studio/a.yml", GOOD_JOB.replace("contract: apprenticeship", "contract: cdi"))
    write(mini, "jobs/lumen-studio/b.yml", GOOD_JOB.replace("posted: 2026-09-01", "posted: soon"))
    write(mini, "stories/amina/story.yml", STORY.replace("employer: lumen-studio", "employer: nobody"))
    found = problems(mini)
    assert [line.split(":")[0] for line in found] == [
        "jobs/lumen-studio/a.yml",
        "jobs/lumen-studio/b.yml",
        "stories/amina/story.yml",
        "stories/amina/story.yml",
    ]


def test_reserved_page_name(mini: Path) -> None:
    write(mini, "content/pages/jobs/fr.md", "---\ntitle: Offres\n---\nTexte\n")
    assert problems(mini) == [
        "content/pages/jobs/fr.md: 'jobs' is a name the site uses for its own pages: rename the folder content/pages/jobs/.",
    ]


def test_a_large_project_read_on_every_core_gets_the_same_problems_and_lines(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From a few hundred files, records are read by worker processes that leave their text behind; a problem
    found later must still name the right line (the file is read again for it)."""
    from passerelle.records import loading

    job = project / "jobs" / "lumen-studio" / "bad.yml"
    job.write_text(GOOD_JOB.replace("contract: apprenticeship", "contract: appprenticeship\nold: 1"), encoding="utf-8")
    story = next((project / "stories").glob("*/fr.md"))
    story.write_text(story.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    one_by_one = [(p.path, p.line, str(p.message)) for p in check(project, TODAY).problems]
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    in_parallel = [(p.path, p.line, str(p.message)) for p in check(project, TODAY).problems]
    assert in_parallel == one_by_one
    lines = {(path, line) for path, line, _ in in_parallel}
    assert ("jobs/lumen-studio/bad.yml", 4) in lines and ("jobs/lumen-studio/bad.yml", 5) in lines
    assert (story.relative_to(project).as_posix(), 2) in lines
