"""The Word package as other programs read it: no template leftovers (application name,
thumbnail, settings valid against the schema) and right-to-left text marked as such."""
import io
import re
import zipfile

import docx

from briefing import Brief, __version__
from briefing.io.docx_export import write_docx
from briefing.io.docx_page import app_version
from briefing.io.docx_xml import para, right_to_left, run

ARABIC = "قال المتحدث إن الاجتماع سيعقد غدا."
HEBREW = "הדובר אמר שהפגישה תתקיים מחר."


def package(brief: Brief) -> zipfile.ZipFile:
    stream = io.BytesIO()
    write_docx(brief, stream, annex=True)
    return zipfile.ZipFile(io.BytesIO(stream.getvalue()))


def brief() -> Brief:
    b = Brief.from_text(f"{ARABIC} {HEBREW}\n\nThe ministry confirmed it.", title="Mixed")
    b.set_meta("title", "Mixed scripts")
    b.add_item("claim", ARABIC, [b.sentences[0].id, b.sentences[1].id])
    b.add_item("claim", "An English claim", [b.sentences[2].id])
    return b


def test_the_application_is_briefing_and_no_template_thumbnail_remains():
    z = package(brief())
    app = z.read("docProps/app.xml").decode("utf-8")
    assert "<Application>Briefing</Application>" in app and "Microsoft" not in app
    assert f"<AppVersion>{app_version(__version__)}</AppVersion>" in app
    assert re.fullmatch(r"\d{1,2}\.\d{4}", app_version(__version__))
    assert app_version("2.13.4") == "2.1304" and app_version("0.1.0") == "0.0100"
    assert not any("thumbnail" in name for name in z.namelist())
    assert "thumbnail" not in z.read("_rels/.rels").decode("utf-8")
    assert "thumbnail" not in z.read("[Content_Types].xml").decode("utf-8").lower()


def test_settings_zoom_has_the_percent_the_schema_requires():
    settings = package(brief()).read("word/settings.xml").decode("utf-8")
    zooms = re.findall(r"<w:zoom [^>]*/>", settings)
    assert zooms and all('w:percent="100"' in z for z in zooms)
    assert "savePreviewPicture" not in settings


def test_right_to_left_text_is_marked_in_runs_and_paragraphs():
    assert right_to_left(ARABIC) and right_to_left(HEBREW) and right_to_left("«" + HEBREW)
    assert not right_to_left("Peskov said " + ARABIC) and not right_to_left("123 ...")
    assert "<w:rtl/>" in run(ARABIC) and "<w:rtl/>" not in run("Peskov")
    p = para(run(HEBREW), "ListNumber", "<w:keepNext/><w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/>")
    assert "<w:keepNext/><w:bidi/><w:spacing" in p            # in the schema's order
    assert "<w:bidi/>" not in para(run("Plain English."), "Normal")
    doc = package(brief()).read("word/document.xml").decode("utf-8")
    claim = next(p for p in re.findall(r"<w:p>.*?</w:p>", doc) if "قال المتحدث" in p)
    assert "<w:bidi/>" in claim and "<w:rtl/>" in claim
    english = next(p for p in re.findall(r"<w:p>.*?</w:p>", doc) if "An English claim" in p)
    assert "<w:bidi/>" not in english
    notes = package(brief()).read("word/footnotes.xml").decode("utf-8")
    assert "<w:rtl/>" in notes                                  # the quoted Arabic sentence
    docx.Document(io.BytesIO(_bytes(brief())))                  # python-docx still reads it


def _bytes(b: Brief) -> bytes:
    stream = io.BytesIO()
    write_docx(b, stream)
    return stream.getvalue()
