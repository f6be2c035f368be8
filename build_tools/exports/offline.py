"""A zip of the built site that works when opened from disk, for families without internet.

Browsers open `folder/index.html`, not `folder/`, from disk, so every relative link to a folder
gets `index.html` added. What cannot work from disk is left out: search and the directory's
filters (their data is loaded with fetch(), which browsers refuse for file:// pages), the
JSON behind "near you" and the shortlist (the same), and the open data files. Those pages keep
their plain fallbacks: the browse lists, and notes that say the tool needs the website.
The zip is reproducible: files in sorted order, with the document's date as their time.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

OFFLINE_ZIP = "local-offer-offline.zip"
# Pages, styles, scripts, pictures, fonts and the printable PDF.
KEPT_SUFFIXES = frozenset(
    [".html", ".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"]
    + [".woff", ".woff2", ".ttf", ".pdf"]
)
# mkdocs-material's own search, switched off in mkdocs.yml: the build leaves its files out
# (hooks.py), and the copy would too if a site switched it on: no use from disk. The search's
# word index is JSON, which is not kept at all.
THEME_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# The 404 page is only ever shown by a web server, and links from the domain's root.
LEFT_OUT = (*THEME_SEARCH, "404.html")
_TAG = re.compile(r"<(a|link|script|img|form|iframe|source)\b([^<>]*)>", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src|action)=)(["'])(.*?)\2""", re.IGNORECASE)
_ARTICLE = re.compile(r"(<article\b[^>]*>)")
# What only search engines and feed readers use, and the copy need not repeat in every page:
# a service's JSON-LD (its page says the same, and is in the copy), the canonical address and
# the feed's link. A service page's JSON-LD was an eighth of its compressed bytes.
_FOR_MACHINES = re.compile(
    r'<script type="application/ld\+json">[^<]*</script>'
    r'|<link rel="(?:canonical|alternate feed)"[^<>]*>'
)
# The styles for browsers without JavaScript, which every page loads inside <noscript>.
_NO_JS = re.compile(r"<noscript>\s*(<link\b[^>]*no-js\.css[^>]*>)\s*</noscript>")


def file_link(url: str, page: str = "", site_url: str = "") -> str:
    """A relative link made to work from disk: to a folder, its index.html; to a file the copy
    leaves out (open data, the zip itself), the same file on the website.

    `page` is the path of the page the link is on, from the site's root ("guidance/x/").
    """
    local = _disk_link(url, bool(site_url))
    return urljoin(site_url + page, url) if local is None else local


@lru_cache(maxsize=1 << 16)
def _disk_link(url: str, online: bool) -> str | None:
    """file_link's answer for links that do not depend on the page: None for a link that
    goes to the website (only when the site has an address: `online`)."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith(("#", "/")) or not url:
        return url
    path = parts.path
    suffix = Path(path).suffix.lower()
    if online and suffix and suffix not in KEPT_SUFFIXES:
        return None
    if path.endswith("/") or path.split("/")[-1] in (".", ".."):
        path = path.rstrip("/") + "/index.html"
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{path}{query}{fragment}"


@lru_cache(maxsize=1 << 16)
def _disk_attributes(attributes: str, online: bool) -> str | None:
    """A tag's attributes with their links made to work from disk, or None if a link goes to
    the website, which depends on the page. Pages share most tags: each is worked out once."""
    to_website = False

    def fixed(m: re.Match[str]) -> str:
        nonlocal to_website
        local = _disk_link(m.group(3), online)
        to_website = to_website or local is None
        return f"{m.group(1)}{m.group(2)}{local}{m.group(2)}"

    result = _URL_ATTRIBUTE.sub(fixed, attributes)
    return None if to_website else result


def offline_page(html: str, note: str, page: str = "", site_url: str = "") -> str:
    """A page with its links fixed for disk, and a note on top of its content."""

    def fixed(m: re.Match[str]) -> str:
        return f"{m.group(1)}{m.group(2)}{file_link(m.group(3), page, site_url)}{m.group(2)}"

    def tag(match: re.Match[str]) -> str:
        attributes = _disk_attributes(match.group(2), bool(site_url))
        if attributes is None:
            attributes = _URL_ATTRIBUTE.sub(fixed, match.group(2))
        return f"<{match.group(1)}{attributes}>"

    html = _TAG.sub(tag, _FOR_MACHINES.sub("", html))
    # Browsers run no module scripts for file:// pages, so from disk every page is a page
    # without JavaScript: always load its styles (search hidden, "needs JavaScript" notes shown).
    html = _NO_JS.sub(r"\1", html)
    return _ARTICLE.sub(lambda m: m.group(1) + note, html, count=1)


def kept_files(site_dir: Path) -> Iterator[Path]:
    """The files of the offline copy, in a fixed order."""
    for path in sorted(site_dir.rglob("*")):
        relative = path.relative_to(site_dir).as_posix()
        if not path.is_file() or relative == OFFLINE_ZIP or relative.startswith(LEFT_OUT):
            continue
        if path.suffix.lower() in KEPT_SUFFIXES:
            yield path


def readme(site_name: str, site_url: str, made: dt.date) -> str:
    website = f" ({site_url})" if site_url else ""
    return (
        f"{site_name}: offline copy, made on {made.day} {made:%B %Y}.\n\n"
        "Open index.html in this folder with any web browser. No internet is needed.\n\n"
        "What works: every page, the lists of services by type, need, age and area, every\n"
        "service page, the guidance and easy-read pages, the printable copy\n"
        "(local-offer-print.html) and the booklets to print (local-offer-*.pdf).\n\n"
        "What needs the website: searching, the filters, services near you and the\n"
        f"shortlist. Services change: check the website{website} or phone the service\n"
        "before you go.\n"
    )


def write_offline_copy(site_dir: Path, site_name: str, site_url: str, made: dt.date) -> Path:
    """Write local-offer-offline.zip at the site's root; return its path."""
    folder = re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "local-offer"
    stamp = (made.year, made.month, made.day, 0, 0, 0)
    note = (
        '<p class="lo-offline-note"><strong>Offline copy</strong>, made on '
        f"{made.day} {made:%B %Y}. Services change: check the website "
        f"{escape(site_url)} or phone the service before you go.</p>"
    )
    target = site_dir / OFFLINE_ZIP
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        add("README.txt", readme(site_name, site_url, made).encode())
        for path in kept_files(site_dir):
            name = path.relative_to(site_dir).as_posix()
            data = path.read_bytes()
            if path.suffix == ".html":
                folder_path = path.parent.relative_to(site_dir).as_posix()
                page = "" if folder_path == "." else f"{folder_path}/"
                data = offline_page(data.decode("utf-8"), note, page, site_url).encode("utf-8")
            add(name, data)
    return target
