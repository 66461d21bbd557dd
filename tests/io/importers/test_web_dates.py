"""A web page's date comes from its own markup, never guessed from a copyright line."""
from __future__ import annotations

from briefing.io.article_import import read_article

PAGE = """<!doctype html><html><head><title>Ministry denies talks | Wire</title>{meta}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministry denies talks</h1>{time}
<p>The ministry on Tuesday denied that its officials had met representatives of the company,
according to a statement posted on its website late in the evening.</p>
<p>Two officials, speaking on condition of anonymity, said the meetings took place in March
and April. They declined to give further details about the agenda of the talks.</p>
<p>The company did not respond to a request for comment. Analysts expect the dispute to
continue for some time, and the ministry said it would publish a fuller account soon.</p>
</article><footer>© 2026 Wire. All rights reserved.</footer></body></html>"""


def imported(tmp_path, meta="", time=""):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(meta=meta, time=time), encoding="utf-8")
    return read_article(path)


def test_no_date_in_the_markup_means_no_date(tmp_path):
    assert imported(tmp_path).published == ""


def test_dates_from_meta_tags_and_time_elements(tmp_path):
    meta = '<meta property="article:published_time" content="2024-10-25T08:00:00Z">'
    assert imported(tmp_path, meta=meta).published == "2024-10-25"
    time = '<time datetime="2024-09-03">3 September 2024</time>'
    assert imported(tmp_path, time=time).published == "2024-09-03"
