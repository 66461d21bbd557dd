"""Offline suggestions: actors, attributed claims and open questions proposed from a brief's
sources by rules and a word list (briefing/core/data/suggest_lexicon.json), each with the
sentences it rests on and a one-line reason quoting the words that triggered it.

Nothing here touches the network, a model or Qt. `suggest(brief)` reads `brief.sources`
(their sentences) and `brief.items` (what the analyst already has) and returns
`Suggestion`s; a suggestion's `key` is stable across runs, so a brief can remember the ones
the analyst dismissed and pass them back as `dismissed`.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Iterable, Mapping

from briefing.core.items import ACTOR_TYPES, CLAIM_STATUSES

KINDS = ("actor", "claim", "question")
MAX_CITED = 3          # an actor cites the first few sentences that name it
MAX_TEXT = 220         # proposed texts are cut (at a word) to this many characters


@dataclass(frozen=True)
class Suggestion:
    kind: str                        # "actor" | "claim" | "question"
    text: str                        # the proposed item text
    sentence_ids: tuple[str, ...]    # sentences it rests on, reading order
    reason: str                      # why, quoting the trigger words
    fields: Mapping[str, str] = field(default_factory=dict, compare=False)
    key: str = ""                    # stable id: kind + normalised text + cited quotes

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))
        object.__setattr__(self, "sentence_ids", tuple(self.sentence_ids))


def suggestion_key(kind: str, text: str, quotes: Iterable[str]) -> str:
    """kind + normalised text + cited sentence texts, hashed: the same proposal over the
    same sentences gets the same key in every run (sentence ids are not part of it)."""
    payload = "\n".join([kind, _norm(text), *(" ".join(q.split()) for q in quotes)])
    return f"{kind}:{hashlib.sha1(payload.encode('utf-8')).hexdigest()[:16]}"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# ---- the word list ------------------------------------------------------------------------
class Lexicon:
    """The JSON word lists as sets and compiled patterns."""

    def __init__(self, data: dict) -> None:
        verbs = data["attribution_verbs"]
        self.verb_status = {w: status for status in CLAIM_STATUSES
                            for w in verbs.get(status, ())}
        self.attributions = _phrases(data["attribution_phrases"]["items"])
        self.hedges = _phrases(data["hedges"]["items"])
        self.unknowns = _phrases(data["unknown_triggers"]["items"])
        self.negators = set(data["negators"]["items"])
        self.titles = set(data["titles"]["items"])
        self.role_words = set(data["role_modifiers"]["items"]) | self.titles
        self.org_suffixes = set(data["org_suffixes"]["items"])
        self.org_heads = set(data["org_heads"]["items"])
        self.org_descriptors = set(data["org_descriptors"]["items"])
        self.orgs = dict(data["organisations"]["items"])
        self.states = dict(data["states"]["items"])
        self.demonyms = set(data["demonyms"]["items"])
        na = data["not_actors"]
        self.months = set(na["months_weekdays"])
        self.openers = set(na["openers"]) | self.months
        self.regions = set(na["regions"]) | set(na["places"])
        self.non_actor_suffixes = set(na["non_actor_suffixes"])
        self.stop_acronyms = set(na["acronyms"])
        self.particles = set(data["name_particles"]["items"])
        self.connectors = set(data["org_connectors"]["items"])


def _phrases(items: Iterable[str]) -> re.Pattern:
    """Whole-word, lower-case phrases; the first letter may also be a capital (sentence
    start), the rest must match as written, so a capitalised title does not."""
    alts = sorted((p for p in items), key=len, reverse=True)
    body = "|".join(f"[{re.escape(p[0].upper())}{re.escape(p[0])}]{re.escape(p[1:])}"
                    for p in alts)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = resources.files("briefing.core").joinpath("data/suggest_lexicon.json") \
        .read_text(encoding="utf-8")
    return Lexicon(json.loads(text))


# ---- sentences as tokens ------------------------------------------------------------------
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’&.-]*[^\W_])?(?:['’]s)?|[^\w\s]")
QUOTED = re.compile(r"[\"“][^\"“”]{1,400}[\"”]")
PLACE_WORDS = {"in", "at", "near", "from", "outside", "inside", "across", "around", "to", "into",
               "via", "through", "toward", "towards"}
PRONOUNS = {"he": "person", "she": "person", "who": "any", "it": "organisation",
            "they": "any", "which": "none"}


@dataclass
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """Without a possessive 's."""
        t = self.text
        return t[:-2] if t[-2:] in ("'s", "’s") and len(t) > 2 else t

    @property
    def possessive(self) -> bool:
        return self.bare != self.text

    @property
    def word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in ranges)


def finds(pattern: re.Pattern, text: str) -> list[re.Match]:
    """Matches of a phrase list outside quotations; a capitalised match only where a
    sentence starts ("Reportedly, ..."), never mid-sentence ("the film Reportedly Yours")."""
    quotes = quoted_ranges(text)
    lead = len(text) - len(text.lstrip(" \"“‘'(["))
    return [m for m in pattern.finditer(text) if not _inside(m.start(), quotes)
            and (m.group()[0].islower() or m.start() == lead)]


def is_heading(text: str) -> bool:
    """A crosshead: short, no closing punctuation ("Top-Secret Clearance")."""
    stripped = text.strip()
    return bool(stripped) and stripped[-1] not in ".!?:;\"”’')]…" and len(stripped.split()) <= 14


def _cut(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _first_word(tks: list[Token]) -> int:
    for i, t in enumerate(tks):
        if t.word:
            return i
    return len(tks)


# ---- actors -----------------------------------------------------------------------------
@dataclass
class Mention:
    name: str                 # as written (titles and a possessive 's removed)
    kind: str | None          # person | organisation | state | None: a lone word, undecided
    sid: str
    order: tuple[int, int]    # (sentence number, offset): reading order over all sources
    role: str = ""            # words before the name that give an office ("Kremlin spokesman")
    described: str = ""       # an appositive after it (", the Republican candidate,")
    evidence: str = ""        # why the kind: "ends in “Ministry”", "“firm Halcyon”", ...


@dataclass
class Actor:
    name: str
    kind: str
    mentions: list[Mention]
    evidence: str = ""

    @property
    def forms(self) -> set[str]:
        forms = {_norm(m.name) for m in self.mentions} | {_norm(self.name)}
        if self.kind == "person" and len(self.name.split()) > 1:
            forms.add(_norm(self.name.split()[-1]))
        return forms


class Actors:
    """The actors found, merged across mentions, with lookups for the claim rules."""

    def __init__(self, actors: list[Actor]) -> None:
        self.list = actors
        self._by_form = {f: a for a in actors for f in a.forms}
        self._by_order = sorted(((m.order, a) for a in actors for m in a.mentions),
                                key=lambda pair: pair[0])

    def forms_of(self, name: str) -> set[str]:
        actor = self._by_form.get(_norm(name))
        return actor.forms if actor is not None else {_norm(name)}

    def canonical(self, phrase: str) -> str:
        """A speaker written as one of an actor's names ("Peskov") -> its full name."""
        actor = self._by_form.get(_norm(phrase))
        return actor.name if actor is not None else phrase

    def last_before(self, order: tuple[int, int], kinds: tuple[str, ...],
                    window: int = 3) -> Actor | None:
        """The actor of one of `kinds` mentioned last before a position (same sentence or
        the `window` sentences before): what "he" or "it" most likely points to."""
        best = None
        for at, actor in self._by_order:
            if at >= order:
                break
            if actor.kind in kinds and at[0] >= order[0] - window:
                best = actor
        return best


def find_actors(sentences, lex: Lexicon, lower_words: set[str]) -> Actors:
    mentions: list[Mention] = []
    aliases: dict[str, str] = {}
    for n, s in enumerate(sentences):
        if is_heading(s.text):
            continue
        tks = tokens(s.text)
        for i, j in _spans(tks, lex, lower_words):
            found = _mentions(tks, i, j, s, n, lex)
            mentions.extend(found)
            m = found[-1] if found else None
            if m is not None and j + 2 < len(tks) and tks[j].text == "(" and tks[j + 2].text == ")" \
                    and tks[j + 1].text.isupper() and m.kind == "organisation":
                aliases[tks[j + 1].text] = m.name     # "European Maritime Safety Agency (EMSA)"
    return Actors(_cluster(mentions, aliases, lex))


def _capword(tks: list[Token], i: int, first: int, lex: Lexicon, lower_words: set[str]) -> bool:
    t = tks[i]
    if not t.word or not t.cap:
        return False
    low = t.bare.lower()
    if low in lex.openers or ("-" in t.text and t.text.rsplit("-", 1)[1].islower()):
        return False                    # "However", "Shenzhen-listed", "Russian-linked"
    if i == first and t.text.isupper() and len(t.text) > 3 and i + 1 < len(tks) \
            and tks[i + 1].text == ",":
        return False                    # a dateline: "TALLINN, March 12 —"
    after_quote = i > 0 and tks[i - 1].text in "\"“:" and i - 1 <= first
    if (i == first or after_quote) and low in lower_words:
        return t.bare in lex.orgs or t.bare in lex.states or low in lex.titles
    return True


def _spans(tks: list[Token], lex: Lexicon, lower_words: set[str]) -> list[tuple[int, int]]:
    """Runs of capitalised words, joined over "of", "and", name particles and initials."""
    first, out, i, n = _first_word(tks), [], 0, len(tks)
    cap = [_capword(tks, k, first, lex, lower_words) for k in range(n)]
    glue = lex.connectors | lex.particles
    while i < n:
        if not cap[i]:
            i += 1
            continue
        j = i + 1
        while j < n and not tks[j - 1].possessive:
            if cap[j]:
                j += 1
            elif tks[j].low in glue and j + 1 < n and cap[j + 1]:
                j += 2
            elif tks[j].low in glue and j + 2 < n and tks[j + 1].low in glue and cap[j + 2]:
                j += 3
            elif tks[j].text == "." and len(tks[j - 1].text) == 1 and j + 1 < n and cap[j + 1]:
                j += 2                                           # an initial: "John F. Kennedy"
            else:
                break
        out.extend(_split(tks, i, j, lex))
        i = j
    return out


def _split(tks: list[Token], i: int, j: int, lex: Lexicon) -> list[tuple[int, int]]:
    """"Russia and Ukraine" is two names; "Department of Defense" stays one."""
    words = [t.bare for t in tks[i:j] if t.word]
    if not any(t.low in lex.connectors for t in tks[i:j]) or _classify(words, lex)[0] in (
            "organisation", "state"):
        return [(i, j)]
    out, start = [], i
    for k in range(i, j + 1):
        if k == j or tks[k].low in lex.connectors:
            if k > start:
                out.append((start, k))
            start = k + 1
    return out


def _classify(words: list[str], lex: Lexicon) -> tuple[str | None, str, str]:
    """(kind, name, evidence) of a whole capitalised run from the word lists alone;
    kind "reject" for places, events and regions, None when the lists do not decide."""
    name = " ".join(words)
    low = [w.lower() for w in words]
    if name in lex.orgs:
        return "organisation", lex.orgs[name], "a known organisation"
    if name in lex.states:
        return "state", lex.states[name], "a state's name (UN member list)"
    if " ".join(low) in lex.regions or low[0] in lex.months:
        return "reject", name, ""
    if len(words) > 1 and low[-1] in lex.org_suffixes:
        return "organisation", name, f"the name ends in “{words[-1]}”"
    for k in range(len(words) - 2):
        if low[k] in lex.org_heads and low[k + 1] in ("of", "for", "on"):
            return "organisation", name, f"the name has “{words[k]} {words[k + 1]}”"
    if low[-1] in lex.non_actor_suffixes or any(w in lex.regions for w in low):
        return "reject", name, ""
    if len(words) == 1:
        return _classify_word(words[0], lex)
    return None, name, ""


def _classify_word(word: str, lex: Lexicon) -> tuple[str | None, str, str]:
    low = word.lower()
    if len(word) < 2 or low in lex.demonyms or low in lex.role_words or low in lex.stop_acronyms:
        return "reject", word, ""
    letters = word.replace(".", "").replace("-", "")
    if letters.isupper() and 2 <= len(letters) <= 6:
        return "organisation", word, f"the acronym “{word}”"
    if not letters.isupper() and any(c.isupper() for c in word[1:]) and "-" not in word:
        return "organisation", word, f"the brand-style name “{word}”"
    return None, word, ""


def _mentions(tks: list[Token], i: int, j: int, s, n: int, lex: Lexicon) -> list[Mention]:
    words = [t.bare for t in tks[i:j] if t.word]
    kind, name, evidence = _classify(words, lex)
    order = (n, tks[i].start)
    described = _described_as_org(tks, i, lex)
    if kind in ("organisation", "state"):
        return [Mention(name, kind, s.id, order, evidence=evidence)]
    if described and kind is None:
        return [Mention(" ".join(words), "organisation", s.id, order, evidence=described)]
    k = i                                   # leading titles: "Russian President Vladimir Putin"
    while k < j - 1 and (tks[k].low in lex.role_words or tks[k].low in lex.demonyms
                         or tks[k].bare in lex.orgs or tks[k].bare in lex.states):
        k += 1
    if not any(t.low in lex.titles for t in tks[i:k]):
        return [] if kind == "reject" else _maybe(_mention(tks, i, i, j, s, order, lex))
    prefix = [Mention(lex.orgs.get(t.bare) or lex.states[t.bare],
                      "organisation" if t.bare in lex.orgs else "state", s.id, (n, t.start),
                      evidence="a known organisation" if t.bare in lex.orgs else "a state's name (UN member list)")
              for t in tks[i:k] if t.bare in lex.orgs or t.bare in lex.states]
    return prefix + _maybe(_mention(tks, i, k, j, s, order, lex))


def _maybe(m: Mention | None) -> list[Mention]:
    return [] if m is None else [m]


def _described_as_org(tks: list[Token], i: int, lex: Lexicon) -> str:
    """"security firm Mandiant", "a group known as Black Tide": an organisation by the
    noun before it."""
    if i > 0 and tks[i - 1].low in lex.org_descriptors:
        return f"introduced as “{tks[i - 1].text}”"
    if i > 1 and tks[i - 1].low in ("as", "called", "named", "dubbed"):
        noun = next((t for t in tks[max(0, i - 5):i - 1] if t.low in lex.org_descriptors), None)
        if noun is not None:
            return f"introduced as a “{noun.text}”"
    return ""


def _mention(tks: list[Token], i: int, i_name: int, j: int, s, order, lex: Lexicon
             ) -> Mention | None:
    rest = [t.bare for t in tks[i_name:j] if t.word]
    role = _role(tks, i, i_name, s.text, lex)
    name = s.text[tks[i_name].start:tks[j - 1].start] + tks[j - 1].bare
    if _looks_like_name(rest, lex):
        kind, evidence = "person", "a personal name"
    elif len(rest) == 1 and role:
        kind, evidence = "person", ""
    elif len(rest) == 1:
        kind, name, evidence = _classify_word(rest[0], lex)
        if kind == "reject" or (kind is None and i > 0 and tks[i - 1].low in PLACE_WORDS):
            return None                 # "in Lusaka": a place, not a short name
    else:
        return None
    return Mention(name, kind, s.id, order, role=role, described=_appositive(tks, j, s.text, lex),
                   evidence=evidence)


def _role(tks: list[Token], i: int, i_name: int, text: str, lex: Lexicon) -> str:
    """The office written before a name: the titles in the run and the words before it
    that qualify them ("former", "Kremlin", "Russian"), if a title is among them."""
    k = i
    while k > 0 and i - k < 6:
        t = tks[k - 1]
        if not t.word or not (t.low in lex.role_words or t.low in lex.demonyms
                              or (t.cap and t.low not in lex.openers)):
            break
        k -= 1
    while k < i_name and tks[k].low in lex.connectors:
        k += 1
    if k >= i_name or not any(t.low in lex.titles for t in tks[k:i_name]):
        return ""
    return text[tks[k].start:tks[i_name - 1].end]


def _appositive(tks: list[Token], j: int, text: str, lex: Lexicon) -> str:
    """", a prominent figure in U.S. politics and a Trump supporter," after a name."""
    if j + 2 >= len(tks) or tks[j].text != "," or tks[j + 1].low not in ("a", "an", "the"):
        return ""
    for k in range(j + 2, min(len(tks), j + 16)):
        if tks[k].text in (",", ".", ";"):
            if any(t.text in lex.verb_status for t in tks[j + 2:k]):
                return ""
            return text[tks[j + 2].start:tks[k - 1].end] if k > j + 2 else ""
        if not (tks[k].word or tks[k].text in "-'’"):
            return ""
    return ""


def _looks_like_name(words: list[str], lex: Lexicon) -> bool:
    core = [w for w in words if w.lower() not in lex.particles]
    if not 2 <= len(core) <= 4:
        return False
    for w in core:
        low = w.lower()
        if (not w[0].isupper() or (w.isupper() and len(w) > 1) or any(c.isdigit() for c in w)
                or low in lex.role_words or low in lex.demonyms or low in lex.openers
                or low in lex.org_suffixes or low in lex.non_actor_suffixes
                or w in lex.states or w in lex.orgs):
            return False
    return True


def _cluster(mentions: list[Mention], aliases: dict[str, str], lex: Lexicon) -> list[Actor]:
    """Merge mentions: full names first, then "Musk" into "Elon Musk", "Nordhavn" into
    "Nordhavn Logistics", acronyms into the name they abbreviate."""
    actors: dict[tuple[str, str], Actor] = {}
    surnames: dict[str, list[Actor]] = {}
    firsts: dict[str, list[Actor]] = {}
    ordered = sorted(mentions, key=lambda m: (_rank(m), m.order))
    for m in ordered:
        target = _target(m, actors, surnames, firsts, aliases, lex)
        if target is not None:
            target.mentions.append(m)
            continue
        if m.kind is None:
            continue
        actor = Actor(m.name, m.kind, [m], m.evidence)
        actors[(m.kind, _norm(m.name))] = actor
        words = m.name.split()
        if len(words) > 1:
            (surnames if m.kind == "person" else firsts).setdefault(
                _norm(words[-1] if m.kind == "person" else words[0]), []).append(actor)
    for actor in actors.values():
        actor.mentions.sort(key=lambda m: m.order)
    return list(actors.values())


def _rank(m: Mention) -> int:
    """Multi-word names are clustered before the lone words that may join them, and
    organisations before people, so "Black Tide" read as a name joins "a group known as
    Black Tide"."""
    if m.kind is None:
        return 4
    multi = len(m.name.split()) > 1
    return (0 if m.kind != "person" else 1) + (0 if multi else 2)


def _target(m: Mention, actors, surnames, firsts, aliases, lex: Lexicon) -> Actor | None:
    key = _norm(aliases.get(m.name, m.name))
    for kind in ("organisation", "state", "person"):
        if (kind, key) in actors:
            return actors[(kind, key)]
    if len(m.name.split()) > 1 and m.kind == "person":
        same = surnames.get(_norm(m.name.split()[-1]), [])
        first = _norm(m.name.split()[0])[:1]
        return next((a for a in same if _norm(a.name)[:1] == first), None)
    if len(m.name.split()) == 1 and m.kind in (None, "person"):
        people = surnames.get(key, [])
        if len(people) >= 1:
            return _nearest(people, m)
    if len(m.name.split()) == 1 and m.kind in (None, "organisation") \
            and m.name.lower() not in lex.org_heads:
        orgs = firsts.get(key, [])
        if len(orgs) == 1:
            return orgs[0]
    return None


def _nearest(people: list[Actor], m: Mention) -> Actor:
    """Of several people sharing a surname, the one named last before this mention."""
    before = [(max((x.order for x in a.mentions if x.order < m.order), default=(-1, -1)), a)
              for a in people]
    return max(before, key=lambda pair: pair[0])[1]


def actor_suggestions(actors: Actors) -> list[Suggestion]:
    out = []
    for actor in sorted(actors.list, key=lambda a: (-len(a.mentions), a.mentions[0].order)):
        sids = list(dict.fromkeys(m.sid for m in actor.mentions))[:MAX_CITED]
        role = next((m.role for m in actor.mentions if m.role), "")
        described = next((m.described for m in actor.mentions if m.described), "")
        reason = _actor_reason(actor, role, described)
        fields = {"actor_type": actor.kind if actor.kind in ACTOR_TYPES else "other",
                  "role": _cut(role or described, 120)}
        out.append(Suggestion("actor", actor.name, tuple(sids), reason, fields,
                              suggestion_key("actor", actor.name, [])))
    return out


def _actor_reason(actor: Actor, role: str, described: str) -> str:
    count = len(actor.mentions)
    written = list(dict.fromkeys(m.name for m in actor.mentions))
    parts = [f"named {count} time{'s' if count != 1 else ''} (as "
             + ", ".join(f"“{w}”" for w in written[:4]) + ")"]
    if role:
        parts.append(f"“{role}” precedes the name")
    elif described:
        parts.append(f"described as “{_cut(described, 80)}”")
    evidence = actor.evidence or next((m.evidence for m in actor.mentions if m.evidence), "")
    if evidence and not role:
        parts.append(evidence)
    return "; ".join(parts)


# ---- attributed claims ------------------------------------------------------------------
AUX = {"has", "have", "had", "also", "later", "earlier", "previously", "already", "again",
       "then", "once", "repeatedly", "publicly", "privately", "separately", "initially",
       "reportedly", "allegedly", "only", "twice", "first", "last", "long", "flatly", "both"}
BE = {"is", "are", "was", "were", "be", "been", "being", "as"}
BOUNDARY = {"that", "and", "but", "while", "because", "after", "before", "when", "if", "as",
            "which", "where", "whom", "whose", "although", "though", "since", "so", "nor",
            "than", "despite", "to", "of", "in", "on", "at", "for", "with", "by", "from"}
SPEAKER_NOUNS = {"officials", "official", "sources", "source", "report", "reports",
                 "statement", "people", "person", "analysts", "experts", "residents",
                 "witnesses", "investigators", "researchers", "authorities", "prosecutors",
                 "lawyers", "document", "documents", "filing", "letter", "post", "study",
                 "government", "ministry", "police", "spokesperson", "representative",
                 "employee", "employees", "staff", "critics", "organisers", "organizers",
                 "lawmakers", "diplomats", "executives", "survey", "audit", "inquiry"}
STOP_NP = {"who", "which", "that", "citing", "saying", "adding", "while", "because", "but",
           "as", "and", "when", "after", "before", "if", "although"}
# Reporting verbs that are also plural nouns ("the Baltic states has", "his claims were"):
# taken as verbs only before "that", a quote, a colon or a comma.
AMBIGUOUS_VERBS = {"states", "notes", "claims", "reports", "questions", "challenges", "contests",
                   "disputes", "estimates", "promises", "pledges", "vows", "rejects", "threatens",
                   "warns", "admits", "affirms", "urges", "predicts", "believes"}
AMBIGUOUS_HEADS: set[str] = set()
# Verbs whose object is the news ("accused the government of ...", "warned investors"):
# the claim keeps its speaker and verb.
OBJECT_VERBS = {"told", "tells", "accused", "accuses", "urged", "urges", "warned", "warns",
                "threatened", "threatens", "promised", "promises", "pledged", "pledges",
                "announced", "announces", "revealed", "reveals", "disclosed", "discloses",
                "reported", "reports", "estimated", "estimates", "predicted", "predicts",
                "questioned", "questions", "challenged", "challenges"}
LEAD_IN = re.compile(r"^(?:on \w+day|in a (?:statement|post|interview|letter)(?: \w+ on \w+)?|"
                     r"last \w+|earlier|later|today|yesterday|on \w+ \d+)\b[ ,]*")
NAMED_APPOSITIVE = re.compile(r",\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’-]*){0,6})")
COMPANY_NOUNS = {"company", "firm", "group", "operator", "miner", "carrier", "airline", "lender",
                 "bank", "insurer", "manufacturer", "maker", "retailer", "supplier"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


@dataclass
class Speech:
    verb: Token
    status: str
    speaker: str          # as written, or the actor a pronoun was taken for
    pronoun: str          # the pronoun, when the speaker was resolved from one
    content: str


def claim_suggestions(sentences, actors: Actors, lex: Lexicon) -> list[Suggestion]:
    out = []
    for n, s in enumerate(sentences):
        if not is_heading(s.text):
            found = _claim(s, n, actors, lex)
            if found is not None:
                out.append(found)
    return out


def _claim(s, n: int, actors: Actors, lex: Lexicon) -> Suggestion | None:
    text, tks = s.text, tokens(s.text)
    quotes = quoted_ranges(text)
    attr = _attribution(text, tks, quotes, lex, actors)
    speech = _speech(text, tks, quotes, n, actors, lex)
    hedge = next(iter(finds(lex.hedges, text)), None)
    if attr is None and speech is None and hedge is None:
        return None
    status = speech.status if speech else "reported"
    source = attr[1] if attr else (speech.speaker if speech else "")
    content = speech.content if speech else _without_attribution(text, attr)
    statement = _sentence_case(_cut(content or text))
    reasons = []
    if attr:
        reasons.append(f"attribution “{_cut(attr[0], 90)}”")
    if speech:
        reasons.append(f"verb “{speech.verb.text}”")
        if speech.pronoun:
            reasons.append(f"“{speech.pronoun}” taken as {speech.speaker}")
    if hedge:
        reasons.append(f"hedge “{hedge.group()}”")
    fields = {"source": _cut(source, 120), "status": status}
    return Suggestion("claim", statement, (s.id,), ", ".join(reasons), fields,
                      suggestion_key("claim", statement, [text]))


def _attribution(text: str, tks: list[Token], quotes, lex: Lexicon,
                 actors: Actors) -> tuple[str, str, int, int] | None:
    """(words as written, source, start, end of the noun phrase) of "according to X",
    "as reported by X", "citing X"; "citing" only when X can be a source."""
    found = []
    for m in finds(lex.attributions, text):
        np = _noun_phrase(text, tks, m.end())
        if np is None:
            continue
        source, end = np
        if m.group().lower() == "citing" and not _speakerish(source, lex):
            continue
        named = NAMED_APPOSITIVE.match(text[end:])
        if named and not any(c.isupper() for c in source):
            source, end = named.group(1), end + named.end(1)   # "a church group, the X Committee"
        found.append((m.group().lower() == "citing", text[m.start():end], actors.canonical(source),
                      m.start(), end))
    if not found:
        return None
    best = min(found, key=lambda f: (f[0], f[3]))
    return best[1], best[2], best[3], best[4]


def _noun_phrase(text: str, tks: list[Token], pos: int) -> tuple[str, int] | None:
    picked: list[Token] = []
    for t in tks:
        if t.start < pos:
            continue
        if t.text in "\"“”'‘’":
            continue
        joins = t.low in ("and", "&") and picked and picked[-1].cap and _next_cap(tks, t)
        if not t.word or (t.low in STOP_NP and not joins) or len(picked) >= 10:
            break
        picked.append(t)
    while picked and picked[0].low in DETERMINERS:
        picked.pop(0)
    if not picked:
        return None
    return text[picked[0].start:picked[-1].end], picked[-1].end


def _next_cap(tks: list[Token], t: Token) -> bool:
    later = [u for u in tks if u.start > t.start]
    return bool(later) and later[0].word and later[0].cap


def _speakerish(phrase: str, lex: Lexicon) -> bool:
    words = phrase.split()
    return any(w[0].isupper() for w in words) or any(
        w.lower().rstrip("s") in lex.titles or w.lower() in SPEAKER_NOUNS for w in words)


def _speech(text: str, tks: list[Token], quotes, n: int, actors: Actors,
            lex: Lexicon) -> Speech | None:
    for k, t in enumerate(tks):
        status = lex.verb_status.get(t.text)
        if status is None or _inside(t.start, quotes) or _negated(tks, k, lex):
            continue
        if t.text in AMBIGUOUS_VERBS and not _verb_like(tks, k):
            continue
        if k > 0 and tks[k - 1].low in BE:
            continue                               # "is said to", "as reported by": hedges
        found = _inverted(text, tks, k, lex) if k > 0 and tks[k - 1].text == "," else None
        found = found or _subject(text, tks, k, n, actors, lex)
        if found is None:
            continue
        speaker, pronoun, content = found
        return Speech(t, status, actors.canonical(speaker), pronoun, content)
    return None


def _verb_like(tks: list[Token], k: int) -> bool:
    if k + 1 >= len(tks):
        return False
    nxt = tks[k + 1]
    return nxt.low == "that" or nxt.text in "\"“:," or (k > 0 and tks[k - 1].low in PRONOUNS)


def _negated(tks: list[Token], k: int, lex: Lexicon) -> bool:
    before = " ".join(t.low for t in tks[max(0, k - 2):k])
    return any(before.endswith(neg) or f"{neg} " in before + " " for neg in lex.negators
               if neg in before.split() or " " in neg)


def _inverted(text: str, tks: list[Token], k: int, lex: Lexicon):
    """"..., said Peskov." -> speaker after the verb, content before the comma."""
    after = [t for t in tks[k + 1:] if t.word]
    rest = tks[k + 1:]
    if not after or len(rest) > 9 or not (after[0].cap or after[0].low in DETERMINERS):
        return None
    words = [t for t in after if t.low not in DETERMINERS]
    if not words:
        return None
    return text[words[0].start:words[-1].end], "", text[:tks[k - 1].start]


def _subject(text: str, tks: list[Token], k: int, n: int, actors: Actors, lex: Lexicon):
    """The speaker before a reporting verb, and what they are reported to have said."""
    h = k - 1
    while h >= 0 and (tks[h].low in AUX or (tks[h].low.endswith("ly") and tks[h].low != "only")):
        h -= 1
    if h >= 2 and tks[h].text == ")" and tks[h - 2].text == "(":
        h -= 3                                      # "the Agency (ENISA) said"
    if h < 0 or not tks[h].word:
        return None
    if tks[h].low in PRONOUNS:
        return _pronoun(text, tks, h, k, n, actors)
    first = h
    while first > 0 and h - first < 6 and (tks[first - 1].word or tks[first - 1].text in "()") \
            and (tks[first - 1].low not in BOUNDARY - {"of", "for", "in", "at"}
                 or _joins_names(tks, first - 1)):
        first -= 1
    np_start = first
    while first < h and (tks[first].low in DETERMINERS or tks[first].cap
                         and tks[first].low in lex.openers - SPEAKER_NOUNS):
        first += 1
    if not _head_ok(tks[h], lex) and not any(_head_ok(t, lex) for t in tks[first:h]
                                             if t.low in SPEAKER_NOUNS or t.cap):
        return None
    if tks[h].text in AMBIGUOUS_HEADS:
        return None
    speaker = text[tks[first].start:tks[h].end]
    if tks[first].low in COMPANY_NOUNS and first == h and first > 0 \
            and tks[first - 1].low == "the":
        actor = actors.last_before((n, tks[first].start), ("organisation",), window=3)
        if actor is not None:                       # "the company said" -> the company named
            speaker = actor.name
    content = _trailing(text, tks, np_start, k) or _content(text, tks, k, tks[np_start].start)
    return speaker, "", content


def _joins_names(tks: list[Token], k: int) -> bool:
    """"and" inside a name: "Disaster Management and Mitigation Unit"."""
    return tks[k].low in ("and", "&") and 0 < k < len(tks) - 1 and tks[k - 1].cap \
        and tks[k + 1].cap


def _head_ok(head: Token, lex: Lexicon) -> bool:
    low = head.low
    if head.possessive:
        return False
    if head.cap and low not in lex.openers:
        return True
    return (low in SPEAKER_NOUNS or low.rstrip("s") in lex.titles or low in lex.titles
            or low in lex.org_descriptors or low in lex.org_suffixes)


def _trailing(text: str, tks: list[Token], first: int, k: int) -> str:
    """"<content>, the company said (in a statement)." -> the content before the comma."""
    p = first - 1
    while p >= 0 and tks[p].text in "\"“”'’":
        p -= 1
    after = [t for t in tks[k + 1:] if t.word]
    if p <= 0 or tks[p].text != "," or len(after) > 8:
        return ""
    return text[:tks[p].start]


def _pronoun(text: str, tks: list[Token], h: int, k: int, n: int, actors: Actors):
    word = tks[h].low
    kinds = {"person": ("person",), "organisation": ("organisation", "state"),
             "any": ("person", "organisation", "state")}.get(PRONOUNS[word])
    if kinds is None:
        return None
    actor = actors.last_before((n, tks[h].start), kinds, window=0 if word == "who" else 2)
    if actor is None:
        return None
    rest = _trailing(text, tks, h, k) or _content(text, tks, k, tks[k].start)
    if rest.startswith(tks[k].text):
        rest = f"{actor.name} {rest}"
    return actor.name, tks[h].text, rest


def _content(text: str, tks: list[Token], k: int, speaker_start: int) -> str:
    """What was said: the clause after "that" (or a quote) following the verb when there
    is one, else the speaker, the verb and what follows ("Musk refuted a report ...")."""
    for m in range(k + 1, min(len(tks), k + 8)):
        if tks[m].low == "that":
            return text[tks[m].end:].strip()
        if tks[m].text in "\"“" and m <= k + 2:
            end = text.find("”" if tks[m].text == "“" else "\"", tks[m].end)
            if end > tks[m].end:
                return text[tks[m].end:end].strip(" ,")
        if not tks[m].word and tks[m].text not in ",":
            break
    if lexicon().verb_status.get(tks[k].text) == "reported" and k + 1 < len(tks) \
            and tks[k].text not in OBJECT_VERBS:
        rest = LEAD_IN.sub("", text[tks[k].end:].strip())
        if len(rest.split()) >= 3:
            return rest                              # "Analysts said the attack fitted ..."
    return text[speaker_start:].strip()


def _without_attribution(text: str, attr) -> str:
    """The sentence without "according to X" (and what trails it)."""
    if attr is None:
        return text
    _, _, start, end = attr
    before = text[:start].rstrip()
    after = text[end:].lstrip("\"”’ ")
    appositive = re.match(r",\s+(?:a|an|the)\b[^,;]{0,120},", after)
    if appositive:                                   # "According to X, a firm hired by Y, ..."
        after = after[appositive.end() - 1:]
    if not before:                                   # "According to X, content."
        return after.lstrip(" ,")
    rest = after[1:].lstrip("\"”’ ") if after.startswith(",") else ""
    if before.endswith(",") and rest and not re.match(
            r"(citing|who|which|as|adding|saying|and)\b", rest):
        return before[:-1] + ", " + rest             # "X, according to Y, did Z."
    return before.rstrip(",")


DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^—–\n]{0,30}[—–]\s*")


def _sentence_case(text: str) -> str:
    text = DATELINE.sub("", text.strip()).strip().strip("\"“”").strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text.rstrip(",;:") + "."


# ---- open questions ---------------------------------------------------------------------
def question_suggestions(sentences, lex: Lexicon) -> list[Suggestion]:
    out = []
    for s in sentences:
        if is_heading(s.text):
            continue
        m = next(iter(finds(lex.unknowns, s.text)), None)
        if m is None:
            continue
        clause = _cut(_clause(s.text, m.start(), m.end()), 200)
        text = f"Unanswered: “{clause}”"
        out.append(Suggestion("question", text, (s.id,), f"the text says “{m.group()}”", {},
                              suggestion_key("question", text, [s.text])))
    return out


def _clause(text: str, start: int, end: int) -> str:
    """The part of the sentence around a trigger: from the last comma before it (when
    words stand between) to the next semicolon or ", but/while/adding...", unquoted."""
    head = text[:start]
    cut = max(head.rfind(";"), head.rfind(", "))
    if cut >= 0 and len(head[cut + 1:].split()) >= 2:
        head = head[cut + 1:]
    elif cut >= 0 and len(head[:cut].split()) > 12:
        head = head[cut + 1:]
    tail = text[end:]
    stop = re.search(r";|,\s+(?:but|while|whereas|adding|although|though|and added|according to)\b", tail)
    if stop:
        tail = tail[:stop.start()]
    clause = (head + text[start:end] + tail).strip().strip("\"“”").strip()
    clause = re.sub(r"^(?:and|but|while|although|though|however|yet)\s+", "", clause)
    return clause.rstrip(".,;:")


# ---- the entry point -----------------------------------------------------------------
def suggest(brief, dismissed: frozenset[str] = frozenset()) -> list[Suggestion]:
    """Actors, attributed claims and open questions proposed from every source of `brief`,
    minus those whose key is in `dismissed` and those the brief already has: an actor of
    the same name, or a claim/question citing a sentence an item of its kind cites."""
    lex = lexicon()
    sentences = [s for source in brief.sources for s in source.sentences]
    lower_words = {w for source in brief.sources
                   for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", source.text)}
    actors = find_actors(sentences, lex, lower_words)
    found = (actor_suggestions(actors)
             + claim_suggestions(sentences, actors, lex)
             + question_suggestions(sentences, lex))
    existing = _existing(brief)
    return [s for s in found if s.key not in dismissed and not _already(s, existing, actors)]


def _existing(brief) -> dict[str, object]:
    names: set[str] = set()
    cited: dict[str, set[str]] = {"claim": set(), "question": set()}
    for item in brief.items:
        if item.kind == "actor":
            names.add(_norm(item.text))
        elif item.kind in cited:
            cited[item.kind].update(brief.sentence_ids_of(item))
    return {"names": names, "cited": cited}


def _already(s: Suggestion, existing: dict, actors) -> bool:
    if s.kind == "actor":
        forms = actors.forms_of(s.text)
        names = existing["names"]
        return bool(forms & names) or any(_person_matches(s, n, forms) for n in names)
    return bool(set(s.sentence_ids) & existing["cited"][s.kind])


def _person_matches(s: Suggestion, name: str, forms: set[str]) -> bool:
    """An existing actor "Peskov" or "Dmitri Peskov, Kremlin spokesman" is the suggested
    "Dmitri Peskov": its words hold the whole suggested name, or it is the surname."""
    if s.fields.get("actor_type") != "person" or not name:
        return False
    words = set(name.split())
    return set(_norm(s.text).split()) <= words or name in forms


__all__ = ["Suggestion", "suggest", "suggestion_key", "lexicon", "ACTOR_TYPES"]
