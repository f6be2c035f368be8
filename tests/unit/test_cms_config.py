"""The editor's config is generated from the schemas and content/, and says what they say: a field
or page the editor leaves out, or words that differ from the schema's, fail here."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.editor import admin, cms, cms_local
from build_tools.paths import EDITOR_ASSETS
from build_tools.problems import CATALOGUE
from build_tools.submit.formspec import ID_FIELD, Field, form_fields, help_text
from tests.support import REPO_ROOT

CONTENT = REPO_ROOT / "content"
GITHUB = cms.CmsSettings(repo="council/local-offer", auth_url="https://auth.example")
LOCAL = cms.CmsSettings(local_proxy="http://127.0.0.1:8116/api/v1")


def _collection(name: str) -> dict[str, Any]:
    found = [c for c in cms.collections(CONTENT) if c["name"] == name]
    assert len(found) == 1, name
    return found[0]


def _by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in fields}


def _check_field(item: Field, decap: dict[str, Any], parents_required: bool) -> None:
    where = item.dotted
    assert decap["label"] == item.title, where
    assert decap["required"] == (parents_required and item.required), where
    if help_text(item) and item.path != ID_FIELD:
        assert decap["hint"] == help_text(item), where
    if item.kind in ("choice", "choices"):
        assert decap["widget"] == "select", where
        assert [(o["value"], o["label"]) for o in decap["options"]] == list(item.options), where
        assert decap.get("multiple", False) == (item.kind == "choices"), where
    if item.kind == "repeat":
        assert decap["widget"] == "list", where
        assert decap.get("min", 0) == item.limits.get("minItems", 0), where
        assert decap.get("max") == item.limits.get("maxItems"), where
    if item.kind in ("group", "repeat"):
        children = _by_name(decap["fields"])
        assert list(children) == [child.key for child in item.children], where
        required = parents_required and item.required if item.kind == "group" else True
        for child in item.children:
            _check_field(child, children[child.key], required)
    if item.limits.get("pattern") and item.path != ID_FIELD:
        regex, message = decap["pattern"]
        assert regex == item.limits["pattern"], where
        assert message == cms.problem_message(item.problem), where


def test_every_schema_field_is_in_the_provider_collection_with_its_words() -> None:
    fields = _by_name(_collection("providers")["fields"])
    assert list(fields) == [item.key for item in form_fields()]
    for item in form_fields():
        _check_field(item, fields[item.key], True)


def test_field_checks_speak_plain_english() -> None:
    contacts = _by_name(_by_name(_collection("providers")["fields"])["contacts"]["fields"])
    regex, message = contacts["phone"]["pattern"]
    assert re.match(regex, "01632 960123") and not re.match(regex, "call us")
    assert message.startswith(CATALOGUE["bad-phone"].title)
    summary = _by_name(_collection("providers")["fields"])["summary"]
    assert summary["pattern"][1].startswith("Write between")


def test_new_services_get_an_identifier_from_the_editor() -> None:
    assert _by_name(_collection("providers")["fields"])["id"]["widget"] == "uuid"
    script = (EDITOR_ASSETS / "admin.js").read_text(encoding="utf-8")
    assert 'registerWidget("uuid"' in script


def _schema_properties(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))["properties"]  # type: ignore[no-any-return]


def test_the_glossary_and_feedback_fields_are_their_schemas() -> None:
    glossary = _collection("glossary")["files"]
    assert [f["file"] for f in glossary] == ["content/glossary.yml", "content/search-words.yml"]
    groups = _by_name(glossary[1]["fields"])["groups"]
    assert groups["widget"] == "list" and groups["field"]["widget"] == "list"
    terms = _by_name(glossary[0]["fields"])["terms"]
    schema_terms = _schema_properties(cms.GLOSSARY_SCHEMA)["terms"]["items"]
    assert [f["name"] for f in terms["fields"]] == list(schema_terms["properties"])
    assert {f["name"] for f in terms["fields"] if f["required"]} == set(schema_terms["required"])
    years = _collection("feedback")["files"]
    on_disk = sorted(f"content/feedback/{p.name}" for p in (CONTENT / "feedback").glob("*.yaml"))
    assert [f["file"] for f in years] == on_disk
    entries = _by_name(years[0]["fields"])["entries"]
    status = _by_name(entries["fields"])["status"]
    schema_entries = _schema_properties(cms.FEEDBACK_SCHEMA)["entries"]["items"]
    assert status["options"] == schema_entries["properties"]["status"]["enum"]


def _covered(collections: list[dict[str, Any]]) -> list[str]:
    """Every file the collections cover, as a path from the repository root."""
    found = []
    for collection in collections:
        if "folder" in collection:
            folder = REPO_ROOT / collection["folder"]
            found += [
                p.relative_to(REPO_ROOT).as_posix()
                for p in folder.glob(f"*.{collection['extension']}")
            ]
        found += [f["file"] for f in collection.get("files", [])]
    return found


def test_every_content_file_has_exactly_one_place_in_the_editor() -> None:
    covered = _covered(cms.collections(CONTENT))
    assert len(covered) == len(set(covered))
    pages = [
        p.relative_to(REPO_ROOT).as_posix()
        for p in CONTENT.rglob("*")
        if p.suffix in (".md", ".yml", ".yaml") and not cms.is_generated(p)
    ]
    assert sorted(covered) == sorted(
        [
            *pages,
            *(
                p.relative_to(REPO_ROOT).as_posix()
                for p in (REPO_ROOT / "providers").glob("*.yaml")
            ),
        ]
    )


def test_every_front_matter_key_in_use_is_a_field() -> None:
    for collection in cms.page_collections(CONTENT):
        entries = collection.get("files") or [collection]
        for entry in entries:
            names = {f["name"] for f in entry["fields"]}
            pages = (
                [REPO_ROOT / entry["file"]]
                if "file" in entry
                else sorted((REPO_ROOT / entry["folder"]).glob("*.md"))
            )
            for page in pages:
                keys = cms.front_matter_keys(page.read_text(encoding="utf-8"))
                assert set(keys) <= names, page


def _content_copy(tmp_path: Path) -> Path:
    for folder in ("guidance", "easy-read", "feedback"):
        (tmp_path / folder).mkdir()
    (tmp_path / "guidance" / "a.md").write_text("---\ntitle: A\ndescription: B\n---\n\n# A\n")
    (tmp_path / "feedback" / "2026.yaml").write_text("entries: []\n")
    return tmp_path


def test_an_unknown_front_matter_key_stops_the_generation(tmp_path: Path) -> None:
    content = _content_copy(tmp_path)
    (content / "guidance" / "b.md").write_text("---\ntitle: B\nauthor: Someone\n---\n")
    with pytest.raises(cms.UnknownContent, match="author"):
        cms.collections(content)


def test_a_new_content_folder_stops_the_generation(tmp_path: Path) -> None:
    content = _content_copy(tmp_path)
    (content / "news" / "2026").mkdir(parents=True)
    (content / "news" / "2026" / "one.md").write_text("---\ntitle: One\n---\n")
    with pytest.raises(cms.UnknownContent, match="no collection"):
        cms.collections(content)


def test_github_saves_are_pull_requests_and_local_saves_are_files() -> None:
    github = cms.decap_config(GITHUB, "https://localoffer.example/", CONTENT)
    assert github["publish_mode"] == "editorial_workflow"
    assert github["backend"] == {
        "name": "github",
        "repo": "council/local-offer",
        "branch": "main",
        "base_url": "https://auth.example",
        "squash_merges": True,
    }
    local = cms.decap_config(LOCAL, "https://localoffer.example/", CONTENT)
    assert "publish_mode" not in local
    assert local["backend"]["proxy_url"] == "http://127.0.0.1:8116/api/v1"
    assert yaml.safe_load(
        cms.config_yaml(GITHUB, "https://x.example/", CONTENT)
    ) == cms.decap_config(GITHUB, "https://x.example/", CONTENT)


def test_the_editor_is_configured_only_with_a_sign_in_proxy_or_local_mode() -> None:
    extra = {"github_repository": "council/local-offer", "cms": {"auth_url": ""}}
    assert not cms.cms_settings(extra, {}).configured
    assert cms.cms_settings({**extra, "cms": {"auth_url": "https://auth.example/"}}, {}).configured
    local = cms.cms_settings(extra, {cms.LOCAL_ENV: "http://127.0.0.1:8081/api/v1"})
    assert local.configured and local.backend_origin == "http://127.0.0.1:8081"
    assert GITHUB.backend_origin == "https://api.github.com"


def test_the_rules_the_editor_cannot_check_are_listed() -> None:
    rules = cms.unexpressed_rules()
    assert any(rule.startswith("contacts: at least one of phone") for rule in rules)
    assert any(rule.startswith("cost: ") for rule in rules)


def test_without_the_editor_configured_admin_is_one_page_with_nothing_that_runs(
    tmp_path: Path,
) -> None:
    assert admin.write_admin(tmp_path, cms.CmsSettings(), "Local Offer", "") == 1
    page = (tmp_path / "admin" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "The editor is not set up yet" in page


def test_a_build_without_node_modules_says_how_to_install_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(admin, "DECAP_DIST", tmp_path / "missing")
    with pytest.raises(admin.DecapMissing, match="npm ci"):
        admin.write_admin(tmp_path, LOCAL, "Local Offer", "")


def test_the_admin_policy_allows_the_site_and_the_backend_only() -> None:
    policy = dict(part.split(" ", 1) for part in admin.admin_policy(GITHUB).split("; "))
    assert policy["connect-src"] == "'self' https://api.github.com"
    assert policy["default-src"] == "'none'" and "'unsafe-inline'" not in policy["script-src"]


def test_local_mode_without_decap_server_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cms_local, "DECAP_SERVER", tmp_path / "missing.js")
    with pytest.raises(cms_local.LocalModeError, match="npm ci"):
        cms_local.start_local_backend(tmp_path, 8116)
