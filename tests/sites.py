"""The sites the tests look at, each built once per test run and shared by every test process.

With pytest-xdist, each worker is a process of its own. The first one to need a site builds it,
under a file lock, into the run's folder (made by the main pytest process, tests/conftest.py);
the others wait on the lock and then read the same folder. Without xdist the one process does
the same.

A function rather than only a fixture, because the accessibility tests need the list of built
pages while pytest is still collecting tests, before any fixture runs.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from build_tools.clock import build_day
from build_tools.site import build_site
from tests.injection import corpus_entries, write_entries
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT, TODAY

# Names the run's folder for the worker processes, which inherit the environment.
RUN_FOLDER_VARIABLE = "LOCALOFFER_TEST_RUN_FOLDER"

SITES = {
    # The real content and the five fixture providers: small, and stable for golden files.
    "fixture": FIXTURE_PROVIDERS,
    # The site as shipped: the real content and the 64 sample providers.
    "sample": REPO_ROOT / "providers",
}


def _injection_providers(folder: Path) -> Path:
    """Provider files carrying the injection corpus (tests/injection.py)."""
    return write_entries(corpus_entries(TODAY)[0], folder)


# Sites whose provider files are made for the test run, into the folder given: the real
# content and these providers.
GENERATED: dict[str, Callable[[Path], Path]] = {"injection": _injection_providers}
# Sites built with the printable booklets. The link checks, the offline copy and the printable
# tests read them from the fixture and sample sites; they come from the cache in
# .cache/localoffer/booklets after their first build. Every other test build leaves them out:
# they take seconds, and nothing reads them (the injection site's print page, which the booklets
# are made from, is checked as HTML).
WITH_PDF = {"fixture", "sample"}

_built: dict[str, Path] = {}


def start_run() -> Path:
    """Make the run's folder and name it in the environment; called once, by the main process."""
    folder = Path(tempfile.mkdtemp(prefix="localoffer-tests-"))
    os.environ[RUN_FOLDER_VARIABLE] = str(folder)
    return folder


def end_run(folder: Path) -> None:
    """Delete the run's folder and its sites; called when the main process ends the run."""
    shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop(RUN_FOLDER_VARIABLE, None)
    _built.clear()


def _run_folder() -> Path:
    named = os.environ.get(RUN_FOLDER_VARIABLE)
    # Imported outside a pytest run (no conftest), the process makes its own folder.
    return Path(named) if named else start_run()


def built_site_dir(name: str, meanwhile: tuple[str, ...] = ()) -> Path:
    """The folder of a strict build of site `name`, building it on its first use in the run.

    If another process is building it, this one builds the `meanwhile` sites that nobody is
    building yet, then waits for it: a core that would only wait does work the run needs."""
    if name not in _built:
        home = _home(name)
        # One process builds; the others wait here, then find it done.
        if not _build_unless_busy(name, home):
            for other in meanwhile:
                if other not in _built and _build_unless_busy(other, _home(other)):
                    _built[other] = _home(other) / "site"
            with FileLock(home / "lock"):
                _build_once(name, home)
        _built[name] = home / "site"
    return _built[name]


def _home(name: str) -> Path:
    home = _run_folder() / name
    home.mkdir(exist_ok=True)
    return home


def _build_unless_busy(name: str, home: Path) -> bool:
    """Build site `name` unless it is built; False, doing nothing, if another process holds it."""
    try:
        with FileLock(home / "lock", timeout=0):
            _build_once(name, home)
    except Timeout:
        return False
    return True


def _build_once(name: str, home: Path) -> None:
    """Build site `name` into home/site unless it is built already; call holding its lock."""
    if not (home / "built").exists():
        shutil.rmtree(home / "providers", ignore_errors=True)  # a failed attempt's
        providers = SITES[name] if name in SITES else GENERATED[name](home / "providers")
        build_site(site_dir=home / "site", providers_dir=providers, pdf=name in WITH_PDF)
        (home / "built").touch()


def html_pages(site: Path) -> list[Path]:
    """Every page of a built site, except the 404 page (which no link leads to) and the
    editor's page under admin/, which is no family page (tests/browser/test_admin.py)."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if p.name != "404.html" and p.relative_to(site).parts[0] != "admin"
    )


def page_url_path(site: Path, page: Path) -> str:
    """The URL path of a built page: services/x/index.html -> services/x/."""
    return page.relative_to(site).as_posix().removesuffix("index.html")


def _notice_providers(folder: Path) -> Path:
    """The fixture providers, three of them changed so that every kind of notice shows on the
    day of the build: one temporarily closed, one not checked for two years, one just moved."""
    folder.mkdir(parents=True, exist_ok=True)
    today = build_day()
    # Lines added at the end of the file; a later key would be a duplicate, which fails.
    changes = {
        "castle-hill-speech-drop-in": "status: temporarily-closed",
        "go-independent-travel-training": f'moved_on: "{today - dt.timedelta(days=7)}"',
    }
    for path in sorted(FIXTURE_PROVIDERS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if path.stem == "open-door-send-advice-service":  # not checked for two years
            old = today - dt.timedelta(days=800)
            text = re.sub(r"(?m)^last_reviewed: .*$", f'last_reviewed: "{old}"', text)
        extra = changes.get(path.stem)
        (folder / path.name).write_text(text + (f"{extra}\n" if extra else ""), encoding="utf-8")
    return folder


GENERATED["notices"] = _notice_providers
