"""The build cache: what an output was made from -> the output, so that a rebuild makes only what changed.

An entry is named by a digest of everything it was made from: the code's `version` (our sources, the theme, the
project's mkdocs.yml, the installed packages that render) and the item's own inputs (a card's texts and logo, a
page's HTML and head, a language's searchable bodies...). What an entry holds is therefore what a cold build would
make of the same inputs, and a rebuild that finds it gives the same bytes.

- Safe against a killed build: an entry is written under a temporary name, then renamed (atomic): a name that
  exists is whole. Temporary files left by a killed build are removed by the next one.
- Cheap to use: a file entry is hard-linked into the site being built (copied where the file system cannot link);
  a folder entry (pagefind's bundle) is linked file by file.
- Bounded: the build notes every entry it uses (`used`: the workers hand theirs back); after a successful build,
  `sweep` removes the others (but those another build may be using: see GRACE), so the cache holds one build's
  worth.
- `build --no-cache` makes no Cache (`Cache.off()`): nothing is read or written.

The cache lives in the project, `.passerelle-cache/` (ignored by git). One object is shared by the workers (it is
a folder and a string: it pickles).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from passerelle.workers import alive

FOLDER = ".passerelle-cache"
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "pymdown-extensions",
    "Markdown",
    "Jinja2",
    "MarkupSafe",
    "nh3",
    "Babel",
    "feedgen",
    "Pillow",
    "PyYAML",
    "pagefind-bin-extended",
    "cbor2",
)
"""The installed packages whose output the site holds: a new version of one makes every entry a miss."""
_TMP = ".tmp-"
INPUTS = ("content", "jobs", "stories")
"""The project's folders a build reads besides the theme and mkdocs.yml (which are in the version)."""
SITE = "site.json"
GRACE = 600.0
"""Seconds: an entry made this long before a build started is kept by its sweep (a build running beside it, on
other inputs, may be using it)."""


def version(root: Path) -> str:
    """A digest of what every output depends on besides its own inputs: our code (every file of passerelle/), the
    theme (templates, strings, scripts, styles), the project's mkdocs.yml, Python's and the packages' versions."""
    import importlib.metadata  # here, not above: `check` needs only cache_folder

    from PIL import features

    digest = hashlib.sha256()
    digest.update(f"python {platform.python_version()}\n".encode())
    for library in ("freetype2", "raqm", "fribidi", "harfbuzz", "zlib"):  # the cards' pixels and bytes
        digest.update(f"{library} {features.version(library)}\n".encode())
    for name in PACKAGES:
        try:
            digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    code = Path(__file__).resolve().parent
    for folder, label in ((code, "passerelle"), (root / "theme", "theme")):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{label}/{path.relative_to(folder).as_posix()}\n".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(b"mkdocs.yml\n" + (root / "mkdocs.yml").read_bytes())
    return digest.hexdigest()


def digest(*parts: str | bytes) -> str:
    """A digest of several values, each framed by its length (so that ("ab", "c") and ("a", "bc") differ)."""
    return digest_of(parts)


def digest_of(parts: Iterable[str | bytes]) -> str:
    """digest(*parts) of parts made one at a time (a language's searchable pages: never all in memory at once)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@dataclass(frozen=True)
class Cache:
    folder: Path | None
    """None: the cache is off (every lookup misses, nothing is stored)."""
    version: str
    used: set[str] = field(default_factory=set, compare=False)
    """The keys this process found or stored (see sweep)."""
    _folders: set[str] = field(default_factory=set, compare=False)
    """Folders of the site made already (copy_to makes each once)."""
    off_because: str = ""
    """Why the cache is off when the build asked for it (see open)."""

    @staticmethod
    def open(root: Path) -> Cache:
        """The project's cache; off (every output made anew, `off_because` saying why) where the project cannot be
        written, or where git tracks a file of it (see cache_folder)."""
        folder, why = cache_folder(root)
        return Cache(folder, version(root)) if folder else Cache(None, "", off_because=why)

    @staticmethod
    def off() -> Cache:
        return Cache(None, "")

    @property
    def on(self) -> bool:
        return self.folder is not None

    def key(self, kind: str, *parts: str | bytes) -> str:
        """The name of the entry of `kind` made from `parts` by this version of the code."""
        return f"{kind}/{digest(self.version, kind, *parts)}"

    def _where(self, key: str) -> str:
        kind, name = key.split("/")
        return f"{self.folder}/{kind}/{name[:2]}/{name}"

    def _path(self, key: str) -> Path:
        return Path(self._where(key))

    # -- reading -----------------------------------------------------------------------------------------------
    def _entry(self, key: str) -> tuple[str, bool] | None:
        """Where entry `key` is and whether it is a folder, noted as used (see sweep); None if there is none.
        (Plain strings and one lstat: a rebuild looks up some 40,000 entries at 1,000 jobs.)"""
        if self.folder is None:
            return None
        where = self._where(key)
        try:
            info = os.lstat(where)
        except OSError:
            return None
        self.used.add(key)
        return where, stat.S_ISDIR(info.st_mode)

    def find(self, key: str) -> Path | None:
        """The entry `key`, noted as used (see sweep), or None."""
        entry = self._entry(key)
        return Path(entry[0]) if entry is not None else None

    def read(self, key: str) -> bytes | None:
        entry = self._entry(key)
        if entry is None:
            return None
        with open(entry[0], "rb") as f:
            return f.read()

    def copy_to(self, key: str, target: Path) -> bool:
        """Put entry `key` at `target` (a file, or a folder for a folder entry); False if there is no such entry."""
        entry = self._entry(key)
        if entry is None:
            return False
        where, folder = entry
        parent = os.path.dirname(target)
        if parent not in self._folders:
            os.makedirs(parent, exist_ok=True)
            self._folders.add(parent)
        if folder:
            shutil.copytree(where, target, copy_function=_link, dirs_exist_ok=True)
        else:
            _link(where, target)
        return True

    # -- writing -----------------------------------------------------------------------------------------------
    def store(self, key: str, data: bytes) -> None:
        self._put(key, lambda tmp: tmp.write_bytes(data))

    def store_file(self, key: str, source: Path) -> None:
        """Keep `source` (a file, or a folder of files) as entry `key`: linked, not copied, where possible (the site's
        file and the entry then share their bytes: a step that rewrites the site's files in place must copy the
        site first, as cp and rsync do)."""
        if source.is_dir():
            self._put(key, lambda tmp: shutil.copytree(source, tmp, copy_function=_link))
        else:
            self._put(key, lambda tmp: _link(source, tmp))

    def _put(self, key: str, make: Callable[[Path], object]) -> None:
        """Make entry `key` under a temporary name, then rename it into place: a name that exists is whole. A
        failure (a full disk; a folder entry another build made meanwhile) keeps no entry, and the build goes on."""
        if self.folder is None:
            return
        path = self._path(key)
        tmp = path.with_name(f"{_TMP}{os.getpid()}-{path.name}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            make(tmp)
            os.replace(tmp, path)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True) if tmp.is_dir() else tmp.unlink(missing_ok=True)
            return
        self.used.add(key)

    def shared_folder(self, kind: str) -> Path | None:
        """A folder of this version of the code that builds write in place, noted as used; None when the cache is
        off. For files that are whole once named and are checked when read: Jinja's compiled templates (it writes
        each under a temporary name and renames it, and compiles again a template whose source changed)."""
        if self.folder is None:
            return None
        key = self.key(kind)
        path = self._path(key)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        self.used.add(key)
        return path

    # -- the whole site ----------------------------------------------------------------------------------------
    def inputs(self, root: Path, *options: str) -> str | None:
        """A digest of everything a build reads (with the code's version): the records and pages (content/, jobs/,
        stories/), and the build's `options` (the day, the output folder, the hand-over); None if the cache is off
        or a file cannot be read (the site is then built, never taken as unchanged)."""
        if self.folder is None:
            return None
        h = hashlib.sha256(self.version.encode())
        for option in options:
            h.update(f"{option}\n".encode())
        try:
            for top in INPUTS:
                for path in sorted((root / top).rglob("*")):
                    if path.is_file():
                        h.update(f"{path.relative_to(root).as_posix()}\n".encode())
                        h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            return None
        return h.hexdigest()

    def unchanged(self, inputs: str | None, out: Path) -> bool:
        """Whether `out` is, untouched, the site the last build made from the same `inputs` (see remember)."""
        if self.folder is None or inputs is None:
            return False
        try:
            said = json.loads((self.folder / SITE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if said.get("inputs") != inputs or said.get("out") != str(out.resolve()):
            return False
        return bool(said.get("files") == _listing(out))

    def remember(self, inputs: str | None, out: Path) -> None:
        """Note that `out` is the site made from `inputs`, as it is now (its files' names, sizes, times, inodes)."""
        if self.folder is None:
            return
        where = self.folder / SITE
        tmp = where.with_name(f"{_TMP}{os.getpid()}-{SITE}")
        try:
            if inputs is None:
                where.unlink(missing_ok=True)
            else:
                record = {"inputs": inputs, "out": str(out.resolve()), "files": _listing(out)}
                tmp.write_text(json.dumps(record), encoding="utf-8")
                os.replace(tmp, where)
        except OSError:  # a full disk: the next build will not know the site is unchanged, and builds it
            tmp.unlink(missing_ok=True)

    # -- bounds ------------------------------------------------------------------------------------------------
    def sweep(self, since: float) -> int:
        """Remove every entry this build did not use (`used`: its own and its workers' keys), unless it was made
        in the GRACE before the build started at `since` (a time.time(): another build may be using it), and the
        temporary files of killed builds (older too). Returns how many were removed."""
        if self.folder is None:
            return 0
        since -= GRACE
        removed = 0
        for kind in os.scandir(self.folder):
            if not kind.is_dir():  # site.json, records.pickle (records/memo.py), or what a killed build left of them
                if _left_behind(kind.name):
                    os.unlink(kind.path)
                    removed += 1
                continue
            for shard in os.scandir(kind.path):
                for entry in os.scandir(shard.path):
                    if f"{kind.name}/{entry.name}" in self.used:
                        continue
                    try:
                        stale = entry.stat(follow_symlinks=False).st_mtime < since or _left_behind(entry.name)
                    except OSError:
                        continue
                    if stale:
                        shutil.rmtree(entry.path, ignore_errors=True) if entry.is_dir() else os.unlink(entry.path)
                        removed += 1
        return removed


def cache_folder(root: Path) -> tuple[Path | None, str]:
    """The project's cache folder, made if need be; or None, and why (when it matters), where the project cannot
    be written or git tracks a file of it: entries are taken as built, past every check, and a cache that came
    with a commit is someone else's."""
    folder = root / FOLDER
    if _tracked(root):
        return None, f"{FOLDER}/ holds files that git tracks: the cache is off (git rm -r --cached {FOLDER})"
    try:
        folder.mkdir(exist_ok=True)
        probe = folder / f"{_TMP}{os.getpid()}-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return None, ""
    return folder, ""


def _tracked(root: Path) -> bool:
    """Whether git tracks a file of the cache (False where the project is no repository, or git is missing)."""
    try:
        found = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--", FOLDER], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and bool(found.stdout.strip())


def _left_behind(name: str) -> bool:
    """Whether `name` is a temporary file of a build that is gone (killed before it renamed it)."""
    if not name.startswith(_TMP):
        return False
    pid = name[len(_TMP) :].partition("-")[0]
    return pid.isdigit() and not alive(int(pid))


def _listing(out: Path) -> str:
    """A digest of every file's name, size, time and inode below `out`: a file changed, added or removed changes it."""
    h = hashlib.sha256()

    def walk(folder: str) -> None:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            info = entry.stat(follow_symlinks=False)
            h.update(f"{entry.path}\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ino}\n".encode())
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path)

    if out.is_dir():
        walk(str(out.resolve()))
    return h.hexdigest()


def now() -> float:
    """The time a build starts, as `sweep` compares it with the entries' times (a second earlier: file systems
    round times down)."""
    return time.time() - 1.0


def _link(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
