"""File defaults pinned: what a new brief writes before the analyst has typed anything, and
the shape of the real `created`/`modified` stamps (UTC, ISO 8601, whole seconds, `Z`).

Every check reads the saved JSON, so a default that changes only in memory, or only on
disk, fails here.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

from briefing import Brief
from briefing.cli import main
from briefing.core.brief import utc_now

ARTICLE = "Officials said the talks began in 2022. The Kremlin denied it."
STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")   # no offset, no fraction
DEFAULT_META = {"title": "", "analyst": "", "marking": "TLP:CLEAR", "summary": "", "dismissed": []}


def saved_meta(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))["brief"]


def assert_real_stamp(stamp: str, not_before: datetime, not_after: datetime) -> datetime:
    """A stamp of the real UTC clock, taken between the two moments (whole seconds)."""
    assert STAMP.fullmatch(stamp), stamp
    when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    assert when.utcoffset() == timedelta(0)
    assert not_before.replace(microsecond=0) <= when <= not_after, (stamp, not_before, not_after)
    return when


def now() -> datetime:
    return datetime.now(timezone.utc)


# ---- the clock ---------------------------------------------------------------------
def test_utc_now_is_utc_iso8601_with_z_and_no_microseconds():
    before = now()
    stamp = utc_now()
    after = now()
    assert_real_stamp(stamp, before, after)
    assert stamp.endswith("Z") and "+" not in stamp and "." not in stamp


# ---- a new brief as saved ----------------------------------------------------------
def test_a_new_brief_saves_its_default_metadata(tmp_path):
    path = tmp_path / "new.brief"
    before = now()
    Brief.from_text(ARTICLE, title="Talks").save(path)   # the article's title, not the brief's
    after = now()
    meta = saved_meta(path)
    assert set(meta) == {*DEFAULT_META, "created", "modified"}
    assert {k: meta[k] for k in DEFAULT_META} == DEFAULT_META
    assert meta["created"] == meta["modified"]
    assert_real_stamp(meta["created"], before, after)


def test_the_command_line_new_brief_saves_the_same_defaults(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "a.brief"
    before = now()
    assert main(["new", str(article), "-o", str(out)]) == 0
    after = now()
    meta = saved_meta(out)
    assert {k: meta[k] for k in DEFAULT_META} == DEFAULT_META
    assert meta["created"] == meta["modified"]
    assert_real_stamp(meta["created"], before, after)


def test_an_edit_stamps_modified_with_the_real_clock_and_keeps_created(tmp_path):
    path = tmp_path / "old.brief"
    Brief.from_text(ARTICLE, title="Talks").save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["brief"]["created"] = doc["brief"]["modified"] = "2020-01-02T03:04:05Z"
    path.write_text(json.dumps(doc), encoding="utf-8")

    brief = Brief.load(path)
    before = now()
    brief.set_meta("analyst", "J. Analyst")
    after = now()
    brief.save(path)
    meta = saved_meta(path)
    assert meta["created"] == "2020-01-02T03:04:05Z"
    assert_real_stamp(meta["modified"], before, after)
    assert meta["analyst"] == "J. Analyst"


def test_stamps_from_a_file_are_written_back_unchanged(tmp_path):
    stamp = "2020-01-02T03:04:05Z"
    path = tmp_path / "a.brief"
    Brief.from_text(ARTICLE).save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["brief"]["created"] = doc["brief"]["modified"] = stamp
    path.write_text(json.dumps(doc), encoding="utf-8")
    Brief.load(path).save(path)
    meta = saved_meta(path)
    assert (meta["created"], meta["modified"]) == (stamp, stamp)
