"""docs/brief.schema.json is the schema the loader checks, published for other tools."""
import json
from pathlib import Path

import fastjsonschema

from briefing import Brief
from briefing.io.brief_file import to_json
from briefing.io.schema import FORMAT_VERSION, SCHEMA

DOC = Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json"
SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "musk-putin-contacts.brief"


def test_published_schema_is_the_one_the_loader_uses():
    # regenerate: python -c "import json; from briefing.io.schema import SCHEMA; ..."
    assert json.loads(DOC.read_text(encoding="utf-8")) == SCHEMA
    assert SCHEMA["properties"]["version"] == {"const": FORMAT_VERSION}


def test_a_multi_source_brief_validates_against_the_published_schema():
    brief = Brief.load(SAMPLE)
    src = brief.add_source_text("Peskov denied it. He said so twice.", title="TASS")
    brief.add_item("claim", "denied", [src.sentences[0].id, "s2"])
    validate = fastjsonschema.compile(json.loads(DOC.read_text(encoding="utf-8")))
    doc = to_json(brief)
    validate(doc)
    assert [s["id"] for s in doc["sources"]] == ["src1", "src2"]
    assert doc["sections"]["claims"][-1]["citations"][1]["source"] == "src2"
