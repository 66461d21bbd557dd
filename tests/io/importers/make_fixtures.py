"""Build the import fixtures from fixture_texts.py: `python tests/io/importers/make_fixtures.py`.

Needs LibreOffice (`soffice`) for the PDFs and Word files; the web pages and the .mhtml
are written directly. The results are committed (CI has no LibreOffice), so run this only
when the texts or the layouts change, and commit the generated files with it.
"""
from __future__ import annotations

import base64
import html
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import fixture_texts as T  # noqa: E402

OUT = HERE / "fixtures"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')


def png(width: int = 240, height: int = 120) -> bytes:
    """A small chart-like PNG (bars), made without any imaging library."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            bar = (x // 30) % 2 == 0 and y > height - (x * 7 % height) - 10
            row += bytes((40, 90, 160) if bar else (245, 245, 245))
        rows.append(bytes(row))
    chunk = lambda kind, data: (struct.pack(">I", len(data)) + kind + data
                                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


def soft_hyphenate(text: str) -> str:
    for word in T.SOFT_HYPHENATED:
        cut = len(word) // 2
        text = text.replace(word, word[:cut] + T.SHY + word[cut:])
    return text


STYLES = """
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt"
     fo:language="en" fo:country="US" fo:hyphenate="true"
     fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.12cm"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="20pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
     style:default-outline-level="1" style:class="text">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="8.5pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt" fo:hyphenate="false"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Cols" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm"
     fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.3cm" fo:margin-right="1.3cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
"""


def master(header: str, footer: str) -> str:
    if not header and not footer:
        return '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>'
    return f"""<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
 <style:header><text:p text:style-name="Header">{escape(header)}</text:p></style:header>
 <style:footer><text:p text:style-name="Footer">{escape(footer)}</text:p>
   <text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>"""


def fodt(body: str, title: str, author: str = "", header: str = "", footer: str = "") -> str:
    meta = f"<dc:title>{escape(title)}</dc:title>" + (
        f"<meta:initial-creator>{escape(author)}</meta:initial-creator><dc:creator>{escape(author)}</dc:creator>"
        if author else "")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>'
            f"<office:meta>{meta}</office:meta>{STYLES}{master(header, footer)}"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>")


def para(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def heading(text: str) -> str:
    return f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{escape(text)}</text:h>'


def blocks_xml(blocks, hyphenate: bool = True) -> list[str]:
    out = []
    for kind, text in blocks:
        out.append(heading(text) if kind == "h" else para(soft_hyphenate(text) if hyphenate else text))
    return out


def table_xml() -> str:
    cols = len(T.TABLE[0])
    rows = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string">{para(cell, "Table_20_Contents")}</table:table-cell>'
            for cell in row) + "</table:table-row>" for row in T.TABLE)
    return (para(T.TABLE_CAPTION, "Caption") + f'<table:table table:name="T1">'
            f'<table:table-column table:number-columns-repeated="{cols}"/>{rows}</table:table>')


def figure_xml(caption: bool = True) -> str:
    data = base64.b64encode(png()).decode()
    return (f'<text:p text:style-name="Standard"><draw:frame draw:name="F1" text:anchor-type="as-char" '
            f'svg:width="7.5cm" svg:height="3.75cm"><draw:image><office:binary-data>{data}'
            f"</office:binary-data></draw:image></draw:frame></text:p>"
            + (para(T.FIGURE_CAPTION, "Caption") if caption else ""))


def report_body(parts: int = 1) -> str:
    body = [para(T.REPORT_TITLE, "Title"), '<text:section text:style-name="Cols" text:name="Body">']
    for part in range(parts):
        blocks = blocks_xml(T.REPORT)
        if parts > 1:
            body.append(heading(f"Part {part + 1}"))
        # the table after the paragraph that introduces it, the figure after its paragraph
        for xml, (_, text) in zip(blocks, T.REPORT):
            body.append(xml)
            if text.startswith("Table 1 sets out"):
                body.append(table_xml())
            if text.startswith("Figure 1 compares"):
                body.append(figure_xml())
    body.append("</text:section>")
    return "".join(body)


def memo_body() -> str:
    body = [para(T.MEMO_TITLE, "Title")]
    for index, (kind, text) in enumerate(T.MEMO):
        if kind == "h":
            body.append(heading(text))
            continue
        notes = "".join(
            f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
            f"<text:note-body>{para(T.MEMO_FOOTNOTES[n])}</text:note-body></text:note>"
            for n, at in T.MEMO_FOOTNOTE_AT.items() if at == index)
        body.append(f'<text:p text:style-name="Standard">{escape(text)}{notes}</text:p>')
    return "".join(body)


def convert(source: Path, fmt: str, target: Path) -> None:
    """source converted by LibreOffice (a fresh profile each time, so runs do not clash)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", fmt, "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=180)
        made = next(p for p in Path(tmp).iterdir() if p.is_file())
        shutil.move(str(made), target)


# ---- web pages -------------------------------------------------------------------------
def html_blocks(blocks, level: int = 2) -> str:
    return "\n".join(f"<h{level}>{html.escape(t)}</h{level}>" if k == "h" else f"<p>{html.escape(t)}</p>"
                     for k, t in blocks)


NAV = """<header class="site-header"><a class="logo" href="/">{site}</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/markets">Markets</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe now</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>"""
COOKIE = """<div id="cookie-banner" class="cookie-consent"><p>We use cookies to personalise content and
ads, to provide social media features and to analyse our traffic. By clicking Accept all you consent
to our use of cookies.</p><button>Accept all</button><button>Manage preferences</button></div>"""
AD = """<div class="ad-slot advertisement"><span>Advertisement</span><a href="https://ads.example/click">
Refinance your mortgage today and save thousands with our limited offer</a></div>"""
COMMENTS = """<section id="comments" class="comments"><h3>Comments (3)</h3>
<div class="comment"><span class="comment-author">dockworker77</span><p>About time somebody stood up to
the port bosses. Robots will not pay taxes either.</p></div>
<div class="comment"><span class="comment-author">freight_fan</span><p>My delivery has been stuck for a
week and nobody answers the phone at the shipping company.</p></div>
<div class="comment"><span class="comment-author">jkl</span><p>Same thing happened in 2019, it ended in
a week with a small pay rise for everyone.</p></div></section>"""
RELATED = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Shipping giant reports record profits despite slowdown</a></li>
<li><a href="/b">Five things to know before you book a ferry this summer</a></li>
<li><a href="/c">Union leaders meet minister over automation plans</a></li></ul></aside>"""
FOOTER = """<footer class="site-footer"><p>© 2024 {site}. All rights reserved.</p><ul>
<li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>
<li><a href="/contact">Contact us</a></li><li><a href="/careers">Careers</a></li></ul>
<div class="newsletter">Sign up for our morning newsletter and never miss a story.</div></footer>"""


def news_page(title, site, author, date, url, blocks) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<meta name="author" content="{html.escape(author)}">
<meta property="article:published_time" content="{date}T07:45:00Z">
<script src="https://cdn.tracker.example/analytics.js"></script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"event": "pageview"}});</script>
<link rel="stylesheet" href="https://cdn.example/site.css">
</head><body>
{COOKIE}
{NAV.format(site=html.escape(site))}
{AD}
<main><article class="story">
<h1>{html.escape(title)}</h1>
<div class="byline">By <a rel="author" href="/authors/okonkwo">{html.escape(author)}</a>
<time datetime="{date}T07:45:00Z">{date}</time></div>
<figure><img src="https://img.example/port.jpg" alt="Cranes at the port"><figcaption>Photo: agency</figcaption></figure>
<div class="story-body">
{html_blocks(blocks[:3])}
<div class="inline-promo related-link"><strong>Read more:</strong> <a href="/x">Dockers in three countries vote on automation deals</a></div>
<div class="newsletter-signup">Get our Business Briefing in your inbox every morning. <a href="/nl">Sign up</a></div>
{html_blocks(blocks[3:])}
</div>
<div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
</article>
{AD}
{RELATED}
{COMMENTS}
</main>
{FOOTER.format(site=html.escape(site))}
<script>document.querySelectorAll('.ad-slot').forEach(e => e.remove());</script>
</body></html>
"""


def blog_page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(T.BLOG_TITLE)} – {T.BLOG_SITE}</title>
<meta name="author" content="{T.BLOG_AUTHOR}">
<meta property="og:site_name" content="{T.BLOG_SITE}">
<meta name="generator" content="WordPress 6.4">
</head><body class="single-post">
<div id="page"><div class="site-branding"><p class="site-title"><a href="/">{T.BLOG_SITE}</a></p>
<p class="site-description">Notes on verification, shipping data and the tools I use</p></div>
<div class="menu"><a href="/">Home</a> · <a href="/about">About</a> · <a href="/archive">Archive</a> · <a href="/rss">RSS</a></div>
<div id="content"><div class="post">
<h1 class="entry-title">{html.escape(T.BLOG_TITLE)}</h1>
<div class="entry-meta">Posted on <span class="date">{T.BLOG_DATE}</span> by <span class="author">{T.BLOG_AUTHOR}</span></div>
<div class="entry-content">
{html_blocks(T.BLOG)}
</div>
<div class="tags">Tags: <a href="/t/ais">AIS</a>, <a href="/t/osint">OSINT</a></div>
</div>
<div id="sidebar"><h3>Recent posts</h3><ul><li><a href="/1">Reading bills of lading</a></li>
<li><a href="/2">A field guide to flag registries</a></li><li><a href="/3">Tools I use every week</a></li></ul>
<h3>Blogroll</h3><ul><li><a href="https://x.example">Maritime Monitor</a></li></ul></div>
<div id="respond"><h3>Leave a reply</h3><form><textarea name="comment"></textarea>
<button>Post comment</button></form></div>
</div>
<div class="footer">Powered by WordPress · Theme by Someone</div></div></body></html>
"""


def gov_page() -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(T.GOV_TITLE)} | News item | {T.GOV_SITE}</title>
<meta name="DCTERMS.title" content="{html.escape(T.GOV_TITLE)}">
<meta name="DCTERMS.issued" content="{T.GOV_DATE}">
<meta property="og:site_name" content="{T.GOV_SITE}">
</head><body>
<a class="skip" href="#main">Skip to content</a>
<div class="govbar">An official website of the government</div>
<header><div class="logo">{T.GOV_SITE}</div>
<form class="search"><input name="q" placeholder="Search"><button>Search</button></form>
<nav><a href="/topics">Topics</a> <a href="/news">News</a> <a href="/publications">Publications</a> <a href="/contact">Contact</a></nav></header>
<div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › News item</div>
<div id="main" class="content">
<h1>{html.escape(T.GOV_TITLE)}</h1>
<p class="meta">News item | {T.GOV_DATE}</p>
<div class="intro-text">
{html_blocks(T.GOV)}
</div>
<div class="press-contact"><h2>Press contacts</h2><p>Press office: +31 70 000 0000</p></div>
</div>
<div class="see-also"><h2>See also</h2><ul><li><a href="/1">Inland shipping in figures</a></li>
<li><a href="/2">Report: safety on inland waterways</a></li></ul></div>
<footer><ul><li><a href="/about">About this site</a></li><li><a href="/privacy">Privacy</a></li>
<li><a href="/accessibility">Accessibility</a></li><li><a href="/cookies">Cookies</a></li></ul></footer>
</body></html>
"""


def mhtml() -> bytes:
    page = news_page(T.MHTML_TITLE, T.MHTML_SITE, "Jonas Weber", "2022-08-08", T.MHTML_URL, T.MHTML)
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = T.MHTML_URL
    msg["Subject"] = T.MHTML_TITLE
    msg["Date"] = "Mon, 8 Aug 2022 10:12:00 +0000"
    msg["MIME-Version"] = "1.0"
    msg.make_related()
    msg.add_related(page, subtype="html", charset="utf-8", cte="quoted-printable",
                    headers=[f"Content-Location: {T.MHTML_URL}"])
    msg.add_related(png(), maintype="image", subtype="png", cte="base64",
                    headers=["Content-Location: https://img.example/port.jpg"])
    return msg.as_bytes(policy=SMTP)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report = tmp / "report.fodt"
        report.write_text(fodt(report_body(), T.REPORT_TITLE, "", T.RUNNING_HEADER, T.RUNNING_FOOTER), "utf-8")
        convert(report, "pdf", OUT / "report_two_column.pdf")
        long = tmp / "long.fodt"
        long.write_text(fodt(report_body(parts=5), T.REPORT_TITLE, "", T.RUNNING_HEADER, T.RUNNING_FOOTER), "utf-8")
        convert(long, "pdf", OUT / "report_long.pdf")
        memo = tmp / "memo.fodt"
        memo.write_text(fodt(memo_body(), T.MEMO_TITLE, T.MEMO_AUTHOR), "utf-8")
        convert(memo, "docx:MS Word 2007 XML", OUT / "memo_footnotes.docx")
        convert(memo, "odt", OUT / "memo_footnotes.odt")
        # a "scan": one page holding only a picture, no text layer
        scan = tmp / "scan.fodt"
        scan.write_text(fodt(figure_xml(caption=False), "Scan"), "utf-8")
        convert(scan, "pdf", OUT / "scanned_no_text.pdf")
        # a PDF that needs a password to open
        convert(memo, 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
                      '"DocumentOpenPassword":{"type":"string","value":"secret"}}',
                OUT / "encrypted.pdf")
    (OUT / "news.html").write_text(news_page(T.NEWS_TITLE, T.NEWS_SITE, T.NEWS_AUTHOR, T.NEWS_DATE,
                                             T.NEWS_URL, T.NEWS), "utf-8")
    (OUT / "blog.html").write_text(blog_page(), "utf-8")
    (OUT / "press_release.html").write_text(gov_page(), "utf-8")
    (OUT / "saved_page.mhtml").write_bytes(mhtml())
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
