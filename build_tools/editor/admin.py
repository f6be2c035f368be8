"""The pages and files of /admin/, the editor: written into the built site after everything else,
so no family page, the sitemap or the offline copy ever holds any of it.

When the editor is configured (editor/cms.py), /admin/ loads Decap CMS from the site itself:
its built files are copied from node_modules (pinned in package-lock.json), never from a CDN.
When it is not, /admin/ is one plain page that says how to set it up, and the site is otherwise
exactly as it would be. The page has its own Content Security Policy: Decap needs inline styles
and evaluates code, which no family page allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

from build_tools.editor.cms import ADMIN, CmsSettings, config_yaml
from build_tools.paths import EDITOR_ASSETS, ROOT
from build_tools.schema import local_offer_questions, vocabulary

DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
# The YAML reader and writer admin.js imports (ES modules).
YAML_DIST = ROOT / "node_modules" / "yaml" / "browser" / "dist"
ADMIN_ASSETS = EDITOR_ASSETS
# The site's own stylesheets, for the page and for the editor's preview pane.
SITE_STYLES = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/local-offer.css")
MISSING_DECAP = (
    "The editor's files are not installed: run `npm ci` (or `make site`, which runs it) "
    "before building, so that node_modules/decap-cms is there."
)


class DecapMissing(RuntimeError):
    """node_modules/decap-cms is not there: say how to install it."""


def decap_files(dist: Path | None = None) -> Iterator[Path]:
    """Decap's script, the chunks it loads on demand, its WebAssembly and its licence notice;
    not the source maps, nor `cms.js`, a second copy of the same script."""
    dist = dist or DECAP_DIST
    if not (dist / "decap-cms.js").is_file() or not (YAML_DIST / "index.js").is_file():
        raise DecapMissing(MISSING_DECAP)
    for path in sorted(dist.iterdir()):
        if path.name.endswith(("decap-cms.js", ".wasm")) or path.name == "decap-cms.js.LICENSE.txt":
            yield path


def admin_policy(settings: CmsSettings) -> str:
    """The admin page's policy. Decap (React with emotion) writes its styles inline and its
    config checker compiles code ('unsafe-eval'); its image tools use WebAssembly. It may talk
    to the site and to the configured Git backend, and to nothing else."""
    connect = " ".join(dict.fromkeys(["'self'", settings.backend_origin]))
    directives = [
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        f"connect-src {connect}",
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


# The fixed lists a service page shows as words (directory/service_page.py uses the same).
VOCABULARIES = (
    ("needs",),
    ("service_areas",),
    ("how_to_access", "routes"),
    ("delivery",),
    ("cost", "options", "per"),
    ("schedules", "days"),
    ("locations", "accessibility"),
    ("languages",),
)


def preview_data(styles: list[str]) -> dict[str, Any]:
    """What the preview script needs to draw a service page as the site does: the choice
    labels and the Local Offer questions, from the schema the site uses."""
    return {
        "labels": {".".join(path): vocabulary(*path) for path in VOCABULARIES},
        # Pairs, in the schema's order (the page's order); JSON objects are written sorted.
        "questions": list(local_offer_questions().items()),
        "styles": styles,
    }


def site_styles(site_dir: Path) -> list[str]:
    """The stylesheets every page loads, as paths from /admin/."""
    found = []
    for pattern in SITE_STYLES:
        found += [
            f"../{p.relative_to(site_dir).as_posix()}" for p in sorted(site_dir.glob(pattern))
        ]
    return found


def _head(title: str, policy: str) -> str:
    """The start of both /admin/ pages, up to their own links and scripts."""
    return f"""<!doctype html>
<html lang="en-GB" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(title)}</title>
<link rel="icon" href="../assets/images/favicon.png">"""


def _stylesheet_links(styles: list[str]) -> str:
    return "".join(f'<link rel="stylesheet" href="{escape(s)}">' for s in styles)


def setup_page(site_name: str, styles: list[str]) -> str:
    """/admin/ when the editor is not configured: how to set it up, and nothing that runs."""
    policy = (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'none'"
    )
    return f"""{_head(f"The editor is not set up yet - {site_name}", policy)}
{_stylesheet_links(styles)}
</head>
<body>
<main class="md-main"><div class="md-content"><article class="md-content__inner md-typeset">
<h1>The editor is not set up yet</h1>
<p>This is where council editors change the guidance pages, the easy-read pages, the glossary,
"you said, we did" and the service entries in the browser. Each change becomes a pull request
that a second editor reviews.</p>
<h2>How to set it up</h2>
<ol>
<li>Register a GitHub OAuth app for the council, and run the small sign-in proxy the editor
needs (see the editors' guide, "Setting up the editor").</li>
<li>In <code>mkdocs.yml</code>, set <code>extra.github_repository</code> to your repository and
<code>extra.cms.auth_url</code> to the address of the sign-in proxy.</li>
<li>Build and publish the site again. This page then opens the editor.</li>
</ol>
<p>To try the editor on your own computer first, without GitHub, run <code>make edit</code>.</p>
<p><a href="../editors/">Read the editors' guide</a></p>
</article></div></main>
</body>
</html>
"""


def editor_page(site_name: str, settings: CmsSettings, data: dict[str, Any]) -> str:
    """/admin/ when the editor is configured: Decap CMS, its config and our preview script."""
    data_script = json.dumps(data, ensure_ascii=True, sort_keys=True).replace("</", "<\\/")
    policy = admin_policy(settings)
    return f"""{_head(f"Editor - {site_name}", policy)}
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<script type="application/json" id="lo-preview-data">{data_script}</script>
</head>
<body>
<noscript><p>The editor needs JavaScript. You can still change the site on GitHub: see the
<a href="../editors/">editors' guide</a>.</p></noscript>
<script src="init.js"></script>
<script src="decap-cms.js"></script>
<script type="module" src="admin.js"></script>
</body>
</html>
"""


def write_admin(site_dir: Path, settings: CmsSettings, site_name: str, site_url: str) -> int:
    """Write /admin/ into the built site; returns how many files were written."""
    target = site_dir / ADMIN
    target.mkdir(parents=True, exist_ok=True)
    styles = site_styles(site_dir)
    if not settings.configured:
        (target / "index.html").write_text(setup_page(site_name, styles), encoding="utf-8")
        return 1
    files = list(decap_files())
    for path in files:
        (target / path.name).write_bytes(path.read_bytes())
    # admin.js also imports the site's own assets/javascripts/phrases.js, from beside /admin/.
    for script in ("init.js", "admin.js"):
        (target / script).write_bytes((ADMIN_ASSETS / script).read_bytes())
    (target / "yaml").mkdir(exist_ok=True)
    modules = sorted(YAML_DIST.glob("*.js"))
    for module in modules:
        (target / "yaml" / module.name).write_bytes(module.read_bytes())
    (target / "config.yml").write_text(config_yaml(settings, site_url), encoding="utf-8")
    page = editor_page(site_name, settings, preview_data(styles))
    (target / "index.html").write_text(page, encoding="utf-8")
    return len(files) + len(modules) + 4
