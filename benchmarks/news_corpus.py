"""Deterministic generator of realistic English news text for benchmarks.

Why hand-written paragraphs: speed of text-processing code depends on the
density of punctuation, abbreviations, quotes and line breaks, so synthetic
lorem-ipsum would flatter every tool.  These paragraphs imitate wire copy
(abbreviations, initials, numbers, quotes, ellipses, lists) and are shuffled
with a seeded RNG, under headings, into a text of any requested size.
"""

from __future__ import annotations

import random

HEADINGS = [
    "Markets Rally After Rate Decision",
    "Top-Secret Clearance",
    "What Comes Next",
    "Kremlin Affirms Space-Related Communication",
    "A Divided Congress",
    "Analysis: The Numbers Behind the Deal",
    "Reaction From Abroad",
    "Timeline",
    "Background",
    "Election Day Logistics",
]

PARAGRAPHS = [
    "The U.S. Federal Reserve held interest rates steady on Wednesday, leaving its benchmark at 5.25% to 5.5%. "
    "Fed Chair Jerome H. Powell said inflation had eased but remained \"too high.\" Markets rose 1.2% in late trading.",

    "Dr. Amelia Ortiz, a virologist at Johns Hopkins Univ., said the new variant spread faster than earlier strains. "
    "\"We are not there yet,\" she said. \"But the data from the past two weeks is encouraging.\"",

    "Shares of Acme Corp. fell 8% after the company cut its forecast. Acme Inc. CEO Mark T. Hughes told analysts the "
    "slowdown was temporary. He expects revenue of $1.2 billion in the fiscal year ending Sept. 30.",

    "At 5 a.m. Monday, officials closed the bridge. It reopened at 2:30 p.m. after inspectors found no damage. "
    "Traffic was diverted via Route 9 and Main St. for most of the day.",

    "Sen. Elizabeth Warren, D-Mass., and Rep. Jim Jordan, R-Ohio, rarely agree on anything. On Tuesday they did. "
    "Both signed a letter asking the Dept. of Justice to review the merger.",

    "The report, published Jan. 15, runs to 312 pages. It lists three options: (1) raise taxes, (2) cut spending, "
    "or (3) borrow more. None is popular with voters, according to a poll by Gallup Inc.",

    "\"Is this the end of the road?\" asked one protester outside the courthouse. Another shouted, \"No!\" "
    "Police said about 2,000 people attended the rally, which ended peacefully shortly after 9 p.m.",

    "Prime Minister Rishi Sunak met President Emmanuel Macron in Paris on Friday. The two leaders discussed "
    "migration, defence spending and the war in Ukraine. A joint statement is expected next week.",

    "The company, founded in 1998 by brothers Samuel and David J. Klein, employs 4,500 people in the U.K. and "
    "Ireland. Its headquarters in Manchester will close by Dec. 31, a spokesman said.",

    "Oil prices climbed to $87.40 a barrel, the highest level since Nov. 2022. Analysts at Goldman Sachs Group Inc. "
    "raised their forecast, citing supply cuts by OPEC+ members, e.g. Saudi Arabia and Russia.",

    "Mr. Johnson declined to comment. His lawyer, Ms. Patricia Green, said her client \"looks forward to clearing "
    "his name.\" The trial is scheduled to begin on March 4 in Courtroom No. 5.",

    "Wait... what happened next? Witnesses said the car swerved, hit a barrier and rolled twice. The driver, "
    "a 34-year-old man from St. Louis, was taken to hospital with minor injuries.",

    "The vote was 52 to 48. Vice President Kamala Harris did not need to cast a tie-breaking vote. "
    "Republicans called the bill \"a giveaway\"; Democrats said it would lower costs for families.",

    "Gen. Mark A. Milley, the former chairman of the Joint Chiefs of Staff, testified for 6 hours. He said the "
    "U.S. military was \"ready for any contingency.\" Lawmakers pressed him on the withdrawal from Kabul.",

    "According to the U.N. refugee agency, more than 6.3 million people have fled the country since Feb. 24, 2022. "
    "Most went to Poland, Germany and the Czech Republic, i.e. neighbouring or nearby states.",

    "The measure passed the House 220-207 on Thursday. It now goes to the Senate, where its fate is uncertain. "
    "\"We have the votes,\" Majority Leader Chuck Schumer said. Others were less sure.",

    "Tesla delivered 435,059 vehicles in the quarter, up 6.4% from a year earlier. Elon Musk wrote on X that the "
    "results were \"solid.\" The stock rose 3.1% in premarket trading in New York.",

    "Scientists at the Max Planck Institute in Germany said the discovery could explain why some stars dim "
    "suddenly. The findings were published in Nature (Vol. 612, pp. 45-49). Further tests are planned.",

    "In a statement, the Ministry of Defence said two drones were shot down overnight. No casualties were "
    "reported. Officials did not say where the drones were launched from.",

    "Ms. Chen, 42, grew up in Taipei and moved to San Francisco in 2004. She founded the start-up with $50,000 "
    "from friends and family. Today it is valued at roughly $3.5 billion, according to PitchBook.",

    "Some key dates: Oct. 1 - registration closes. Oct. 15 - early voting begins. Nov. 5 - Election Day. "
    "Results in close states may take several days, officials warned.",

    "The storm made landfall near Tampa at about 11 p.m. Wednesday as a Category 3 hurricane. More than "
    "1.1 million homes lost power. Gov. Ron DeSantis urged residents to stay indoors until Thursday afternoon.",

    "\"I don't know,\" Smith said when asked about the deal. \"Maybe next year.\" His comments sent shares of "
    "Pitt, Briggs & Co. down 4%. The firm did not respond to a request for comment.",

    "The central bank of Japan kept its policy rate at -0.1%. The yen weakened to 151.9 per dollar, near a "
    "34-year low. Traders said intervention by the Ministry of Finance was possible.",

    "Donald J. Trump won the Iowa caucuses by about 30 percentage points. Nikki Haley and Ron DeSantis trailed far "
    "behind. The next contest is in New Hampshire on Jan. 23.",

    "Critics say the plan goes too far. Supporters say it doesn't go far enough! Either way, the debate is likely "
    "to continue well into 2025 . . . and possibly beyond.",
]


def make_news_text(n_bytes: int, seed: int = 0) -> str:
    """Return news-like text of n_bytes UTF-8 bytes (the last paragraph is cut).

    Paragraphs are drawn from the pool with a seeded RNG; about a third are
    preceded by a heading on its own line, and blank lines separate them, as
    in the editor's documents.  Same seed, same text.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        if rng.random() < 0.35:
            parts.append(rng.choice(HEADINGS))
        parts.append(rng.choice(PARAGRAPHS))
        size += len(parts[-1].encode("utf-8")) + 2
    data = ("\n\n".join(parts) + "\n").encode("utf-8")
    return data[: max(n_bytes, 0)].decode("utf-8", "ignore")


if __name__ == "__main__":
    print(make_news_text(3000, seed=1))
