"""Build the "unseen" import fixtures from unseen_texts.py:
`python tests/io/importers/make_unseen_fixtures.py`.

Layouts unlike the first set (make_fixtures.py): a live blog, a story in a bare
<div class="story-body">, a page buried in comments, a <title> with a site suffix, <br><br>
paragraphs, a German page in windows-1252; a single-column report with a contents page and
footnotes, a report whose running head carries the page number (mirrored on even pages), a
landscape two-column brief; a DOCX with lists, a table, a text box, header/footer and
comments. The PDFs and the DOCX need LibreOffice; the results are committed.
"""
from __future__ import annotations

import html
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import unseen_texts as U  # noqa: E402
from make_fixtures import NS, convert  # noqa: E402

OUT = HERE / "fixtures"
E = html.escape

# ---- web pages ---------------------------------------------------------------------------
HEAD_JUNK = """<script async src="https://www.googletagmanager.example/gtag/js?id=G-1"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
<style>.hidden{display:none}</style>"""


def live_blog() -> str:
    updates = []
    for n, (time, head, text) in enumerate(U.LIVE):
        updates.append(f"""<div class="block" id="block-{n}" data-block-id="{n}">
  <p class="block-time"><time datetime="{U.LIVE_DATE}T{time}:00Z">{time}</time></p>
  {f'<h2 class="block-title">{E(head)}</h2>' if head else ''}
  <div class="block-elements"><p>{E(text)}</p></div>
  <div class="block-share"><a href="#block-{n}">Share</a> <a href="#">Copy link</a></div>
</div>""")
    key = "".join(f'<li><a href="#block-{n}">{E(h)}</a></li>'
                  for n, (t, h, _) in enumerate(U.LIVE) if h in U.LIVE_KEY_EVENTS)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{E(U.LIVE_TITLE)} | {E(U.LIVE_SITE)}</title>
<meta property="og:title" content="{E(U.LIVE_TITLE)}">
<meta property="og:site_name" content="{E(U.LIVE_SITE)}">
<meta property="og:type" content="article">
<link rel="canonical" href="{U.LIVE_URL}">
<meta property="article:published_time" content="{U.LIVE_DATE}T12:50:00Z">
{HEAD_JUNK}
</head><body>
<div class="consent-overlay"><p>Your privacy matters to us. We and our 214 partners store and access
information on your device to show personalised ads.</p><button>I agree</button><button>Options</button></div>
<header><a href="/" class="logo">{E(U.LIVE_SITE)}</a><nav><a href="/news">News</a> <a href="/politics">Politics</a>
<a href="/money">Money</a> <a href="/sport">Sport</a> <a href="/puzzles">Puzzles</a> <a href="/account">My account</a></nav></header>
<main>
<div class="live-header"><span class="live-badge">LIVE</span>
<h1>{E(U.LIVE_TITLE)}</h1>
<p class="updated">Updated <time datetime="{U.LIVE_DATE}T14:52:00Z">26 March 2025</time></p></div>
<div class="key-events"><h3>Key events</h3><ul>{key}</ul></div>
<div class="live-blog-body" id="liveblog-body">
<div class="pinned">Pinned post: follow our live coverage of the budget below, with analysis from our correspondents.</div>
{chr(10).join(updates)}
</div>
<div class="pagination"><a href="?page=2">Show older updates</a> <a href="?page=2">Next page</a></div>
</main>
<aside class="promo"><h3>Sign up to Politics Daily</h3><p>Our free morning briefing, in your inbox by 7am.</p>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></aside>
<footer><p>© 2025 {E(U.LIVE_SITE)} Ltd.</p><a href="/privacy">Privacy</a> <a href="/cookies">Cookie settings</a>
<a href="/terms">Terms</a></footer>
</body></html>
"""


def story_body() -> str:
    blocks = "\n".join(f"<h2>{E(t)}</h2>" if k == "h" else f"<p>{E(t)}</p>" for k, t in U.STORY)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{E(U.STORY_TITLE)} - {E(U.STORY_SITE)}</title>
<meta name="description" content="The company admitted thousands of illegal discharges.">
{HEAD_JUNK}
</head><body>
<div id="wrapper">
<div id="top-bar"><a href="/">{E(U.STORY_SITE)}</a> | <a href="/weather">Weather</a> | <a href="/jobs">Jobs</a> |
<a href="/property">Property</a> | <a href="/notices">Family notices</a></div>
<div id="breaking" class="ticker">Breaking: road closed after lorry overturns on the A59 · School closures list updated</div>
<div id="content">
<div class="col-main">
<div class="story-header"><h1 class="headline">{E(U.STORY_TITLE)}</h1>
<span class="dateline">Published 3 hours ago</span></div>
<div class="story-body">
{blocks}
</div>
<div class="story-tags">Topics: <a href="/t/env">Environment</a> <a href="/t/courts">Courts</a></div>
<div class="more-on-this"><h3>More on this story</h3>
<div class="teaser"><a href="/1">Rivers campaigners stage protest at company headquarters</a></div>
<div class="teaser"><a href="/2">Regulator orders review of all treatment works</a></div></div>
</div>
<div class="col-side">
<div class="weather-widget">Today: light rain, 11°C. Tomorrow: sunny spells, 13°C.</div>
<div class="dmpu ad">Advertisement</div>
<div class="local-events"><h3>What's on</h3><ul><li>Farmers market, Saturday</li><li>Brass band concert, Sunday</li></ul></div>
</div>
</div>
<div id="footer">Contact the newsroom · Advertise with us · Terms and conditions · Privacy notice · © {E(U.STORY_SITE)}</div>
</div></body></html>
"""


def commented() -> str:
    blocks = "\n".join(f"<h2>{E(t)}</h2>" if k == "h" else f"<p>{E(t)}</p>" for k, t in U.COMMENTED)
    comments = "\n".join(
        f"""<li class="comment depth-1" id="comment-{n}"><article class="comment-body">
<footer class="comment-meta"><b class="fn">{E(a)}</b> <time>2 hours ago</time></footer>
<div class="comment-content"><p>{E(t)}</p></div>
<div class="reply"><a class="comment-reply-link" href="#">Reply</a> · {n * 3 % 17} likes</div></article></li>"""
        for n, (a, t) in enumerate(zip(U.COMMENT_AUTHORS, U.COMMENT_TEXTS)))
    most = "".join(f'<li><span class="rank">{n + 1}</span><a href="/m{n}">{E(t)}</a></li>'
                   for n, t in enumerate(U.MOST_READ))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{E(U.COMMENTED_TITLE)} | {E(U.COMMENTED_SITE)}</title>
<meta property="og:title" content="{E(U.COMMENTED_TITLE)}">
<meta property="og:site_name" content="{E(U.COMMENTED_SITE)}">
<meta name="author" content="{E(U.COMMENTED_AUTHOR)}">
{HEAD_JUNK}
</head><body>
<nav class="top"><a href="/">Home</a> <a href="/careers">Careers</a> <a href="/management">Management</a>
<a href="/pay">Pay</a> <a href="/wellbeing">Wellbeing</a></nav>
<div class="layout">
<main class="content">
<article class="post">
<h1>{E(U.COMMENTED_TITLE)}</h1>
<p class="byline">By {E(U.COMMENTED_AUTHOR)}</p>
<div class="post-content">
{blocks}
</div>
</article>
<section id="comments" class="comments-area">
<h2 class="comments-title">{len(U.COMMENT_TEXTS)} thoughts on “{E(U.COMMENTED_TITLE)}”</h2>
<ol class="comment-list">
{comments}
</ol>
<div id="respond"><h3>Leave a comment</h3><form><textarea></textarea><button>Post comment</button></form></div>
</section>
</main>
<aside class="sidebar">
<section class="most-read"><h2>Most read</h2><ol>{most}</ol></section>
<section class="newsletter"><h2>Get the Review every Friday</h2><p>Join forty thousand readers.</p></section>
</aside>
</div>
<footer>© The Workplace Review · About · Advertise · Privacy</footer>
</body></html>
"""


def title_suffix() -> str:
    blocks = "\n".join(f"<p>{E(t)}</p>" for _, t in U.SUFFIX)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{E(U.SUFFIX_TITLE)} - {E(U.SUFFIX_SITE)}</title>
<meta property="og:title" content="{E(U.SUFFIX_TITLE)}">
<meta name="twitter:title" content="{E(U.SUFFIX_TITLE)} - {E(U.SUFFIX_SITE)}">
{HEAD_JUNK}
</head><body>
<header><div class="brand">{E(U.SUFFIX_SITE)}</div><nav><a href="/grid">Grid</a> <a href="/wind">Wind</a>
<a href="/solar">Solar</a> <a href="/policy">Policy</a> <a href="/events">Events</a></nav></header>
<div class="container"><div class="entry">
<h1 class="entry-title">{E(U.SUFFIX_TITLE)}</h1>
<div class="entry-meta">Filed under <a href="/grid">Grid</a></div>
<div class="entry-content">
{blocks}
</div></div></div>
<footer>{E(U.SUFFIX_SITE)} is published by Energy Media BV · <a href="/imprint">Imprint</a></footer>
</body></html>
"""


def br_page() -> str:
    body = "<br><br>\n".join(E(p) for p in U.BR)
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{E(U.BR_TITLE)}</title></head>
<body bgcolor="#ffffff">
<table width="760" cellpadding="0" cellspacing="0"><tr><td colspan="2">
<font size="5"><b>{E(U.BR_SITE)}</b></font><br>
<a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> | <a href="/classifieds">Classifieds</a> | <a href="/contact">Contact</a>
</td></tr><tr><td width="160" valign="top" class="leftnav">
<a href="/news/farming">Farming</a><br><a href="/news/schools">Schools</a><br><a href="/news/council">Council</a><br>
<a href="/news/letters">Letters</a><br><a href="/archive">Archive</a>
</td><td valign="top">
<font size="4"><b>{E(U.BR_TITLE)}</b></font><br>
<i>Thursday 12 June 2025</i><br><br>
{body}
<br><br>
<hr><font size="1">Copyright Dales Weekly. All rights reserved. Reproduction without permission is prohibited.</font>
</td></tr></table></body></html>
"""


def german_page() -> bytes:
    blocks = "\n".join(f"<h2>{E(t)}</h2>" if k == "h" else f"<p>{E(t)}</p>" for k, t in U.DE)
    page = f"""<!DOCTYPE html>
<html lang="de"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{E(U.DE_TITLE)} | {E(U.DE_SITE)}</title>
<meta property="og:title" content="{E(U.DE_TITLE)}">
<meta property="og:site_name" content="{E(U.DE_SITE)}">
<meta name="author" content="{E(U.DE_AUTHOR)}">
<meta name="date" content="{U.DE_DATE}">
{HEAD_JUNK}
</head><body>
<div id="cmp-banner" class="consent"><h2>Wir verwenden Cookies</h2><p>Wir und unsere Partner speichern
Informationen auf Ihrem Gerät, um Ihnen personalisierte Werbung anzuzeigen. Mit „Zustimmen“ erklären Sie
sich damit einverstanden.</p><button>Zustimmen</button><button>Einstellungen</button></div>
<header><a href="/" class="logo">{E(U.DE_SITE)}</a><nav><a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a>
<a href="/sport">Sport</a> <a href="/kultur">Kultur</a> <a href="/abo">Jetzt abonnieren</a> <a href="/login">Anmelden</a></nav></header>
<main><article>
<p class="kicker">Streik bei der Bahn</p>
<h1>{E(U.DE_TITLE)}</h1>
<p class="byline">Von {E(U.DE_AUTHOR)} · <time datetime="{U.DE_DATE}T09:30:00+01:00">15.01.2025, 09:30 Uhr</time></p>
{blocks}
<div class="teaser-box">Lesen Sie auch: <a href="/x">Was Pendler jetzt wissen müssen</a></div>
</article>
<aside class="meistgelesen"><h2>Meistgelesen</h2><ol><li><a href="/1">Wetter: Glätte im ganzen Land erwartet</a></li>
<li><a href="/2">Rentenerhöhung: So viel mehr gibt es ab Juli</a></li></ol></aside>
</main>
<footer><a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a> · <a href="/agb">AGB</a> ·
© 2025 {E(U.DE_SITE)}</footer>
</body></html>
"""
    return page.encode("cp1252")


# ---- LibreOffice documents ----------------------------------------------------------------
def styles(width: str, height: str, font: str, columns: int = 1, mirrored: bool = False) -> str:
    cols = (f'<style:style style:name="Cols" style:family="section"><style:section-properties>'
            f'<style:columns fo:column-count="{columns}" fo:column-gap="1cm"/></style:section-properties></style:style>'
            if columns > 1 else "")
    usage = ' style:page-usage="mirrored"' if mirrored else ""
    return f"""
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="{font}"
     fo:language="en" fo:country="GB" fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm" fo:line-height="130%"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="4cm" fo:margin-bottom="0.6cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="26pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Subtitle" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="1.2cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt"/>
 </style:style>
 <style:style style:name="Author" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="12pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
     style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
     style:default-outline-level="2">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="12.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.5cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="16pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"><style:tab-stops>
   <style:tab-stop style:position="15.9cm" style:type="right" style:leader-style="dotted" style:leader-text="."/>
  </style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:class="extra">
  <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm"/>
  <style:text-properties fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="HeaderRight" style:family="paragraph" style:parent-style-name="Header">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8.5pt"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="TextBox" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol"
   text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0"
   text:footnotes-position="page" text:start-numbering-at="document"/>
 <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.64cm"
      fo:text-indent="-0.64cm" fo:margin-left="0.64cm"/></style:list-level-properties>
  </text:list-level-style-number></text:list-style>
 <text:list-style style:name="List_20_1" style:display-name="List 1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.64cm"
      fo:text-indent="-0.64cm" fo:margin-left="0.64cm"/></style:list-level-properties>
  </text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles>
 {cols}
 <style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Contents_20_Heading">
  <style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="HBreak" style:family="paragraph" style:parent-style-name="Heading_20_1">
  <style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="FirstTitle" style:family="paragraph" style:parent-style-name="Title"
     style:master-page-name="First"/>
 <style:style style:name="fr1" style:family="graphic">
  <style:graphic-properties fo:border="0.06pt solid #000000" fo:padding="0.2cm" fo:background-color="#eeeeee"
    style:wrap="parallel" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="right"
    style:horizontal-rel="paragraph"/>
 </style:style>
 <style:page-layout style:name="PL"{usage}>
  <style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}"
     fo:margin-top="1.6cm" fo:margin-bottom="1.6cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
"""


def doc(body: str, title: str, page_styles: str, masters: str, author: str = "") -> str:
    meta = (f"<dc:title>{escape(title)}</dc:title>" if title else "") + (
        f"<meta:initial-creator>{escape(author)}</meta:initial-creator><dc:creator>{escape(author)}</dc:creator>"
        if author else "")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>'
            f"<office:meta>{meta}</office:meta>{page_styles}<office:master-styles>{masters}</office:master-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>")


def p(text: str, style: str = "Standard", inner: str = "") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}{inner}</text:p>'


def h(text: str, level: int = 1, style: str = "") -> str:
    return (f'<text:h text:style-name="{style or f"Heading_20_{level}"}" text:outline-level="{level}">'
            f"{escape(text)}</text:h>")


PAGE_NUMBER = '<text:page-number text:select-page="current">1</text:page-number>'


def think_tank() -> str:
    """Title page (no header), contents page, single-column body with footnotes."""
    body = [p(U.TT_TITLE, "FirstTitle"), p(U.TT_SUBTITLE, "Subtitle"), p(U.TT_AUTHOR, "Author"),
            p(U.TT_INSTITUTE, "Author"), p("Contents", "PBreak")]
    body += [f'<text:p text:style-name="Contents_20_1">{escape(entry)}<text:tab/>{page}</text:p>'
             for entry, page in U.TT_CONTENTS]
    note_no = 0
    for index, (kind, text) in enumerate(U.TT):
        if kind == "h":
            body.append(h(text, 1, "HBreak" if index == 0 else ""))
            continue
        notes = ""
        for note in U.TT_FOOTNOTES.get(index, []):
            note_no += 1
            notes += (f'<text:note text:id="n{note_no}" text:note-class="footnote"><text:note-citation>{note_no}'
                      f'</text:note-citation><text:note-body>{p(note, "Footnote")}</text:note-body></text:note>')
        body.append(p(text, inner=notes))
    masters = (f'<style:master-page style:name="First" style:page-layout-name="PL" style:next-style-name="Standard"/>'
               f'<style:master-page style:name="Standard" style:page-layout-name="PL">'
               f'<style:header>{p(U.TT_INSTITUTE + " · " + U.TT_TITLE, "HeaderRight")}</style:header>'
               f'<style:footer><text:p text:style-name="Footer">{PAGE_NUMBER}</text:p></style:footer>'
               f"</style:master-page>")
    return doc("".join(body), U.TT_TITLE, styles("21cm", "29.7cm", "12pt"), masters, U.TT_AUTHOR)


def running_header() -> str:
    """Header 'Title | 3' on odd pages and '4 | Title' on even ones; none on page 1."""
    body = [p(U.RH_TITLE, "FirstTitle")]
    body += [h(t) if k == "h" else p(t) for k, t in U.RH]
    masters = (f'<style:master-page style:name="First" style:page-layout-name="PL" style:next-style-name="Standard"/>'
               f'<style:master-page style:name="Standard" style:page-layout-name="PL">'
               f'<style:header><text:p text:style-name="HeaderRight">{escape(U.RH_HEADER)} | {PAGE_NUMBER}</text:p></style:header>'
               f'<style:header-left><text:p text:style-name="Header">{PAGE_NUMBER} | {escape(U.RH_HEADER)}</text:p></style:header-left>'
               f"</style:master-page>")
    # no title in the document's properties: the importer must find it on the first page
    return doc("".join(body), "", styles("14.8cm", "21cm", "14pt", mirrored=True), masters)


def landscape() -> str:
    body = [p(U.LS_TITLE, "Title").replace('"Title"', '"LsTitle"'), '<text:section text:style-name="Cols" text:name="B">']
    body += [h(t) if k == "h" else p(t) for k, t in U.LS]
    body.append("</text:section>")
    sheet = styles("29.7cm", "21cm", "11pt", columns=2).replace(
        "</office:automatic-styles>",
        '<style:style style:name="LsTitle" style:family="paragraph" style:parent-style-name="Title">'
        '<style:paragraph-properties fo:margin-top="0cm"/></style:style></office:automatic-styles>')
    masters = (f'<style:master-page style:name="Standard" style:page-layout-name="PL">'
               f'<style:header>{p(U.LS_HEADER, "Header")}</style:header>'
               f'<style:footer><text:p text:style-name="Footer">Page {PAGE_NUMBER}</text:p></style:footer>'
               f"</style:master-page>")
    return doc("".join(body), U.LS_TITLE, sheet, masters)


def word_memo() -> str:
    """Headings (1 and 2), numbered and bulleted lists, a table, a text box, header and
    footer, two comments."""
    body = [p(U.DX_TITLE, "Title").replace('"Title"', '"DxTitle"')]
    # a table of contents, as LibreOffice writes one (Word gets a w:sdt "Table of Contents")
    entries = "".join(f'<text:p text:style-name="Contents_20_1">{escape(t)}<text:tab/>1</text:p>'
                      for k, t in U.DX if k == "h1")
    body.append('<text:table-of-content text:protected="true" text:name="Contents1">'
                '<text:table-of-content-source text:outline-level="1"><text:index-title-template '
                'text:style-name="Contents_20_Heading">Contents</text:index-title-template>'
                '</text:table-of-content-source><text:index-body><text:index-title text:name="T">'
                f'{p("Contents", "Contents_20_Heading")}</text:index-title>{entries}</text:index-body>'
                "</text:table-of-content>")
    comments = iter(U.DX_COMMENTS)
    list_open = ""
    for index, (kind, text) in enumerate(U.DX):
        if kind in ("ol", "ul"):
            if list_open != kind:
                if list_open:
                    body.append("</text:list>")
                style = "Numbering_20_123" if kind == "ol" else "List_20_1"
                body.append(f'<text:list text:style-name="{style}">')
                list_open = kind
            body.append(f"<text:list-item>{p(text)}</text:list-item>")
            continue
        if list_open:
            body.append("</text:list>")
            list_open = ""
        if kind in ("h1", "h2"):
            body.append(h(text, int(kind[1])))
        elif index == 1:   # the first paragraph anchors the text box and carries a comment
            box = (f'<draw:frame draw:style-name="fr1" draw:name="Box1" text:anchor-type="paragraph" '
                   f'svg:width="6cm" draw:z-index="0"><draw:text-box fo:min-height="1cm">'
                   f"{p(U.DX_TEXTBOX, 'TextBox')}</draw:text-box></draw:frame>")
            note = (f'<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2025-02-03T10:00:00</dc:date>'
                    f"{p(next(comments))}</office:annotation>")
            body.append(f'<text:p text:style-name="Standard">{box}{note}{escape(text)}</text:p>')
        elif text.startswith("Exports grew fastest"):
            note = (f'<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2025-02-03T10:05:00</dc:date>'
                    f"{p(next(comments))}</office:annotation>")
            body.append(f'<text:p text:style-name="Standard">{note}{escape(text)}</text:p>')
        else:
            body.append(p(text))
            if text.startswith("The table below"):
                rows = "".join("<table:table-row>" + "".join(
                    f'<table:table-cell office:value-type="string">{p(c, "Table_20_Contents")}</table:table-cell>'
                    for c in row) + "</table:table-row>" for row in U.DX_TABLE)
                body.append(f'<table:table table:name="T1"><table:table-column '
                            f'table:number-columns-repeated="3"/>{rows}</table:table>')
    sheet = styles("21cm", "29.7cm", "11pt").replace(
        "</office:automatic-styles>",
        '<style:style style:name="DxTitle" style:family="paragraph" style:parent-style-name="Title">'
        '<style:paragraph-properties fo:margin-top="0cm"/></style:style></office:automatic-styles>')
    masters = (f'<style:master-page style:name="Standard" style:page-layout-name="PL">'
               f'<style:header>{p(U.DX_HEADER, "Header")}</style:header>'
               f'<style:footer>{p(U.DX_FOOTER, "Footer")}</style:footer></style:master-page>')
    return doc("".join(body), U.DX_TITLE, sheet, masters, U.DX_AUTHOR)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "unseen_liveblog.html").write_text(live_blog(), "utf-8")
    (OUT / "unseen_story_body.html").write_text(story_body(), "utf-8")
    (OUT / "unseen_comments.html").write_text(commented(), "utf-8")
    (OUT / "unseen_title_suffix.html").write_text(title_suffix(), "utf-8")
    (OUT / "unseen_br.html").write_text(br_page(), "utf-8")
    (OUT / "unseen_german.html").write_bytes(german_page())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, source, fmt in (("unseen_think_tank.pdf", think_tank(), "pdf"),
                                  ("unseen_running_header.pdf", running_header(), "pdf"),
                                  ("unseen_landscape.pdf", landscape(), "pdf"),
                                  ("unseen_memo.docx", word_memo(), "docx:MS Word 2007 XML"),
                                  ("unseen_memo.odt", word_memo(), "odt")):
            fodt = tmp / (Path(name).stem + ".fodt")
            fodt.write_text(source, "utf-8")
            convert(fodt, fmt, OUT / name)
    for path in sorted(OUT.glob("unseen_*")):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
