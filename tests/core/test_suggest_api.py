"""`brief.suggest()`, `accept` and `dismiss` through the public API, on the sample."""
from pathlib import Path

from briefing import Brief

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_suggest_accept_and_dismiss_through_the_api(tmp_path):
    brief = Brief.from_text((SEEDS / "musk-putin-contacts.txt").read_text(encoding="utf-8"))
    found = brief.suggest()
    kinds = {s.kind for s in found}
    assert kinds == {"actor", "claim", "question"}
    for s in found:
        assert s.text and s.reason and s.key and s.sentence_ids
        assert all(brief.sentence(sid) for sid in s.sentence_ids)
    actor = next(s for s in found if s.kind == "actor")
    item = brief.accept(actor)
    assert item.kind == "actor" and item.text == actor.text
    assert brief.sentence_ids_of(item) == list(actor.sentence_ids)
    assert all(item.fields[k] == v for k, v in actor.fields.items())
    assert actor.key not in {s.key for s in brief.suggest()}    # in the brief now
    claim = next(s for s in brief.suggest() if s.kind == "claim")
    brief.dismiss(claim.key)
    assert claim.key not in {s.key for s in brief.suggest()}
    path = tmp_path / "a.brief"
    brief.save(path)
    again = Brief.load(path)
    assert claim.key in again.dismissed and claim.key not in {s.key for s in again.suggest()}
