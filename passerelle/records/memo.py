"""What reading made of each record file last time, by the file's bytes: a check of 5,000 jobs with one job
changed parses one file and validates one job.

Two tables, both keyed by a digest of a file's path and bytes:

- every file read: its `Source` (the YAML document, the Markdown body) or the `Problem` that stopped it;
- every job file: what `Validator.job` made of it (the job or None, and its problems), with whether its employer
  existed (a job of an unknown employer also names the nearest employers: then the employers' digest too).
  What depends on the day (the advice of `Validator.advise`) and on other records (look-alike employers, apply
  links elsewhere, titles open twice) is worked out anew every time.

The whole memo belongs to one version of the records' code and one list of languages (`header`): any other
version finds it empty. It is the file `records.pickle` in the build cache's folder (see cache.py): written under
a temporary name then renamed, so never read half-written; written again, with only what that read used, once
enough files changed (REWRITE_FROM), so that it stays the size of the project.

It is pickled, and unpickling runs code: so a memo is read only if this machine's user wrote it. Each file is
signed (HMAC-SHA256) with a key of the user's own, made once (~/.cache/passerelle/memo.key, readable by the user
alone), and its signature is checked before anything in it is read: a memo that came with a project (a zip, a
commit: a cache that git tracks is refused anyway, see cache.cache_folder) is ignored and written anew. Where
that key cannot be kept, there is no memo.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import platform
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from passerelle.records.models import Job
from passerelle.records.problems import Problem

FILE = "records.pickle"
_TMP = ".tmp-"
"""cache.py's prefix of temporary names: its sweep removes those a killed process left."""
_MAGIC = b"passerelle records memo 1\n"
REWRITE_FROM = 30
"""The memo is written again once one file in this many was read anew (it holds the other versions meanwhile, and
those files are read again): reading a file and checking it costs some 30 times what writing its entry does (0.35 ms
and 12 us at 5,000 jobs), and writing the whole memo took a tenth of the check of an edit."""


def _signing_key() -> bytes | None:
    """This user's key for signing memos, made on first use; None where it cannot be kept, or could be read or
    written by another user."""
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "passerelle"
    where = folder / "memo.key"
    try:
        if not where.exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f"{_TMP}{os.getpid()}-memo.key"
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
                f.write(os.urandom(32))
            try:
                os.link(tmp, where)  # never replaces: of two first uses at once, both keep the key made first
            except FileExistsError:
                pass
            except OSError:  # a file system without links: one key stays, the other use's memo is read as empty
                os.replace(tmp, where)
            finally:
                tmp.unlink(missing_ok=True)
        info = os.stat(where, follow_symlinks=False)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
            return None
        key = where.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


@dataclass(frozen=True)
class JobResult:
    """What validating one job file made: the job (None if it has errors) and the problems found."""

    job: Job | None
    problems: tuple[Problem, ...]
    employers: str
    """"" when the job's employer existed; else the digest of the employers its message chose the nearest from."""


def _code() -> str:
    """A digest of the records' code (this folder) and of what it reads YAML with."""
    h = hashlib.sha256(f"python {platform.python_version()} pyyaml {yaml.__version__}\n".encode())
    here = Path(__file__).resolve().parent
    for path in sorted(here.glob("*.py")):
        h.update(path.name.encode() + b"\n" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _employers(ids: set[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()


class Memo:
    """The memo read at the start (`sources`, `jobs`) and what this read used or made (`kept_*`: saved at the end)."""

    def __init__(self, file: Path | None, header: str = "", signing: bytes = b"") -> None:
        self.file = file
        self.header = header
        self.signing = signing
        self.sources: dict[str, object] = {}
        self.jobs: dict[str, JobResult] = {}
        self.kept_sources: dict[str, object] = {}
        self.kept_jobs: dict[str, JobResult] = {}

    @staticmethod
    def open(folder: Path | None, languages: tuple[str, ...]) -> Memo:
        """The memo in the cache's `folder`; an empty one that saves nothing when `folder` is None (no cache), and an
        empty one when the file is missing, unreadable or of other code or languages."""
        signing = _signing_key() if folder is not None else None
        if folder is None or signing is None:
            return Memo(None)
        memo = Memo(folder / FILE, f"{_code()} {' '.join(languages)}", signing)
        try:
            data = memo.file.read_bytes()  # type: ignore[union-attr]
            seal, body = data[len(_MAGIC) : len(_MAGIC) + 32], memoryview(data)[len(_MAGIC) + 32 :]
            if data.startswith(_MAGIC) and hmac.compare_digest(seal, hmac.digest(signing, body, "sha256")):
                header, tables = pickle.loads(body)
                if header == memo.header:
                    memo.sources, memo.jobs = tables
        except Exception:  # noqa: BLE001 - a memo that cannot be read is only a slower check
            memo.sources, memo.jobs = {}, {}
        return memo

    @staticmethod
    def key(rel: str, markdown: bool, raw: bytes) -> str:
        h = hashlib.blake2b(digest_size=20)
        for part in (rel.encode(), b"md" if markdown else b"yml", raw):
            h.update(len(part).to_bytes(8, "big"))
            h.update(part)
        return h.hexdigest()

    # -- files read --------------------------------------------------------------------------------------------
    def source(self, key: str) -> object | None:
        """What reading the file of `key` made (a Source or a Problem), or None."""
        found = self.sources.get(key)
        if found is not None:
            self.kept_sources[key] = found
        return found

    def keep_source(self, key: str, found: object) -> None:
        if self.file is not None:
            self.kept_sources[key] = found

    # -- jobs validated ----------------------------------------------------------------------------------------
    def has_job(self, key: str) -> bool:
        return key in self.jobs

    def job(self, key: str, employer: str, employers: set[str]) -> JobResult | None:
        """What validating the job file of `key` made, if its employer is as it was then (existing, or missing
        among the same employers)."""
        found = self.jobs.get(key)
        if found is None:
            return None
        if found.employers != ("" if employer in employers else _employers(employers)):
            return None
        self.kept_jobs[key] = found
        return found

    def keep_job(self, key: str, job: Job | None, problems: list[Problem], employer: str, employers: set[str]) -> None:
        if self.file is not None:
            self.kept_jobs[key] = JobResult(job, tuple(problems), "" if employer in employers else _employers(employers))

    # -- writing -----------------------------------------------------------------------------------------------
    def save(self) -> None:
        """Keep what this read used or made, for the next one; nothing is written when it is what was read, nor
        when only a few files were read anew (see REWRITE_FROM). A failure (a full disk) keeps the old file or none:
        the next check is only slower."""
        if self.file is None:
            return
        known, kept = len(self.sources) + len(self.jobs), len(self.kept_sources) + len(self.kept_jobs)
        made = sum(k not in self.sources for k in self.kept_sources) + sum(k not in self.jobs for k in self.kept_jobs)
        if kept == known == 0 or (known and made * REWRITE_FROM < kept and kept >= known // 2):
            return  # nothing to keep, or reading those few files again costs less than writing the whole memo
        tmp = self.file.with_name(f"{_TMP}{os.getpid()}-{FILE}")
        body = pickle.dumps((self.header, (self.kept_sources, self.kept_jobs)), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with open(tmp, "wb") as f:
                f.write(_MAGIC + hmac.digest(self.signing, body, "sha256") + body)
            os.replace(tmp, self.file)
        except OSError:
            tmp.unlink(missing_ok=True)
