"""The `briefing` command: new, add-source, sentences, check, update, export; with no
verb, the app.

Qt is imported only inside the verb that opens the window, so scripting and CI stay
display-free. Every file problem prints one line, `error: FILE: what is wrong`, exit 2.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from briefing import __version__
from briefing.api import Brief
from briefing.core.resolve import STATUSES
from briefing.core.sections import SECTIONS
from briefing.io.errors import BriefingFileError

VERBS: dict[str, Callable[[argparse.Namespace], int]] = {}


def verb(name: str):
    def register(fn: Callable[[argparse.Namespace], int]):
        VERBS[name] = fn
        return fn
    return register


def _load_any(path: str) -> Brief:
    """A .brief file, or a new brief over an article file (any format io/importers reads)."""
    return Brief.load(path) if path.endswith(".brief") else Brief.from_article_file(path)


def _sources_line(brief: Brief) -> str:
    n = len(brief.sources)
    return f"{n} source{'s' if n != 1 else ''}, {len(brief.sentences)} sentences"


@verb("new")
def _new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        raise BriefingFileError(out, "already exists (use --force to overwrite)")
    brief = Brief.from_files(args.sources)
    if args.title:
        brief.set_meta("title", args.title)
    brief.save(out)
    print(f"{out}: new brief over {_sources_line(brief)}")
    return 0


@verb("add-source")
def _add_source(args: argparse.Namespace) -> int:
    out = Path(args.output or args.file)
    if args.output and out.exists() and not args.force:
        raise BriefingFileError(out, "already exists (use --force to overwrite)")
    brief = Brief.load(args.file)
    added = [brief.add_source_file(path) for path in args.sources]
    brief.save(out)
    for source in added:
        print(f"{out}: added {source.id} “{source.label}” ({len(source.sentences)} sentences)")
    return 0


@verb("sentences")
def _sentences(args: argparse.Namespace) -> int:
    brief = _load_any(args.file)
    rows = [{"source": src.id, "id": s.id, "start": s.start, "end": s.end, "text": s.text}
            for src in brief.sources for s in src.sentences]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for r in rows:
            print(f"{r['id']}\t{r['start']}-{r['end']}\t{r['text']}")
    return 0


def _print_report(rep: dict, as_json: bool, headline: str) -> None:
    if as_json:  # one line, by the C encoder: indent= would be the slow Python one
        print(json.dumps(rep, ensure_ascii=False))
        return
    counts = rep["counts"]
    print(f"{rep['file']}: {'ok' if rep['ok'] else 'needs attention'} — {headline}")
    print("  " + ", ".join(f"{s.title.lower()}: {counts[s.kind]}" for s in SECTIONS))
    statuses = ", ".join(f"{k} {counts[k]}" for k in STATUSES if counts[k])
    print(f"  citations: {counts['citations']}" + (f" ({statuses})" if statuses else ""))
    print(f"  need review: {counts['need_review']}, uncited items: {counts['uncited']}")
    for f in rep["findings"]:
        print(f"  {f['severity']}: {f['item'] or '-'}: {f['rule']}: {f['message']}")


@verb("check")
def _check(args: argparse.Namespace) -> int:
    brief = Brief.load(args.file)
    rep = brief.check()
    _print_report(rep, args.json, brief.title or "(untitled brief)")
    return 0 if rep["ok"] else 1


@verb("update")
def _update(args: argparse.Namespace) -> int:
    out = Path(args.output or args.file)
    if out.exists() and not args.force:
        hint = "use --force to overwrite" if args.output else "use -o OUT.brief, or --force"
        raise BriefingFileError(out, f"would be overwritten ({hint})")
    brief = Brief.load(args.file)
    if args.source and not brief.has_source(args.source):
        known = ", ".join(s.id for s in brief.sources)
        raise BriefingFileError(args.file, f"has no source {args.source!r} (it has: {known})")
    new = _load_any(args.article)
    rep = brief.update_article(new.article.text, args.source)
    brief.save(out)
    rep["file"] = str(out)
    _print_report(rep, args.json, f"article updated from {args.article}")
    return 0 if rep["ok"] else 1


QUOTE_LIST_FORMATS = ("csv", "json", "xlsx")   # briefing/io/quotes.py: one row per citation


@verb("export")
def _export(args: argparse.Namespace) -> int:
    brief = Brief.load(args.file)
    if args.to in QUOTE_LIST_FORMATS:
        from briefing.io.quotes import export_quote_list
        export_quote_list(brief, args.output, args.to, force=args.force)
        count = sum(max(1, len(item.citations)) for item in brief.items)
        print(f"{args.output}: exported the quote list of {len(brief.items)} items "
              f"({count} rows) as {args.to}")
        return 0
    from briefing.io.export import export_file  # only this verb needs python-docx
    export_file(brief, args.to, args.output, force=args.force, annex=not args.no_annex)
    print(f"{args.output}: exported {len(brief.items)} items as {args.to}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description="Turn a news article into a sourced brief.")
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = p.add_subparsers(dest="verb", metavar="VERB")
    n = sub.add_parser("new", help="start a brief over one or more reports (web page, .mhtml, "
                                   "PDF, .docx, .odt, .txt/.md), one source each")
    n.add_argument("sources", nargs="+", metavar="SOURCE")
    n.add_argument("-o", "--output", required=True, help="the .brief file to write")
    n.add_argument("--title", default="", help="the brief's title")
    n.add_argument("--force", action="store_true", help="overwrite an existing file")
    a = sub.add_parser("add-source", help="add one or more reports to a brief as sources")
    a.add_argument("file", help="the .brief file")
    a.add_argument("sources", nargs="+", metavar="SOURCE")
    a.add_argument("-o", "--output", help="write the brief here instead of FILE")
    a.add_argument("--force", action="store_true", help="overwrite an existing -o file")
    s = sub.add_parser("sentences", help="list the sentences of an article or brief")
    s.add_argument("file")
    s.add_argument("--json", action="store_true", help="JSON: id, start, end, text of each")
    c = sub.add_parser("check", help="validate a brief and list citations needing review and "
                                     "uncited items (never modifies it); exit 1 on findings")
    c.add_argument("file")
    c.add_argument("--json", action="store_true", help="one JSON object: counts, citations, findings")
    u = sub.add_parser("update", help="replace a brief's article with a new version and "
                                      "re-anchor every citation; exit 1 if any needs review")
    u.add_argument("file", help="the .brief file")
    u.add_argument("article", help="the new version of the report (any file `new` accepts)")
    u.add_argument("--source", help="the id of the source to update (default: the first)")
    u.add_argument("-o", "--output", help="write the updated brief here instead of FILE")
    u.add_argument("--force", action="store_true", help="overwrite FILE (or an existing -o file)")
    u.add_argument("--json", action="store_true", help="print the check object of the result")
    e = sub.add_parser("export", help="export a brief to Markdown or Word, or its quote list "
                                      "(one row per citation) to CSV, JSON or Excel")
    e.add_argument("file")
    e.add_argument("--to", choices=("md", "docx", *QUOTE_LIST_FORMATS), required=True)
    e.add_argument("-o", "--output", required=True)
    e.add_argument("--force", action="store_true", help="overwrite an existing file")
    e.add_argument("--no-annex", action="store_true", help="leave out the annotated article annex (md, docx)")
    return p


def _gui(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="briefing", description="Open the Briefing app.")
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    p.add_argument("file", nargs="?", help="a .brief file or an article to open")
    args = p.parse_args(argv)
    from briefing.ui.app import run_app  # Qt is imported here and only here
    return run_app(args.file)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in VERBS or argv[:1] in (["-h"], ["--help"]):
            args = _parser().parse_args(argv)
            return VERBS[args.verb](args)
        return _gui(argv)
    except BriefingFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValueError, TypeError) as exc:  # a bad argument value, e.g. an unknown kind
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `briefing sentences F | head`: the reader left, as with any Unix tool
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit's flush
        return 141  # what a shell reports for a command ended by SIGPIPE
    except OSError as exc:  # anything the verbs did not word themselves: still one line
        print(f"error: {BriefingFileError.from_os_error(exc)}", file=sys.stderr)
        return 2


def gui_main() -> int:
    return main()


if __name__ == "__main__":
    sys.exit(main())
