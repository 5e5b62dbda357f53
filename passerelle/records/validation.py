"""Validation: raw documents become typed records, and every problem is said for the person who made it."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from passerelle.records import spec
from passerelle.records import vocabulary as V
from passerelle.records.fields import Fields, countries, country_words, currencies, nearest, show
from passerelle.records.loading import Source, Sources, StoryFolder
from passerelle.records.images import image_problem, svg_problem
from passerelle.records.models import Content, Employer, Figure, Job, Location, Page, PageText, Salary, Story, StoryText
from passerelle.records.memo import Memo
from passerelle.records.messages import M, Message, hint
from passerelle.records.problems import Problem, ordered
from passerelle.records.text import ascii_slug, mixed_script_word, skeleton


RECENT_DAYS = 30
"""A job posted this recently whose deadline has passed most likely has a mistyped deadline (an older one simply
closed, and leaves the site by itself)."""
TEMPLATE_TEXT = (
    "https://example.org/careers/",
    "Ce que fera la personne recrutée, avec qui",
    "What the person hired will do, with whom",
)
"""What `new job` writes as an example: left in a record, it was not filled in."""


class Validator:
    def __init__(self, sources: Sources, languages: tuple[str, ...], today: dt.date | None, memo: Memo) -> None:
        self.sources = sources
        self.languages = languages
        self.today = today
        self.memo = memo
        self.problems: list[Problem] = list(sources.problems)

    def fields(self, source: Source, what: str, allowed: tuple[str, ...]) -> Fields | None:
        if not isinstance(source.doc.data, dict):
            if source.doc.data is not None:
                self.problems.append(
                    Problem(
                        source.path,
                        source.doc.first_line,
                        M(
                            "{what} must be a list of fields ('name: value' lines), not {value}.",
                            what=M(what),
                            value=show(source.doc.data),
                        ),
                    )
                )
            return None
        f = Fields(source, source.doc.data, self.problems, self.languages, what)
        f.known(allowed)
        return f

    def employers(self) -> tuple[Employer, ...]:
        out = []
        used: set[str] = set()
        for eid, source in self.sources.employers.items():
            f = self.fields(source, "an employer", spec.names("employer"))
            if f is None:
                continue
            name = f.string("name", spec.required("employer", "name"))
            website = f.https_url("website", spec.required("employer", "website"))
            sector = f.text("sector")
            description = f.text("description", markdown=True)
            logo = f.file_beside("logo", self.sources.employer_files, V.IMAGE_SUFFIXES)
            posters = self.posters(f)
            if logo:
                used.add(logo.name)
                why = svg_problem(logo) if logo.suffix.lower() == ".svg" else image_problem(logo)
                if why:
                    f.problem("logo", M("the logo {name}: {why}", name=logo.name, why=why))
            if f.ok and name and website:
                out.append(Employer(eid, name, website, sector, description, logo, source.path, posters))
        self.look_alikes(out)
        for name in sorted(set(self.sources.employer_files) - used):
            self.problems.append(
                Problem(
                    f"content/employers/{name}",
                    None,
                    M("this image is the logo of no employer: name it in an employer's 'logo' field, or remove it."),
                )
            )
        return tuple(out)

    def posters(self, f: Fields) -> tuple[str, ...]:
        """`posters`: the GitHub logins that may post this employer's jobs."""
        value = f.get("posters", False)
        if value is None:
            return ()
        if not isinstance(value, list):
            f.problem("posters", M("the field 'posters' must be a list of GitHub logins, one a line beginning with '- '."))
            return ()
        out = []
        for i, item in enumerate(value):
            login = (
                f.typed(item, "posters", i).strip().lstrip("@") if not isinstance(item, (dict, list)) and item is not None else ""
            )
            if not V.GITHUB_LOGIN.fullmatch(login):
                f.problem(
                    "posters",
                    M(
                        "'{value}' in 'posters' is not a GitHub login: write the name shown on the person's GitHub page, such as alice-martin.",
                        value=login or show(item),
                    ),
                )
                continue
            out.append(login.lower())
        return tuple(out)

    def look_alikes(self, employers: list[Employer]) -> None:
        """Warn of an employer name that mixes scripts, or that looks like another's (one posing as another)."""
        seen: dict[str, Employer] = {}
        for employer in sorted(employers, key=lambda e: (mixed_script_word(e.name) is not None, e.id)):
            line = self.sources.employers[employer.id].doc.line("name")
            word = mixed_script_word(employer.name)
            if word:
                self.problems.append(
                    Problem(
                        employer.source,
                        line,
                        M(
                            "the name '{name}' mixes Latin letters with Cyrillic or Greek ones in '{word}': retype it "
                            "in one alphabet (look-alike letters are how fake employers imitate real ones).",
                            name=employer.name,
                            word=word,
                        ),
                        warning=True,
                    )
                )
            key = skeleton(employer.name)
            twin = seen.get(f"same:{employer.name.casefold()}") or seen.setdefault(key, employer)
            seen.setdefault(f"same:{employer.name.casefold()}", employer)
            if twin is not employer:
                template = (
                    "the name '{name}' is already the name of {other}: check that this is not the same employer twice."
                    if twin.name.casefold() == employer.name.casefold()
                    else "the name '{name}' looks like '{other_name}' ({other}): check that this employer is not posing as another."
                )
                self.problems.append(
                    Problem(
                        employer.source,
                        line,
                        M(template, name=employer.name, other=twin.source, other_name=twin.name),
                        warning=True,
                    )
                )

    def story(self, folder: StoryFolder, employers: set[str]) -> Story | None:
        source = folder.record
        if source is None:
            return None
        f = self.fields(source, "a story", spec.names("story"))
        if f is None:
            return None
        name = f.string(
            "name", spec.required("story", "name"), ": the name the fellow agreed to show, a first name or a pseudonym"
        )
        consent = f.date("consent", spec.required("story", "consent"))
        withdrawn = f.date("withdrawn")
        if "withdrawn" in f.data and (f.data["withdrawn"] is None or not str(f.data["withdrawn"]).strip()):
            f.problem(
                "withdrawn",
                M(
                    "the field 'withdrawn' is empty: write the date the fellow withdrew her consent "
                    "(YYYY-MM-DD), and the story leaves the site; remove the line only if she did not."
                ),
            )
        published = f.date("published", spec.required("story", "published"))
        employer = f.string("employer")
        if employer and employer not in employers:
            f.problem(
                "employer",
                M(
                    "the field 'employer' is '{value}', but there is no content/employers/{value}.yml.{hint}",
                    value=employer,
                    hint=hint(nearest(employer, sorted(employers))),
                ),
            )
        role = f.text("role")
        cohort = f.string("cohort")
        photo = f.file_beside("photo", folder.files, V.PHOTO_SUFFIXES)
        if photo and (why := image_problem(photo)):
            f.problem("photo", why)
        photo_alt = f.text("photo_alt")
        indexable = f.boolean("indexable", True)
        tags = f.tags()
        if consent and published and published < consent:
            f.problem(
                "published",
                M(
                    "the story is published on {published} but consent was given on {consent}: a story is published only after consent.",
                    published=published,
                    consent=consent,
                ),
            )
        for name_ in sorted(folder.files):
            if photo is None or name_ != photo.name:
                self.problems.append(
                    Problem(
                        f"{folder.path}/{name_}",
                        None,
                        M("this file is not used by the story: name it in the 'photo' field of story.yml, or remove it."),
                    )
                )
        texts = []
        for lang, text_source in folder.texts.items():
            tf = self.fields(text_source, "a story's text", spec.names("story_text"))
            if tf is None:
                continue
            title = tf.string("title", spec.required("story_text", "title"))
            summary = tf.string(
                "summary", spec.required("story_text", "summary"), ": one or two sentences, shown on cards and in feeds"
            )
            if not text_source.body.strip():
                self.problems.append(
                    Problem(text_source.path, text_source.body_line, M("the story has no text after its front matter."))
                )
            elif title and summary and tf.ok:
                texts.append(StoryText(lang, title, summary, text_source.body, text_source.path))
        if not folder.text_files:
            self.problems.append(
                Problem(
                    source.path,
                    None,
                    M(
                        "the story has no text: add a <lang>.md beside story.yml, for one of {languages}.",
                        languages=", ".join(self.languages),
                    ),
                )
            )
        order = {lang: i for i, lang in enumerate(self.languages)}
        texts.sort(key=lambda t: order[t.lang])
        if not (f.ok and texts and name and consent and published) or len(texts) != len(folder.texts):
            return None
        return Story(
            folder.id,
            name,
            consent,
            withdrawn,
            published,
            employer,
            role,
            cohort,
            photo,
            photo_alt,
            indexable,
            tags,
            tuple(texts),
            source.path,
        )

    def job(self, eid: str, jid: str, source: Source, employers: set[str]) -> Job | None:
        """The job of `source`, from the memo when it validated the same bytes with the employer as it is."""
        found = self.memo.job(source.key, eid, employers) if source.key else None
        if found is not None:
            self.problems.extend(found.problems)
            return found.job
        start = len(self.problems)
        job = self._job(eid, jid, source, employers)
        if source.key:
            self.memo.keep_job(source.key, job, self.problems[start:], eid, employers)
        return job

    def _job(self, eid: str, jid: str, source: Source, employers: set[str]) -> Job | None:
        """What the file alone says, and whether its employer exists: nothing of the day or of other jobs."""
        f = self.fields(source, "a job", spec.names("job"))
        if f is None:
            return None
        if eid not in employers:
            f.problem(
                None,
                M(
                    "the folder 'jobs/{employer}/' names no employer: add content/employers/{employer}.yml, or move this file into the folder of an existing employer.{hint}",
                    employer=eid,
                    hint=hint(nearest(eid, sorted(employers)), " Did you mean jobs/{near}/?"),
                ),
            )
        title = f.text("title", spec.required("job", "title"))
        contract = f.choice("contract", V.CONTRACTS, spec.required("job", "contract"), words=V.WORDS["contract"])
        remote = f.choice("remote", V.REMOTE, default="onsite", words=V.WORDS["remote"]) or "onsite"
        location = self.location(source, f, remote)
        posted = f.date("posted", spec.required("job", "posted"))
        deadline = f.date("deadline", spec.required("job", "deadline"))
        start = f.date("start")
        apply = f.https_url("apply", spec.required("job", "apply"), mailto=True)
        description = f.text("description", spec.required("job", "description"), markdown=True)
        level = f.choice("french_level", V.FRENCH_LEVELS)
        training = f.text("training")
        salary = self.salary(source, f)
        tags = f.tags()
        if posted and deadline and deadline < posted:
            f.problem(
                "deadline",
                M(
                    "the deadline ({deadline}) is before the date posted ({posted}): the deadline must be on or after it.",
                    deadline=deadline,
                    posted=posted,
                ),
            )
        if not (f.ok and title and contract and location and posted and deadline and apply and description):
            return None
        return Job(
            eid,
            jid,
            title,
            contract,
            location,
            remote,
            posted,
            deadline,
            start,
            apply,
            description,
            level,
            training,
            salary,
            tags,
            source.path,
        )

    def advise(self, job: Job, source: Source) -> None:
        """Warnings: what is allowed but is most likely a mistake that would cost the job its readers. From the
        valid job alone (and the day), so that a job taken from the memo is advised as one read anew."""
        posted, deadline, start, apply, description = job.posted, job.deadline, job.start, job.apply, job.description

        def warn(key: str, message: Message) -> None:
            self.problems.append(Problem(source.path, source.doc.line(key), message, warning=True))

        if self.today and deadline < self.today <= posted + dt.timedelta(days=RECENT_DAYS):
            warn(
                "deadline",
                M(
                    "the deadline ({deadline}) is already past: the job will not appear on the site. "
                    "Move the deadline, or remove the file.",
                    deadline=deadline,
                ),
            )
        if self.today and posted > self.today:
            warn(
                "posted",
                M("the job is posted on {posted}, in the future: it will appear on the site only from that day.", posted=posted),
            )
        if start and start < posted:
            warn(
                "start",
                M(
                    "the job starts on {start}, before the date it is posted ({posted}): check the start date.",
                    start=start,
                    posted=posted,
                ),
            )
        texts = [apply, *(text for _, text in description.by_lang)]  # the values: a file's text may be set aside
        if any(sample in text for sample in TEMPLATE_TEXT for text in texts):
            warn(
                "apply" if TEMPLATE_TEXT[0] in apply else "description",
                M("the file still holds the template's example text or address: replace it with the job's own."),
            )
        place = job.location
        if place.country == "FR" and not place.region and job.remote != "full" and (not self.today or deadline >= self.today):
            warn(
                "location",
                M(
                    "the job has no region: fellows who choose a region will not see it. Add region: under location, "
                    "for example 'region: Auvergne-Rhône-Alpes' for Lyon.",
                ),
            )

    def apply_elsewhere(self, jobs: list[Job], employers: tuple[Employer, ...]) -> None:
        """Warn of an apply link on another domain than the employer's site, and of a title already open there."""
        sites = {e.id: _domain(e.website) for e in employers}
        seen: dict[tuple[str, str], Job] = {}
        for job in sorted(jobs, key=lambda j: (j.posted, j.key)):
            source = self.sources.jobs[(job.employer, job.id)]
            host = _domain(job.apply) if job.apply.startswith("https://") else _domain("https://" + job.apply.split("@")[-1])
            if sites.get(job.employer) and host and host != sites[job.employer]:
                self.problems.append(
                    Problem(
                        job.source,
                        source.doc.line("apply"),
                        M(
                            "the apply link goes to {host}, not to the employer's website ({site}): check that it is the employer's "
                            "own (a link elsewhere is a common sign of a fake offer).",
                            host=host,
                            site=sites[job.employer],
                        ),
                        warning=True,
                    )
                )
            title = (job.title.by_lang[0][1].casefold(), job.employer)
            open_ = self.today is None or job.posted <= self.today <= job.deadline
            if open_ and title in seen:
                self.problems.append(
                    Problem(
                        job.source,
                        source.doc.line("title"),
                        M(
                            "the same title is already open at this employer ({other}): is this the same job twice?",
                            other=seen[title].source,
                        ),
                        warning=True,
                    )
                )
            elif open_:
                seen[title] = job

    def location(self, source: Source, parent: Fields, remote: str) -> Location | None:
        value = parent.get("location", spec.required("job", "location"))
        if value is None:
            return None
        if not isinstance(value, dict):
            parent.problem(
                "location", M("the field 'location' must hold city:, region: and country: on indented lines below it.")
            )
            return None
        f = Fields(source, value, self.problems, self.languages, "a location", ("location",))
        f.known(spec.names("job", "location"))
        city = f.string("city", spec.required("job", "location.city", {"remote": remote}), " (unless remote: full)")
        region = f.string("region")
        if region and ascii_slug(region) == "region" and region.casefold() != "region":
            f.problem(
                "region",
                M(
                    "the field 'location.region' is '{value}': write the region's name in Latin letters "
                    "(as in French, for example Île-de-France), since it names the region's list.",
                    value=region,
                ),
            )
        country = f.string("country", spec.required("job", "location.country"), ": a two-letter country code such as FR")
        if country and country not in countries():
            upper, meant = country.upper(), country_words().get(country.casefold())
            fix = (
                M(" Write it in capitals: '{near}'.", near=upper)
                if upper in countries()
                else M(" Did you mean '{near}'?", near=meant)
                if meant
                else M(" Use a two-letter ISO code, such as FR, BE or DE.")
            )
            f.problem(
                "country",
                M("the field 'location.country' is '{value}', which is not a country code.{hint}", value=country, hint=fix),
            )
        if not f.ok:
            parent.ok = False
            return None
        return Location(city, region, country)  # type: ignore[arg-type]

    def salary(self, source: Source, parent: Fields) -> Salary | None:
        value = parent.get("salary", spec.required("job", "salary"))
        if value is None:
            return None
        if not isinstance(value, dict):
            parent.problem(
                "salary", M("the field 'salary' must hold min:, max:, currency: and period: on indented lines below it.")
            )
            return None
        f = Fields(source, value, self.problems, self.languages, "a salary", ("salary",))
        f.known(spec.names("job", "salary"))
        amounts = []
        for key in ("min", "max"):
            amount = f.get(key, spec.required("job", f"salary.{key}"), ", a number such as 1800")
            if amount is not None and (
                isinstance(amount, bool) or not isinstance(amount, (int, float)) or not 0 <= amount <= V.SALARY_MAX
            ):  # NaN fails both comparisons
                f.problem(
                    key,
                    M(
                        "the field 'salary.{field}' is {value}: write a number from 0 to {limit}, without spaces or currency sign, such as 1800.",
                        field=key,
                        value=show(amount),
                        limit=V.SALARY_MAX,
                    ),
                )
                amount = None
            amounts.append(amount)
        currency = f.string("currency", spec.required("job", "salary.currency"), ", a currency code such as EUR")
        if currency and currency not in currencies():
            f.problem(
                "currency",
                M(
                    "the field 'salary.currency' is '{value}', which is not a currency code: write a three-letter ISO 4217 code such as EUR.",
                    value=currency,
                ),
            )
        period = f.choice("period", V.SALARY_PERIODS, spec.required("job", "salary.period"), words=V.WORDS["period"])
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
            self.problems.append(
                Problem(
                    first.path,
                    None,
                    M("'{page}' is a name the site uses for its own pages: rename the folder content/pages/{page}/.", page=pid),
                )
            )
            return None
        out = []
        order = 100
        for lang, source in texts.items():
            f = self.fields(source, "a page", spec.names("page"))
            if f is None:
                continue
            title = f.string("title", spec.required("page", "title"))
            summary = f.string("summary")
            value = f.get("order", False)
            if value is not None:
                if isinstance(value, int) and not isinstance(value, bool):
                    order = value
                else:
                    f.problem(
                        "order",
                        M("the field 'order' is {value}: write a whole number (pages are listed by it).", value=show(value)),
                    )
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
        for job in jobs:
            self.advise(job, self.sources.jobs[(job.employer, job.id)])
        self.apply_elsewhere(jobs, employers)
        pages = [p for p in (self.page(pid, texts) for pid, texts in self.sources.pages.items()) if p]
        return Content(
            employers, tuple(stories), tuple(jobs), tuple(sorted(pages, key=lambda p: (p.order, p.id))), self.figures()
        )

    def figures(self) -> tuple[Figure, ...]:
        """content/impact.yml: `figures:`, a list of value, label, source, date and an optional url."""
        source = self.sources.impact
        if source is None:
            return ()
        top = self.fields(source, "the impact file", ("figures",))
        if top is None:
            return ()
        items = top.get("figures", True)
        if not isinstance(items, list):
            if items is not None:
                top.problem("figures", M("the field 'figures' must be a list, each figure beginning with '- value:'."))
            return ()
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                top.problem("figures", M("each figure must hold value:, label:, source: and date: on indented lines."))
                continue
            f = Fields(source, item, self.problems, self.languages, "a figure", ("figures", i))
            f.known(spec.names("figure"))
            value = f.string("value", spec.required("figure", "value"), ", for example 80 %")
            label = f.text("label", spec.required("figure", "label"))
            where = f.string("source", spec.required("figure", "source"), ": who published the figure")
            day = f.date("date", spec.required("figure", "date"))
            url = f.https_url("url")
            if f.ok and value and label and where and day:
                out.append(Figure(value, label, where, day, url))
        return tuple(out)


def _domain(url: str) -> str:
    """The registrable part of a URL's host, roughly: its last two labels (jobs.acme.example.org -> example.org is
    too coarse for shared hosts, so three labels are kept when the second-level label is short, as in co.uk)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def validate(
    sources: Sources, languages: tuple[str, ...], today: dt.date | None = None, memo: Memo | None = None
) -> tuple[Content, list[Problem]]:
    """Turn what was read into typed records; return them with every problem found (warnings need `today`). Jobs
    validated before from the same bytes are taken from `memo`, and those validated now are kept in it."""
    validator = Validator(sources, languages, today, memo or Memo(None))
    content = validator.run()
    return content, ordered(validator.problems)
