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
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")


def usable_cores() -> int:
    """The processor cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork")


def in_forked_children(items: Sequence[Item], work: Callable[[Item], object], children: int) -> int:
    """Run `work` on every item, shared round-robin between `children` forked processes, and
    wait for them all. Returns how many children failed. The children print nothing: their
    messages would come again when this process reads their results."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or a child would print what this process had not yet written
    pids = []
    for number in range(children):
        share = items[number::children]
        if not share:
            continue
        pid = os.fork()
        if pid == 0:  # the child: do its share, then leave at once, running no exit handlers
            code = 1
            try:
                logging.disable(logging.CRITICAL)
                for item in share:
                    work(item)
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    failed = 0
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        failed += os.waitstatus_to_exitcode(status) != 0
    return failed
