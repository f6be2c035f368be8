"""The Problem record and the catalogue of problem codes.

Every check in the project reports through `Problem`, and every problem has a code in `CATALOGUE`
with a title, a message template, a fix template and a longer help text. This module imports
nothing from the rest of the package.

Codes: LO0xx reading a file, LO1xx the schema, LO2xx rules across fields and files, LO3xx content
pages and the content data files (glossary, "you said, we did"), LO4xx submissions through the
forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Code:
    """One entry of the catalogue."""

    code: str
    name: str
    severity: Severity
    title: str
    message: str
    fix: str
    help: str


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    field: str
    message: str
    fix: str

    def sort_key(self) -> tuple[str, bool, int, int, str, str]:
        # LO020 ("N more problems not shown") always comes last for its file.
        return (self.file, self.code == "LO020", self.line, self.column, self.code, self.field)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
            "fix": self.fix,
        }


@dataclass
class _Catalogue:
    by_name: dict[str, Code] = field(default_factory=dict)

    def add(self, code: Code) -> None:
        assert code.name not in self.by_name, code.name
        assert all(c.code != code.code for c in self.by_name.values()), code.code
        self.by_name[code.name] = code

    def __getitem__(self, name: str) -> Code:
        return self.by_name[name]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.by_name.values(), key=lambda c: c.code))


CATALOGUE = _Catalogue()
E, W = Severity.ERROR, Severity.WARNING


def _code(
    code: str, name: str, severity: Severity, title: str, message: str, fix: str, help: str
) -> None:
    CATALOGUE.add(Code(code, name, severity, title, message, fix, help))


# --- LO0xx: reading the file --------------------------------------------------------------------
_code(
    "LO001",
    "not-utf8",
    E,
    "The file is not saved as UTF-8 text",
    "The file is not UTF-8 text{detail}.",
    "Save the file as UTF-8. In most editors this is in the 'Save as' or 'Encoding' menu.",
    "Provider files must be plain UTF-8 text. Files saved from Word or old Windows editors are "
    "sometimes in another encoding, which turns accented letters and curly quotes into nonsense.",
)
_code(
    "LO002",
    "yaml-syntax",
    E,
    "The file is not valid YAML",
    "{explanation}",
    "{fix}",
    "YAML uses indentation (spaces at the start of a line) and colons to show structure. A "
    "missing colon, a stray quote or lines that do not line up stop the whole file being read.",
)
_code(
    "LO003",
    "tab-indent",
    E,
    "A tab is used for indentation",
    "Line {line} starts with a tab. YAML only allows spaces for indentation.",
    "Replace the tab at the start of line {line} with spaces (two spaces for each level).",
    "Tabs and spaces look the same in most editors, but YAML refuses tabs at the start of a "
    "line. Turn on 'show whitespace' in your editor to see them.",
)
_code(
    "LO004",
    "byte-order-mark",
    W,
    "The file starts with a byte-order mark",
    "The file starts with an invisible byte-order mark. It was ignored.",
    "Save the file as 'UTF-8' rather than 'UTF-8 with BOM'.",
    "Some Windows editors put an invisible mark at the start of UTF-8 files. It does no harm "
    "here, but other tools may trip over it.",
)
_code(
    "LO005",
    "empty-file",
    E,
    "The file is empty",
    "The file has no content.",
    "Fill it in, or start again with: localoffer new",
    "Each file in providers/ describes one service. An empty file is usually a mistake: "
    "delete it or fill it in.",
)
_code(
    "LO006",
    "several-documents",
    E,
    "The file holds more than one YAML document",
    "The file has a second document starting at line {line} (a line with three dashes).",
    "Put each service in its own file, and remove the '---' line.",
    "A line of three dashes starts a new YAML document. Each file must describe exactly one "
    "service.",
)
_code(
    "LO007",
    "not-a-mapping",
    E,
    "The file is not a list of fields",
    "The file should be a list of fields like 'name: ...', but it holds {found}.",
    "Start from an example: localoffer new, or copy a file from providers/.",
    "A provider file is a set of fields, one per line, like 'name: Castle Hill Speech Drop-in'.",
)
_code(
    "LO008",
    "duplicate-key",
    E,
    "A field appears twice",
    "'{key}' appears twice in the same place (first on line {first_line}).",
    "Keep one '{key}' and delete the other.",
    "If a field appears twice, only one would be used, and nobody could tell which one you meant.",
)
_code(
    "LO009",
    "anchor-or-alias",
    E,
    "YAML anchors and aliases are not allowed",
    "Line {line} uses a YAML {what} ('{text}').",
    "Write the value out in full instead of using '&' or '*'.",
    "Anchors (&name) and aliases (*name) let one part of a file repeat another. They make files "
    "hard to read and can be abused to make a tiny file enormous, so we refuse them.",
)
_code(
    "LO010",
    "custom-tag",
    E,
    "A YAML tag is not allowed",
    "Line {line} uses the YAML tag '{tag}'.",
    "Remove '{tag}'. If the value starts with '!', put it in quotes.",
    "Tags that start with '!' ask a YAML reader to build special objects. Provider files only "
    "need plain text, numbers, true/false and lists, so every tag is refused.",
)
_code(
    "LO011",
    "file-too-large",
    E,
    "The file is too large",
    "The file is {size} KB; the limit is {limit} KB.",
    "Shorten the description and answers. One service per file.",
    "A service description rarely needs more than a few kilobytes. The limit keeps one file "
    "from slowing the build for everyone.",
)
_code(
    "LO012",
    "symlink",
    E,
    "The file is a symbolic link",
    "The file is a link to another file ({target}).",
    "Replace the link with a real file.",
    "Links could make the build read files from outside providers/, so they are refused.",
)
_code(
    "LO013",
    "yaml-yes-no",
    E,
    "A yes/no word is ambiguous",
    "'{value}' could be read as true or false, or as the word '{value}'.",
    'Write true or false if you mean yes or no; otherwise put the word in quotes: "{value}".',
    "Older YAML tools read yes, no, on, off, y and n as true or false. Writing true or false, "
    "or quoting the word, means every tool reads it the same way.",
)
_code(
    "LO014",
    "yaml-leading-zero",
    E,
    "A number starts with 0",
    "{value} starts with 0, so some tools would read it as a different number.",
    'Put it in quotes: "{value}".',
    "Older YAML tools read numbers with a leading zero as octal (base 8) numbers, so 0123 "
    "becomes 83. Phone numbers and codes must be in quotes.",
)
_code(
    "LO015",
    "yaml-colon-number",
    E,
    "A time or ratio is not in quotes",
    "{value} is not in quotes, so some tools would read it as the number {as_number}.",
    'Put it in quotes: "{quoted}".',
    "Older YAML tools read 1:30 as 90 (one times sixty, plus thirty). Times must be in quotes, "
    'like "09:30".',
)
_code(
    "LO016",
    "too-deep",
    E,
    "The file is nested too deeply",
    "The fields are nested more than {limit} levels deep.",
    "Check the indentation: no field in a provider file is more than a few levels deep.",
    "Provider files are shallow. Very deep nesting is a mistake or an attack, so it is refused.",
)
_code(
    "LO017",
    "control-character",
    E,
    "The file has an invisible control character",
    "Line {line} has an invisible control character (code {codepoint}).",
    "Delete the character. Retyping the line usually fixes it.",
    "Text copied from PDFs or other programs sometimes carries invisible characters that "
    "cannot appear on a web page.",
)
_code(
    "LO018",
    "complex-key",
    E,
    "A field name is not plain text",
    "The field name on line {line} is not plain text.",
    "Field names are single words like name or summary, followed by a colon.",
    "YAML allows lists or groups as field names, but provider files never need them.",
)

_code(
    "LO019",
    "not-a-file",
    E,
    "This is not an ordinary file",
    "This is a folder, a pipe or a device, not an ordinary file.",
    "Remove it from providers/, or replace it with an ordinary YAML file.",
    "Only ordinary files are read, so that nothing in providers/ can make the build hang or "
    "read from outside the project.",
)

_code(
    "LO020",
    "many-problems",
    E,
    "The file has many more problems",
    "There are {count} more problems in this file, not shown.",
    "Fix the problems above, then check the file again.",
    "Only the first {limit} problems in a file are shown, so that one broken file does not "
    "bury the others.".replace("{limit}", "20"),
)

_code(
    "LO021",
    "non-character",
    E,
    "The file has a character that is not a real character",
    "Line {line} has the code {codepoint}, which Unicode keeps out of text.",
    "Delete the character. Retyping the line usually fixes it.",
    "Unicode sets aside some codes (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and others) that are never "
    "letters. They cannot appear in the site's feed or sitemap, so one would break those files "
    "for every service.",
)

# --- LO1xx: the schema -----------------------------------------------------------------------
_code(
    "LO101",
    "missing-field",
    E,
    "A required field is missing",
    "{label} ({key}) is missing.",
    "Add a line '{key}: ...'. {hint}",
    "Some fields are needed on every entry so that families can understand and use the "
    "service. The field reference lists them.",
)
_code(
    "LO102",
    "unknown-field",
    E,
    "A field is not recognised",
    "'{key}' is not a field we know{where}.",
    "{suggestion}",
    "Only the fields in the field reference are allowed, so that a typo such as 'nmae' for "
    "'name' is caught instead of silently ignored.",
)
_code(
    "LO103",
    "wrong-type",
    E,
    "A value is the wrong kind",
    "{label} should be {expected}, but it is {found}.",
    "{hint}",
    "Each field holds one kind of value: text, a whole number, true or false, a list, or a "
    "group of fields. The field reference gives an example of each.",
)
_code(
    "LO104",
    "not-in-list",
    E,
    "A value is not one of the allowed choices",
    "{value} is not one of the choices for {label}.",
    "{suggestion}",
    "Some fields take values from a fixed list, so that families can filter by them. The field "
    "reference lists every choice with its meaning.",
)
_code(
    "LO105",
    "too-long",
    E,
    "A text is too long",
    "{label} is {length} characters long; the most allowed is {limit}.",
    "Shorten it to {limit} characters or fewer.{hint}",
    "Short text is easier to read, especially on a phone. The limits follow plain-English "
    "guidance.",
)
_code(
    "LO106",
    "too-short",
    E,
    "A value is empty or too short",
    "{label} is empty or too short (at least {limit} {unit}).",
    "Fill it in, or remove the field if it is optional.",
    "An empty value usually means something was left unfinished.",
)
_code(
    "LO107",
    "bad-date",
    E,
    "A date is not a real date",
    "{value} is not a real date in the form YYYY-MM-DD.",
    "Write the date as year-month-day, for example 2026-03-03, and check the day exists.",
    "Dates are written as YYYY-MM-DD so that they sort and compare correctly. Impossible dates "
    "such as 2026-02-30 are refused.",
)
_code(
    "LO108",
    "bad-id",
    E,
    "The permanent identifier is not a UUID",
    "{value} is not a UUID.",
    "Remove the id line and run: localoffer new, or copy the id from the original file.",
    "The id is a UUID that stays the same when a service is renamed. Open data users rely on it.",
)
_code(
    "LO109",
    "bad-email",
    E,
    "An email address is not complete",
    "{value} is not a full email address.",
    "Write one whole address and nothing else, for example team@your-organisation.example"
    " (letters, digits and . _ + ' - before the @; no ?, &, %, commas or spaces)",
    "Email addresses need a name, an @ and a domain with a dot, with no spaces. Characters such"
    " as ?, &, %, commas and semicolons are refused: in an email link they add other people"
    " or change the message, so a family's email could go to someone else.",
)
_code(
    "LO110",
    "bad-phone",
    E,
    "A phone number is not a UK number",
    "{value} is not a UK phone number.",
    "Write a UK number with its area code, for example 01632 960123, 0800 123 4567 or "
    "+44 1632 960123. Put only one number in each field.",
    "Phone numbers must be UK numbers of 10 or 11 digits starting with 0 (or +44), so that "
    "they work as tap-to-call links on phones.",
)
_code(
    "LO111",
    "bad-postcode",
    E,
    "A postcode is not a full UK postcode",
    "{value} is not a full UK postcode.",
    "Write the full postcode in capitals with one space, for example DY1 4AA.",
    "A full postcode lets families see how far away a venue is.",
)
_code(
    "LO112",
    "bad-url",
    E,
    "A web address is not a web link",
    "{value} is not a web address.{detail}",
    "Write the full address starting with https://, for example https://your-organisation.example",
    "Links must be full web addresses. Links that start with javascript: or data: are refused "
    "because they could harm visitors.",
)
_code(
    "LO113",
    "out-of-range",
    E,
    "A number is out of range",
    "{label} is {value}; it must be {bound}.",
    "{hint}",
    "Ages are whole years from 0 to 25, prices are not negative, and map coordinates must be "
    "in the United Kingdom.",
)
_code(
    "LO114",
    "repeated-item",
    E,
    "A list has the same item twice",
    "{label} lists {value} more than once.",
    "Remove the repeated item.",
    "Each choice only needs to appear once.",
)
_code(
    "LO115",
    "bad-time",
    E,
    "A time is not in the form HH:MM",
    '{value} is not a time like "09:30".',
    'Write the time with the 24-hour clock in quotes, for example "09:30" or "15:00".',
    "Times are written as HH:MM on the 24-hour clock, in quotes.",
)
_code(
    "LO116",
    "cost-not-explained",
    E,
    "A paid service does not say what it costs",
    "The service is not free, but the cost is not explained.",
    "Add 'options' with each price, or a 'description' of the cost, under cost.",
    "Families need to know what they will pay before they contact a service.",
)
_code(
    "LO117",
    "contact-has-no-way-in",
    E,
    "A contact has no way to get in touch",
    "This contact has a role but no phone, email, website or text number.",
    "Add at least one of: phone, email, website, text.",
    "Each contact must give families a way to reach the service.",
)
_code(
    "LO118",
    "schedule-empty",
    E,
    "A time slot says nothing",
    "This time slot has neither days nor notes.",
    "Add 'days' (and times), or 'notes' such as \"By appointment\".",
    "Each entry under schedules must say when the service runs.",
)
_code(
    "LO119",
    "too-many",
    E,
    "A list is too long",
    "{label} has {count} items; the most allowed is {limit}.",
    "Keep the most important {limit}.",
    "Limits keep pages readable and stop one file from making the build slow.",
)
_code(
    "LO120",
    "schema-other",
    E,
    "A value does not fit the format",
    "{label} does not fit the format: {detail}.",
    "Compare it with the example in the field reference.",
    "This is a rare check. The field reference shows the expected format of every field.",
)

# --- LO2xx: rules across fields and files -------------------------------------------------------
_code(
    "LO201",
    "duplicate-slug",
    E,
    "Two files have the same name",
    "Another file is also called {slug}.yaml ({other}).",
    "Rename one of them. The file name becomes the web address, so it must be unique.",
    "The file name is the service's web address (/services/ followed by the file name "
    "without .yaml), so each must be unique.",
)
_code(
    "LO202",
    "bad-file-name",
    E,
    "The file name is not a valid web address",
    "The file name '{name}' cannot be used as a web address.",
    "Rename the file to {suggested}",
    "File names must be lower-case letters, digits and hyphens and end in .yaml, because the "
    "name becomes the service's web address.",
)
_code(
    "LO203",
    "ages-reversed",
    E,
    "The youngest age is above the oldest",
    "The youngest age ({min}) is above the oldest age ({max}).",
    "Swap them, or correct the one that is wrong.",
    "min is the youngest age the service is for and max the oldest.",
)
_code(
    "LO204",
    "review-in-future",
    E,
    "The review date is in the future",
    "last_reviewed is {value}, which is after today ({today}).",
    "Write the date the entry was actually checked.",
    "last_reviewed records when someone last checked the entry, so it cannot be in the future.",
)
_code(
    "LO205",
    "review-overdue",
    W,
    "The entry has not been checked for over a year",
    "The entry was last checked on {value}, more than 12 months ago.",
    "Check every field with the provider, then set last_reviewed to today's date.",
    "Families rely on the Local Offer being up to date. Entries older than 12 months are still "
    "published, with a notice that they may be out of date.",
)
_code(
    "LO206",
    "insecure-url",
    W,
    "A web address uses http, not https",
    "{value} uses http://, which is not secure.",
    "Check the site works with https:// and change the address.",
    "Browsers warn families about http:// pages. Most sites work with https://.",
)
_code(
    "LO207",
    "personal-email",
    W,
    "An email address looks like a person's",
    "{value} looks like a person's own email address.",
    "Use a shared team mailbox, such as referrals@..., so it still works when staff change.",
    "Contacts belong to a role, not a person: personal addresses go out of date and publish "
    "someone's details.",
)
_code(
    "LO208",
    "html-in-text",
    E,
    "The text contains HTML",
    "{label} contains HTML ({snippet}).",
    "Remove the HTML. Use a blank line for a new paragraph, '- ' for a list and **bold**.",
    "Text fields take simple Markdown only. HTML is never shown on the site, because it could "
    "break the page or harm visitors.",
)
_code(
    "LO209",
    "markdown-not-allowed",
    E,
    "The text uses Markdown that is not allowed",
    "{label} uses {what}, which is not allowed here.",
    "{fix}",
    "Text fields take simple Markdown: paragraphs, lists, **bold** and links. Pictures and "
    "headings would break the page layout. Lines starting with !!!, ??? or /// would draw a box "
    "like the site's own warnings, so a service could pass its words off as the council's.",
)
_code(
    "LO210",
    "no-venue-or-delivery",
    E,
    "The entry does not say where or how",
    "The entry has no venues and does not say how it is delivered.",
    "Add 'locations' with at least one venue, or 'delivery' (online, phone or home-visits).",
    "Families need to know where to go, or that the service comes to them.",
)
_code(
    "LO211",
    "in-person-without-venue",
    E,
    "An in-person service has no venue",
    "delivery includes in-person, but no venue is listed.",
    "Add the venue under 'locations', or remove in-person from delivery.",
    "Families need the address of anything delivered in person.",
)
_code(
    "LO212",
    "dates-reversed",
    E,
    "The show dates are the wrong way round",
    "show_from ({start}) is after show_until ({end}).",
    "Swap the dates, or correct the one that is wrong.",
    "show_from is the first day the entry appears and show_until the last.",
)
_code(
    "LO213",
    "times-reversed",
    E,
    "A closing time is not after the opening time",
    "The service closes at {closes}, which is not after it opens ({opens}).",
    'Check the times use the 24-hour clock: 3pm is "15:00".',
    'Times use the 24-hour clock, so an afternoon closing time is written like "15:00".',
)
_code(
    "LO214",
    "summary-sentences",
    W,
    "The summary is more than one sentence",
    "The summary looks like more than one sentence.",
    "Keep the summary to one sentence. Put the rest in the description.",
    "The summary shows on the directory card, where one sentence reads best on a phone.",
)
_code(
    "LO215",
    "all-needs-mixed",
    W,
    "'all' is listed with other needs",
    "needs lists 'all' and other needs too.",
    "Keep just 'all', or remove it and keep the specific needs.",
    "'all' already covers every need; listing others as well is confusing.",
)
_code(
    "LO216",
    "duplicate-id",
    E,
    "Two files have the same id",
    "The id {value} is also used by {other}.",
    "Give this entry its own id: delete the id line and run localoffer new to make one.",
    "Each service needs its own permanent id, or open data users would mix them up.",
)
_code(
    "LO217",
    "duplicate-name",
    W,
    "Two services have the same name",
    'Another service is also called "{value}" ({other}).',
    "Make the names different, for example by adding the town.",
    "Families cannot tell two services apart if they have the same name.",
)
_code(
    "LO218",
    "not-yaml-extension",
    E,
    "The file name does not end in .yaml",
    "The file ends in '{suffix}'.",
    "Rename it to {suggested}",
    "Provider files end in .yaml.",
)
_code(
    "LO240",
    "text-does-not-render",
    E,
    "A text field cannot be made into a web page",
    "{label} cannot be shown on the page: {reason}.",
    "Write it more simply: fewer lists inside lists, fewer '**' and ':' marks in a row.",
    "Every text field is turned into part of a web page when the site is built. Text that nests "
    "lists, quotes, definitions or emphasis hundreds of levels deep would stop the build for "
    "every service, so it is refused when it is checked. Ordinary text never comes near the "
    "limit: it allows 24 levels of nesting.",
)
_code(
    "LO230",
    "home-not-private",
    W,
    "A venue looks like someone's home but is not marked private",
    'The address "{value}" has a house number, and the venue name is not an organisation\'s.',
    "If this is someone's home, add private: true to the venue and keep only the first half "
    "of the postcode. If it is not a home, put the organisation or building in the venue name.",
    "A childminder's or family's home must not be published with its street and map point. A "
    "private venue shows only its town and postcode district.",
)


_code(
    "LO241",
    "hidden-character",
    W,
    "Text has an invisible character that can hide what it says",
    "This text has the invisible character {codepoint}.",
    "Delete it: retype the text, or paste it as plain text.",
    "Characters that change the direction of text (U+202A to U+202E, U+2066 to U+2069) can make "
    "a phone number or address read differently from what it is, and zero-width characters "
    "(U+200B to U+200D, U+2060, U+FEFF) hide inside words. Text pasted from other programs "
    "sometimes carries them by accident.",
)
_code(
    "LO242",
    "look-alike-name",
    W,
    "A name looks the same as another service's name",
    '"{value}" looks the same as "{other_name}" ({other}) but is spelt with other letters.',
    "Type the name again with an ordinary keyboard, or give it a name families can tell apart.",
    "Letters from other alphabets, such as the Cyrillic 'а' or the Greek 'ο', look like Latin "
    "letters. A name written with them could pass itself off as another service.",
)


# --- LO3xx: content pages, easy read, the glossary and "you said, we did" ----------------------
_code(
    "LO301",
    "unknown-marker",
    E,
    "A page has a marker the build does not know",
    "The marker '{name}' is not one the build knows.",
    "Write <!-- services ... --> to list services, or remove the marker.",
    "Markers are HTML comments that put live content into a page, such as "
    "<!-- services category=short-breaks -->. A misspelt marker would quietly show nothing, "
    "so the build stops instead. Comments that are plain notes, without key=value options, "
    "are left alone.",
)
_code(
    "LO302",
    "unknown-marker-option",
    E,
    "A marker has an option it does not know",
    "The {marker} marker has no option '{key}'.",
    "Use only these options: {options}.",
    "Each marker takes a fixed set of options, written key=value. The editors' guide lists them.",
)
_code(
    "LO303",
    "unknown-marker-value",
    E,
    "A marker option has a value that is not in its list",
    "'{value}' is not a known {key}.",
    "{suggestion}",
    "Marker values come from the same lists as the provider files, such as the types of "
    "provision and needs in the field reference.",
)
_code(
    "LO304",
    "easy-read-long-sentence",
    E,
    "An easy-read sentence is too long",
    'This sentence has {count} words: "{sentence}"',
    "Split it into sentences of {limit} words or fewer, one idea each.",
    "Easy-read sentences have at most 15 words and one idea each, so that people with "
    "learning disabilities can follow them.",
)
_code(
    "LO305",
    "easy-read-no-picture",
    E,
    "An easy-read row has no picture",
    'This text has no picture: "{sentence}"',
    "Start the row with a picture line, for example ![A phone](picture:phone)",
    "In easy read every row has a picture on the left and one to three short sentences on "
    "the right. Start each row with a picture line and end it with a blank line.",
)
_code(
    "LO306",
    "easy-read-no-alt",
    E,
    "An easy-read picture has no alt text",
    "The picture '{name}' has no alt text.",
    "Say what the picture shows between the square brackets: ![A phone](picture:{name})",
    "Alt text is read out by screen readers and shown when pictures do not load.",
)
_code(
    "LO307",
    "unknown-picture",
    E,
    "An easy-read picture name is not known",
    "There is no picture called '{name}'.",
    "{suggestion}",
    "Easy-read pictures come from a fixed set. The editors' guide lists their names.",
)
_code(
    "LO308",
    "unexplained-abbreviation",
    E,
    "An abbreviation is not in the glossary",
    "{abbreviation} is not explained in the glossary.",
    "Add {abbreviation} to content/glossary.yml, or write the words in full.",
    "Every abbreviation on a family page must be in the glossary, so the site can explain it "
    "where it first appears and list it on the glossary page.",
)
_code(
    "LO309",
    "easy-read-no-standard-page",
    E,
    "An easy-read page does not name its standard page",
    "{detail}",
    "Add 'standard: ../guidance/<page>.md' to the front matter, naming a page that exists.",
    "Every easy-read page is linked both ways with its standard version. The easy-read page "
    "names it in its front matter; the build adds the links.",
)
_code(
    "LO310",
    "hard-word-not-explained",
    E,
    "A hard word in easy read has no easy-read explanation",
    "'{word}' is in bold, but the glossary has no easy-read explanation for it.",
    "Add '{word}' to content/glossary.yml with an easy_read explanation, or remove the bold.",
    "In easy read, hard words are in bold and explained under 'Hard words' at the end of the "
    "page. The explanations come from the glossary.",
)
_code(
    "LO311",
    "content-data-invalid",
    E,
    "A content data file has a problem",
    "{message}",
    "{fix}",
    "The glossary and the 'you said, we did' files are checked against their own rules before "
    "the site is built.",
)
_code(
    "LO312",
    "feedback-out-of-date",
    W,
    "'You said, we did' has not been updated for over a year",
    "The newest 'you said, we did' entry is dated {date}, more than 12 months ago.",
    "Publish what families said this year, and what the council did about it.",
    "The SEND Regulations 2014 (regulation 56) require the council to publish comments on "
    "the Local Offer, and its response, at least once a year.",
)
_code(
    "LO313",
    "easy-read-row-too-long",
    E,
    "An easy-read row has too many sentences",
    "This row has {count} sentences; easy-read rows have at most {limit}.",
    "Start a new row, with its own picture, for the extra sentences.",
    "One to three short sentences next to each picture keep the page easy to follow.",
)
_code(
    "LO121",
    "easy-read-sentence-too-long",
    E,
    "A provider's easy-read line is too long",
    "An easy-read line must be one sentence of at most 15 words.",
    "Shorten it, or split it into two lines, each one sentence.",
    "The easy-read lines a provider writes replace the generated ones on the service's "
    "easy-read page, so they follow the same rule: one idea, at most 15 words.",
)

_code(
    "LO330",
    "easy-read-missing-notice",
    E,
    "An easy-read page leaves out a notice of its service page",
    'The service page shows the notice "{notice}", but its easy-read page does not.',
    "Add the notice's easy-read words to build_tools/directory/notices.py, so both pages show it.",
    "A young person using easy read must see that a service is closed, has moved or may be "
    "out of date, just as the full page says. Every notice on a service page needs easy-read "
    "words and a picture.",
)
_code(
    "LO331",
    "easy-read-vague-opening",
    W,
    "An easy-read page does not say what the service is",
    'The first sentence, "{sentence}", does not name an activity or a type of service.',
    "Start with what the service is, for example: Football sessions for children aged 5 to 18.",
    "The first sentence of an easy-read service page tells a young person what the service "
    "is. Words such as 'a fun activity' do not.",
)

_code(
    "LO320",
    "remote-picture",
    E,
    "A page shows a picture from another website",
    "This page loads {value} from another website.",
    "Save the picture in content/ as a PNG, JPEG or WebP file and give its path instead, for "
    "example ![A map of the centre](map.png)",
    "The site makes no requests to other websites: a picture from elsewhere would tell that "
    "website who reads the page, and the build machine would fetch it while making the "
    "printable PDF. Pictures, frames and style sheets must be files of the site itself.",
)
_code(
    "LO332",
    "ended-period-as-current",
    W,
    "A page calls a period that has ended current",
    'The sentence "{sentence}" names {period}, which has ended, as current.',
    "Say it was the plan for {period}, and name the current one: write <!-- current-strategy --> "
    "where the page should name it (set extra.current_strategy in mkdocs.yml).",
    "A strategy or plan whose period is over must not read as today's. Families and inspectors "
    "judge the Local Offer by how current it is.",
)
_code(
    "LO333",
    "page-not-updated",
    W,
    "A guidance page has not been updated for over a year",
    "This page was last updated on {date}, more than 12 months ago.",
    "Check every fact on the page, change what is out of date, and commit it (or set "
    "last_updated: YYYY-MM-DD in its front matter when it has no history in git).",
    "Guidance pages show when they were last updated, from git history. A page not checked for "
    "a year may give families wrong advice.",
)


# --- LO4xx: submissions through the issue form or the website form ------------------------------
_code(
    "LO401",
    "update-not-found",
    E,
    "The service to update is not listed",
    "There is no listed service at {value}.",
    "Copy the address from the service's page on the Local Offer, or leave the box empty to add "
    "a new service.",
    "To change a service, a submission gives the web address of its page, such as "
    "/services/castle-hill-speech-drop-in/, so the right file is changed.",
)
_code(
    "LO440",
    "service-file-not-an-entry",
    E,
    "The service file is not a service entry",
    "The text in the service file box is not a list of fields such as name: and summary:.",
    "Paste the whole file the website form gave you, or leave the box empty and answer the "
    "questions instead.",
    'The service file box takes the YAML file the "Add or update your service" form makes: '
    "one field per line, such as name: and summary:.",
)
_code(
    "LO441",
    "submission-not-read",
    E,
    "The answers could not be read",
    "Something in the answers could not be read ({error}).",
    "Check each answer, in particular the service file box, then edit the issue to try again. "
    "A Local Offer editor can also help.",
    "Every submission gets an answer: if the answers make the checker fail in a way it does "
    "not expect, it says so here instead of saying nothing, and the editors can look into it.",
)
_code(
    "LO402",
    "name-taken",
    E,
    "A service with this name is already listed",
    'A service called "{value}" is already listed, at /services/{slug}/.',
    "If you are changing that service, give its web address. If this is a different service, "
    "give it a name families can tell apart, for example by adding the town.",
    "Each service's name becomes its web address, so a new service cannot take the name of one "
    "already listed.",
)
_code(
    "LO403",
    "update-not-this-site",
    E,
    "The service to update is not on this Local Offer",
    "{value} is not the address of a service on this Local Offer.",
    "Copy the address from the service's page on {site}, for example "
    "{site}services/castle-hill-speech-drop-in/",
    "An update changes the service whose page address it gives, so only addresses of this "
    "site's own service pages are taken: an address on another website could name any file.",
)
_code(
    "LO404",
    "id-of-another-service",
    E,
    "The service file belongs to another service",
    "The service file has the id of {owner}, but this issue is about {named}.",
    "Paste the file from the page of the service you are changing, and give that page's "
    "address. To add a new service, take the id line out of the file.",
    "Each service file carries its service's id, and a submission changes the service whose id "
    "it has. A file may change only the service the issue names, so that one service's file "
    "can never replace another's unseen.",
)


class Position(NamedTuple):
    """A 1-based line and column. A tuple, because a file has hundreds and they are made often."""

    line: int
    column: int


def make_problem(
    file: str, position: Position, name: str, field_path: str = "", /, **details: Any
) -> Problem:
    """Build a Problem from a catalogue entry, filling in its templates."""
    code = CATALOGUE[name]
    return Problem(
        file=file,
        line=position.line,
        column=position.column,
        code=code.code,
        severity=code.severity,
        field=field_path,
        message=code.message.format(**details),
        fix=code.fix.format(**details),
    )
