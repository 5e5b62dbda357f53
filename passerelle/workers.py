"""Workers: where the build's tasks run. How processes start, and how many there are, is chosen here only.

`jobs` is the number of processes (`build --jobs N`); 1 runs every task in the calling process, one after the
other (for debugging, profiling and tests). Processes start by `fork` (they inherit the loaded modules, which
costs nothing) unless the caller runs other threads (`serve` does): a forked thread holds no lock safely, so
they then start from a clean server process (`forkserver`). Tasks that each need much memory (a language) get a
process each, started for them from that server (`fresh`): a forked process would carry all of this one's memory
as well, and a process that ran a task keeps most of what the task took.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Executor, Future
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def default_jobs() -> int:
    return os.cpu_count() or 1


def alive(pid: int) -> bool:
    """Whether process `pid` still runs (what a build left behind is removed once its process is gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_method() -> str:
    return "fork" if threading.active_count() == 1 else "forkserver"


class InProcess(Executor):
    """Runs each task at once, in this process: the same results and errors as a pool, in a debugger's reach."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as e:  # noqa: BLE001 - handed over exactly as a worker process would
            future.set_exception(e)
        return future


def pool(jobs: int | None, tasks: int, fresh: bool = False) -> Executor:
    """An executor of at most `jobs` processes (default: one a core), no more than there are `tasks`; `fresh`: a
    new process for every task, holding only what the task is given (at 5,000 jobs, a language's process peaks at
    half the memory of one forked from the build that ran three languages: docs/benchmarks.md)."""
    workers = max(1, min(jobs or default_jobs(), tasks))
    if workers == 1:
        return InProcess()
    import multiprocessing  # here, not above: a check that reads few files starts no process and needs neither
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver" if fresh else start_method())
    if context.get_start_method() == "forkserver":
        # its server imports the build once; each worker forks from it with everything loaded (serve rebuilds
        # often: without this every rebuild's workers import mkdocs, material and Pillow again)
        context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(workers, mp_context=context, max_tasks_per_child=1 if fresh else None)


PRELOAD = ["passerelle.publish.language", "passerelle.records.loading", "passerelle.records.markup"]
"""What the tasks run (see pool)."""
