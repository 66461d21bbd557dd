"""Briefs the export tests share: a representative one and one full of hostile text.

Test files import it as `from support import briefs` (pytest puts tests/ on the path).
The clock is fixed so golden files do not change with the date.
"""
from __future__ import annotations

from briefing import Brief
from briefing.core.article import Article

STAMP = "2024-10-25T09:00:00Z"
ARTICLE = (
    "Officials met in Vienna on Monday. The talks lasted six hours, a spokesman said.\n\n"
    "Negotiators agreed on a ceasefire text. \"We are close,\" said Dr. A. Novak.\n\n"
    "Next Steps\n\n"
    "A second round is planned for May 3. Observers doubt it will hold.\n"
)
HOSTILE = [
    '<img src="http://evil.example/x.png" onerror="alert(1)">',
    "![tracker](http://evil.example/t.gif) and [click](javascript:alert(1))",
    "<script>alert('x')</script> & <b>bold</b> | pipe | `code` *stars* _under_",
    "# not a heading\n1. not a list\n- nor this\n> nor a quote",
    "http://evil.example/bare <http://evil.example/auto> [ref]: http://x",
    "line one\nline two | with pipe\n\n---\n===",
    "$x$ ~~strike~~ ^sup^ {#id .cls} \\ trailing backslash\\",
]


def build(article: Article | None = None) -> Brief:
    """Every section, every field kind, notes, an answer, and a sentence cited twice."""
    b = Brief(article or Article(ARTICLE, title="Ceasefire talks in Vienna", outlet="Wire",
                                  author="R. Porter", published="2024-10-24",
                                  url="https://news.example/vienna"),
              created=STAMP, clock=lambda: STAMP)
    for name, value in (("title", "Vienna talks: where they stand"), ("analyst", "J. Analyst"),
                        ("marking", "TLP:AMBER"),
                        ("summary", "Talks advanced; a text exists.\n\nDurability is doubtful.")):
        b.set_meta(name, value)
    c = b.add_item("claim", "Negotiators agreed on a ceasefire text.", ["s3", "s4"])
    b.set_field(c.id, "source", "Wire report")
    b.set_field(c.id, "confidence", "moderate")
    b.set_field(c.id, "note", "Single source.")
    b.add_item("claim", "Talks lasted six hours.", ["s2"])
    a = b.add_item("actor", "A. Novak", ["s4"])
    b.set_field(a.id, "role", "Mediator; quoted on progress.")
    b.add_item("actor", "Observers", ["s6"])
    r = b.add_item("risk", "The ceasefire may not hold.", ["s6"])
    b.set_field(r.id, "likelihood", "likely")
    b.set_field(r.id, "impact", "high")
    q = b.add_item("question", "Who attends the second round?", ["s5"])
    b.set_field(q.id, "priority", "high")
    q2 = b.add_item("question", "Where did they meet?", ["s1"])
    b.set_field(q2.id, "status", "answered")
    b.set_field(q2.id, "answer", "Vienna.")
    return b


def hostile() -> Brief:
    """The sample brief with hostile text in every user-typed field, the article included."""
    text = " ".join(h.replace("\n", " ") + "." for h in HOSTILE)
    b = build(Article(ARTICLE + text + "\n", title=HOSTILE[0], outlet=HOSTILE[2],
                      author=HOSTILE[3], published=HOSTILE[6], url="javascript:alert(1)"))
    b.set_meta("title", HOSTILE[3])
    b.set_meta("analyst", HOSTILE[0])
    b.set_meta("summary", "\n\n".join(HOSTILE))
    cited = [s.id for s in b.sentences[-len(HOSTILE):]]
    for n, h in enumerate(HOSTILE):
        for kind in ("claim", "actor", "risk", "question"):
            item = b.add_item(kind, h, cited[n:n + 2])
            b.set_field(item.id, "note", h)
        b.set_field(item.id, "answer", h)
    return b

