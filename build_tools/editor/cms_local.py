"""The editor's local mode: decap-server, Decap CMS's own small server, writing straight into a
folder on this computer instead of GitHub. `make edit` runs it beside `mkdocs serve`; the browser
test runs it on a copy of the repository.

It listens on 127.0.0.1 only: anyone who can reach it can change the files.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from build_tools.paths import ROOT

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
DEFAULT_PORT = 8081


class LocalModeError(RuntimeError):
    """decap-server is not installed, or did not start."""


def proxy_url(port: int) -> str:
    """The address the editor's `proxy` backend talks to."""
    return f"http://127.0.0.1:{port}/api/v1"


def start_local_backend(
    repo: Path, port: int = DEFAULT_PORT, wait: float = 20.0
) -> subprocess.Popen[bytes]:
    """Start decap-server on 127.0.0.1:`port`, changing files under `repo`; returns once it
    answers. The caller stops it (terminate())."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file():
        raise LocalModeError(
            "The editor's local mode needs Node.js and decap-server: run `npm ci` "
            "(or `make edit`, which runs it)."
        )
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo.resolve()),
        "MODE": "fs",
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen([node, str(DECAP_SERVER)], env=env, cwd=repo)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalModeError(f"decap-server stopped at once (exit code {process.returncode}).")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise LocalModeError(f"decap-server did not answer on port {port} within {wait:.0f} seconds.")
