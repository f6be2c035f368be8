"""The "Add or update your service" page: a form generated from the schema at build time.

Every control has a real label, a plain-English hint (`form_words.py`) and a place for its error
message; fields in a group or a repeated group (contacts, venues, times, prices) are fieldsets
with legends, asked in the order of a service page. The script
(overrides/assets/javascripts/service-form.js) shows the form, tidies and checks the answers
with the rules from `form_rules.py`, draws a live preview of the card and page, and turns the
answers into the YAML file. Without JavaScript the form stays hidden and the page says how else
to send a service. Pure functions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from build_tools.entries.catalog import Catalog
from build_tools.submit.form_rules import form_spec, lower_first
from build_tools.submit.form_words import HIDDEN, form_hint, page_ordered
from build_tools.submit.formspec import REVIEWED_FIELD, Field, branch_of, form_fields
from build_tools.submit.issue_form import SERVICE_FILE, TEMPLATE_NAME, UPDATE_OF
from build_tools.text.front_matter import front_matter
from build_tools.text.links import mailto_href

FORM_PAGE = "providers/add-or-update.md"
# Beside the page: the script finds it at <site root>/providers/form-spec.json.
FORM_SPEC = "providers/form-spec.json"
PREFIX = "lo-f"
INDEX = "__i__"  # stands for an item's number in a repeated group's template
_ROWS = {5000: 8, 3000: 6, 2000: 5}
_INPUT_TYPES = {
    "text": ("text", ""),
    "url": ("url", "url"),
    "email": ("email", "email"),
    "tel": ("tel", "tel"),
    "date": ("date", ""),
    "time": ("time", ""),
    "integer": ("text", "numeric"),
    "number": ("text", "decimal"),
}


@dataclass(frozen=True)
class FormSettings:
    """Where a finished file can go: the team's email, and the GitHub repository, if any."""

    email: str
    github_repository: str = ""

    @property
    def new_issue_url(self) -> str:
        if not self.github_repository:
            return ""
        return f"https://github.com/{self.github_repository}/issues/new"


def _hint(item: Field) -> str:
    return escape(form_hint(item))


def _label(item: Field, required: bool) -> str:
    return escape(item.title) + ("" if required else " (optional)")


def _slot(control: str) -> str:
    return f'<p class="lo-error" id="{control}-error" hidden></p>'


def _described(control: str) -> str:
    return f'aria-describedby="{control}-hint {control}-error"'


def _legend(item: Field, required: bool, top: bool) -> str:
    text = _label(item, required)
    return f"<legend><h2>{text}</h2></legend>" if top else f"<legend>{text}</legend>"


def _checkboxes(item: Field, control: str, required: bool, top: bool) -> str:
    boxes = "".join(
        f'<div class="lo-check"><input type="checkbox" id="{control}-{n}" name="{control}" '
        f'value="{escape(value)}"><label for="{control}-{n}">{escape(label)}</label></div>'
        for n, (value, label) in enumerate(item.options)
    )
    return (
        f'<fieldset class="lo-field lo-choices" id="{control}" {_described(control)}>'
        f'{_legend(item, required, top)}<p class="lo-hint" id="{control}-hint">{_hint(item)}</p>'
        f'{_slot(control)}<div class="lo-check-list">{boxes}</div></fieldset>'
    )


def _radios(item: Field, control: str, required: bool, top: bool) -> str:
    radios = "".join(
        f'<div class="lo-check"><input type="radio" id="{control}-{value}" name="{control}" '
        f'value="{value}"><label for="{control}-{value}">{label}</label></div>'
        for value, label in (("true", "Yes"), ("false", "No"))
    )
    return (
        f'<fieldset class="lo-field lo-radios" id="{control}" {_described(control)}>'
        f'{_legend(item, required, top)}<p class="lo-hint" id="{control}-hint">{_hint(item)}</p>'
        f'{_slot(control)}<div class="lo-check-row">{radios}</div></fieldset>'
    )


def _control(item: Field, control: str) -> str:
    described = _described(control)
    if item.kind == "choice":
        options = "".join(
            f'<option value="{escape(value)}">{escape(label)}</option>'
            for value, label in item.options
        )
        first = '<option value="">Choose one</option>'
        return f'<select id="{control}" name="{control}" {described}>{first}{options}</select>'
    if item.kind in ("textarea", "lines"):
        rows = _ROWS.get(item.limits.get("maxLength", 0), 4)
        return f'<textarea id="{control}" name="{control}" rows="{rows}" {described}></textarea>'
    kind, mode = _INPUT_TYPES.get(item.kind, ("text", ""))
    inputmode = f' inputmode="{mode}"' if mode else ""
    return (
        f'<input id="{control}" name="{control}" type="{kind}"{inputmode} '
        f'autocomplete="off" spellcheck="{str(kind == "text").lower()}" {described}>'
    )


def _simple(item: Field, control: str, required: bool) -> str:
    hint = _hint(item) + (" One on each line." if item.kind == "lines" else "")
    return (
        f'<div class="lo-field lo-{item.kind}"><label for="{control}">{_label(item, required)}'
        f'</label><p class="lo-hint" id="{control}-hint">{hint}</p>{_slot(control)}'
        f"{_control(item, control)}</div>"
    )


def _item(item: Field, prefix: str, index: str) -> str:
    """One item of a repeated group, such as one contact. A question needed unless a flag is
    set (a venue's street, unless it is a private home) is labelled as needed."""
    control = f"{prefix}-{item.key}-{index}"
    branch = branch_of(item.path)
    needed = {f.key for f in branch.otherwise if f.required} if branch else set()
    children = [replace(c, required=c.required or c.key in needed) for c in item.children]
    if branch:  # ask the flag (Private home?) straight after the first question (the name)
        flag = [c for c in children if c.key == branch.key]
        children = children[:1] + flag + [c for c in children[1:] if c.key != branch.key]
    inner = "".join(render_field(child, control) for child in children)
    title = escape(item.item_title)
    return (
        f'<fieldset class="lo-item" id="{control}" data-prefix="{control}">'
        f'<legend>{title} <span class="lo-item-number"></span></legend>{_slot(control)}{inner}'
        f'<button type="button" class="md-button lo-remove">Remove this '
        f"{escape(lower_first(item.item_title))}</button></fieldset>"
    )


def _repeat(item: Field, prefix: str, required: bool, top: bool) -> str:
    control = f"{prefix}-{item.key}"
    first = _item(item, prefix, "0") if required and item.limits.get("minItems", 0) else ""
    noun = escape(lower_first(item.item_title))
    return (
        f'<fieldset class="lo-repeat" id="{control}" {_described(control)}>'
        f'{_legend(item, required, top)}<p class="lo-hint" id="{control}-hint">{_hint(item)}</p>'
        f'{_slot(control)}<div class="lo-items">{first}</div>'
        # The blank item "Add a ..." copies. A hidden <div>, not a <template>: the page
        # sanitiser empties templates.
        f'<div class="lo-blank" hidden>{_item(item, prefix, INDEX)}</div>'
        f'<button type="button" class="md-button lo-add">Add a {noun}</button></fieldset>'
    )


def _group(item: Field, prefix: str, required: bool, top: bool) -> str:
    control = f"{prefix}-{item.key}"
    inner = "".join(render_field(child, control) for child in item.children)
    folded = top and not required  # a long optional section, such as the Local Offer questions
    fieldset = (
        f'<fieldset class="lo-group" id="{control}" {_described(control)}>'
        f"{_legend(item, required, top and not folded)}"
        f'<p class="lo-hint" id="{control}-hint">{_hint(item)}</p>{_slot(control)}{inner}'
        "</fieldset>"
    )
    if folded:
        summary = f"{escape(item.title)} (optional)"
        return f'<details class="lo-optional"><summary>{summary}</summary>{fieldset}</details>'
    return fieldset


def render_field(item: Field, prefix: str = PREFIX) -> str:
    """The HTML of one field, group or repeated group, named after its place in the entry."""
    if item.path in HIDDEN:  # kept as it is when a service is updated, never asked
        control = f"{prefix}-{item.key}"
        return "" if len(item.path) == 1 else f'<input type="hidden" id="{control}">'
    top = len(item.path) == 1
    control = f"{prefix}-{item.key}"
    if item.kind == "group":
        return _group(item, prefix, item.required, top)
    if item.kind == "repeat":
        return _repeat(item, prefix, item.required, top)
    if item.kind == "choices":
        return _checkboxes(item, control, item.required, top)
    if item.kind == "boolean":
        return _radios(item, control, item.required, top)
    html = _simple(item, control, item.required)
    if item.path == REVIEWED_FIELD:
        return f'<div class="lo-reviewed">{html}</div>'
    return html


def form_spec_json(settings: FormSettings) -> str:
    """The form's rules and settings, which the script fetches from FORM_SPEC.

    A file rather than a <script> in the page: pages are sanitised, and scripts never survive.
    """
    spec = {
        **form_spec(),
        "email": settings.email,
        "newIssueUrl": settings.new_issue_url,
        "issueTemplate": TEMPLATE_NAME,
        "issueFileField": SERVICE_FILE,
        # An update names its service by address: from-issue takes a file only for that one.
        "issueUpdateField": UPDATE_OF,
        # Questions of the issue form that GitHub insists on: the form fills them in too.
        "issueFields": _issue_fields(),
    }
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))


def _issue_fields() -> dict[str, list[str]]:
    from build_tools.submit.issue_form import questions

    return {q.id: list(q.field.path) for q in questions() if q.required and q.field is not None}


def form_html(settings: FormSettings) -> str:
    """The form, its result panel and its rules, as one raw HTML block (no blank lines)."""
    fields = "".join(render_field(item) for item in page_ordered(form_fields()))
    return (
        '<div id="lo-service-form-app" class="lo-service-form" hidden>'
        '<div id="lo-error-summary" class="lo-error-summary" tabindex="-1" hidden>'
        '<div role="alert"><h2 id="lo-error-summary-title">There is a problem</h2><ul></ul>'
        "</div></div>"
        '<p id="lo-form-status" class="lo-status" role="status"></p>'
        f'<form id="lo-service-form" class="lo-form" novalidate>{fields}'
        '<div class="lo-actions"><button type="submit" class="md-button md-button--primary">'
        "Check my answers and see how it looks</button></div></form>"
        f"{PREVIEW}"
        '<section id="lo-result" class="lo-result" aria-labelledby="lo-result-heading" hidden>'
        '<h2 id="lo-result-heading" tabindex="-1">Send it to the Local Offer team</h2>'
        "<p>Your answers passed the checks. When the preview above looks right, send it. "
        "An editor checks it before it is published.</p>"
        '<div class="lo-actions lo-send">'
        '<a class="md-button md-button--primary" id="lo-email" href="#">'
        "Email it to the Local Offer team</a>"
        '<button type="button" class="md-button" id="lo-download">'
        "Download it as a file</button>"
        "</div>"
        '<p id="lo-action-status" class="lo-status" role="status"></p>'
        + _for_github_users(settings)
        + "</section></div>"
    )


# The live preview: filled in by service-form-preview.js as the provider types.
PREVIEW = (
    '<section id="lo-preview" class="lo-preview" aria-labelledby="lo-preview-title">'
    '<h2 id="lo-preview-title" tabindex="-1">How families will see it</h2>'
    '<p class="lo-hint">This preview changes as you fill in the form.</p>'
    "<h3>In the list of services</h3>"
    # A <ul>, not the directory's <ol class="lo-results">: the shortlist's script gives every
    # card in those a button, and this card is not a service yet.
    '<ul class="lo-preview-results" id="lo-preview-card"></ul>'
    "<h3>The service's page</h3>"
    '<div class="lo-preview-page" id="lo-preview-page"></div>'
    "</section>"
)


def _for_github_users(settings: FormSettings) -> str:
    """The file itself, and GitHub, folded away: most providers never need them."""
    github = (
        '<a class="md-button" id="lo-github" href="#">Open the GitHub form with it filled in</a>'
        if settings.new_issue_url
        else ""
    )
    return (
        '<details class="lo-for-github"><summary>For people who use GitHub: the file</summary>'
        "<p>The Local Offer is built from one text file for each service. You can copy this "
        "file, or send it through GitHub.</p>"
        '<div class="lo-actions">'
        '<button type="button" class="md-button" id="lo-copy">Copy the file</button>'
        f"{github}</div>"
        # No <code> inside: the theme's script rebuilds every pre > code block.
        '<pre id="lo-yaml" class="lo-yaml" tabindex="0" aria-label="The service file"></pre>'
        "</details>"
    )


def _other_ways(settings: FormSettings) -> list[str]:
    mail = mailto_href(settings.email)
    ways = [
        f"- email the details of your service to [{escape(settings.email)}]({mail}): the "
        "team will add it for you;",
        "- follow [How to describe your service](index.md) to write the file yourself;",
    ]
    if settings.new_issue_url:
        issue = f"{settings.new_issue_url}?template={TEMPLATE_NAME}"
        ways.append(f"- use the [form on GitHub]({issue}), if you have a GitHub account.")
    return ways


def service_form_page(settings: FormSettings) -> str:
    """The whole page, in Markdown."""
    return "\n".join(
        [
            *front_matter(
                {
                    "template": "service-form.html",
                    "search": {"exclude": True},
                    "description": "Add a service to the Dudley SEND Local Offer, or update one.",
                }
            ),
            "# Add or update your service",
            "",
            "Use this form to tell us about a service for children and young people with SEND, "
            "or to change the details of one that is listed. It checks your answers as you go, "
            "and shows how your service will look to families. Nothing you type leaves this "
            "page until you choose how to send it.",
            "",
            "To change a service that is listed, use the *Update this service* link at the "
            "bottom of its page: the form opens with its details filled in.",
            "",
            '<div class="lo-nojs" markdown>',
            "",
            "This form needs JavaScript, which is switched off or blocked in your browser. "
            "You can still send us your service:",
            "",
            *_other_ways(settings),
            "",
            "</div>",
            "",
            form_html(settings),
            "",
        ]
    )


def entry_path(slug: str) -> str:
    """Where the site keeps a service's entry for the form to load: beside its page."""
    return f"services/{slug}/entry.json"


def entry_files(catalog: Catalog) -> dict[str, str]:
    """Each published service's entry as JSON, so "Update this service" can fill in the form."""
    shown = {provider.slug for provider in catalog.providers}
    return {
        entry_path(loaded.slug): json.dumps(
            public_entry(loaded.document.data), ensure_ascii=False, separators=(",", ":")
        )
        for loaded in catalog.validation.valid_files()
        if loaded.slug in shown and loaded.document is not None
    }


def public_entry(data: dict[str, Any]) -> dict[str, Any]:
    """An entry as the site may publish it: a private home without its street, map point or
    full postcode, whatever the file says (as in model.Location)."""
    venues = data.get("locations")
    if not isinstance(venues, list) or not any(
        isinstance(v, dict) and v.get("private") for v in venues
    ):
        return data
    hidden = []
    for venue in venues:
        if isinstance(venue, dict) and venue.get("private"):
            venue = {
                k: v for k, v in venue.items() if k not in ("address", "latitude", "longitude")
            }
            if isinstance(venue.get("postcode"), str):
                venue["postcode"] = venue["postcode"].split(" ")[0]
        hidden.append(venue)
    return {**data, "locations": hidden}


def form_settings(extra: Mapping[str, object], fallback_email: str) -> FormSettings:
    """The form's settings from mkdocs.yml `extra`: submit_email and github_repository."""
    email = str(extra.get("submit_email") or extra.get("report_problem_email") or fallback_email)
    return FormSettings(email, str(extra.get("github_repository") or ""))
