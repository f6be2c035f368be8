"""Fixtures for every test: no network, a fixed date, the repo root and a CLI runner."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from build_tools.cli.main import main
from build_tools.files.forked import CORES_VARIABLE
from tests.sites import built_site_dir, end_run, start_run
from tests.support import REPO_ROOT, TODAY

_RUN_FOLDER = pytest.StashKey[Path]()
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkBlockedError(RuntimeError):
    """A test tried to reach the network. Not an OSError, so no library can swallow it."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the expected reports of the example tests instead of comparing them.",
    )
    parser.addoption(
        "--every-page",
        action="store_true",
        default=False,
        help="Run axe on every page of the sample site, not one of each kind (make a11y-all).",
    )


def is_loopback(host: object) -> bool:
    """True for 127.0.0.1, ::1, localhost and the rest of the loopback range."""
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    host = host.strip("[]").split("%", 1)[0].lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _address_allowed(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", None):  # a local socket file, not the network
        return True
    return isinstance(address, tuple) and bool(address) and is_loopback(address[0])


@pytest.fixture(autouse=True, scope="session")
def _block_network() -> Iterator[None]:
    """Refuse every connection except to loopback, so no test depends on the internet.

    Loopback stays open because the browser tests serve the built site on localhost.
    """
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def refuse(what: object) -> NetworkBlockedError:
        return NetworkBlockedError(f"Tests must not use the network (tried {what!r}).")

    def connect(self: socket.socket, address: Any) -> None:
        if not _address_allowed(self.family, address):
            raise refuse(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _address_allowed(self.family, address):
            raise refuse(address)
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not (isinstance(address, tuple) and address and is_loopback(address[0])):
            raise refuse(address)
        return real_create_connection(address, *args, **kwargs)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        # A name lookup would reach a DNS server; numbers and loopback names need none.
        if host is not None and not is_loopback(host):
            try:
                ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host)
            except ValueError:
                raise refuse(host) from None
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket, "create_connection", create_connection)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when pytest was run with --update-golden."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def repo_root() -> Path:
    """The root of the repository (the folder with pyproject.toml)."""
    return REPO_ROOT


@pytest.fixture
def in_repo_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from the repository root, so reports show paths like tests/examples/..."""
    monkeypatch.chdir(REPO_ROOT)
    return REPO_ROOT


@pytest.fixture
def today() -> Any:
    """The fixed date every date-dependent check uses."""
    return TODAY


class Cli:
    """Runs `localoffer` in-process with click's CliRunner."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: object, input: str | None = None) -> Result:
        # catch_exceptions=False: a traceback is a bug, so let it fail the test loudly.
        return self.runner.invoke(
            main, [str(arg) for arg in args], input=input, catch_exceptions=False
        )


@pytest.fixture
def cli() -> Cli:
    """Call as cli("validate", path, "--today", TODAY_ARG); returns click's Result."""
    return Cli()


@pytest.fixture(scope="session")
def built_site() -> Path:
    """A strict build of the real content plus the five fixture providers, made once."""
    return built_site_dir("fixture")


@pytest.fixture(scope="session")
def sample_site() -> Path:
    """A strict build of the site as shipped: the real content and the 64 sample providers."""
    return built_site_dir("sample")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # `make check` leaves out the tests that read a whole built site (-m "not site"): building
    # one takes longer than the unit tests it would hold up. `make test` runs them.
    for item in items:
        if {"built_site", "sample_site"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


# Files whose tests all go to one xdist worker, which makes the costly thing they share once
# while the other workers go on, instead of two workers making it or one waiting for the other.
ONE_WORKER_FILES = {
    "tests/acceptance/test_scale.py",  # the site of 1,000 generated providers
    "tests/acceptance/test_injection_site.py",  # the injection corpus's entries and site
    "tests/acceptance/test_printable.py",  # the text of the sample site's PDF (pdf_text)
    "tests/browser/test_admin.py",  # the site built for the editor, and decap-server
}
# Folders of quick tests (a few milliseconds each), handed out a file at a time: one at a time,
# a worker would finish each before the main process had sent the next, and wait.
QUICK_FOLDERS = ("tests/unit/", "tests/test_examples.py")


def work_unit(nodeid: str) -> str:
    """The tests an xdist worker is given together: a whole file for ONE_WORKER_FILES and the
    QUICK_FOLDERS, else one test."""
    file = nodeid.split("::", 1)[0]
    return file if file in ONE_WORKER_FILES or file.startswith(QUICK_FOLDERS) else nodeid


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """With -n: hand out the tests as work_unit() groups them: the groups with most tests
    first (xdist's loadscope order), then the single tests in the order collected, so that the
    run ends on short tests and both workers finish together. (xdist's own `--dist loadgroup`
    marks cannot do it with pytest 9: it renames items through an attribute pytest no longer
    reads.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnits(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return WorkUnits(config, log)


def _is_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    # The main process makes the folder the run's sites are built in (tests/sites.py); the xdist
    # workers, started later, inherit its name and share it.
    if not _is_xdist_worker(config):
        config.stash[_RUN_FOLDER] = start_run()
    # A site build here uses one core: the xdist workers already keep every core busy, so a
    # build forking a process per core for its pages (build_tools/files/forked.py) would only
    # make them take turns; and forking a process that runs the browser tests' server threads
    # could leave a child waiting on a lock one of them held. tests/acceptance/test_page_cache.py
    # checks the forking build itself.
    os.environ[CORES_VARIABLE] = "1"


def pytest_unconfigure(config: pytest.Config) -> None:
    # After every worker has finished.
    if _RUN_FOLDER in config.stash:
        end_run(config.stash[_RUN_FOLDER])
