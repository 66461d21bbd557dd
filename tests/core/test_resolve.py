"""briefing.core.resolve case by case: which sentence a citation points at after the text
changed, with what status and similarity (the similarity is part of `briefing check --json`).
Each test names the rule it pins; mutation testing (quality/mutation.py) found them unpinned."""
from __future__ import annotations

from dataclasses import replace

import pytest

from briefing.core.anchor import CONTEXT, Citation, cite
from briefing.core.resolve import FUZZY_THRESHOLD, resolve, similarity
from briefing.core.update import index_text

Q = "It is fine."
LEAD = "A special lead sentence, long enough to fill a whole context. "
TAIL = " A special tail sentence, long enough to fill a whole context too."
FILLER = "".join(f"Note {n} follows. {Q} " for n in range(12))   # Q twelve times, each unique
PREFACE = "Words of a preface without the quote. " * 8


def cite_at(text: str, at: int) -> Citation:
    index = index_text(text)
    return cite(text, index.at(at))


def starts_of(text: str, sentence: str) -> list[int]:
    out, at = [], text.find(sentence)
    while at >= 0:
        out.append(at)
        at = text.find(sentence, at + 1)
    return out


# --- verbatim quotes: exact, moved, ambiguous; similarity always 1.0 -----------------

@pytest.mark.parametrize("copies", [1, 3, 12], ids=["unique", "few-copies", "many-copies"])
def test_a_hand_edited_end_does_not_stop_an_exact_match(copies):
    """A file whose stored end offset is off (hand-edited): the quote still stands at its
    stored start with its whole context, so it is exact, however often the sentence recurs
    (one to eight copies and more than eight are resolved by different code)."""
    text = "".join(f"Note {n} follows. {Q} " for n in range(copies - 1)) + LEAD + Q + TAIL
    at = text.rindex(Q)
    c = replace(cite_at(text, at), end=at + len(Q) + 5)
    r = resolve(index_text(text), c)
    assert (r.status, r.sentence.start, r.similarity) == ("exact", at, 1.0)


@pytest.mark.parametrize("filler", [PREFACE, FILLER], ids=["few-copies", "many-copies"])
def test_a_paragraph_printed_twice_suggests_the_nearer_copy(filler):
    """Both copies keep the whole context and neither is at the old place: ambiguous,
    suggesting the copy nearer the old position (here the later one)."""
    text = filler + LEAD + Q + TAIL
    c = cite_at(text, text.rindex(Q))
    edited = LEAD + Q + TAIL + " " + filler + "Between them. " + LEAD + Q + TAIL
    first, *_, last = [at + len(LEAD) for at in starts_of(edited, LEAD + Q)]
    assert abs(last - c.start) < abs(first - c.start)
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start, r.similarity) == ("ambiguous", last, 1.0)


@pytest.mark.parametrize("filler", [PREFACE, FILLER], ids=["few-copies", "many-copies"])
def test_a_quote_rewrapped_in_place_is_moved_to_the_copy_at_its_place(filler):
    """The paragraph is printed twice and the quote re-wrapped where it was (same offsets,
    same context): the copy at the old place is the one, moved (its text differs)."""
    text = filler + LEAD + Q + TAIL
    at = text.rindex(Q)
    c = cite_at(text, at)
    edited = filler + LEAD + Q.replace(" ", "\n", 1) + TAIL + " Between them. " + LEAD + Q + TAIL
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start, r.similarity) == ("moved", at, 1.0)


def test_verbatim_resolutions_have_similarity_one():
    """Every status reached through a verbatim copy reports 1.0 in the check JSON."""
    text = FILLER + LEAD + Q + TAIL
    c = cite_at(text, text.rindex(Q))
    cases = {
        "moved (many copies)": "Extra words first. " + text,
        "ambiguous (many copies, no context)": text.replace(LEAD, "Other lead! ").replace(TAIL, " Other."),
    }
    few = LEAD + Q + TAIL
    c_few = cite_at(few, few.index(Q))
    for name, edited in cases.items():
        assert resolve(index_text(edited), c).similarity == 1.0, name
    for edited in ("Extra words first. " + few,                                  # moved
                   "Other lead! " + Q + " Other. " + Q + " Third."):             # ambiguous
        r = resolve(index_text(edited), c_few)
        assert r.similarity == 1.0 and r.status in ("moved", "ambiguous")


def test_partly_kept_context_picks_the_copy_even_against_the_nearer_one():
    """No copy keeps either side of the context verbatim: the copy whose context is most
    similar is suggested (ambiguous), not the one nearer the old place."""
    before = "The committee met on a rainy Tuesday morning. "
    after = " Everyone agreed to meet again in the spring."
    text = before + Q + after
    c = cite_at(text, len(before))
    near = "Completely different words stand here now. " + Q + " Unrelated prose follows this copy."
    far = "The committee met on a rainy Monday morning. " + Q + " Everyone agreed to gather again in May."
    edited = near + " " + far
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("ambiguous", edited.rindex(Q))


def test_the_prefix_and_the_suffix_count_alike():
    """Two copies, each with one side of the context partly kept: the better-kept side wins,
    whichever side it is."""
    before = "The committee met on a rainy Tuesday morning. "
    after = " Everyone agreed to meet again in the spring."
    text = before + Q + after
    c = cite_at(text, len(before))
    good_suffix = "Unrelated words stand before this copy now. " + Q + " Everyone agreed to meet again in the spring!"
    weak_prefix = "The board met on a rainy day. " + Q + " Nothing else was said about the plan."
    for edited in (good_suffix + " " + weak_prefix, weak_prefix + " " + good_suffix):
        r = resolve(index_text(edited), c)
        assert r.sentence.start == edited.index(good_suffix) + good_suffix.index(Q), edited


def test_equal_context_goes_to_the_nearer_copy_whichever_comes_first():
    para = "The first sentence of the paragraph is long. " + Q + " The last sentence of it is long too. "
    text = "Opening words of the article. " * 8 + para + "The end of the whole article."
    c = cite_at(text, text.index(Q))
    edited = "Lead. " + para + "Opening words of the article. " * 7 + para + "The end."
    copies = starts_of(edited, Q)
    nearest = min(copies, key=lambda at: abs(at - c.start))
    assert nearest == copies[-1]
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("ambiguous", nearest)


# --- edited quotes: fuzzy, ambiguous, orphaned ---------------------------------------

def test_similarity_exactly_at_the_threshold_is_fuzzy():
    quote = "One two three four."
    c = cite_at(quote + " Zebras graze quietly.", 0)
    text = "One five. Zebras graze quietly."
    assert similarity(quote, "One five.") == FUZZY_THRESHOLD
    r = resolve(index_text(text), c)
    assert (r.status, r.sentence.start, r.similarity) == ("fuzzy", 0, FUZZY_THRESHOLD)


def test_fuzzy_and_orphaned_report_the_similarity_rounded_to_three_places():
    c = cite_at("Alpha beta gamma. Something else.", 0)
    fuzzy = resolve(index_text("Alpha beta gamma delta. Something else."), c)
    assert fuzzy.status == "fuzzy"
    assert fuzzy.similarity == round(similarity("Alpha beta gamma.", "Alpha beta gamma delta."), 3) == 0.889
    orphan = resolve(index_text("Alpha zeta eta theta iota kappa."), c)
    assert orphan.status == "orphaned" and orphan.sentence is None
    assert orphan.similarity == round(similarity("Alpha beta gamma.", "Alpha zeta eta theta iota kappa."), 3) == 0.364


def test_a_quote_against_an_empty_article_is_orphaned_with_similarity_zero():
    c = cite_at("Alpha beta gamma.", 0)
    r = resolve(index_text(""), c)
    assert (r.status, r.sentence, r.similarity) == ("orphaned", None, 0.0)


def test_two_equally_similar_edits_with_equal_context_are_ambiguous():
    """The quote was edited, and two different sentences match it equally well with
    nothing in the context to choose: ambiguous, suggesting the nearer one."""
    quote = "The minister denied the report."
    text = "Opening words of this article go here, enough of them. " + quote + " Closing words follow it, and more."
    c = cite_at(text, text.index(quote))
    a = "The minister denied the new report."
    b = "The minister denied the old report."
    around = "Different opening sentence, the same before both. ", " The same words follow both of them. "
    edited = a.join(around) + b.join(around)
    r = resolve(index_text(edited), c)
    nearer = min(edited.index(a), edited.index(b), key=lambda at: abs(at - c.start))
    assert (r.status, r.sentence.start) == ("ambiguous", nearer)
    assert r.similarity == round(similarity(quote, a), 3) == 0.923


def test_of_two_equally_similar_edits_the_one_keeping_the_context_is_suggested():
    quote = "The minister denied the report."
    before = "Opening words of this article go here, enough of them. "
    after = " Closing words follow it, and a few more of them."
    text = before + quote + after
    c = cite_at(text, len(before))
    a = "The minister denied the new report."
    b = "The minister denied the old report."
    for edited in (b + " Unrelated. " + before + a + after,
                   before + a + after + " Unrelated. " + b):
        r = resolve(index_text(edited), c)
        assert (r.status, r.sentence.start) == ("fuzzy", edited.index(a)), edited
        assert r.similarity == 0.923


def test_an_edited_sentence_that_moved_is_suggested_not_what_took_its_place():
    """The edited sentence moved to another paragraph; a less similar sentence now sits in
    the old context. The most similar sentence is suggested, whatever its context."""
    quote = "The minister denied the report on Monday morning."
    before = "Opening words of this article go here, enough of them. "
    after = " Closing words follow it, and a few more of them."
    c = cite_at(before + quote + after, len(before))
    moved = "The minister denied the report on Monday evening."
    other = "The minister denied nothing at all."
    edited = before + other + after + " Much later. " + moved + " The end."
    assert similarity(quote, moved) > similarity(quote, other) >= FUZZY_THRESHOLD
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("fuzzy", edited.index(moved))


def test_context_clipped_by_the_start_of_the_text_is_only_intact_there():
    """A quote cited near the start keeps a short prefix; a copy far from the start can
    never have that prefix intact, even when the same words precede it."""
    text = "Lead. " + Q + " " + "Tail words of the first version, long enough."
    c = cite_at(text, text.index(Q))
    assert len(c.prefix) < CONTEXT
    far = "Many other opening words stand in front of everything now. Lead. " + Q + " Other tail."
    near = "New lead. " + Q + " Tail words of the first version, long enough."
    for edited in (far + " " + near, near + " " + far):
        r = resolve(index_text(edited), c)
        assert (r.status, r.sentence.start) == ("moved", edited.index(near) + near.index(Q)), edited


# --- long articles: which sentences are scored at all ------------------------------------

def _noise(k: int) -> str:
    return " ".join(f"w{k}x{j}" for j in range(7))


def _long_article(quote_at: int, sentence: str, n: int = 300) -> list[str]:
    """n sentences whose words are common (each in 100 sentences: more than the 40 that
    make a word too common to gather candidates by) around `sentence` at index quote_at."""
    out = [f"{('Red blue', 'Green black', 'White')[k % 3]} {_noise(k)}." for k in range(n)]
    out.insert(quote_at, sentence)
    return out


@pytest.mark.parametrize("change", ["in-place", "two-deleted-before", "one-deleted-before",
                                    "two-inserted-before", "one-inserted-before"])
def test_an_edit_made_of_common_words_is_found_near_its_old_place(change):
    """Every word of the quote is common, so no word gathers candidates: the sentences
    around its old position (two either side) are scored all the same."""
    quote, edit = "Red blue green black white.", "Red blue green black grey."
    text = " ".join(_long_article(150, quote))
    c = cite_at(text, text.index(quote))
    new = _long_article(150, edit)
    if change.endswith("deleted-before"):
        del new[150 - int(change.startswith("two")) - 1:150]
    elif change.endswith("inserted-before"):
        new[150:150] = ["Inserted words here."] * (2 if change.startswith("two") else 1)
    edited = " ".join(new)
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start, r.similarity) == ("fuzzy", edited.index(edit), 0.833)


def test_an_edit_made_of_common_words_is_found_at_the_start_of_a_long_article():
    quote, edit = "Red blue green black white.", "Red blue green black grey."
    text = " ".join(_long_article(0, quote))
    c = cite_at(text, 0)
    r = resolve(index_text(" ".join(_long_article(0, edit))), c)
    assert (r.status, r.sentence.start) == ("fuzzy", 0)


@pytest.mark.parametrize("quote, edit", [
    ("Red blue green black white Zanzibar ferry.", "Red blue green black grey Zanzibar ferry."),
    # the two rarest words were edited away: the third one still gathers it
    ("Red blue green black Zanzibar ferry Pemba.", "Red blue green black Zanzibar boat island."),
], ids=["rare-words-kept", "one-rare-word-left"])
def test_an_edit_that_moved_far_is_found_by_its_rare_words(quote, edit):
    """Far from its old place, the edited sentence is a candidate because it shares the
    quote's rarer words, however many common words the quote also has."""
    text = " ".join(_long_article(5, quote))
    c = cite_at(text, text.index(quote))
    edited = " ".join(_long_article(250, edit))
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("fuzzy", edited.index(edit))


def test_an_edited_sentence_printed_twice_suggests_the_nearer_copy():
    quote = "The minister denied the report."
    edit = "The minister denied the new report."
    text = "Opening words. " * 20 + quote + " Closing words of it."
    c = cite_at(text, text.index(quote))
    edited = edit + " " + "Opening words. " * 19 + edit + " Closing words of it."
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("fuzzy", edited.rindex(edit))


@pytest.mark.parametrize("where", ["first-line", "last-line"])
def test_context_clipped_by_an_end_of_the_text_and_rewrapped_is_still_intact(where):
    """Near the start (or end) of the text the stored context is shorter than CONTEXT and
    must reach that end; re-wrapping it (a line break for a space) keeps the quote exact."""
    text = ("Breaking news today. It is fine. The rest of the article follows here, long enough."
            if where == "first-line" else
            "The article starts with enough words to fill a context. Closing words come. "
            "It is fine. The end is near.")
    c = cite_at(text, text.index(Q))
    assert min(len(c.prefix), len(c.suffix)) < CONTEXT
    edited = text.replace("news today", "news\ntoday").replace("end is near", "end\nis near")
    assert edited != text and len(edited) == len(text)
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("exact", c.start)


# --- the two refinements of word similarity, and the old text during an update -------------

def test_a_sentence_about_someone_else_scores_zero():
    assert similarity("The Marshall Islands registry did not respond to requests.",
                      "The Russian Embassy did not respond to requests.") == 0.0


@pytest.mark.parametrize("quote, merged", [
    ("Musk met Putin.",   # four words (the full stop counts), all kept
     "In 2022 Musk met Putin, officials said, and the talks went on for months."),
    ("Talks between both sides would resume in Geneva soon.",   # nine of ten kept
     "After weeks of silence and several failed attempts at mediation by neutral parties, "
     "talks between both sides would resume in Geneva, officials from three countries "
     "confirmed late on Friday evening."),
], ids=["four-words", "nine-of-ten"])
def test_a_quote_merged_into_a_longer_sentence_is_fuzzy(quote, merged):
    text = "Before this. " + quote + " After that."
    c = cite_at(text, text.index(quote))
    assert similarity(quote, merged) == FUZZY_THRESHOLD
    r = resolve(index_text("Before this. " + merged + " After that."), c)
    assert (r.status, r.sentence.text, r.similarity) == ("fuzzy", merged, FUZZY_THRESHOLD)


@pytest.mark.parametrize("old, new", [
    # the kept neighbour is the first sentence of the old text
    ("Intro. It is fine. Closing words.", "Other words first. Intro. It is fine. Different end."),
    # ... or of the new one
    ("A first sentence that is long enough to fill the context. Intro. It is fine. Closing words.",
     "Intro. It is fine. Different end."),
], ids=["old-first", "new-first"])
def test_during_an_update_a_kept_neighbour_says_it_is_the_same_sentence(old, new):
    """Context changed on both sides, but one copy before, one now, and the sentence next
    to it is still next to it: the same sentence (moved). Without the old text: ambiguous."""
    c = cite_at(old, old.index(Q))
    r = resolve(index_text(new), c, index_text(old))
    assert (r.status, r.sentence.start, r.similarity) == ("moved", new.index(Q), 1.0)
    assert resolve(index_text(new), c).status == "ambiguous"


@pytest.mark.parametrize("after_first, want", [
    (" Completely other words follow here now.", "ambiguous"),      # the rest is no help
    (" Everyone agreed to gather in the spring.", "moved"),         # the rest clearly prefers
], ids=["close", "clear"])
def test_one_side_each_is_settled_only_by_a_clear_rest_of_the_context(after_first, want):
    """Two copies, one keeping the prefix, the other the suffix: the copy whose other side
    is clearly closer to the stored one is it; if neither is, ambiguous."""
    before = "The committee met on a rainy Tuesday morning. "
    after = " Everyone agreed to meet again in the spring."
    text = "Opening. " + before + Q + after + " Closing words of the piece."
    c = cite_at(text, text.index(Q))
    edited = ("Opening. " + before + Q + after_first + " Middle sentence here. "
              "Totally new words stand before it here. " + Q + after + " Closing words of the piece.")
    r = resolve(index_text(edited), c)
    assert (r.status, r.similarity) == (want, 1.0)
    if want == "moved":
        assert r.sentence.start == edited.index(Q)


@pytest.mark.parametrize("old, new, want", [
    # the kept neighbour is the one after the quote
    ("Opening words of the old text. It is fine. Outro.",
     "New opening here. It is fine. Outro. More.", "moved"),
    # both old neighbours are gone; the sentences two away are next to it now: no neighbour kept
    ("Alpha one. Beta two. It is fine. Gamma three. Delta four.",
     "Alpha one. It is fine. Delta four.", "ambiguous"),
    # both old neighbours are there, but two sentences away: not next to it any more
    ("Alpha one. Beta two. It is fine. Gamma three. Delta four.",
     "Beta two. Inserted. It is fine. Inserted again. Gamma three.", "ambiguous"),
], ids=["after-kept", "two-away-now-adjacent", "adjacent-now-two-away"])
def test_during_an_update_only_an_adjacent_neighbour_counts(old, new, want):
    c = cite_at(old, old.index(Q))
    r = resolve(index_text(new), c, index_text(old))
    assert (r.status, r.sentence.start) == (want, new.index(Q))


def test_of_three_copies_the_one_the_rest_of_the_context_clearly_prefers_is_moved_to():
    """During an update every side tells; three copies keep one side each, and the rest of
    the context clearly prefers one of them (whatever the order of the copies)."""
    before = "The committee met on a rainy Tuesday morning. "
    after = " Everyone agreed to meet again in the spring."
    old = "Opening. " + before + Q + after + " Closing."
    c = cite_at(old, old.index(Q))
    weak = before + Q + " Nothing else was said by anybody at all."
    best = before + Q + " Everyone agreed to gather again in the spring."
    other = "Totally unrelated words stand before it here. " + Q + after
    for order in ((weak, other, best), (best, other, weak), (other, weak, best), (weak, best, other)):
        new = " Middle. ".join(order) + " Closing."
        r = resolve(index_text(new), c, index_text(old))
        assert (r.status, r.sentence.start) == ("moved", new.index(best) + len(before)), order


@pytest.mark.parametrize("gap", [" ", "\n"], ids=["space", "line-break"])
def test_a_side_found_in_several_places_does_not_tell_without_the_old_text(gap):
    """Both copies keep the suffix, which now stands twice (once after a line break); the
    prefixes are changed (one less than the other, but neither nearly intact): ambiguous."""
    before = "The committee met on a rainy Tuesday morning. "
    after = " Everyone agreed to meet again in the spring."
    old = "Opening. " + before + Q + after + " Closing."
    c = cite_at(old, old.index(Q))
    new = ("The committee met on a sunny Monday evening. " + Q + after + " Middle. "
           "Totally unrelated words stand before it here. " + Q + gap + after.lstrip() + " Closing.")
    assert resolve(index_text(new), c).status == "ambiguous"


def test_text_added_after_a_context_that_reached_the_end_keeps_the_quote_exact():
    """The stored suffix was clipped by the end of the text; a paragraph appended after it
    leaves the quote where it was with all its stored context: exact (before issue #10's
    leftovers this was "moved": a short suffix had to reach the end even in place)."""
    text = "The article starts with enough words to fill a context. It is fine. The end."
    c = cite_at(text, text.index(Q))
    r = resolve(index_text(text + " A paragraph added later."), c)
    assert (r.status, r.sentence.start) == ("exact", c.start)


def test_a_suffix_clipped_by_the_end_is_intact_elsewhere_only_at_the_end():
    """Away from the stored position a clipped suffix still has to reach the end of the
    text: of two copies after a nearly intact prefix, the one ending the text is it."""
    text = "The article starts with enough words to fill a context. It is fine. The end."
    c = cite_at(text, text.index(Q))
    near = "Enough words to fill a context! It is fine. The end."
    edited = near + " Later. " + near
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("moved", edited.rindex(Q))


def test_a_much_repeated_sentence_with_its_context_rewrapped_in_place_stays_exact():
    text = FILLER + LEAD + Q + TAIL
    c = cite_at(text, text.rindex(Q))
    edited = text.replace("whole context. It", "whole\ncontext. It").replace("tail sentence", "tail\nsentence")
    assert len(edited) == len(text)
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("exact", c.start)


# --- a stored context shorter than CONTEXT in the middle of the text (issue #10 leftovers) ---
# Another tool, or a hand-edited file, may store less context than CONTEXT characters (cut
# at a line start, say) for a quote far from either end of the text. Matching at the stored
# position, it is exact; found once elsewhere, moved; never "needs review" for its shortness.

SHORT = [(10, CONTEXT), (CONTEXT, 10), (10, 10), (0, CONTEXT), (CONTEXT, 0), (0, 0), (1, 1)]
SHORT_IDS = [f"prefix{p}-suffix{s}" for p, s in SHORT]
MIDDLE = PREFACE + "He said so.\n" + Q + TAIL + "\nMore words follow.\n" + PREFACE


def clipped(c: Citation, prefix: int, suffix: int) -> Citation:
    return replace(c, prefix=c.prefix[len(c.prefix) - prefix:], suffix=c.suffix[:suffix])


@pytest.mark.parametrize("copies", [0, 3, 12], ids=["unique", "few-copies", "many-copies"])
@pytest.mark.parametrize("prefix, suffix", SHORT, ids=SHORT_IDS)
def test_a_short_context_standing_at_the_stored_position_is_exact(prefix, suffix, copies):
    text = "".join(f"Note {n} follows. {Q} " for n in range(copies)) + MIDDLE
    at = text.index("so.\n" + Q) + 4
    c = clipped(cite_at(text, at), prefix, suffix)
    assert c.start > CONTEXT and len(text) - c.end > CONTEXT   # far from either end
    r = resolve(index_text(text), c)
    assert (r.status, r.sentence.start, r.similarity) == ("exact", at, 1.0)


@pytest.mark.parametrize("prefix, suffix", SHORT, ids=SHORT_IDS)
def test_a_short_context_rewrapped_at_the_stored_position_is_still_exact(prefix, suffix):
    text = MIDDLE
    at = text.index("so.\n" + Q) + 4
    c = clipped(cite_at(text, at), prefix, suffix)
    edited = text.replace("He said so.\n", "He said\nso. ").replace("A special tail", "A\nspecial tail")
    assert len(edited) == len(text) and edited[at:at + len(Q)] == Q
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("exact", at)


@pytest.mark.parametrize("filler", ["", FILLER], ids=["unique", "many-copies"])
@pytest.mark.parametrize("prefix, suffix", [(10, CONTEXT), (10, 10), (12, 0)],
                         ids=["prefix10", "both10", "prefix12-no-suffix"])
def test_a_short_context_found_once_elsewhere_is_moved(prefix, suffix, filler):
    """Text inserted before the quote: the one copy whose short context stands is it."""
    text = filler + MIDDLE
    at = text.index("so.\n" + Q) + 4
    c = clipped(cite_at(text, at), prefix, suffix)
    edited = "A new opening paragraph was added. " + text
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("moved", at + 35)


def test_a_short_prefix_tells_copies_apart_as_a_full_one_does():
    """Two copies of the quote, the other one after other words: the copy after the stored
    (short) prefix is the one, moved."""
    text = MIDDLE
    at = text.index("so.\n" + Q) + 4
    c = clipped(cite_at(text, at), 12, 0)
    edited = "Other words. " + Q + " " + text
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("moved", at + len("Other words. " + Q + " "))


@pytest.mark.parametrize("copies_after", ["", " " + FILLER], ids=["unique", "many-copies"])
def test_a_short_prefix_now_opening_the_text_still_stands(copies_after):
    """Everything before the stored (short) prefix was deleted: the prefix now opens the
    text and the quote follows it, moved."""
    text = MIDDLE
    at = text.index("so.\n" + Q) + 4
    c = clipped(cite_at(text, at), 12, 0)
    edited = text[at - 12:] + copies_after
    r = resolve(index_text(edited), c)
    assert (r.status, r.sentence.start) == ("moved", 12)
