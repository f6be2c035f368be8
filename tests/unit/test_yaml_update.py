"""build_tools.submit.yaml_update: a provider file takes new values and keeps everything else."""

from __future__ import annotations

from build_tools.submit.yaml_update import updated_text

ORIGINAL = """\
# Our team looks after this file.
categories: [a, b]  # the two we do most
needs:
  - ASD
opens: "09:30"
last_reviewed: 2026-01-01
"""


def test_lists_grow_in_their_own_style_and_risky_text_is_quoted() -> None:
    entry = {
        "categories": ["a", "b", "c"],
        "needs": ["ASD", "SLCN"],
        "opens": "09:30",
        "last_reviewed": "2026-02-02",
        "notes": "yes",
    }
    assert updated_text(ORIGINAL, entry) == (
        "# Our team looks after this file.\n"
        "categories: [a, b, c] # the two we do most\n"
        "needs:\n"
        "  - ASD\n"
        "  - SLCN\n"
        'opens: "09:30"\n'
        "last_reviewed: 2026-02-02\n"
        'notes: "yes"\n'  # plain, our reader would refuse it as a YAML 1.1 boolean
    )


def test_the_same_values_give_the_same_file() -> None:
    entry = {
        "categories": ["a", "b"],
        "needs": ["ASD"],
        "opens": "09:30",
        "last_reviewed": "2026-01-01",
    }
    assert updated_text(ORIGINAL, entry) == ORIGINAL


def test_a_key_no_longer_given_is_removed() -> None:
    entry = {"categories": ["a", "b"], "needs": ["ASD"], "last_reviewed": "2026-01-01"}
    assert 'opens: "09:30"\n' not in updated_text(ORIGINAL, entry)
