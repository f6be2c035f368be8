"""`localoffer edit`: the editor at /admin/ in local mode, beside the live preview."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import click

from build_tools.editor.cms import LOCAL_ENV
from build_tools.editor.cms_local import (
    DEFAULT_PORT,
    LocalModeError,
    proxy_url,
    start_local_backend,
)
from build_tools.paths import ROOT


@click.command("edit")
@click.option("--port", default=8000, show_default=True, help="The port of the site preview.")
@click.option(
    "--backend-port", default=DEFAULT_PORT, show_default=True, help="The port of decap-server."
)
def edit_command(port: int, backend_port: int) -> None:
    """Change pages in the browser, on this computer: open http://127.0.0.1:PORT/admin/.

    Saves go straight into content/ and providers/ (no GitHub, no pull request): review them
    with `git diff`, then commit and open a pull request as usual. Stop with Ctrl+C.
    """
    try:
        backend = start_local_backend(ROOT, backend_port)
    except LocalModeError as error:
        raise click.ClickException(str(error)) from None
    # Stopped by a signal rather than Ctrl+C: still stop decap-server (the finally below).
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    env = {**os.environ, LOCAL_ENV: proxy_url(backend_port)}
    click.echo(f"The editor: http://127.0.0.1:{port}/admin/ (saves change the files here)")
    try:
        served = subprocess.run(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            env=env,
            cwd=ROOT,
            check=False,
        )
    except KeyboardInterrupt:
        served = None
    finally:
        backend.terminate()
        backend.wait(timeout=10)
    sys.exit(served.returncode if served else 0)
