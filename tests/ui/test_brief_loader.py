"""Opening a large .brief on a worker: the same brief as a direct load, already segmented
and resolved, and bad large files still one line."""
import pytest

from briefing import Brief
from briefing.io.errors import BriefingFileError
from briefing.ui import brief_loader


def large_brief(tmp_path) -> str:
    text = "".join(f"Sentence number {i} is here. " for i in range(40_000))
    brief = Brief.from_text(text, title="Big")
    brief.add_item("claim", "Cites a few", [s.id for s in brief.sentences[:50]])
    path = tmp_path / "big.brief"
    brief.save(path)
    assert path.stat().st_size >= brief_loader.WORKER_BYTES
    return str(path)


def test_a_large_brief_opens_on_the_worker_warmed(qtbot, tmp_path, monkeypatch):
    path = large_brief(tmp_path)
    threads = []
    real_warm = brief_loader.warm
    monkeypatch.setattr(brief_loader, "warm", lambda b: threads.append(
        __import__("threading").current_thread().name) or real_warm(b))
    brief, digest = brief_loader.load_brief(None, path)
    assert threads == ["brief-open"]                         # parsed and warmed off the GUI
    direct, direct_digest = Brief.load(path), None
    assert digest and [i.id for i in brief.items] == [i.id for i in direct.items]
    assert brief.article.text == direct.article.text
    assert brief.article._index is not None                   # segmented already
    assert len(brief.cited_sentence_ids()) == 50


def test_a_bad_large_file_is_one_line(qtbot, tmp_path):
    path = tmp_path / "bad.brief"
    path.write_bytes(b'{"format": "briefing", "version": 4, ' + b" " * brief_loader.WORKER_BYTES)
    with pytest.raises(BriefingFileError) as error:
        brief_loader.load_brief(None, str(path))
    assert str(error.value).startswith(str(path)) and "\n" not in str(error.value)
