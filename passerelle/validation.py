"""Validation: raw documents become typed records, and every problem is said for the person who made it."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import babel
import babel.numbers

from . import vocabulary as V
from .loading import Source, Sources, StoryFolder
from .media import image_problem, svg_problem
from .models import Content, Employer, Job, Location, Page, PageText, Salary, Story, StoryText, Text
from .messages import M, Message, hint
from .problems import Problem, ordered

_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_COUNTRIES = frozenset(code for code in babel.Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code))
_CURRENCIES = frozenset(babel.numbers.list_currencies())
_MISSING = object()


def _nearest(word: str, choices: tuple[str, ...] | list[str]) -> str | None:
    for choice in choices:
        if choice.casefold() == str(word).casefold():
            return choice
    found = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def _show(value: Any) -> Message | str:
    if isinstance(value, dict):
        return M("a mapping")
    if isinstance(value, list):
        return M("a list")
    if value is None:
        return M("nothing")
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


class Fields:
    """Reads the fields of one mapping in one file, and records what is wrong with them."""

    def __init__(self, source: Source, data: Any, problems: list[Problem], languages: tuple[str, ...],
                 what: str, prefix: tuple[Any, ...] = ()) -> None:
        self.source = source
        self.data = data if isinstance(data, dict) else {}
        self.problems = problems
        self.languages = languages
        self.what = what
        self.prefix = prefix
        self.ok = True

    def name(self, key: str) -> str:
        return ".".join(str(k) for k in (*self.prefix, key))

    def problem(self, key: str | None, message: Message) -> None:
        line = self.source.doc.line(*self.prefix, *((key,) if key else ()))
        self.problems.append(Problem(self.source.path, line, message))
        self.ok = False

    def known(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                self.problem(str(key), M("unknown field '{field}'.{hint} The fields of {what} are: {allowed}.",
                                         field=self.name(str(key)), hint=hint(_nearest(str(key), allowed)),
                                         what=M(self.what), allowed=", ".join(allowed)))

    def get(self, key: str, required: bool, hint_: str = "") -> Any:
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None or value == "":
            if required:
                template = "the field '{field}' is missing: it is required{hint}." if value is _MISSING \
                    else "the field '{field}' is empty: it is required{hint}."
                self.problem(None if value is _MISSING else key, M(template, field=self.name(key), hint=M(hint_) if hint_ else ""))
            return None
        return value

    def string(self, key: str, required: bool = False, hint_: str = "") -> str | None:
        value = self.get(key, required, hint_)
        if value is None:
            return None
        if isinstance(value, (dict, list)) or isinstance(value, (dt.date, bool)):
            template = "the field '{field}' must be text, not {value}." if isinstance(value, (dict, list)) \
                else "the field '{field}' must be text, not {value}. Put it in quotes."
            self.problem(key, M(template, field=self.name(key), value=_show(value)))
            return None
        return self.plain(key, str(value).strip())

    def plain(self, key: str, text: str) -> str | None:
        if _MARKUP.search(text):
            tag = _MARKUP.search(text).group(0)  # type: ignore[union-attr]
            self.problem(key, M("the field '{field}' contains HTML markup ('{tag}…'): write plain text, without < and > tags.",
                                field=self.name(key), tag=tag))
            return None
        return text

    def choice(self, key: str, choices: tuple[str, ...], required: bool = False, default: str | None = None) -> str | None:
        value = self.get(key, required)
        if value is None:
            return default
        if str(value) not in choices:
            self.problem(key, M("the field '{field}' is {value}, which is not allowed.{hint} Write one of: {allowed}.",
                                field=self.name(key), value=_show(value), hint=hint(_nearest(str(value), choices)),
                                allowed=", ".join(choices)))
            return default
        return str(value)

    def date(self, key: str, required: bool = False) -> dt.date | None:
        value = self.get(key, required, ", a date written YYYY-MM-DD")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problem(key, M("the field '{field}' has a time ({value}): write the date only, as YYYY-MM-DD.",
                                field=self.name(key), value=_show(value)))
            return None
        if not isinstance(value, dt.date):
            self.problem(key, M("the field '{field}' is {value}, which is not a date: write it as YYYY-MM-DD, for example 2026-09-01.",
                                field=self.name(key), value=_show(value)))
            return None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, M("the field '{field}' is {value}: write true or false.", field=self.name(key), value=_show(value)))
            return default
        return value

    def text(self, key: str, required: bool = False, markdown: bool = False) -> Text | None:
        """A translatable field: a plain string (the default language) or a mapping {lang: text}."""
        value = self.get(key, required)
        if value is None:
            return None
        if isinstance(value, dict):
            pairs = []
            for lang, text in value.items():
                lang = str(lang)
                if lang not in self.languages:
                    self.problem(key, M("the field '{field}' has text for '{lang}', which is not a language of this site.{hint} Languages: {languages}.",
                                        field=self.name(key), lang=lang, hint=hint(_nearest(lang, self.languages)),
                                        languages=", ".join(self.languages)))
                    continue
                if not isinstance(text, str) or not text.strip():
                    template = "the text of '{field}' in '{lang}' is empty: write it as text, or remove that line." if not text \
                        else "the text of '{field}' in '{lang}' is {value}: write it as text, or remove that line."
                    self.problem(key, M(template, field=self.name(key), lang=lang, value=_show(text)))
                    continue
                checked = text.strip() if markdown else self.plain(key, text.strip())
                if checked is not None:
                    pairs.append((lang, checked))
            if not pairs:
                if self.ok:
                    self.problem(key, M("the field '{field}' has no text: give at least one language, for example '{lang}: ...'.",
                                        field=self.name(key), lang=self.languages[0]))
                return None
            order = {lang: i for i, lang in enumerate(self.languages)}
            return Text(tuple(sorted(pairs, key=lambda p: order[p[0]])))
        if isinstance(value, (list, dt.date, bool)):
            self.problem(key, M("the field '{field}' must be text, or a text per language ({lang}: ...), not {value}.",
                                field=self.name(key), lang=self.languages[0], value=_show(value)))
            return None
        text = str(value).strip()
        checked = text if markdown else self.plain(key, text)
        return Text(((self.languages[0], checked),)) if checked is not None else None

    def https_url(self, key: str, required: bool = False, mailto: bool = False) -> str | None:
        value = self.string(key, required)
        if value is None:
            return None
        if mailto and value.lower().startswith("mailto:"):
            address = value[7:].split("?", 1)[0]
            if _EMAIL.match(address):
                return value
            self.problem(key, M("the field '{field}' is {value}, which is not a valid e-mail address: write mailto:jobs@example.org.",
                                field=self.name(key), value=_show(value)))
            return None
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.netloc or " " in value or "." not in parts.netloc:
            allowed = M("an address beginning with https:// or mailto:" if mailto else "an address beginning with https://")
            self.problem(key, M("the field '{field}' is {value}: write {allowed}, for example https://example.org/careers.",
                                field=self.name(key), value=_show(value), allowed=allowed))
            return None
        return value

    def tags(self, key: str = "tags") -> tuple[str, ...]:
        value = self.get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(key, M("the field '{field}' must be a list, one tag a line beginning with '- '.", field=self.name(key)))
            return ()
        out = []
        for item in value:
            if not isinstance(item, (str, int)) or isinstance(item, bool) or not str(item).strip():
                self.problem(key, M("each tag of '{field}' must be a short text; {value} is not.", field=self.name(key), value=_show(item)))
                continue
            text = self.plain(key, str(item).strip())
            if text:
                out.append(text)
        return tuple(out)

    def file_beside(self, key: str, files: dict[str, Path], suffixes: tuple[str, ...]) -> Path | None:
        name = self.string(key)
        if name is None:
            return None
        if "/" in name or "\\" in name or name.startswith("."):
            self.problem(key, M("the field '{field}' must be the name of a file in the same folder, not a path: {value}.",
                                field=self.name(key), value=_show(name)))
            return None
        if Path(name).suffix.lower() not in suffixes:
            self.problem(key, M("the field '{field}' is {value}: the file must be one of {allowed}.",
                                field=self.name(key), value=_show(name), allowed=", ".join(suffixes)))
            return None
        if name not in files:
            self.problem(key, M("the field '{field}' names {value}, but there is no such file beside this record: add it, or check the spelling.",
                                field=self.name(key), value=_show(name)))
            return None
        return files[name]


class Validator:
    def __init__(self, sources: Sources, languages: tuple[str, ...]) -> None:
        self.sources = sources
        self.languages = languages
        self.problems: list[Problem] = list(sources.problems)

    def fields(self, source: Source, what: str, allowed: tuple[str, ...]) -> Fields | None:
        if not isinstance(source.doc.data, dict):
            if source.doc.data is not None:
                self.problems.append(Problem(source.path, source.doc.first_line,
                                             M("{what} must be a list of fields ('name: value' lines), not {value}.",
                                               what=M(what), value=_show(source.doc.data))))
            return None
        f = Fields(source, source.doc.data, self.problems, self.languages, what)
        f.known(allowed)
        return f

    def employers(self) -> tuple[Employer, ...]:
        out = []
        used: set[str] = set()
        for eid, source in self.sources.employers.items():
            f = self.fields(source, "an employer", V.EMPLOYER_FIELDS)
            if f is None:
                continue
            name = f.string("name", True)
            website = f.https_url("website", True)
            sector = f.text("sector")
            description = f.text("description", markdown=True)
            logo = f.file_beside("logo", self.sources.employer_files, V.IMAGE_SUFFIXES)
            if logo:
                used.add(logo.name)
                why = svg_problem(logo.read_bytes()) if logo.suffix.lower() == ".svg" else image_problem(logo)
                if why:
                    f.problem("logo", M("the logo {name}: {why}", name=logo.name, why=why))
            if f.ok and name and website:
                out.append(Employer(eid, name, website, sector, description, logo, source.path))
        for name in sorted(set(self.sources.employer_files) - used):
            self.problems.append(Problem(f"content/employers/{name}", None, M("this image is the logo of no employer: name it in an employer's 'logo' field, or remove it.")))
        return tuple(out)

    def story(self, folder: StoryFolder, employers: set[str]) -> Story | None:
        source = folder.record
        if source is None:
            return None
        f = self.fields(source, "a story", V.STORY_FIELDS)
        if f is None:
            return None
        name = f.string("name", True, ": the name the fellow agreed to show, a first name or a pseudonym")
        consent = f.date("consent", True)
        withdrawn = f.date("withdrawn")
        published = f.date("published", True)
        employer = f.string("employer")
        if employer and employer not in employers:
            f.problem("employer", M("the field 'employer' is '{value}', but there is no content/employers/{value}.yml.{hint}",
                                    value=employer, hint=hint(_nearest(employer, sorted(employers)))))
        role = f.text("role")
        cohort = f.string("cohort")
        photo = f.file_beside("photo", folder.files, V.PHOTO_SUFFIXES)
        if photo and (why := image_problem(photo)):
            f.problem("photo", why)
        photo_alt = f.text("photo_alt")
        indexable = f.boolean("indexable", True)
        tags = f.tags()
        if consent and published and published < consent:
            f.problem("published", M("the story is published on {published} but consent was given on {consent}: a story is published only after consent.",
                                     published=published, consent=consent))
        for name_ in sorted(folder.files):
            if photo is None or name_ != photo.name:
                self.problems.append(Problem(f"{folder.path}/{name_}", None, M("this file is not used by the story: name it in the 'photo' field of story.yml, or remove it.")))
        texts = []
        for lang, text_source in folder.texts.items():
            tf = self.fields(text_source, "a story's text", V.STORY_TEXT_FIELDS)
            if tf is None:
                continue
            title = tf.string("title", True)
            summary = tf.string("summary", True, ": one or two sentences, shown on cards and in feeds")
            if not text_source.body.strip():
                self.problems.append(Problem(text_source.path, text_source.body_line, M("the story has no text after its front matter.")))
            elif title and summary and tf.ok:
                texts.append(StoryText(lang, title, summary, text_source.body, text_source.path))
        if not folder.text_files:
            self.problems.append(Problem(source.path, None, M("the story has no text: add a <lang>.md beside story.yml, for one of {languages}.",
                                                              languages=", ".join(self.languages))))
        order = {lang: i for i, lang in enumerate(self.languages)}
        texts.sort(key=lambda t: order[t.lang])
        if not (f.ok and texts and name and consent and published) or len(texts) != len(folder.texts):
            return None
        return Story(folder.id, name, consent, withdrawn, published, employer, role, cohort, photo, photo_alt, indexable,
                     tags, tuple(texts), source.path)

    def job(self, eid: str, jid: str, source: Source, employers: set[str]) -> Job | None:
        f = self.fields(source, "a job", V.JOB_FIELDS)
        if f is None:
            return None
        if eid not in employers:
            f.problem(None, M("the folder 'jobs/{employer}/' names no employer: add content/employers/{employer}.yml, or move this file into the folder of an existing employer.{hint}",
                              employer=eid, hint=hint(_nearest(eid, sorted(employers)), " Did you mean jobs/{near}/?")))
        title = f.text("title", True)
        contract = f.choice("contract", V.CONTRACTS, True)
        remote = f.choice("remote", V.REMOTE, default="onsite") or "onsite"
        location = self.location(source, f, remote)
        posted = f.date("posted", True)
        deadline = f.date("deadline", True)
        start = f.date("start")
        apply = f.https_url("apply", True, mailto=True)
        description = f.text("description", True, markdown=True)
        level = f.choice("french_level", V.FRENCH_LEVELS)
        training = f.text("training")
        salary = self.salary(source, f)
        tags = f.tags()
        if posted and deadline and deadline < posted:
            f.problem("deadline", M("the deadline ({deadline}) is before the date posted ({posted}): the deadline must be on or after it.",
                                    deadline=deadline, posted=posted))
        if not (f.ok and title and contract and location and posted and deadline and apply and description):
            return None
        return Job(eid, jid, title, contract, location, remote, posted, deadline, start, apply, description, level,
                   training, salary, tags, source.path)

    def location(self, source: Source, parent: Fields, remote: str) -> Location | None:
        value = parent.get("location", True)
        if value is None:
            return None
        if not isinstance(value, dict):
            parent.problem("location", M("the field 'location' must hold city:, region: and country: on indented lines below it."))
            return None
        f = Fields(source, value, self.problems, self.languages, "a location", ("location",))
        f.known(V.LOCATION_FIELDS)
        city = f.string("city", remote != "full", " (unless remote: full)")
        region = f.string("region")
        country = f.string("country", True, ": a two-letter country code such as FR")
        if country and country not in _COUNTRIES:
            upper = country.upper()
            fix = M(" Write it in capitals: '{near}'.", near=upper) if upper in _COUNTRIES \
                else M(" Use a two-letter ISO code, such as FR, BE or DE.")
            f.problem("country", M("the field 'location.country' is '{value}', which is not a country code.{hint}", value=country, hint=fix))
        if not f.ok:
            parent.ok = False
            return None
        return Location(city, region, country)  # type: ignore[arg-type]

    def salary(self, source: Source, parent: Fields) -> Salary | None:
        value = parent.get("salary", False)
        if value is None:
            return None
        if not isinstance(value, dict):
            parent.problem("salary", M("the field 'salary' must hold min:, max:, currency: and period: on indented lines below it."))
            return None
        f = Fields(source, value, self.problems, self.languages, "a salary", ("salary",))
        f.known(V.SALARY_FIELDS)
        amounts = []
        for key in ("min", "max"):
            amount = f.get(key, True, ", a number such as 1800")
            if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0):
                f.problem(key, M("the field 'salary.{field}' is {value}: write a number without spaces or currency sign, such as 1800.",
                                 field=key, value=_show(amount)))
                amount = None
            amounts.append(amount)
        currency = f.string("currency", True, ", a currency code such as EUR")
        if currency and currency not in _CURRENCIES:
            f.problem("currency", M("the field 'salary.currency' is '{value}', which is not a currency code: write a three-letter ISO 4217 code such as EUR.",
                                    value=currency))
        period = f.choice("period", V.SALARY_PERIODS, True)
        low, high = amounts
        if low is not None and high is not None and low > high:
            f.problem("max", M("the salary max ({high}) is below its min ({low}): max must be at least min.", high=high, low=low))
        if not f.ok:
            parent.ok = False
            return None
        return Salary(float(low), float(high), currency, period)  # type: ignore[arg-type]

    def page(self, pid: str, texts: dict[str, Source]) -> Page | None:
        if pid in V.RESERVED_PAGES:
            first = next(iter(texts.values()))
            self.problems.append(Problem(first.path, None, M("'{page}' is a name the site uses for its own pages: rename the folder content/pages/{page}/.", page=pid)))
            return None
        out = []
        order = 100
        for lang, source in texts.items():
            f = self.fields(source, "a page", V.PAGE_FIELDS)
            if f is None:
                continue
            title = f.string("title", True)
            summary = f.string("summary")
            value = f.get("order", False)
            if value is not None:
                if isinstance(value, int) and not isinstance(value, bool):
                    order = value
                else:
                    f.problem("order", M("the field 'order' is {value}: write a whole number (pages are listed by it).", value=_show(value)))
            if title and f.ok:
                out.append(PageText(lang, title, summary, source.body, source.path))
        if len(out) != len(texts):
            return None
        rank = {lang: i for i, lang in enumerate(self.languages)}
        out.sort(key=lambda t: rank[t.lang])
        return Page(pid, order, tuple(out))

    def run(self) -> Content:
        employers = self.employers()
        ids = set(self.sources.employers)  # a broken employer still exists: its jobs get no second error
        stories = [s for s in (self.story(folder, ids) for folder in self.sources.stories.values()) if s]
        jobs = [j for j in (self.job(e, i, s, ids) for (e, i), s in self.sources.jobs.items()) if j]
        pages = [p for p in (self.page(pid, texts) for pid, texts in self.sources.pages.items()) if p]
        return Content(employers, tuple(stories), tuple(jobs), tuple(sorted(pages, key=lambda p: (p.order, p.id))))


def validate(sources: Sources, languages: tuple[str, ...]) -> tuple[Content, list[Problem]]:
    """Turn what was read into typed records; return them with every problem found."""
    validator = Validator(sources, languages)
    content = validator.run()
    return content, ordered(validator.problems)
