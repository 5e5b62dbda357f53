"""Safe files: the build reads only regular files that really are inside the project, and never more than a bound.

A record, photo or logo that is a symbolic link (to /etc/passwd, to a folder outside the project), a device
(/dev/zero, /dev/urandom) or a pipe is refused before anything is read from it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from passerelle.records.messages import M, Message


class NotAllowed(OSError):
    """A path the build must not read; `message` says why, for the person who put it there."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def entry_problem(path: Path, root: Path, resolve: bool = False) -> Message | None:
    """Why `path` (a file or folder met under the project) may not be read, or None. An entry that is not a
    link, in a folder already known to be inside the project, is inside it: `resolve` is for the folders the
    walk starts from."""
    try:
        info = path.lstat()
    except OSError as e:
        return _unreadable(e)
    why = _kind_problem(stat.S_ISLNK(info.st_mode), stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode))
    if why is None and resolve and not inside(path, root):
        return M("it lies outside the project (through a linked folder): put the file itself in the project.")
    return why


def listed_problem(entry: os.DirEntry[str]) -> Message | None:
    """entry_problem for an entry met while listing its folder (os.scandir tells its kind with the listing, so
    that a walk of 5,000 jobs does not look at each file again)."""
    try:
        return _kind_problem(entry.is_symlink(), entry.is_file(follow_symlinks=False) or entry.is_dir(follow_symlinks=False))
    except OSError as e:
        return _unreadable(e)


def _kind_problem(link: bool, file_or_folder: bool) -> Message | None:
    if link:
        return M("it is a symbolic link: put the file or folder itself here (links are not followed).")
    if not file_or_folder:
        return M("it is not a regular file or folder (a device, a pipe or a socket): remove it.")
    return None


def _unreadable(e: OSError) -> Message:
    return M("it cannot be read: {why}.", why=e.strerror or "unknown error")


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, every link resolved, is `root` or below it."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of a regular file (links not followed), up to `limit` + 1 bytes, so that the caller can tell
    that the file is over its limit without reading the rest. Raises NotAllowed or OSError."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        if os.path.islink(path):
            raise NotAllowed(M("it is a symbolic link: put the file itself here (links are not followed).")) from None
        raise e
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAllowed(M("it is not a regular file (a device, a pipe or a socket): remove it."))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
