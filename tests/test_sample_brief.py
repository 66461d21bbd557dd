"""The bundled sample brief is made by the app's own API and is up to date."""
import importlib.util
from pathlib import Path

from briefing import Brief
from briefing.io.brief_file import dumps

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _builder():
    spec = importlib.util.spec_from_file_location("make_sample_brief", SEEDS / "make_sample_brief.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_brief_matches_its_generator():
    assert dumps(_builder().build()) == (SEEDS / "musk-putin-contacts.brief").read_bytes()


def test_sample_brief_has_all_four_sections_citing_real_sentences():
    brief = Brief.load(SEEDS / "musk-putin-contacts.brief")
    assert all(n >= 3 for n in brief.counts().values())
    assert brief.check()["ok"] and brief.needing_review() == []
    taiwan = next(i for i in brief.items if "Taiwan" in i.text and i.kind == "claim")
    assert any("Starlink satellite communication system in Taiwan" in brief.sentence(s).text
               for s in brief.sentence_ids_of(taiwan))
