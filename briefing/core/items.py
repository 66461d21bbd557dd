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


@dataclass(frozen=True)
class FieldSpec:
    name: str                       # attribute name, also the key in the file
    label: str                      # label in the editor and in exports
    choices: tuple[str, ...] = ()   # non-empty: one of these values
    multiline: bool = False


FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "claim": (
        FieldSpec("statement", "Statement", multiline=True),
        FieldSpec("source", "Attributed source"),
        FieldSpec("status", "Status", CLAIM_STATUSES),
        FieldSpec("confidence", "Confidence", CONFIDENCE_LEVELS),
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

# Defaults for a fresh item: the most cautious reading of an unverified report.
DEFAULTS: dict[str, dict[str, str]] = {
    "claim": {"status": "reported", "confidence": "low"},
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
