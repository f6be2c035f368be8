"""The injection corpus, providers that carry it, and checks that find anything it managed to do.

`tests/examples/injection/corpus.txt` holds attack strings. `corpus_entries` puts each one into
every free-text field of a provider entry that validation accepts it in (and says which it
refused); `hostile_entry` puts it into every field, links too, for tests that skip validation.
`unsafe_html` parses HTML with the standard library's parser and lists whatever could run
script, load from elsewhere or change the page: script elements that are not the site's own,
event handlers, style, frames, objects, `javascript:` and `data:` links, and elements the page
should never contain.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from build_tools.entries.safe_yaml import parse_yaml
from build_tools.entries.scaffold import dump_entry
from build_tools.entries.validate import check_document
from build_tools.guidance.glossary import abbreviations_in, load_glossary
from build_tools.pages.csp import script_hash
from build_tools.text.safe_html import TAGS
from tests.support import REPO_ROOT

CORPUS_FILE = REPO_ROOT / "tests" / "examples" / "injection" / "corpus.txt"
# What a payload does when it runs; the browser test looks for it.
MARKER = "__pwned"
PathKey = tuple[str | int, ...]


def corpus() -> list[str]:
    """Every attack string, with "\\n" turned into a new line."""
    # Split on line feeds only: the corpus holds Unicode line separators as attacks.
    lines = CORPUS_FILE.read_text(encoding="utf-8").split("\n")
    return [line.replace("\\n", "\n") for line in lines if line and not line.startswith("#")]


def base_entry(today: dt.date) -> dict[str, Any]:
    """A valid entry that fills in every field that reaches a page or an export."""
    answer = "We meet every family before the first session."
    return {
        "name": "Injection test service",
        "summary": "A made-up service that carries attack strings through the site.",
        "description": "A made-up service for the security tests.",
        "organisation": {
            "name": "Test Organisation",
            "description": "A made-up organisation.",
            "website": "https://test-organisation.example/",
        },
        "categories": ["health", "support-groups"],
        "needs": ["ASD", "SLCN"],
        "age_range": {"min": 5, "max": 18},
        "eligibility": {"description": "Families who live in Dudley."},
        "how_to_access": {"routes": ["self-referral"], "steps": ["Ring the team."]},
        "cost": {
            "free": False,
            "description": "A small charge for materials.",
            "options": [{"amount": 5, "per": "session", "description": "Materials"}],
        },
        "contacts": [
            {
                "role": "Test team",
                "phone": "01632 960123",
                "text": "07700 900123",
                "email": "team@test-organisation.example",
                "website": "https://test-organisation.example/contact",
            }
        ],
        "delivery": ["in-person"],
        "locations": [
            {
                "name": "Test Centre",
                "address": "1 High Street",
                "town": "Dudley",
                "postcode": "DY1 1AA",
                "transport": "Buses stop outside.",
            }
        ],
        "schedules": [
            {"days": ["monday"], "opens": "09:30", "closes": "11:30", "notes": "Bring a drink."}
        ],
        "service_areas": ["dudley-borough"],
        "languages": ["polish"],
        "local_offer": {
            "identifying_needs": answer,
            "teaching": answer,
            "sen_information_report": "https://test-organisation.example/report",
        },
        "reviewed_by": "Test Reviewer",
        "easy_read": {"what_happens": ["You play games."]},
        "last_reviewed": (today - dt.timedelta(days=30)).isoformat(),
    }


# Every field that holds free text and reaches a page, the easy-read page or an export.
TEXT_FIELDS: tuple[PathKey, ...] = (
    ("name",),
    ("summary",),
    ("description",),
    ("organisation", "name"),
    ("organisation", "description"),
    ("eligibility", "description"),
    ("how_to_access", "steps", 0),
    ("cost", "description"),
    ("cost", "options", 0, "description"),
    ("contacts", 0, "role"),
    ("locations", 0, "name"),
    ("locations", 0, "address"),
    ("locations", 0, "town"),
    ("locations", 0, "transport"),
    ("schedules", 0, "notes"),
    ("local_offer", "identifying_needs"),
    ("local_offer", "teaching"),
    ("reviewed_by",),
    ("easy_read", "what_happens", 0),
)
# Fields whose values become link targets or are checked against a pattern.
LINK_FIELDS: tuple[PathKey, ...] = (
    ("organisation", "website"),
    ("contacts", 0, "phone"),
    ("contacts", 0, "text"),
    ("contacts", 0, "email"),
    ("contacts", 0, "website"),
    ("locations", 0, "postcode"),
    ("local_offer", "sen_information_report"),
)


def with_value(entry: dict[str, Any], path: PathKey, value: Any) -> dict[str, Any]:
    """A copy of `entry` with the value at `path` replaced."""
    changed = copy.deepcopy(entry)
    target: Any = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


GLOSSARY, _ = load_glossary(REPO_ROOT / "content" / "glossary.yml", "glossary")


def entry_errors(entry: dict[str, Any], today: dt.date) -> list[str]:
    """The codes of the errors validation finds in `entry` written as a provider file, and of
    the easy-read check the build runs on a provider's own easy-read lines (LO308: an
    abbreviation the glossary does not explain), which `localoffer validate` does not run."""
    document, problems = parse_yaml(dump_entry(entry).encode("utf-8"), "providers/x.yaml")
    if document is not None:
        problems = problems + check_document(document, "providers/x.yaml", problems, today)
    codes = {p.code for p in problems if p.severity.value == "error"}
    for lines in entry.get("easy_read", {}).values():
        for line in lines:
            if any(not GLOSSARY.find(word) for _, word in abbreviations_in(str(line))):
                codes.add("LO308")
    return sorted(codes)


def name_for(attack: str, index: int) -> str:
    """A unique service name that carries the attack (names must differ between entries)."""
    return f"{attack} {index}"


@functools.cache
def corpus_entries(
    today: dt.date,
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, PathKey], list[str]]]:
    """One valid entry per attack string, by slug, with the string in every free-text field
    validation accepts it in; and the (attack, field) pairs it refused, with the error codes.
    Worked out once per process (it validates every attack in every field): do not change it."""
    base = base_entry(today)
    entries: dict[str, dict[str, Any]] = {}
    refused: dict[tuple[str, PathKey], list[str]] = {}
    for index, attack in enumerate(corpus()):
        entry = with_value(base, ("name",), f"Injection test service {index}")
        for path in TEXT_FIELDS:
            value = name_for(attack, index) if path == ("name",) else attack
            trial = with_value(entry, path, value)
            errors = entry_errors(trial, today)
            if errors:
                refused[(attack, path)] = errors
            else:
                entry = trial
        entries[f"injection-{index:02d}"] = entry
    return entries, refused


def hostile_entry(attack: str, today: dt.date) -> dict[str, Any]:
    """An entry with `attack` in every text and link field: for tests that skip validation."""
    entry = base_entry(today)
    for path in TEXT_FIELDS + LINK_FIELDS:
        entry = with_value(entry, path, attack)
    return entry


def write_entries(entries: dict[str, dict[str, Any]], folder: Path) -> Path:
    """Write the entries as provider files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for slug, entry in entries.items():
        (folder / f"{slug}.yaml").write_text(dump_entry(entry), encoding="utf-8")
    return folder


# --- finding what an attack managed to do ----------------------------------------------------

# Elements a built page holds outside the page content: the theme's head, header and icons.
# (noscript holds the link to no-js.css, for browsers with JavaScript off.)
PAGE_TAGS = TAGS | {"html", "head", "body", "meta", "link", "title", "script", "main", "noscript"}
PAGE_TAGS |= {"svg", "path"}
NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "portal"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "srcset", "poster", "background", "ping",
    "cite", "longdesc", "xlink:href", "manifest", "icon",
}  # fmt: skip
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "sms:")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_LINK_RELS = {"stylesheet", "icon", "canonical", "prev", "next", "alternate feed"}
_DATA_SCRIPTS = {"application/ld+json", "application/json"}
_CSP_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")


def unsafe_url(value: str) -> bool:
    """True for a link with a scheme other than http, https, mailto, tel and sms."""
    cleaned = re.sub(r"[\x00-\x20]", "", value)
    match = _SCHEME.match(cleaned)
    return bool(match) and not cleaned.lower().startswith(SAFE_SCHEMES)


class _Finder(HTMLParser):
    def __init__(self, allowed: frozenset[str] | set[str], whole_page: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.whole_page = whole_page
        self.found: list[str] = []
        self.hashes: set[str] = set()
        self._script: dict[str, str] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name: value or "" for name, value in attrs}
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in named.items())}>"[:160]
        # A whole page may hold a <style> the policy lists by hash (the printable copy's).
        allowed_style = tag == "style" and self.whole_page
        if not allowed_style and (tag in NEVER or tag not in self.allowed):
            self.found.append(f"unexpected element {where}")
        for name, value in named.items():
            if name.startswith("on"):
                self.found.append(f"event handler {name} in {where}")
            if name == "style":
                self.found.append(f"style attribute in {where}")
            if name in URL_ATTRIBUTES and unsafe_url(value):
                self.found.append(f"unsafe URL in {where}")
            if name in {"href", "src"} and value.lstrip().startswith("//"):
                self.found.append(f"link to another site without a scheme in {where}")
        if tag == "meta" and named.get("http-equiv", "").lower() == "content-security-policy":
            self.hashes.update(_CSP_HASH.findall(named.get("content", "")))
        elif tag == "meta" and "http-equiv" in named:
            self.found.append(f"unexpected meta {where}")
        if tag == "link" and named.get("rel") not in _LINK_RELS:
            self.found.append(f"unexpected link {where}")
        if tag == "script":
            self._check_script(named, where)
        if allowed_style:
            self._script, self._script_text = {"type": "text/css"}, []

    def _check_script(self, named: dict[str, str], where: str) -> None:
        if "src" in named:
            if _SCHEME.match(named["src"]) or named["src"].startswith("//"):
                self.found.append(f"script from another site {where}")
            return
        self._script = named
        self._script_text = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("script", "style") or self._script is None:
            return
        body, named = "".join(self._script_text), self._script
        self._script = None
        if named.get("type") in _DATA_SCRIPTS:
            return
        if not self.whole_page or script_hash(body) not in self.hashes:
            self.found.append(f"inline {tag} not allowed by the policy: {body[:80]!r}")


def unsafe_html(html: str, *, whole_page: bool = False) -> list[str]:
    """Everything in `html` that could run script, load from elsewhere or change the page.

    A fragment (the HTML of page content) may only hold the sanitiser's elements. A whole page
    may also hold the theme's head and icons, and inline scripts whose hashes its Content
    Security Policy lists.
    """
    finder = _Finder(PAGE_TAGS if whole_page else TAGS, whole_page)
    finder.feed(html)
    finder.close()
    return finder.found
