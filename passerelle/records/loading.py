"""Loading: find every record file of the project and read it into YAML documents (the only step that reads content)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from passerelle.records.markup import markdown_problem
from passerelle.records.memo import Memo
from passerelle.records.messages import M, Message
from passerelle.records.problems import Problem
from passerelle.records.files import NotAllowed, entry_problem, listed_problem, read_regular
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
    key: str = ""
    """The memo's key of the file's bytes ("" when the memo is off): see memo.py."""


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


def _read_chunk(task: tuple[Path, list[tuple[str, bool]]]) -> list[Source | Problem]:
    """Read files in a worker process; their texts stay behind (see Document.set_text_aside)."""
    root, paths = task
    found = [read_source(root, Path(path), markdown) for path, markdown in paths]
    for (path, _), result in zip(paths, found, strict=True):
        if isinstance(result, Source):
            result.doc.set_text_aside(path)
    return found


PARALLEL_FROM = 800
"""From this many files, every core reads them (parsing YAML is most of `check`)."""
CHUNKS_PER_WORKER = 8
"""Small chunks: results come back while other chunks are still being parsed."""


def read_all(root: Path, paths: list[tuple[str, bool]], jobs: int | None = None) -> dict[str, Source | Problem]:
    """Read many files, on every core (at most 4) when there are many."""
    workers = min(jobs or default_jobs(), 4)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return {path: read_source(root, Path(path), markdown) for path, markdown in paths}
    chunks = [paths[i :: workers * CHUNKS_PER_WORKER] for i in range(workers * CHUNKS_PER_WORKER)]
    with pool(workers, len(chunks)) as executor:
        results = list(executor.map(_read_chunk, [(root, chunk) for chunk in chunks]))
    return {
        path: result for chunk, found in zip(chunks, results, strict=True) for (path, _), result in zip(chunk, found, strict=True)
    }


def _files(root: Path, folder: tuple[str, ...], depth: int, suffix: str) -> list[str]:
    """The regular files `depth` levels below root/`folder` (1: its own files) whose names end in `suffix`, through
    no link (a linked folder is reported by the walk, never read)."""
    where = root
    for part in folder:
        where = where / part
        if where.is_symlink():
            return []
    return _below(os.fspath(where), depth, suffix)


def _below(folder: str, depth: int, suffix: str) -> list[str]:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if depth > 1:
                if entry.is_dir(follow_symlinks=False):
                    found += _below(entry.path, depth - 1, suffix)
            elif entry.name.endswith(suffix) and entry.is_file(follow_symlinks=False):
                found.append(entry.path)
        except OSError:
            continue
    return found


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


class _Reader:
    def __init__(self, root: Path, languages: tuple[str, ...], jobs: int | None, memo: Memo) -> None:
        self.root = root
        self.base = os.fspath(root)
        self.languages = languages
        self.workers = jobs
        self.memo = memo
        self.out = Sources()
        self.cache: dict[str, Source | Problem] = {}
        """What prefetch read, by path (plain strings: a walk of 5,000 jobs hashed Paths for a tenth of a second)."""
        self.keys: dict[str, str] = {}
        """The memo's key of each file read (see memo.py)."""
        self.folders: set[str] = set()
        """The folders entries() met in a listing: not links, inside the project (their listing is not checked again)."""

    def prefetch(self) -> None:
        """Read every record file ahead, in parallel when there are many: but those the memo holds, and the jobs
        whose validation it holds (they are not parsed at all: see jobs())."""
        languages = set(self.languages)
        jobs = _files(self.root, ("jobs",), 2, ".yml")
        stories = _files(self.root, ("stories",), 2, "")
        paths = [(p, False) for p in _files(self.root, ("content", "employers"), 1, ".yml")]
        paths += [(p, False) for p in jobs]
        paths += [(p, False) for p in stories if p.endswith("/story.yml")]
        paths += [(p, True) for p in stories if p.endswith(".md") and _stem(p) in languages]
        paths += [(p, True) for p in _files(self.root, ("content", "pages"), 2, ".md") if _stem(p) in languages]
        is_job = set(jobs)
        todo = []
        for path, markdown in paths:
            key = self._key(path, markdown)
            found = self.memo.source(key) if key and path not in is_job else None
            if isinstance(found, Source):
                found.doc.path = path  # the same bytes, wherever the project now is
            if found is not None:
                self.cache[path] = found  # type: ignore[assignment]
            elif not (key and path in is_job and self.memo.has_job(key)):
                todo.append((path, markdown))
        read = read_all(self.root, todo, self.workers)  # a folder named like a record is refused before it is read
        for path, found in read.items():
            if path in self.keys and path not in is_job:
                if isinstance(found, Source):
                    found.doc.set_text_aside(path)
                self.memo.keep_source(self.keys[path], found)
        self.cache.update(read)

    def _key(self, path: str, markdown: bool) -> str:
        """The memo's key of `path` ("" when the memo is off or the file cannot be read: reading it says why)."""
        if self.memo.file is None:
            return ""
        try:
            key = Memo.key(self.rel(path), markdown, read_regular(path, MAX_BYTES))
        except (OSError, NotAllowed):
            return ""
        self.keys[path] = key
        return key

    def rel(self, path: Path | str) -> str:
        text = os.fspath(path)
        if self.base == ".":
            return text
        if text.startswith(self.base + "/"):
            return text[len(self.base) + 1 :]
        return Path(text).relative_to(self.root).as_posix()

    def problem(self, path: Path | str, message: Message, line: int | None = None) -> None:
        rel = path if isinstance(path, str) else self.rel(path)
        self.out.problems.append(Problem(rel, line, message))

    def read(self, path: Path, markdown: bool = False) -> Source | None:
        found = self.cache.pop(os.fspath(path), None) or read_source(self.root, path, markdown)
        if isinstance(found, Problem):
            self.out.problems.append(found)
            return None
        return found

    def entries(self, folder: Path) -> list[Path]:
        """The files and folders of `folder` that may be read; links, devices and the like are problems."""
        if os.fspath(folder) not in self.folders:  # where the walk starts: resolved once
            top = folder.parent in (self.root, self.root / "content")
            why = entry_problem(folder, self.root, resolve=top) if folder.exists() or folder.is_symlink() else None
            if why or not folder.is_dir():
                if folder.exists() or folder.is_symlink():
                    self.problem(folder, why or M("this should be a folder."))
                return []
        found = []
        with os.scandir(folder) as listing:
            listed = sorted(listing, key=lambda entry: entry.name)
        for entry in listed:
            path = folder / entry.name
            why = listed_problem(entry)
            if why:
                self.problem(path, why)
                continue
            if entry.is_dir(follow_symlinks=False):
                self.folders.add(os.fspath(path))
            found.append(path)
        return found

    def is_folder(self, path: Path) -> bool:
        """Whether entries() listed `path` as a folder (else it is a regular file)."""
        return os.fspath(path) in self.folders

    def employers(self) -> None:
        for path in self.entries(self.root / "content" / "employers"):
            if self.is_folder(path):
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
            why = id_problem(folder.name, kind) if self.is_folder(folder) else not_a_folder
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
                elif not self.is_folder(path):
                    story.files[path.name] = path
                else:
                    self.problem(path, M("a folder does not belong inside a story folder."))
            if not (folder / "story.yml").exists():
                self.problem(folder, M("the story has no story.yml: add one (python build.py new story ID writes a template)."))
                continue
            self.out.stories[folder.name] = story

    def jobs(self) -> None:
        employers = set(self.out.employers)
        for folder in self.id_folders(
            self.root / "jobs", M("jobs are filed by employer: put this file in jobs/<employer-id>/."), "employers"
        ):
            for path in self.entries(folder):
                if self.is_folder(path) or path.suffix != ".yml":
                    self.problem(path, M("only job records, <id>.yml, belong in an employer's jobs folder."))
                    continue
                why = id_problem(path.stem, "jobs")
                if why:
                    self.problem(path, why)
                    continue
                key = self.keys.get(os.fspath(path), "")
                if key and self.memo.job(key, folder.name, employers):  # validated before: not parsed again
                    source: Source | None = Source(self.rel(path), Document(None, None, text=None, path=str(path)), key=key)
                else:
                    source = self.read(path)
                if source:
                    source.key = key
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


def load(root: Path, languages: tuple[str, ...], jobs: int | None = None, memo: Memo | None = None) -> Sources:
    """Read every record under `root`; unreadable files and stray entries become problems. What `memo` holds of
    a file's bytes is taken from it (see memo.py)."""
    reader = _Reader(root, languages, jobs, memo or Memo(None))
    reader.prefetch()
    reader.employers()
    reader.stories()
    reader.jobs()
    reader.pages()
    reader.impact()
    return reader.out
