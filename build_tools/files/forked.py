"""Work shared out to child processes forked from this one, for work whose only result is
files on disk (the page cache). No MkDocs.

A forked child starts with everything this process has made so far (the catalog, the glossary,
MkDocs' files and navigation), so it needs nothing sent to it and nothing sent back: what it
writes is its result. A child that fails costs nothing but its time, because whoever reads the
files makes again whatever is missing, and reports the failure then.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

Item = TypeVar("Item")


# How many cores a build may use, when something else already keeps the others busy (the
# test suite's workers set it to 1).
CORES_VARIABLE = "LOCALOFFER_CORES"


def machine_cores() -> int:
    """The processor cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def usable_cores() -> int:
    """The cores a build may fork for: the machine's, at most $LOCALOFFER_CORES."""
    cores = machine_cores()
    limit = os.environ.get(CORES_VARIABLE, "")
    return max(1, min(cores, int(limit))) if limit.isdigit() else cores


def can_fork() -> bool:
    return hasattr(os, "fork")


def in_forked_children(items: Sequence[Item], work: Callable[[Item], object], children: int) -> int:
    """Run `work` on every item, shared round-robin between `children` forked processes, and
    wait for them all. Returns how many children failed. The children print nothing: their
    messages would come again when this process reads their results."""
    pids = [
        _fork(partial(_each, work, share))
        for number in range(children)
        if (share := items[number::children])
    ]
    return sum(not _succeeded(pid) for pid in pids)


def _each(work: Callable[[Item], object], items: Sequence[Item]) -> None:
    for item in items:
        work(item)


@contextmanager
def meanwhile_in_a_child(work: Callable[[], object]) -> Iterator[Callable[[], bool]]:
    """Run `work` in a forked child while the body of the `with` runs here. Gives a function
    that waits for the child and says whether it succeeded; the child is waited for at the end
    of the `with` in any case."""
    pid = _fork(work)
    result: list[bool] = []

    def wait() -> bool:
        if not result:
            result.append(_succeeded(pid))
        return result[0]

    try:
        yield wait
    finally:
        wait()


def _fork(work: Callable[[], object]) -> int:
    """A child process that runs `work` silently and ends; its process id."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or a child would print what this process had not yet written
    pid = os.fork()
    if pid == 0:  # the child: do the work, then leave at once, running no exit handlers
        code = 1
        try:
            logging.disable(logging.CRITICAL)
            work()
            code = 0
        finally:
            os._exit(code)
    return pid


def _succeeded(pid: int) -> bool:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0
