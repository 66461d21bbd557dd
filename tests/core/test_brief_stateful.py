"""A random session of commands over the core brief (hypothesis stateful testing). After
every step, the brief's cached answers (citing index, cited sentences, each citation's
resolution) must equal a from-scratch recomputation: a stale cache is a silently wrong link."""
from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from briefing.core.article import Article
from briefing.core.brief import BriefModel
from briefing.core.resolve import resolve
from briefing.core.sections import KINDS
from briefing.core.update import index_text

SENTENCES = ["Musk denied it.", "He declined to comment.", "Officials confirmed the call.",
             "The ministry said it would look into it.", "Analysts expect more scrutiny.",
             "Talks resumed at 9 a.m. on Monday.", "The report was published on Friday."]
TEXTS = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8).map(" ".join)


class BriefSession(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.brief = BriefModel(Article(text=" ".join(SENTENCES)))

    # ---- commands ------------------------------------------------------------------
    def _sids(self, data, max_size=3):
        return data.draw(st.lists(st.sampled_from([s.id for s in self.brief.sentences]),
                                  max_size=max_size))

    @rule(kind=st.sampled_from(KINDS), data=st.data())
    def add(self, kind, data):
        self.brief.add_item(kind, "text", self._sids(data))

    @precondition(lambda self: self.brief.items)
    @rule(data=st.data())
    def remove(self, data):
        self.brief.remove_item(data.draw(st.sampled_from(self.brief.items)).id)

    @precondition(lambda self: self.brief.items)
    @rule(data=st.data(), kind=st.sampled_from(KINDS), index=st.integers(0, 5))
    def move(self, data, kind, index):
        self.brief.move_item(data.draw(st.sampled_from(self.brief.items)).id, kind, index)

    @precondition(lambda self: self.brief.items)
    @rule(data=st.data())
    def link(self, data):
        self.brief.link(data.draw(st.sampled_from(self.brief.items)).id, self._sids(data))

    @precondition(lambda self: self.brief.items)
    @rule(data=st.data())
    def unlink(self, data):
        item = data.draw(st.sampled_from(self.brief.items))
        self.brief.unlink(item.id, data.draw(st.sampled_from([s.id for s in self.brief.sentences])))

    @precondition(lambda self: self.brief.items)
    @rule(data=st.data(), value=st.text(max_size=5))
    def edit(self, data, value):
        self.brief.set_field(data.draw(st.sampled_from(self.brief.items)).id, "note", value)

    @rule(text=TEXTS)
    def set_article_text(self, text):
        self.brief.set_article_text(text)

    # ---- the invariant -------------------------------------------------------------
    @invariant()
    def caches_match_a_recomputation(self):
        brief = self.brief
        fresh = index_text(brief.article.text)
        assert [(s.id, s.start, s.end) for s in brief.sentences] == \
            [(s.id, s.start, s.end) for s in fresh.sentences]
        citing: dict[str, list] = {}
        for item in brief.items:
            for c in item.citations:
                want = resolve(fresh, c)
                got = brief.resolution(c)
                assert (got.status, getattr(got.sentence, "id", None)) == \
                    (want.status, getattr(want.sentence, "id", None))
                if want.trusted is not None:
                    assert want.trusted.text.split() == c.exact.split()
                    if item not in citing.setdefault(want.trusted.id, []):
                        citing[want.trusted.id].append(item)
        for s in fresh.sentences:
            assert brief.items_citing(s.id) == citing.get(s.id, [])
        assert brief.cited_sentence_ids() == set(citing)


BriefSession.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
TestBriefSession = BriefSession.TestCase


def test_citing_index_follows_items_added_after_a_query():
    brief = BriefModel(Article(text=" ".join(SENTENCES)))
    first = brief.add_item("claim", "a", ["s1"])
    assert brief.items_citing("s1") == [first] and brief.cited_sentence_ids() == {"s1"}
    second = brief.add_item("actor", "b", ["s1", "s2"])
    assert brief.items_citing("s1") == [first, second]
    assert brief.cited_sentence_ids() == {"s1", "s2"}
