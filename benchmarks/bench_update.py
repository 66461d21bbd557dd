"""`briefing update` of the large brief against a new version of its 1 MB article.

The new version rewords 10% of the cited sentences (a word swapped, one dropped) and
shuffles the paragraphs, so most citations move and a tenth must be found fuzzily.
Target (issue 9): <= 2 s for the update; loading an unchanged brief stays <= 200 ms.
"""
from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from large_inputs import DATA, build_large_brief, large_article_path  # noqa: E402
from timing import measure, row  # noqa: E402

from briefing import Brief  # noqa: E402

SURNAMES = ("Abbott Baker Chen Diaz Evans Fischer Garcia Haddad Ito Jensen Kowalski Larsen "
            "Mendes Novak Okafor Petrov Quinn Rossi Sato Tanaka Ueda Varga Weber Xu Young Zhou").split()


def unique_article() -> Path:
    """The benchmark article with names and numbers varied per sentence, so that (as in a real
    long report) most sentences occur once: the generated corpus repeats each ~200 times,
    and a quote with 200 identical copies in identical paragraphs is honestly ambiguous."""
    path = DATA / "article-1mb-unique.txt"
    if not path.exists():
        rng = random.Random(5)
        text = large_article_path().read_text(encoding="utf-8")
        text = re.sub(r"\d+", lambda m: str(rng.randrange(10, 99999)), text)
        text = re.sub(r"(?<=[a-z,] )[A-Z][a-z]{3,}", lambda m: rng.choice(SURNAMES), text)
        path.write_text(text, encoding="utf-8")
    return path


def large_unique_brief_path() -> Path:
    path = DATA / "large-unique.brief"
    if not path.exists():
        build_large_brief(article=unique_article()).save(path)
    return path


def reworded_version(brief: Brief, seed: int = 11) -> str:
    """The article with 10% of cited sentences reworded and its paragraphs shuffled."""
    rng = random.Random(seed)
    text = brief.article.text
    cited = sorted({c.start: c for i in brief.items for c in i.citations}.values(), key=lambda c: c.start)
    chosen = {c.start: c for c in rng.sample(cited, len(cited) // 10)}
    out, at = [], 0
    for start in sorted(chosen):
        c = chosen[start]
        words = c.exact.split()
        if len(words) > 4:
            words[1], words[2] = words[2], words[1]
            del words[-2]
        out += [text[at:c.start], " ".join(words)]
        at = c.end
    out.append(text[at:])
    paragraphs = "".join(out).split("\n\n")
    rng.shuffle(paragraphs)
    return "\n\n".join(paragraphs)


def main() -> None:
    path = large_unique_brief_path()
    brief = Brief.load(path)
    dup = len(brief.sentences) - len({s.text for s in brief.sentences})
    print(f"article: {len(brief.sentences)} sentences, {dup} repeats of another")
    folder = Path(tempfile.mkdtemp())
    article = folder / "new-version.txt"
    article.write_text(reworded_version(brief), encoding="utf-8")
    print(row("open the unchanged brief (Brief.load)", measure(lambda: Brief.load(path)), 200))
    fresh = [Brief.load(path) for _ in range(4)]  # one warm-up + three runs
    text = article.read_text(encoding="utf-8")
    print(row("plan + apply the update (API)", measure(lambda: fresh.pop().update_article(text), runs=3), 2000))
    cmd = [sys.executable, "-m", "briefing", "update", str(path), str(article),
           "-o", str(folder / "updated.brief"), "--force", "--json"]
    print(row("`briefing update` (whole process)",
              measure(lambda: subprocess.run(cmd, capture_output=True), runs=3), 2000))
    report = Brief.load(folder / "updated.brief").check()
    print("statuses after update:", {k: v for k, v in report["counts"].items()
                                     if k in ("exact", "moved", "fuzzy", "ambiguous", "orphaned")})
    r = subprocess.run(cmd, capture_output=True, text=True)
    import json
    counts = json.loads(r.stdout)["counts"]
    print("statuses the update reported:", {k: counts[k] for k in
                                            ("exact", "moved", "fuzzy", "ambiguous", "orphaned")})


if __name__ == "__main__":
    main()
