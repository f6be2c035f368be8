"""No service can be rewritten through the issue form unseen (issue 15, finding 5).

The reproductions: `update-of` took any host; a pasted file carrying another service's id
replaced that service; the pull request did not show what changed in contact details.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.submit.contact_changes import ContactChange, contact_changes
from build_tools.submit.submission import (
    CONTACTS_HEADING,
    build_submission,
    render_pr_body,
    site_address,
    slug_from_address,
)
from tests.conftest import Cli
from tests.issue_bodies import github_issue_body
from tests.support import FIXTURE_PROVIDERS, REPO_ROOT, TODAY, TODAY_ARG

from .test_github_text import live_parts

SITE = "https://localoffer.example/"
CASTLE = "castle-hill-speech-drop-in"
CASTLE_FILE = (FIXTURE_PROVIDERS / f"{CASTLE}.yaml").read_text(encoding="utf-8")
CASTLE_ID = "6f1d8c52-3a0e-4f7b-9c21-5b7d0e4a9f13"


@pytest.fixture
def providers(tmp_path: Path) -> Path:
    folder = tmp_path / "providers"
    shutil.copytree(FIXTURE_PROVIDERS, folder)
    return folder


def submit(answers: dict[str, str], providers: Path):  # type: ignore[no-untyped-def]
    return build_submission(github_issue_body(answers), providers, TODAY, SITE)


def codes(submission) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.code for p in submission.problems if p.severity.value == "error"]


def test_the_site_address_comes_from_mkdocs_yml() -> None:
    assert site_address(REPO_ROOT / "mkdocs.yml") == SITE


@pytest.mark.parametrize(
    "address",
    [
        f"https://evil.example/services/{CASTLE}/",  # the reproduction
        f"http://evil.example/services/{CASTLE}/",
        f"https://localoffer.example.evil.example/services/{CASTLE}/",
        f"https://localoffer.example@evil.example/services/{CASTLE}/",
        f"https://evil.example/?https://localoffer.example/services/{CASTLE}/",
        f"//evil.example/services/{CASTLE}/",
        f"ftp://localoffer.example/services/{CASTLE}/",
        f"javascript:alert(1)//localoffer.example/services/{CASTLE}/",
        f"https://localoffer.example/guidance/{CASTLE}/",
        f"https://localoffer.example/services/../providers/{CASTLE}",
        "https://localoffer.example/services/",
        # Variants tried after the fix.
        f"https://localoffer.example:8080/services/{CASTLE}/",
        f"https://localoffer.example./services/{CASTLE}/",
        f"https://localoffer.example\\@evil.example/services/{CASTLE}/",
        f"https://evil@localoffer.example/services/{CASTLE}/",
        f"https://localoffer.example/services/{CASTLE}%2F..%2Fother/",
        f"https://localoffer.example/services/../../{CASTLE}/",
        f"https://localoffer.example/services/{CASTLE.upper()}/",
        "../../etc/passwd",
        f"/services/{CASTLE}/../../../etc/passwd",
    ],
)
def test_an_update_names_only_this_sites_own_service_pages(address: str, providers: Path) -> None:
    assert slug_from_address(address, SITE) is None
    submission = submit({"update-of": address, "contacts-phone": "01632 960999"}, providers)
    assert codes(submission) == ["LO403"]
    assert SITE in submission.problems[0].fix
    assert (providers / f"{CASTLE}.yaml").read_text(encoding="utf-8") == CASTLE_FILE


@pytest.mark.parametrize(
    "address",
    [
        f"https://localoffer.example/services/{CASTLE}/",
        f"http://localoffer.example/services/{CASTLE}",
        f"https://LOCALOFFER.EXAMPLE/services/{CASTLE}/index.html",
        f"https://localoffer.example/services/{CASTLE}/#contact",
        f"/services/{CASTLE}/",
        f"services/{CASTLE}",
        CASTLE,
    ],
)
def test_this_sites_addresses_are_taken(address: str) -> None:
    assert slug_from_address(address, SITE) == CASTLE


def test_a_site_in_a_folder_takes_its_own_path() -> None:
    site = "https://council.example/local-offer/"
    assert slug_from_address(f"{site}services/{CASTLE}/", site) == CASTLE
    assert slug_from_address(f"https://council.example/services/{CASTLE}/", site) is None


def hijack(name: str = "Bob's Free Help Line") -> str:
    """Castle Hill's file, id and all, made into another service with other contacts."""
    return (
        CASTLE_FILE.replace("name: Castle Hill Speech Drop-in", f"name: {name}")
        .replace("01632 960101", "01632 960666")
        .replace("therapy@castle-hill-therapy.example", "help@bobs-line.example")
    )


def test_a_pasted_file_with_another_services_id_is_refused(providers: Path) -> None:
    submission = submit({"service-file": hijack()}, providers)  # the reproduction
    assert codes(submission) == ["LO404"]
    assert f"{SITE}services/{CASTLE}/" in submission.problems[0].message
    assert submission.path is None


@pytest.mark.parametrize(
    "disguise", [CASTLE_ID.upper(), f" {CASTLE_ID} ", f'"{CASTLE_ID}"', f"'{CASTLE_ID.upper()}'"]
)
def test_the_id_cannot_be_disguised(disguise: str, providers: Path) -> None:
    pasted = hijack().replace(f"id: {CASTLE_ID}", f"id: {disguise}")
    assert codes(submit({"service-file": pasted}, providers)) == ["LO404"]


@pytest.mark.parametrize(
    "update_of",
    [
        "https://localoffer.example/services/open-door-send-advice-service/",
        "/services/sunny-days-holiday-playscheme/",
    ],
)
def test_a_file_may_not_change_another_service_than_the_one_named(
    update_of: str, providers: Path
) -> None:
    submission = submit({"service-file": CASTLE_FILE, "update-of": update_of}, providers)
    assert codes(submission) == ["LO404"]


def test_a_file_with_an_unknown_id_may_not_update_a_named_service(providers: Path) -> None:
    pasted = CASTLE_FILE.replace(CASTLE_ID, "00000000-0000-4000-8000-000000000000")
    submission = submit({"service-file": pasted, "update-of": f"/services/{CASTLE}/"}, providers)
    assert codes(submission) == ["LO404"]
    assert "no listed service" in submission.problems[0].message


def test_a_file_without_an_id_updates_the_named_service_and_keeps_its_id(providers: Path) -> None:
    pasted = "\n".join(line for line in CASTLE_FILE.splitlines() if not line.startswith("id:"))
    submission = submit({"service-file": pasted, "update-of": f"/services/{CASTLE}/"}, providers)
    assert submission.ok, submission.problems
    assert f"id: {CASTLE_ID}" in submission.text


def test_the_website_forms_own_update_still_works(providers: Path) -> None:
    changed = CASTLE_FILE.replace("01632 960101", "01632 960102")
    submission = submit({"service-file": changed}, providers)  # its own name: no address needed
    assert submission.ok, submission.problems
    assert submission.path == providers / f"{CASTLE}.yaml"


def test_a_rename_must_name_its_service(providers: Path) -> None:
    renamed = hijack("Castle Hill Talk Time")
    assert codes(submit({"service-file": renamed}, providers)) == ["LO404"]
    named = submit({"service-file": renamed, "update-of": f"/services/{CASTLE}/"}, providers)
    assert named.ok, named.problems


def test_an_update_that_would_share_a_file_name_is_refused(providers: Path) -> None:
    (providers / "lye-online-parent-chat.yml").write_text(
        CASTLE_FILE.replace(CASTLE_ID, "11111111-1111-4111-8111-111111111111").replace(
            "Castle Hill Speech Drop-in", "Lye Online Parent Chat Old"
        ),
        encoding="utf-8",
    )
    answers = {
        "name": "Lye Online Parent Chat",
        "summary": "An online chat where parents of disabled children share tips and support.",
        "description": "A friendly online group for parents and carers, run every week.",
        "organisation-name": "Lye Parent Carer Forum",
        "age_range-min": "0",
        "age_range-max": "25",
        "eligibility-description": "Parents and carers of children with SEND in Dudley.",
        "contacts-role": "Forum team",
        "contacts-email": "forum@lye-parents.example",
        "delivery": ["Online"],
    }
    submission = submit(answers, providers)
    assert "LO201" in codes(submission), submission.problems  # the folder as it would be


def test_contact_changes_list_every_kind_of_detail() -> None:
    before = {
        "contacts": [{"phone": "01632 960101", "email": "a@x.example"}],
        "locations": [{"address": "12 Example Road", "town": "Dudley", "postcode": "DY1 4QA"}],
        "organisation": {"website": "https://x.example"},
    }
    after = {
        "contacts": [{"phone": "01632 960666", "email": "a@x.example", "text": "07700 900123"}],
        "locations": [{"address": "1 Other Street", "town": "Dudley", "postcode": "DY1 4QA"}],
        "organisation": {"website": "https://evil.example"},
    }
    assert contact_changes(before, after) == (
        ContactChange("contacts[0].phone", "01632 960101", "01632 960666"),
        ContactChange("locations[0].address", "12 Example Road", "1 Other Street"),
        ContactChange("organisation.website", "https://x.example", "https://evil.example"),
        ContactChange("contacts[0].text", "", "07700 900123"),
    )
    assert contact_changes(before, before) == ()
    assert contact_changes(before, {})[0] == ContactChange("contacts[0].phone", "01632 960101", "")


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"contacts-phone": "01632 960666"}, "contacts[0].phone"),
        ({"contacts-email": "spy@evil.example"}, "contacts[0].email"),
        ({"contacts-website": "https://evil.example/form"}, "contacts[0].website"),
        ({"contacts-text": "07700 900666"}, "contacts[0].text"),
    ],
)
def test_the_pull_request_starts_with_each_changed_contact_detail(
    answers: dict[str, str], field: str, providers: Path
) -> None:
    submission = submit({"update-of": f"/services/{CASTLE}/", **answers}, providers)
    assert submission.ok, submission.problems
    body = render_pr_body(submission, 12)
    assert body.startswith(CONTACTS_HEADING)
    table = body.split("\n\n")[2]
    assert f"| `{field}` |" in table
    unlinked = render_pr_body(submission, None)  # no reference to its own issue
    assert live_parts(unlinked) == []  # the new values are shown, never linked


def test_an_update_that_changes_no_contact_detail_has_no_such_heading(providers: Path) -> None:
    submission = submit({"update-of": f"/services/{CASTLE}/", "cost-free": "Yes"}, providers)
    assert submission.ok and submission.contact_changes == ()
    assert CONTACTS_HEADING not in render_pr_body(submission, 12)


def test_the_command_tells_the_workflow_to_label_it(
    providers: Path, tmp_path: Path, cli: Cli
) -> None:
    body = tmp_path / "body.md"
    answers = {"update-of": f"/services/{CASTLE}/", "contacts-phone": "01632 960666"}
    body.write_text(github_issue_body(answers), encoding="utf-8")
    outputs = tmp_path / "outputs"
    args = ["--providers", providers, "--today", TODAY_ARG, "--outputs", outputs]
    result = cli("from-issue", body, *args, "--site-url", SITE)
    assert result.exit_code == 0, result.output
    assert "contacts_changed=true" in outputs.read_text().splitlines()
    other = cli("from-issue", body, *args, "--site-url", "https://another.example/")
    assert other.exit_code == 0, "a bare path names a page of whichever site takes it"


def test_the_workflow_labels_pull_requests_that_change_contact_details() -> None:
    workflow = (REPO_ROOT / ".github" / "workflows" / "service-from-issue.yml").read_text()
    assert "steps.read.outputs.contacts_changed" in workflow
    assert "label=contact-details-changed" in workflow
    assert '"${labels[@]}"' in workflow and '--add-label "$label"' in workflow


def test_the_set_up_page_tells_editors_to_dismiss_stale_approvals() -> None:
    page = (REPO_ROOT / "docs" / "github.md").read_text(encoding="utf-8")
    assert "Dismiss stale pull request approvals when new commits are pushed" in page
