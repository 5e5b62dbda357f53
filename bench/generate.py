"""Deterministic synthetic records in the contract's format: N jobs, N/5 stories, N/20 employers.

    python bench/generate.py N OUT_DIR

Texts are in French and English, one record in four also in Arabic. The same N gives the same files.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from passerelle.records.vocabulary import CONTRACTS, REMOTE  # noqa: E402  (the site's own vocabulary, never repeated)

CITIES = [
    ("Lyon", "Auvergne-Rhône-Alpes"),
    ("Paris", "Île-de-France"),
    ("Lille", "Hauts-de-France"),
    ("Nantes", "Pays de la Loire"),
    ("Toulouse", "Occitanie"),
    ("Marseille", "Provence-Alpes-Côte d'Azur"),
]
WORDS_FR = "données équipe projet client formation développement réseau sécurité code test accessibilité service".split()
WORDS_EN = "data team project client training development network security code test accessibility service".split()
WORDS_AR = "بيانات فريق مشروع عميل تكوين تطوير شبكة أمن برمجة اختبار خدمة".split()


def sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def paragraph(rng: random.Random, words: list[str]) -> str:
    items = "\n".join(f"- {sentence(rng, words, 5)}" for _ in range(3))
    return f"{sentence(rng, words, 25)} {sentence(rng, words, 18)}\n\n**{sentence(rng, words, 3)}**\n\n{items}\n"


def indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def generate(n: int, out: Path) -> None:
    rng = random.Random(n)
    if out.exists():
        shutil.rmtree(out)
    for name in ("mkdocs.yml", "theme", "schemas", "build.py", "passerelle"):
        src = ROOT / name
        (
            shutil.copytree(src, out / name, ignore=shutil.ignore_patterns("__pycache__"))
            if src.is_dir()
            else (out.mkdir(parents=True, exist_ok=True), shutil.copy2(src, out / name))
        )
    shutil.copytree(ROOT / "content" / "pages", out / "content" / "pages")
    employers = [f"employer-{i:04d}" for i in range(max(1, n // 20))]
    folder = out / "content" / "employers"
    folder.mkdir(parents=True)
    for eid in employers:
        (folder / f"{eid}.yml").write_text(
            f"name: Employer {eid[-4:]}\nwebsite: https://{eid}.example.org\n"
            f"sector:\n  fr: {sentence(rng, WORDS_FR, 2)}\n  en: {sentence(rng, WORDS_EN, 2)}\n"
            f"description:\n  fr: |\n{indent(paragraph(rng, WORDS_FR))}\n  en: |\n{indent(paragraph(rng, WORDS_EN))}\n",
            encoding="utf-8",
        )
    start = dt.date(2026, 1, 1)
    for i in range(n):
        eid = employers[i % len(employers)]
        city, region = rng.choice(CITIES)
        posted = start + dt.timedelta(days=rng.randrange(300))
        deadline = dt.date(2035, 1, 1) + dt.timedelta(days=rng.randrange(700))
        ar = i % 4 == 0
        title = f"title:\n  fr: {sentence(rng, WORDS_FR, 4)}\n  en: {sentence(rng, WORDS_EN, 4)}\n" + (
            f"  ar: {sentence(rng, WORDS_AR, 4)}\n" if ar else ""
        )
        description = (
            f"description:\n  fr: |\n{indent(paragraph(rng, WORDS_FR))}\n  en: |\n{indent(paragraph(rng, WORDS_EN))}\n"
            + (f"  ar: |\n{indent(paragraph(rng, WORDS_AR))}\n" if ar else "")
        )
        path = out / "jobs" / eid / f"job-{i:05d}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            title + f"contract: {CONTRACTS[i % len(CONTRACTS)]}\nlocation:\n  city: {city}\n  region: {region}\n  country: FR\n"
            f"remote: {rng.choice(REMOTE)}\nposted: {posted}\ndeadline: {deadline}\n"
            f"apply: https://{eid}.example.org/jobs/{i}\nfrench_level: {rng.choice(['A2', 'B1', 'B2', 'C1'])}\n" + description,
            encoding="utf-8",
        )
    for i in range(max(1, n // 5)):
        folder = out / "stories" / f"story-{i:05d}"
        folder.mkdir(parents=True)
        (folder / "story.yml").write_text(
            f"name: Fellow {i}\nconsent: 2025-01-01\npublished: {start + dt.timedelta(days=rng.randrange(300))}\n"
            f"employer: {employers[i % len(employers)]}\ncohort: TF4Women 2025\n",
            encoding="utf-8",
        )
        for lang, words in (("fr", WORDS_FR), ("en", WORDS_EN)) + ((("ar", WORDS_AR),) if i % 4 == 0 else ()):
            (folder / f"{lang}.md").write_text(
                f"---\ntitle: {sentence(rng, words, 5)}\nsummary: {sentence(rng, words, 14)}\n---\n"
                + "\n".join(paragraph(rng, words) for _ in range(3)),
                encoding="utf-8",
            )


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
