"""Loading: find every record file of the project and read it into YAML documents (the only step that reads content)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from passerelle.records.markup import markdown_problem
from passerelle.records.messages import M, Message
from passerelle.records.problems import Problem
from passerelle.records.files import NotAllowed, entry_problem, read_regular
from passerelle.records.text import characters_problem
from passerelle.records.vocabulary import ID_MAX, ID_RE, IMAGE_SUFFIXES, RESERVED_IDS
from passerelle.records.yamlfile import MAX_BYTES, Document, YamlError, decode, parse, split_front_matter
from passerelle.workers import default_jobs, pool


@dataclass
class Source:
    """One file read: its YAML document, and for Markdown files the body after the front matter."""

    path: str
    doc: Document
    body: str = ""
    body_line: int = 1


@dataclass
class StoryFolder:
    id: str
    path: str
    record: Source | None = None
    texts: dict[str, Source] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    """Other files beside story.yml (photos), by name."""
    text_files: int = 0
    """How many <lang>.md files there are, read or not."""


@dataclass
class Sources:
    """Everything read from disk, before validation."""

    employers: dict[str, Source] = field(default_factory=dict)
    employer_files: dict[str, Path] = field(default_factory=dict)
    """Files beside the employer records (logos), by name."""
    stories: dict[str, StoryFolder] = field(default_factory=dict)
    jobs: dict[tuple[str, str], Source] = field(default_factory=dict)
    pages: dict[str, dict[str, Source]] = field(default_factory=dict)
    impact: Source | None = None
    """content/impact.yml: the programme's own figures, when it has some."""
    problems: list[Problem] = field(default_factory=list)


def id_problem(name: str, kind: str | None = None) -> Message | None:
    """Why `name` is not a valid id (for a record of `kind`: see vocabulary.RESERVED_IDS), or None."""
    if len(name) > ID_MAX:
        return M(
            "the name '{name}' is {length} characters long; an id has at most {limit}.",
            name=name[:ID_MAX],
            length=len(name),
            limit=ID_MAX,
        )
    if kind and name in RESERVED_IDS[kind]:
        return M(
            "'{name}' is a name the site uses for its own pages; the names reserved here are: {reserved}. Choose another name.",
            name=name,
            reserved=", ".join(RESERVED_IDS[kind]),
        )
    if not ID_RE.fullmatch(name):
        suggestion = "-".join(filter(None, "".join(c if c.isascii() and c.isalnum() else "-" for c in name.lower()).split("-")))
        example = M(" (for example '{near}')", near=suggestion) if suggestion and ID_RE.match(suggestion) else ""
        return M(
            "the name '{name}' is not a valid id: use lowercase letters a-z, digits and single hyphens between them{example}.",
            name=name,
            example=example,
        )
    return None


def read_source(root: Path, path: Path, markdown: bool) -> Source | Problem:
    """Read one record file: its YAML document (and Markdown body), or the problem that stops it."""
    rel = path.relative_to(root).as_posix()
    try:
        text = decode(read_regular(path, MAX_BYTES))
        if not markdown:
            return Source(rel, parse(text))
        front, body, body_line = split_front_matter(text)
        if front is None:
            return Problem(
                rel, 1, M("the file has no front matter: begin it with a line ---, then title: and summary:, then ---.")
            )
        why = characters_problem(body) or markdown_problem(body)
        if why:
            at = _refused_line(body)
            return Problem(rel, body_line + at if at is not None else body_line, M("the text {why}", why=why))
        return Source(rel, front, body, body_line)
    except YamlError as e:
        return Problem(rel, e.line, e.message)
    except NotAllowed as e:
        return Problem(rel, None, e.message)
    except OSError as e:
        return Problem(rel, None, M("the file cannot be read: {why}.", why=e.strerror))


def _refused_line(body: str) -> int | None:
    """How many lines into `body` its first refused character is (None: the problem is the whole text)."""
    for n, line in enumerate(body.splitlines()):
        if characters_problem(line):
            return n
    return None


def _read_chunk(task: tuple[Path, list[tuple[Path, bool]]]) -> list[Source | Problem]:
    """Read files in a worker process; their texts stay behind (see Document.set_text_aside)."""
    root, paths = task
    found = [read_source(root, path, markdown) for path, markdown in paths]
    for (path, _), result in zip(paths, found, strict=True):
        if isinstance(result, Source):
            result.doc.set_text_aside(str(path))
    return found


PARALLEL_FROM = 800
"""From this many files, every core reads them (parsing YAML is most of `check`)."""
CHUNKS_PER_WORKER = 8
"""Small chunks: results come back while other chunks are still being parsed."""


def read_all(root: Path, paths: list[tuple[Path, bool]], jobs: int | None = None) -> dict[Path, Source | Problem]:
    """Read many files, on every core (at most 4) when there are many."""
    workers = min(jobs or default_jobs(), 4)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return {path: read_source(root, path, markdown) for path, markdown in paths}
    chunks = [paths[i :: workers * CHUNKS_PER_WORKER] for i in range(workers * CHUNKS_PER_WORKER)]
    with pool(workers, len(chunks)) as executor:
        results = list(executor.map(_read_chunk, [(root, chunk) for chunk in chunks]))
    return {
        path: result for chunk, found in zip(chunks, results, strict=True) for (path, _), result in zip(chunk, found, strict=True)
    }


class _Reader:
    def __init__(self, root: Path, languages: tuple[str, ...], jobs: int | None) -> None:
        self.root = root
        self.languages = languages
        self.workers = jobs
        self.out = Sources()
        self.cache: dict[Path, Source | Problem] = {}

    def prefetch(self) -> None:
        """Read every record file ahead, in parallel when there are many."""
        paths = [(p, False) for p in (self.root / "content" / "employers").glob("*.yml")]
        paths += [(p, False) for p in (self.root / "jobs").glob("*/*.yml")]
        paths += [(p, False) for p in (self.root / "stories").glob("*/story.yml")]
        paths += [(p, True) for p in (self.root / "stories").glob("*/*.md") if p.stem in self.languages]
        paths += [(p, True) for p in (self.root / "content" / "pages").glob("*/*.md") if p.stem in self.languages]
        safe: dict[Path, bool] = {}

        def safe_folder(folder: Path) -> bool:  # not a link, nor below one, up to the project (each folder once)
            if folder not in safe:
                safe[folder] = folder == self.root or (not folder.is_symlink() and safe_folder(folder.parent))
            return safe[folder]

        paths = [(p, md) for p, md in paths if safe_folder(p.parent)]
        self.cache = read_all(self.root, paths, self.workers)  # a folder named like a record is refused before it is read

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def problem(self, path: Path | str, message: Message, line: int | None = None) -> None:
        rel = path if isinstance(path, str) else self.rel(path)
        self.out.problems.append(Problem(rel, line, message))

    def read(self, path: Path, markdown: bool = False) -> Source | None:
        found = self.cache.pop(path, None) or read_source(self.root, path, markdown)
        if isinstance(found, Problem):
            self.out.problems.append(found)
            return None
        return found

    def entries(self, folder: Path) -> list[Path]:
        """The files and folders of `folder` that may be read; links, devices and the like are problems."""
        top = folder.parent in (self.root, self.root / "content")  # where the walk starts: resolved once
        why = entry_problem(folder, self.root, resolve=top) if folder.exists() or folder.is_symlink() else None
        if why or not folder.is_dir():
            if folder.exists() or folder.is_symlink():
                self.problem(folder, why or M("this should be a folder."))
            return []
        found = []
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            why = entry_problem(path, self.root)
            if why:
                self.problem(path, why)
            else:
                found.append(path)
        return found

    def employers(self) -> None:
        for path in self.entries(self.root / "content" / "employers"):
            if path.is_dir():
                self.problem(path, M("a folder does not belong here: an employer is one file, content/employers/<id>.yml."))
            elif path.suffix == ".yml":
                why = id_problem(path.stem, "employers")
                if why:
                    self.problem(path, why)
                    continue
                source = self.read(path)
                if source:
                    self.out.employers[path.stem] = source
            elif path.suffix.lower() in IMAGE_SUFFIXES:
                self.out.employer_files[path.name] = path
            else:
                self.problem(
                    path,
                    M(
                        "this file does not belong here: content/employers/ holds <id>.yml records and their logos (svg, png, jpg, webp)."
                    ),
                )

    def id_folders(self, parent: Path, not_a_folder: Message, kind: str | None = None) -> list[Path]:
        """The folders below `parent` whose names are valid ids; anything else is a problem."""
        found = []
        for folder in self.entries(parent):
            why = id_problem(folder.name, kind) if folder.is_dir() else not_a_folder
            if why:
                self.problem(folder, why)
            else:
                found.append(folder)
        return found

    def stories(self) -> None:
        for folder in self.id_folders(
            self.root / "stories",
            M("a story is a folder, stories/<id>/, holding story.yml and one <lang>.md per language."),
            "stories",
        ):
            story = StoryFolder(folder.name, self.rel(folder))
            for path in self.entries(folder):
                if path.name == "story.yml":
                    story.record = self.read(path)
                    if story.record is None:
                        story.record = Source(self.rel(path), Document(data=None))  # read, but broken
                elif path.suffix == ".md" and path.stem in self.languages:
                    story.text_files += 1
                    source = self.read(path, markdown=True)
                    if source:
                        story.texts[path.stem] = source
                elif path.suffix == ".md":
                    self.problem(
                        path,
                        M(
                            "'{lang}' is not a language of this site: name the text after one of {languages} (for example fr.md).",
                            lang=path.stem,
                            languages=", ".join(self.languages),
                        ),
                    )
                elif path.is_file():
                    story.files[path.name] = path
                else:
                    self.problem(path, M("a folder does not belong inside a story folder."))
            if not (folder / "story.yml").exists():
                self.problem(folder, M("the story has no story.yml: add one (python build.py new story ID writes a template)."))
                continue
            self.out.stories[folder.name] = story

    def jobs(self) -> None:
        for folder in self.id_folders(
            self.root / "jobs", M("jobs are filed by employer: put this file in jobs/<employer-id>/."), "employers"
        ):
            for path in self.entries(folder):
                if path.is_dir() or path.suffix != ".yml":
                    self.problem(path, M("only job records, <id>.yml, belong in an employer's jobs folder."))
                    continue
                why = id_problem(path.stem, "jobs")
                if why:
                    self.problem(path, why)
                    continue
                source = self.read(path)
                if source:
                    self.out.jobs[(folder.name, path.stem)] = source

    def impact(self) -> None:
        path = self.root / "content" / "impact.yml"
        if path.exists() or path.is_symlink():
            why = entry_problem(path, self.root, resolve=True)
            if why:
                self.problem(path, why)
            else:
                self.out.impact = self.read(path)

    def pages(self) -> None:
        for folder in self.id_folders(
            self.root / "content" / "pages",
            M("an editorial page is a folder, content/pages/<page>/, holding one <lang>.md per language."),
        ):
            texts: dict[str, Source] = {}
            for path in self.entries(folder):
                if path.suffix == ".md" and path.stem in self.languages:
                    source = self.read(path, markdown=True)
                    if source:
                        texts[path.stem] = source
                else:
                    self.problem(
                        path,
                        M(
                            "only <lang>.md files belong here, for the languages {languages}.",
                            languages=", ".join(self.languages),
                        ),
                    )
            if texts:
                self.out.pages[folder.name] = texts


def load(root: Path, languages: tuple[str, ...], jobs: int | None = None) -> Sources:
    """Read every record under `root`; unreadable files and stray entries become problems."""
    reader = _Reader(root, languages, jobs)
    reader.prefetch()
    reader.employers()
    reader.stories()
    reader.jobs()
    reader.pages()
    reader.impact()
    return reader.out
