"""The `briefing` command: new, sentences, check, export; with no verb it opens the app.

Qt is imported only inside the verb that opens the window, so scripting and CI stay
display-free. Every file problem prints one line, `error: FILE: what is wrong`, exit 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Sequence

from briefing import __version__
from briefing.api import Brief
from briefing.core.sections import SECTIONS
from briefing.io.errors import BriefingFileError

VERBS: dict[str, Callable[[argparse.Namespace], int]] = {}


def verb(name: str):
    def register(fn: Callable[[argparse.Namespace], int]):
        VERBS[name] = fn
        return fn
    return register


def _load_any(path: str) -> Brief:
    """A .brief file, or a new brief over an article file (.txt, .md, anything else)."""
    return Brief.load(path) if path.endswith(".brief") else Brief.from_article_file(path)


@verb("new")
def _new(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.exists() and not args.force:
        raise BriefingFileError(out, "already exists (use --force to overwrite)")
    brief = Brief.from_article_file(args.article)
    if args.title:
        brief.set_meta("title", args.title)
    brief.save(out)
    print(f"{out}: new brief over {len(brief.sentences)} sentences")
    return 0


@verb("sentences")
def _sentences(args: argparse.Namespace) -> int:
    brief = _load_any(args.file)
    rows = [{"id": s.id, "start": s.start, "end": s.end, "text": s.text} for s in brief.sentences]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for r in rows:
            print(f"{r['id']}\t{r['start']}-{r['end']}\t{r['text']}")
    return 0


@verb("check")
def _check(args: argparse.Namespace) -> int:
    brief = Brief.load(args.file)
    counts = brief.counts()
    citations = sum(len(i.citations) for i in brief.items)
    orphans = brief.orphaned()
    print(f"{args.file}: ok — {brief.title or '(untitled brief)'}")
    print("  " + ", ".join(f"{s.title.lower()}: {counts[s.kind]}" for s in SECTIONS))
    cited = {c.sentence_id for item in brief.items for c in item.citations}
    print(f"  cited sentences: {len(cited)}")
    print(f"  citations: {citations}, not anchoring: {len(orphans)}")
    for item, c in orphans[:20]:
        print(f"    {item.id} cites {c.sentence_id}: \"{c.exact[:60]}\" is no longer in the article")
    return 0


@verb("export")
def _export(args: argparse.Namespace) -> int:
    from briefing.io.export import export_file  # only this verb needs python-docx
    brief = Brief.load(args.file)
    export_file(brief, args.to, args.output, force=args.force, annex=not args.no_annex)
    print(f"{args.output}: exported {len(brief.items)} items as {args.to}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description="Turn a news article into a sourced brief.")
    p.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = p.add_subparsers(dest="verb", metavar="VERB")
    n = sub.add_parser("new", help="start a brief over an article (.txt/.md)")
    n.add_argument("article")
    n.add_argument("-o", "--output", required=True, help="the .brief file to write")
    n.add_argument("--title", default="", help="the brief's title")
    n.add_argument("--force", action="store_true", help="overwrite an existing file")
    s = sub.add_parser("sentences", help="list the sentences of an article or brief")
    s.add_argument("file")
    s.add_argument("--json", action="store_true", help="JSON: id, start, end, text of each")
    c = sub.add_parser("check", help="validate a .brief file and summarise it (never modifies it)")
    c.add_argument("file")
    e = sub.add_parser("export", help="export a brief to Markdown or Word")
    e.add_argument("file")
    e.add_argument("--to", choices=("md", "docx"), required=True)
    e.add_argument("-o", "--output", required=True)
    e.add_argument("--force", action="store_true", help="overwrite an existing file")
    e.add_argument("--no-annex", action="store_true", help="leave out the annotated article annex")
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


def gui_main() -> int:
    return main()


if __name__ == "__main__":
    sys.exit(main())
