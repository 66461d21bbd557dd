"""Builds seeds/musk-putin-contacts.brief through the public scripting API.

Run `python seeds/make_sample_brief.py` after changing the model or the segmenter; items
cite sentences found by a phrase they contain, so they stay right if sentence ids shift.
"""
from __future__ import annotations

import sys
from pathlib import Path

from briefing import Brief

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "musk-putin-contacts.txt"
OUT = HERE / "musk-putin-contacts.brief"
STAMP = "2024-10-25T09:30:00Z"  # fixed, so regenerating gives the same bytes


def build() -> Brief:
    brief = Brief.from_text(ARTICLE.read_text(encoding="utf-8"),
                            title="Musk reportedly in regular contact with Putin",
                            outlet="News agency report citing the Wall Street Journal",
                            published="2024-10-25")
    brief.set_meta("article.reliability", "B")   # a news agency relaying a major newspaper
    brief.clock = lambda: STAMP
    brief.created = STAMP

    def cite(*phrases: str) -> list[str]:
        ids = []
        for phrase in phrases:
            hits = [s.id for s in brief.sentences if phrase in s.text]
            if len(hits) != 1:
                sys.exit(f"sample: phrase {phrase!r} matches {len(hits)} sentences")
            ids.append(hits[0])
        return ids

    def add(kind: str, text: str, phrases: tuple[str, ...], note: str = "", **fields: str):
        item = brief.add_item(kind, text, cite(*phrases))
        for name, value in fields.items():
            brief.set_field(item.id, name, value)
        if note:
            brief.set_field(item.id, "note", note)

    for name, value in {
        "title": "Musk–Putin contacts: sourcing and exposure",
        "analyst": "J. Analyst",
        "marking": "TLP:AMBER",
        "summary": (
            "A single press report, resting on unnamed current and former officials, says Elon "
            "Musk has been in regular contact with Vladimir Putin, continuing into this year. The Kremlin "
            "confirms only one call about space and technology. If accurate, the contacts matter "
            "because Musk holds a security clearance, SpaceX is a U.S. defence contractor, and "
            "Starlink access has already been used as leverage in Ukraine. Treat as reported, "
            "unconfirmed; key gaps are the content and frequency of the contacts."),
    }.items():
        brief.set_meta(name, value)

    add("claim", "Musk allegedly maintains regular communication with Putin.",
        ("allegedly maintains regular communication", "This claim is backed"),
        source="News outlet report; current and former U.S., European and Russian officials",
        status="reported", confidence="moderate", credibility="3",
        note="Officials unnamed; count and seniority not given.")
    add("claim", "Putin allegedly asked Musk not to activate Starlink over Taiwan, as a favour to Xi Jinping.",
        ("refrain from activating the Starlink", "offer a favor to Chinese President"),
        source="Wall Street Journal, citing a current and a former intelligence official",
        status="reported", confidence="low", credibility="3")
    add("claim", "The Kremlin confirms only one phone call, about space and technology.",
        ("confirmed only a phone call", "neither Putin nor Kremlin officials"),
        source="Kremlin spokesman Dmitri Peskov", status="disputed", confidence="moderate", credibility="2",
        note="Peskov's denial of frequent contact contradicts the officials' account.")
    add("claim", "Musk denied a report of contacts with Putin two years ago.",
        ("Musk refuted a different report",), source="Musk (earlier denial)",
        status="denied", confidence="moderate", credibility="2")
    add("claim", "Musk reportedly blocked a Ukrainian strike on the Black Sea Fleet by declining to activate Starlink.",
        ("thwarted a Ukrainian attempt",), source="Press reporting (unattributed)",
        status="reported", confidence="moderate", credibility="3")

    add("actor", "Elon Musk", ("serves as the CEO",), actor_type="person",
        role="CEO of Tesla and SpaceX; holds a clearance for classified information; Trump supporter.")
    add("actor", "Vladimir Putin", ("allegedly requested Musk",), actor_type="person",
        role="Russian President; alleged counterpart in the contacts.")
    add("actor", "SpaceX", ("contract with SpaceX", "significant role in the U.S. space program"),
        actor_type="organisation", role="U.S. government contractor operating Starlink.")
    add("actor", "Dmitri Peskov", ("Kremlin spokesman Dmitri Peskov",), actor_type="person",
        role="Kremlin spokesman; the only on-record source.")
    add("actor", "Xi Jinping", ("offer a favor to Chinese President",), actor_type="person",
        role="Chinese President; alleged beneficiary of the Taiwan request.")

    add("risk", "Leakage of classified U.S. space or defence information through Musk's contacts.",
        ("Musk has clearance for classified", "yet to detect any potential security breaches"),
        likelihood="unlikely", impact="high")
    add("risk", "Starlink availability used as leverage in conflicts (Ukraine, Taiwan).",
        ("thwarted a Ukrainian attempt", "refrain from activating the Starlink"),
        likelihood="roughly even chance", impact="high")
    add("risk", "Conflicts of interest if Musk leads a federal spending review.",
        ("pledged to hand over leadership", "potentially create conflicts of interest"),
        likelihood="likely", impact="medium")

    add("question", "How often did Musk and Putin speak, and about what?",
        ("purported conversations involved", "reported by several officials"), priority="high")
    add("question", "Who are the officials behind the report, and do their accounts agree?",
        ("backed by several current and former officials",), priority="medium")
    add("question", "Was the Taiwan Starlink request acted on?",
        ("refrain from activating the Starlink",), priority="high", status="answered",
        answer="Not stated in the article; no source reports Starlink activation over Taiwan.")
    return brief


if __name__ == "__main__":
    build().save(OUT)
    print(f"{OUT.relative_to(HERE.parent)}: written")
