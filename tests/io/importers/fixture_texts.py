"""The words the fixtures were made from: the truth the import tests measure against.

`make_fixtures.py` builds the PDFs, DOCX/ODT and web pages from these; the tests compare
what an importer gives back with them (recall and precision of the article's words).
Each article is a list of blocks: ("h", text) for a heading, ("p", text) for a paragraph.
"""
from __future__ import annotations

SHY = "\u00ad"  # soft hyphen: LibreOffice breaks long words there and prints a hyphen

REPORT_TITLE = "Grain Corridors Under Pressure"
REPORT = [
    ("h", "Summary"),
    ("p", "Exporters along the Black Sea have spent two years rebuilding routes that were "
          "closed almost overnight. This paper follows the cargo, the insurers and the ports "
          "that made the new corridors work, and asks what would happen if a state-backed "
          "insurer withdrew its cover during the autumn harvest."),
    ("p", "We find that the corridors are more resilient than their critics assumed, but "
          "that their resilience rests on a small number of institutions. Three insurers "
          "underwrite most of the hulls; two terminals handle most of the grain; a single "
          "rail operator moves the wagons that feed them."),
    ("h", "How the corridors emerged"),
    ("p", "When the main sea lanes closed, traders turned first to the Danube ports. Barges "
          "carried maize downstream to Constanta, where it was loaded onto larger vessels. "
          "The river route was slow and expensive, yet it kept contracts alive while ship"
          "owners waited for clearer rules on war-risk cover."),
    ("p", "By the following spring, a maritime corridor hugging the western coast had "
          "opened. Its traffic grew quickly: daily sailings rose from three to more than "
          "twenty within four months. Port authorities published schedules, and a state-"
          "backed reinsurance facility capped premiums that private markets had priced out "
          "of reach."),
    ("p", "The facility mattered more than its size suggests. Charterers told us that the "
          "guarantee, rather than the premium itself, persuaded lenders to finance cargoes "
          "again. One broker described it as the difference between a market and a rumour."),
    ("h", "Who carries the risk"),
    ("p", "Risk in the corridor is carried by a chain of contracts. The cargo owner buys "
          "marine cargo insurance; the shipowner buys hull and machinery cover and a "
          "separate war-risk policy; the war-risk insurer reinsures part of its exposure with "
          "the state facility. Each link has its own exclusions and its own cancellation "
          "notice, usually seven days."),
    ("p", "Table 1 sets out the share of sailings covered by each kind of policy in the "
          "first half of the year. The numbers show how quickly private insurers returned "
          "once the facility absorbed the tail risk, and how concentrated the market "
          "remained."),
    ("p", "Seven-day notice periods are the weak point. If a single attack prompted the main "
          "insurers to cancel at once, ships already at sea would lose cover mid-voyage. "
          "Several captains we interviewed said they would turn back rather than sail "
          "uninsured, and their owners agreed."),
    ("h", "Ports and railways"),
    ("p", "On land the bottlenecks are older. Wagons queue for days at the border because "
          "the track gauges differ and transshipment yards were built for a smaller "
          "trade. Operators added night shifts and leased cranes from neighbouring "
          "countries, which shortened queues without removing them."),
    ("p", "Storage is the other constraint. Elevators near the ports filled in the first "
          "autumn, and farmers inland held grain in temporary sleeves on open ground. Losses "
          "from damp and rodents were modest, but they fell on the farmers least able to "
          "absorb them."),
    ("p", "Figure 1 compares monthly throughput at the two largest terminals with the "
          "number of wagons waiting at the border. The curves move together: every week of "
          "congestion on the railway shows up as an empty berth a fortnight later."),
    ("h", "What could go wrong"),
    ("p", "We modelled three shocks: the withdrawal of the state-backed facility, the loss "
          "of one of the two main terminals, and a month-long closure of the rail crossing. "
          "The first is the most damaging, because it would reprice every voyage at once. "
          "The second and third hurt less, as traffic shifts to the Danube within weeks."),
    ("p", "Policy makers can reduce the damage cheaply. Longer notice periods for war-risk "
          "cancellation, a standby agreement with a second reinsurer, and pre-approved "
          "diversion routes for ships at sea would each cost little in calm months and "
          "save a great deal in a crisis."),
    ("h", "Conclusion"),
    ("p", "The corridors were improvised, but they now carry a large share of the region's "
          "exports. Their strength lies in a handful of institutions that traders trust. "
          "Protecting that trust, rather than adding capacity, is the best use of the next "
          "public dollar spent on them."),
]
# Words LibreOffice may break at line ends (each gets soft hyphens in the PDF source).
SOFT_HYPHENATED = ("resilience", "institutions", "underwrite", "transshipment",
                   "reinsurance", "congestion", "throughput", "neighbouring", "cancellation",
                   "constraint", "temporary", "interviewed", "improvised", "expensive")
TABLE_CAPTION = "Table 1. Share of sailings by cover, first half of the year"
TABLE = [("Cover", "January", "June"), ("Private only", "12%", "41%"),
         ("Private with state reinsurance", "63%", "52%"), ("Uninsured", "25%", "7%")]
FIGURE_CAPTION = "Figure 1. Terminal throughput and wagons waiting at the border"
RUNNING_HEADER = "Institute for Maritime Policy · Working Paper 14"
RUNNING_FOOTER = "Grain Corridors Under Pressure — draft for comment"

MEMO_TITLE = "Fisheries Talks: Where the Parties Stand"
MEMO_AUTHOR = "Dana Whitlock"
MEMO = [
    ("h", "Background"),
    ("p", "Negotiators from the three coastal states met in Tromsø last week for the fourth "
          "round of talks on mackerel quotas. The stock has moved north as the sea warmed, "
          "and each state now claims a larger share than the science can support."),
    ("p", "The previous agreement expired in December. Since then, each state has set its "
          "own quota, and the sum of those quotas exceeds the scientific advice by about "
          "forty per cent."),
    ("h", "Positions"),
    ("p", "Norway wants shares to follow the zonal attachment of the stock, measured by "
          "surveys over the past decade. Iceland argues that the surveys undercount fish in "
          "its waters during the summer feeding season and wants an independent review."),
    ("p", "The Faroe Islands have proposed a temporary cut of ten per cent for all parties "
          "while the review runs. Officials described the proposal as a bridge rather than "
          "a settlement, and none of the delegations rejected it outright."),
    ("h", "Outlook"),
    ("p", "A deal before the spring season is possible but unlikely. Retailers in Britain "
          "and Germany have warned that they may stop buying mackerel if the fishery loses "
          "its sustainability certificate, which adds pressure on all three governments."),
    ("p", "We expect the next round to focus on the review's terms of reference. If the "
          "parties agree on who runs it, a temporary quota could follow within weeks."),
]
MEMO_FOOTNOTES = {
    1: "Joint communiqué of the coastal states, fourth round, Tromsø.",
    2: "Advice on mackerel in the Northeast Atlantic, published in September.",
    3: "Statement by the retailers' sourcing group, issued in January.",
}
# after which paragraph (index into MEMO) each footnote's reference follows
MEMO_FOOTNOTE_AT = {1: 1, 2: 2, 3: 7}

NEWS_TITLE = "Port strike halts container traffic for a third day"
NEWS_SITE = "The Harbour Ledger"
NEWS_AUTHOR = "Maria Okonkwo"
NEWS_DATE = "2024-03-14"
NEWS_URL = "https://www.harbourledger.example/business/2024/03/14/port-strike-third-day"
NEWS = [
    ("p", "Container traffic at the country's largest port stayed frozen on Thursday as a "
          "strike by crane operators entered its third day, leaving more than forty ships "
          "waiting at anchor and importers scrambling to reroute cargo."),
    ("p", "The union representing the operators said talks with the port authority had "
          "broken down overnight over the introduction of remote-controlled cranes, which "
          "it says will cut hundreds of jobs over the next five years."),
    ("p", "“We are not against technology,” said Pieter Van Dam, the union's chief "
          "negotiator, speaking outside the terminal gates. “We are against being told about "
          "it the week it arrives.”"),
    ("h", "Shippers count the cost"),
    ("p", "Freight forwarders estimated that the stoppage was delaying goods worth about "
          "€120 million a day. Several large retailers said they had begun sending "
          "containers to ports across the border, adding two days to delivery times."),
    ("p", "The port authority said it had offered a retraining programme and a guarantee "
          "of no compulsory redundancies until 2027. A spokeswoman, Ingrid Solberg, said the "
          "authority remained “ready to talk at any hour.”"),
    ("h", "Government urges a quick settlement"),
    ("p", "The transport minister called on both sides to return to the table, but ruled "
          "out intervening directly. Economists warned that a strike lasting into next week "
          "could shave a tenth of a percentage point off quarterly growth."),
    ("p", "Talks are due to resume on Friday morning under a mediator appointed by the "
          "labour court."),
]

BLOG_TITLE = "Why I stopped trusting satellite ship tracking (a little)"
BLOG_SITE = "Open Source Notes"
BLOG_AUTHOR = "Sam Reyes"
BLOG_DATE = "2023-11-02"
BLOG = [
    ("p", "For years my workflow for tracing a cargo began with AIS data: the signals ships "
          "broadcast about their position, course and speed. It is free, it is global, and "
          "it is usually right. This post is about the times it is not."),
    ("h", "Spoofing is cheap"),
    ("p", "A transponder reports whatever position its software is told to report. Over "
          "the past year I have logged dozens of tankers whose tracks jump hundreds of "
          "kilometres in a minute, or circle perfectly in open water for days."),
    ("p", "The circles are the giveaway. Real ships drift with wind and current; a spoofed "
          "track draws geometry that no helmsman would steer."),
    ("h", "What I check now"),
    ("p", "I compare every interesting track with at least one independent source: "
          "commercial satellite imagery, port call records, or photographs posted by "
          "ship spotters. When two of them agree, I write it up. When they do not, I say so."),
    ("p", "None of this makes AIS useless. It makes it a lead, not a finding, which is how "
          "every other single source should be treated too."),
]

GOV_TITLE = "Ministry announces new rules for inland waterway safety"
GOV_SITE = "Ministry of Infrastructure and Water"
GOV_DATE = "2024-05-21"
GOV = [
    ("p", "The Ministry of Infrastructure and Water today published new rules to improve "
          "safety on inland waterways, following a consultation with operators, unions and "
          "local authorities that ran from January to March."),
    ("p", "From 1 September, all passenger vessels longer than twenty metres must carry an "
          "automatic identification system and keep it switched on while under way. "
          "Freight barges carrying dangerous goods will need a second qualified crew member "
          "on night voyages."),
    ("h", "Inspections and enforcement"),
    ("p", "The inspectorate will double the number of unannounced checks at locks and "
          "bridges. Operators found without a working identification system face a fine of "
          "up to €8,700 and may be barred from sailing until the fault is fixed."),
    ("p", "The minister said the rules respond directly to last year's collision near the "
          "Maas locks, in which two crew members were injured. An independent review found "
          "that neither vessel could see the other on its display."),
    ("h", "Support for small operators"),
    ("p", "Owners of small passenger boats can apply for a grant covering half the cost of "
          "the equipment, up to €2,500 per vessel. Applications open on 1 June and close "
          "at the end of the year."),
]

MHTML_TITLE = "Drought pushes river freight rates to record high"
MHTML_SITE = "Rhine Courier"
MHTML_URL = "https://rhinecourier.example/news/drought-freight-rates"
MHTML = [
    ("p", "Freight rates on the Rhine rose to a record on Monday as low water forced barges "
          "to sail with a third of their usual load, according to figures from the "
          "shipping exchange in Duisburg."),
    ("p", "The water level at Kaub, the shallowest point on the route, fell below forty "
          "centimetres overnight. Below that mark many operators stop sailing altogether."),
    ("h", "Chemical makers switch to rail"),
    ("p", "Chemical companies along the river said they had moved part of their supply to "
          "rail and road, at higher cost. One producer said it had cut output at a plant "
          "that depends on barge deliveries of raw materials."),
    ("p", "Forecasters expect rain later in the week, but said it would take several days "
          "of steady rainfall in the Alps before levels recover."),
]


def plain(blocks) -> str:
    """The article as text: the words the tests expect."""
    return "\n\n".join(text.replace(SHY, "") for _, text in blocks)


def headings(blocks) -> list[str]:
    return [text for kind, text in blocks if kind == "h"]
