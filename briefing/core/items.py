"""Brief items: the four kinds, their fields and the vocabularies analysts choose from.

Each kind declares its fields once (FIELDS); the item editor, the file schema and the
exports iterate that declaration instead of hard-coding field lists of their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.anchor import Citation

CLAIM_STATUSES = ("reported", "confirmed", "denied", "disputed")
CONFIDENCE_LEVELS = ("low", "moderate", "high")
ACTOR_TYPES = ("person", "organisation", "state", "other")
# ICD-203 expressions of likelihood, lowest to highest.
LIKELIHOODS = (
    "almost no chance", "very unlikely", "unlikely", "roughly even chance",
    "likely", "very likely", "almost certain",
)
IMPACTS = ("low", "medium", "high")
PRIORITIES = ("low", "medium", "high")
QUESTION_STATUSES = ("open", "answered")
MARKINGS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
# NATO Admiralty code (AJP-2.1; FM 2-22.3 appendix B): a source's reliability, A-F, and a
# piece of information's credibility, 1-6, judged apart and written together ("B2").
RELIABILITY = ("A", "B", "C", "D", "E", "F")
RELIABILITY_MEANINGS = ("completely reliable", "usually reliable", "fairly reliable",
                        "not usually reliable", "unreliable", "reliability cannot be judged")
CREDIBILITY = ("1", "2", "3", "4", "5", "6")
CREDIBILITY_MEANINGS = ("confirmed by other sources", "probably true", "possibly true",
                        "doubtful", "improbable", "truth cannot be judged")


@dataclass(frozen=True)
class FieldSpec:
    name: str                       # attribute name, also the key in the file
    label: str                      # label in the editor and in exports
    choices: tuple[str, ...] = ()   # non-empty: one of these values
    multiline: bool = False
    meanings: tuple[str, ...] = ()  # what each choice means, shown beside it ("B — usually reliable")

    def choice_text(self, value: str) -> str:
        """A choice as the editor and exports name it: "B — usually reliable" for a
        grade, the value itself otherwise."""
        if self.meanings and value in self.choices:
            return f"{value} — {self.meanings[self.choices.index(value)]}"
        return value


FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "claim": (
        FieldSpec("statement", "Statement", multiline=True),
        FieldSpec("source", "Attributed source"),
        FieldSpec("status", "Status", CLAIM_STATUSES),
        FieldSpec("confidence", "Confidence", CONFIDENCE_LEVELS),
        FieldSpec("credibility", "Credibility", CREDIBILITY, meanings=CREDIBILITY_MEANINGS),
    ),
    "actor": (
        FieldSpec("name", "Name"),
        FieldSpec("actor_type", "Type", ACTOR_TYPES),
        FieldSpec("role", "Role", multiline=True),
    ),
    "risk": (
        FieldSpec("description", "Description", multiline=True),
        FieldSpec("likelihood", "Likelihood", LIKELIHOODS),
        FieldSpec("impact", "Impact", IMPACTS),
    ),
    "question": (
        FieldSpec("question", "Question", multiline=True),
        FieldSpec("priority", "Priority", PRIORITIES),
        FieldSpec("status", "Status", QUESTION_STATUSES),
        FieldSpec("answer", "Answer", multiline=True),
    ),
}
NOTE_FIELD = FieldSpec("note", "Note", multiline=True)
# A source's grade, declared here with the items' fields so the schema, the editor and the
# exports read one table.
SOURCE_RELIABILITY = FieldSpec("reliability", "Reliability", RELIABILITY, meanings=RELIABILITY_MEANINGS)


def admiralty_grade(reliability: str, credibility: str) -> str:
    """The Admiralty code's combined grade: source reliability then credibility, "B2"."""
    return f"{reliability}{credibility}"

# Defaults for a fresh item: the most cautious reading of an unverified report.
DEFAULTS: dict[str, dict[str, str]] = {
    "claim": {"status": "reported", "confidence": "low", "credibility": "6"},
    "actor": {"actor_type": "person"},
    "risk": {"likelihood": "roughly even chance", "impact": "medium"},
    "question": {"priority": "medium", "status": "open"},
}


def text_field(kind: str) -> str:
    """The field that is the item's headline text (the first declared field)."""
    return FIELDS[kind][0].name


def field_spec(kind: str, name: str) -> FieldSpec:
    if name == "note":
        return NOTE_FIELD
    for spec in FIELDS[kind]:
        if spec.name == name:
            return spec
    raise ValueError(f"{kind} items have no field {name!r}")


@dataclass(eq=False)
class Item:
    """One brief item. Fields live in a dict keyed by FIELDS so every kind shares one shape.

    Items are entities: equal only to themselves (eq=False), so finding one in a section
    list is an identity scan, not a field-by-field comparison with every item before it."""

    id: str
    kind: str
    fields: dict[str, str]
    note: str = ""
    citations: list[Citation] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.fields[text_field(self.kind)]

    def get(self, name: str) -> str:
        return self.note if name == "note" else self.fields[name]

    def __getattr__(self, name: str) -> str:
        # item.statement, item.likelihood ... read through to the declared fields.
        fields = self.__dict__.get("fields")
        if fields is not None and name in fields:
            return fields[name]
        raise AttributeError(name)


def new_fields(kind: str, text: str) -> dict[str, str]:
    """All declared fields of a kind: the headline text, defaults, empty strings elsewhere."""
    values = {spec.name: "" for spec in FIELDS[kind]}
    values.update(DEFAULTS[kind])
    values[text_field(kind)] = text
    return values


def check_value(kind: str, name: str, value: str) -> None:
    """Refuse a value outside a field's vocabulary, so a brief never holds one."""
    spec = field_spec(kind, name)
    if not isinstance(value, str):
        raise TypeError(f"{kind}.{name} must be a string")
    if spec.choices and value not in spec.choices:
        raise ValueError(f"{kind}.{name} must be one of: {', '.join(spec.choices)} (got {value!r})")
