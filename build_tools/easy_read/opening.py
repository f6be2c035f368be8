"""The first sentence of a service's easy-read page: what the service is, in everyday words.

"Football sessions for children and young people aged 5 to 18." The activity comes from key
words in the service's name, then its summary, then its first type; the people and ages from its
fields. `names_activity` is the checker's side: does a sentence say what the service is? Pure.
"""

from __future__ import annotations

import re

from build_tools.easy_read.rows import blocks, sentences
from build_tools.model import Provider
from build_tools.problems import Position, Problem, make_problem

_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)

# Key words and what they become, most specific first: "holiday club" before "club".
ACTIVITIES: tuple[tuple[str, str], ...] = (
    (r"football", "Football sessions"),
    (r"swim", "Swimming"),
    (r"trampolin", "Trampolining sessions"),
    (r"boxing", "Boxing sessions"),
    (r"gymnastic", "Gymnastics classes"),
    (r"riding|horse", "Horse riding"),
    (r"allotment|gardening", "Gardening"),
    (r"youth club", "A youth club"),
    (r"holiday club|playscheme", "A holiday club"),
    (r"holiday activities", "Holiday activities"),
    (r"sensory room", "A sensory room"),
    (r"sensory play|play ?group", "A play group"),
    (r"counselling", "Talking therapy"),
    (r"speech", "Speech therapy"),
    (r"physiotherap", "Help with moving"),
    (r"occupational therap", "Help with everyday skills"),
    (r"wheelchair", "Wheelchairs and seats"),
    (r"audiology|hearing", "Help with hearing"),
    (r"vision", "Help with seeing"),
    (r"sleep", "Help with sleep"),
    (r"cook", "Cooking lessons"),
    (r"travel training", "Travel training"),
    (r"internship", "Training at work"),
    (r"job coach", "Help to find a job"),
    (r"childminder", "Childminders"),
    (r"nursery", "A nursery"),
    (r"resource base", "A special class in a school"),
    (r"travel", "Help with travel"),
    (r"alternative provision", "Learning away from school"),
    (r"dyslexia", "Help with reading and writing"),
    (r"portage|home-visiting", "Home visits to help young children learn"),
    (r"college", "A college"),
    (r"school", "A school"),
    (r"short break", "Short breaks"),
    (r"supported living|flats", "Homes with support"),
    (r"mediation", "Help to sort out a disagreement"),
    (r"complaint", "Help to make a complaint"),
    (r"direct payment", "Help with direct payments"),
    (r"health check", "Health checks"),
    (r"nurs(?:e|ing)", "Nurses"),
    (r"social work", "Social workers"),
    (r"mental health|wellbeing", "Help with feelings"),
    (r"workshop|course", "A course"),
    (r"forum", "A group"),
    (r"group|meet-up|coffee morning", "A group"),
    (r"drop-in", "A drop-in"),
    (r"club", "A club"),
    (r"advice|information", "Advice"),
)
# "pre-school" is not a school: a key word starts after a space or at the start.
_PATTERNS = tuple(
    (re.compile(rf"(?<![\w-])(?:{words})", re.IGNORECASE), what) for words, what in ACTIVITIES
)
# A service for the grown-ups: "A group for parents and carers of children aged 4 to 16".
_FOR_GROWN_UPS = re.compile(r"\bfor (?:[\w-]+,? ){0,3}(parents|carers|dads|families)\b", re.I)

# When no key word is found: the service's first type.
TYPES: dict[str, str] = {
    "early-years": "Help for young children",
    "mainstream-schools": "A school",
    "resource-bases": "A special class in a school",
    "special-schools": "A special school",
    "post-16": "Learning after 16",
    "alternative-provision": "Learning away from school",
    "outside-dudley": "A service",
    "independent-settings": "A school",
    "health": "Health care",
    "therapies": "Therapy",
    "mental-health": "Help with feelings",
    "social-care": "Help at home",
    "short-breaks": "Short breaks",
    "adulthood-work": "Help to get ready for work",
    "adulthood-independent-living": "Help to live on your own",
    "adulthood-community": "Activities to make friends",
    "adulthood-health": "Help to stay healthy",
    "travel": "Help with travel",
    "leisure": "Sports and activities",
    "childcare": "Childcare",
    "information-advice": "Advice",
    "support-groups": "A group",
    "complaints": "Help when you disagree",
}
_NAMED = re.compile(
    r"\b(?:"
    + "|".join(words for words, _ in ACTIVITIES)
    + "|"
    + "|".join(re.escape(what) for what in {*TYPES.values(), *(w for _, w in ACTIVITIES)})
    + r"|service|team|therapy|class|lessons?|sessions?)",
    re.IGNORECASE,
)


def activity(provider: Provider) -> str:
    """What the service is, from its name, then its summary, then its first type."""
    for text in (provider.name, provider.summary):
        for pattern, what in _PATTERNS:
            if pattern.search(text):
                return what
    return TYPES[provider.categories[0]]


def _who(provider: Provider) -> str:
    low, high = provider.min_age, provider.max_age
    if low >= 18:
        people = "adults"
    elif low >= 16:
        people = "young people"
    elif high <= 15:
        people = "children"
    else:
        people = "children and young people"
    if low == 0:
        return f"{people} from birth to {high}"
    return f"{people} aged {low}" if low == high else f"{people} aged {low} to {high}"


def what_it_is(provider: Provider) -> tuple[str, ...]:
    """The opening sentence, longest first: "Football sessions for children and young people
    aged 5 to 18.", then shorter ones for a page whose first would be too long."""
    what, who = activity(provider), _who(provider)
    grown_ups = _FOR_GROWN_UPS.search(provider.summary)
    if grown_ups is None:
        return (f"{what} for {who}.", f"{what}.")
    whose = "families" if grown_ups.group(1).lower() == "families" else "parents and carers"
    return (f"{what} for {whose} of {who}.", f"{what} for {whose}.")


def names_activity(sentence: str) -> bool:
    """True when the sentence says what kind of service or activity it is about."""
    return bool(_NAMED.search(sentence))


def opening_sentence(easy_page: str) -> str | None:
    """The first sentence of an easy-read service page after its notices, or None."""
    in_notice = False
    for block in blocks(_FRONT_MATTER.sub("", easy_page)):
        if block.is_heading:
            in_notice = "{ #notice-" in block.lines[0]
            continue
        if in_notice:
            continue
        text = block.lines[1:] if block.picture else block.lines
        found = sentences(" ".join(text))
        if found:
            return found[0]
    return None


def check_opening(easy_page: str, file: str) -> list[Problem]:
    """A warning when the page's first sentence does not say what the service is."""
    sentence = opening_sentence(easy_page)
    if sentence is None or names_activity(sentence):
        return []
    return [make_problem(file, Position(1, 1), "easy-read-vague-opening", sentence=sentence)]
