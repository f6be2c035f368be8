"""What the build does to content pages: twins, generated pages, pictures and first-use terms."""

from __future__ import annotations

import datetime as dt

from build_tools.easy_read.pictures import PICTURES, picture_file
from build_tools.guidance.branding import Branding
from build_tools.guidance.glossary import Entry, Glossary
from build_tools.model import provider_from_dict
from build_tools.pages.guidance_pages import (
    ContentContext,
    easy_read_twins,
    generated_pages,
    glossary_href,
    load_content_data,
    pictures_used,
    prepare_markdown,
)
from tests.support import REPO_ROOT, TODAY
from tests.unit.test_pages import entry

EASY = (
    "---\nkind: easy-read\nstandard: ../guidance/a.md\n---\n\n"
    "# A: easy read\n\n![A phone](picture:phone)\nRing us.\n"
)
STANDARD = "---\ntitle: A\n---\n\n# A\n\nText about the SENCO.\n"
GLOSSARY = Glossary((Entry("SENCO", "A teacher.", "special educational needs coordinator"),))


def test_easy_read_page_names_its_standard_page() -> None:
    twins, problems = easy_read_twins(
        {"easy-read/a.md": EASY, "guidance/a.md": STANDARD}, "content"
    )
    assert (twins, problems) == ({"guidance/a.md": "easy-read/a.md"}, [])


def test_easy_read_page_must_name_its_standard_page() -> None:
    missing = EASY.replace("standard: ../guidance/a.md\n", "")
    wrong = EASY.replace("a.md", "b.md")
    _, problems = easy_read_twins({"easy-read/a.md": missing, "easy-read/b.md": wrong}, "content")
    assert [(p.file, p.code) for p in problems] == [
        ("content/easy-read/a.md", "LO309"),
        ("content/easy-read/b.md", "LO309"),
    ]
    assert "no 'standard:' line" in problems[0].message
    assert "names ../guidance/b.md" in problems[1].message


def test_both_pages_get_a_link_to_each_other() -> None:
    context = ContentContext(GLOSSARY, twins={"guidance/a.md": "easy-read/a.md"})
    standard, _ = prepare_markdown(
        STANDARD.split("---\n", 2)[2], STANDARD, "guidance/a.md", context
    )
    assert "# A\n\n[Read this page in easy read](../easy-read/a.md)\n{: .lo-twin }\n" in standard
    easy, problems = prepare_markdown(EASY.split("---\n", 2)[2], EASY, "easy-read/a.md", context)
    assert problems == []
    assert "[Read the full page](../guidance/a.md)" in easy
    assert '<div class="lo-er-row" markdown="1">' in easy
    assert "OpenMoji" in easy  # the pictures' credit


def test_problems_point_at_the_source_line_after_front_matter() -> None:
    source = "---\ntitle: A\n---\n\n# A\n\nAsk the CAMHS team.\n\n<!-- services colour=red -->\n"
    markdown = source.split("---\n", 2)[2].lstrip("\n")
    _, problems = prepare_markdown(markdown, source, "guidance/a.md", ContentContext(GLOSSARY))
    assert sorted((p.file, p.line, p.code) for p in problems) == [
        ("content/guidance/a.md", 7, "LO308"),
        ("content/guidance/a.md", 9, "LO302"),
    ]


def test_technical_pages_are_not_checked_for_abbreviations() -> None:
    page = "# Fields\n\nWrite YAML and JSON.\n"
    _, problems = prepare_markdown(page, page, "providers/index.md", ContentContext(GLOSSARY))
    assert problems == []


def test_generated_pages_include_glossary_feedback_gallery_and_each_service() -> None:
    data = load_content_data(REPO_ROOT / "content", dt.date(2026, 11, 25))
    assert data.problems == []
    providers = [provider_from_dict("lye-play", entry())]
    pages = generated_pages(data, providers, TODAY, Branding())
    assert {"glossary.md", "you-said-we-did.md", "editors/pictures.md"} <= set(pages)
    assert "services/lye-play/easy-read.md" in pages
    glossary = pages["glossary.md"]
    for term in ("SENCO", "SEMH", "CAMHS", "SENDIASS", "EHCP"):
        assert f"## {term} {{#" in glossary


def test_only_pictures_the_pages_use_are_copied() -> None:
    chosen = pictures_used(
        ["![A phone](picture:phone)", "![x](picture:nope)", "../assets/easy-read/1F3EB.svg"]
    )
    assert [p.code for p in chosen] == ["1F3EB", "1F4DE"]


def test_every_picture_exists_in_the_installed_set() -> None:
    missing = [name for name, picture in PICTURES.items() if not picture_file(picture).is_file()]
    assert not missing
    assert all(picture.alt for picture in PICTURES.values())


def test_glossary_href_from_any_page() -> None:
    assert glossary_href("") == "glossary/"
    assert glossary_href("guidance/ehc-plans/") == "../../glossary/"
