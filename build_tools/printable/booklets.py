"""The printed Local Offer as booklets a family would pick up: one per kind of service, plus the
guidance and the easy-read pages, each its own PDF.

The service booklets are made from the schema's groups of types of provision (`x-groups` on
`categories`): each booklet takes one or more whole groups, so every type is in exactly one
booklet (a test checks this when the schema changes). A service is in every booklet that holds
one of its types, printed in full once in each, so each booklet stands on its own.

A booklet of more than MAX_SERVICES services is made in parts ("part 1 of 3"), each holding the
next services in the booklet's order of types, so that no PDF needs more than a few hundred MB
to make (WeasyPrint holds about 1 MB per service printed), whatever the size of the directory.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

from build_tools.model import Provider
from build_tools.printable.directory import sections
from build_tools.printable.sources import SourcePage
from build_tools.schema import vocabulary_extra

MAX_SERVICES = 200
GUIDANCE_PART = "part-guidance"
EASY_READ_PART = "part-easy-read"


@dataclass(frozen=True)
class Booklet:
    """One printed booklet: its file name, its title and what it holds."""

    key: str
    title: str
    about: str  # one line for its cover and for the list of booklets on the website
    groups: tuple[str, ...] = ()  # schema x-groups keys: the services it holds
    parts: tuple[str, ...] = ()  # the parts of content pages it holds
    part: int = 0  # of a booklet made in parts: which one (from 1), and how many
    of: int = 0
    only: frozenset[str] | None = None  # of a part: the slugs of its services

    @property
    def file(self) -> str:
        return (
            f"local-offer-{self.key}-{self.part}.pdf"
            if self.part
            else f"local-offer-{self.key}.pdf"
        )

    @property
    def heading(self) -> str:
        return f"{self.title}, part {self.part} of {self.of}" if self.part else self.title

    def types(self) -> frozenset[str]:
        """The types of provision (categories) of its groups."""
        groups = vocabulary_extra("x-groups", "categories")
        return frozenset(key for group in self.groups for key in groups[group]["members"])

    def services(self, providers: tuple[Provider, ...]) -> tuple[Provider, ...]:
        """The services of any of its types."""
        types = self.types()
        return tuple(
            p
            for p in providers
            if types.intersection(p.categories) and (self.only is None or p.slug in self.only)
        )

    def holds_page(self, page: SourcePage) -> bool:
        return (EASY_READ_PART if page.easy_read else GUIDANCE_PART) in self.parts


BOOKLETS = (
    Booklet(
        "guidance",
        "Help and guidance",
        "What SEND means, SEN support, EHC plans, choosing a school, money, travel, and what to do "
        "if you disagree.",
        parts=(GUIDANCE_PART,),
    ),
    Booklet(
        "easy-read",
        "Easy read",
        "The Local Offer in short sentences, with pictures.",
        parts=(EASY_READ_PART,),
    ),
    Booklet(
        "education",
        "Nurseries, schools and colleges",
        "Early years, schools, special schools, resource bases and learning after 16.",
        groups=("education",),
    ),
    Booklet(
        "health",
        "Health and therapies",
        "Health services, therapies and mental health support.",
        groups=("health",),
    ),
    Booklet(
        "short-breaks",
        "Short breaks and social care",
        "Short breaks, and social care for disabled children and their families.",
        groups=("social-care",),
    ),
    Booklet(
        "adulthood",
        "Growing up: preparing for adulthood",
        "Work, living independently, friends and community, and health as an adult.",
        groups=("preparing-for-adulthood",),
    ),
    Booklet(
        "activities",
        "Activities, childcare and travel",
        "Clubs and things to do, childcare, and help with travel.",
        groups=("leisure", "childcare", "travel"),
    ),
    Booklet(
        "advice",
        "Advice, support groups and complaints",
        "Free advice, support groups for families, and what to do if you disagree.",
        groups=("help-and-advice", "complaints"),
    ),
)


def in_parts(
    booklet: Booklet, providers: tuple[Provider, ...], most: int = MAX_SERVICES
) -> list[Booklet]:
    """The booklet, or its parts if it would hold more than `most` services: as few parts as
    will do, of nearly equal size, each the next services in the order they are printed."""
    services = booklet.services(providers)
    count = -(-len(services) // most)
    if count <= 1:
        return [booklet]
    found = sections(services, booklet.groups)
    ordered = [(section.label, p.slug) for section in found for p in section.full]
    size = -(-len(ordered) // count)
    parts = []
    for number, start in enumerate(range(0, len(ordered), size), 1):
        chunk = ordered[start : start + size]
        about = "; ".join(dict.fromkeys(label for label, _ in chunk)) + "."
        slugs = frozenset(slug for _, slug in chunk)
        parts.append(replace(booklet, about=about, part=number, of=count, only=slugs))
    return parts


def booklets_with_content(
    pages: list[SourcePage], providers: tuple[Provider, ...], most: int = MAX_SERVICES
) -> list[Booklet]:
    """The booklets, and parts of booklets, that hold anything: no empty booklet is made."""
    return [
        part
        for booklet in BOOKLETS
        if booklet.services(providers) or any(booklet.holds_page(page) for page in pages)
        for part in in_parts(booklet, providers, most)
    ]


# The guidance page that lists the booklets holds this empty element where the list goes.
LIST_PLACEHOLDER = '<div id="printed-booklets"></div>'


def file_size(size: int) -> str:
    """A file's size as a family reads it: 240 KB, 1.2 MB (1 KB = 1,000 bytes)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def booklet_list(made: list[tuple[Booklet, int]] | None, root: str) -> str:
    """The list of booklets made, each linked with its size in bytes, for a page `root` away
    from the site's root; or, with no PDFs made (None), a line saying how to get them on paper."""
    if made is None:
        return (
            '<p id="printed-booklets">This copy of the website has no booklets to download. '
            "Ask us and we will post you the ones you need.</p>"
        )
    items = "".join(
        f'<li><a href="{root}{booklet.file}">{escape(booklet.heading)}</a> '
        f"(PDF, {file_size(size)}): {escape(booklet.about)}</li>"
        for booklet, size in made
    )
    return f'<ul id="printed-booklets">{items}</ul>'


def link_booklets(
    site_dir: Path, pages: list[SourcePage], made: list[tuple[Booklet, int]] | None
) -> None:
    """Put the list of booklets into each built page that has the placeholder for it."""
    for page in pages:
        if LIST_PLACEHOLDER not in page.html:
            continue
        built = site_dir / page.url / "index.html"
        if not built.is_file():
            continue
        html = built.read_text(encoding="utf-8")
        root = "../" * page.url.count("/")
        built.write_text(html.replace(LIST_PLACEHOLDER, booklet_list(made, root)), "utf-8")
