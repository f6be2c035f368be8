"""Write issue bodies the way GitHub writes them for an issue form, for the submission tests.

GitHub lists every question of the form, in order, as a `### Label` heading and the answer:
`_No response_` when it was left empty, every checkbox option as `- [X]` or `- [ ]`, and a box
with `render: yaml` inside a fenced code block. Sections are separated by a blank line.
"""

from __future__ import annotations

from build_tools.submit.issue_form import SERVICE_FILE, form

Answer = str | list[str]


def github_issue_body(answers: dict[str, Answer], newline: str = "\n") -> str:
    """The body of an issue whose answers are `answers` (by question id; lists tick boxes)."""
    sections = []
    for element in form()["body"]:
        if element["type"] == "markdown":
            continue
        attributes = element["attributes"]
        answer = answers.get(element["id"])
        if element["type"] == "checkboxes":
            chosen = answer if isinstance(answer, list) else []
            text = "\n".join(
                f"- [{'X' if option['label'] in chosen else ' '}] {option['label']}"
                for option in attributes["options"]
            )
        elif not answer:
            text = "_No response_"
        elif element["id"] == SERVICE_FILE:
            text = f"```yaml\n{answer}\n```"
        else:
            text = str(answer)
        sections.append(f"### {attributes['label']}\n\n{text}")
    return newline.join("\n\n".join(sections).split("\n"))
