"""The words of the "unseen" fixtures (make_unseen_fixtures.py): layouts unlike the first
set, built to find where the importers break. Blocks as in fixture_texts: ("h", heading),
("p", paragraph); a live blog's updates are ("t", timestamp) + ("h", headline) + ("p", ...).
"""
from __future__ import annotations

# ---- web: a live blog ------------------------------------------------------------------
LIVE_TITLE = "Budget day live: chancellor sets out spending plans"
LIVE_SITE = "Westminster Daily"
LIVE_URL = "https://westminsterdaily.example/politics/live/budget-day"
LIVE_DATE = "2025-03-26"
# (time, headline or "", text) newest first, as live blogs show them
LIVE = [
    ("14:52", "Markets shrug off the statement",
     "Gilt yields barely moved after the speech ended. Traders said most of the measures had "
     "been briefed to newspapers in advance, leaving little to surprise the market."),
    ("14:40", "",
     "The opposition leader called the budget a plan for managed decline and said families "
     "would notice the fuel duty rise long before they saw any new hospitals."),
    ("14:31", "Fuel duty goes up by three pence",
     "The freeze on fuel duty ends in September. The chancellor said the rise would raise two "
     "billion pounds a year, to be spent on road maintenance."),
    ("14:18", "",
     "A short one: the tax-free personal allowance stays where it is until 2028."),
    ("14:09", "Defence spending to reach 2.5% sooner",
     "The chancellor confirmed that defence spending will rise to two and a half per cent of "
     "national income by 2027, a year earlier than planned. Officials said the money would go "
     "first to ammunition stocks and naval repairs."),
    ("13:55", "",
     "Our economics editor notes that the growth forecast for this year has been cut from "
     "one point five to one point one per cent, the third downgrade in twelve months."),
    ("13:47", "Hospitals get a capital boost",
     "Six billion pounds over four years will go to hospital buildings in England, with "
     "priority for sites where concrete panels have been found to be unsafe."),
    ("13:38", "",
     "The chancellor is on her feet. She opened by saying the country faced hard choices but "
     "would not return to austerity."),
    ("13:20", "",
     "MPs are filing into a packed chamber. Several ministers were seen reading copies of the "
     "red book that had been handed out minutes earlier."),
    ("12:58", "What to expect",
     "Treasury sources have trailed three big announcements: defence, hospitals and a change "
     "to fuel duty. Economists expect the independent forecaster to cut its growth numbers."),
]
LIVE_KEY_EVENTS = ["Markets shrug off the statement", "Fuel duty goes up by three pence",
                   "Defence spending to reach 2.5% sooner"]


def live_plain() -> str:
    out = []
    for time, head, text in LIVE:
        out += [time] + ([head] if head else []) + [text]
    return "\n\n".join(out)


# ---- web: a story in <div class="story-body">, no <article> ---------------------------
STORY_TITLE = "Water company fined record sum over sewage spills"
STORY_SITE = "Valley Gazette"
STORY = [
    ("p", "A water company has been fined a record ninety million pounds after admitting "
          "that it released untreated sewage into rivers on more than six thousand occasions "
          "over five years."),
    ("p", "The judge said the company had shown a deliberate disregard for the environment "
          "and had misled the regulator about the state of its treatment works. Several "
          "sites had operated without working flow meters for years."),
    ("h", "Anglers gave the first warning"),
    ("p", "The case began when a group of anglers noticed dead fish below an outfall on the "
          "river Test. They photographed the discharge, took samples in jam jars and sent "
          "the results to the local council, which passed them on to inspectors."),
    ("p", "Inspectors later found that pumps at four works had been switched off at night to "
          "save electricity, sending sewage straight into the river. The company's lawyers "
          "said the decision had been taken by local managers without approval."),
    ("h", "Bills will not rise, company says"),
    ("p", "The company said the fine would be paid by shareholders and would not be added to "
          "customers' bills. Campaigners were sceptical, pointing out that the regulator had "
          "approved higher charges only last month to pay for new storm tanks."),
    ("p", "The environment secretary said the ruling sent a clear message that polluters "
          "would pay, and promised new powers to ban bonuses at firms that break the law."),
]

# ---- web: a long comment section and a "most read" sidebar -----------------------------
COMMENTED_TITLE = "Why the four-day week trial surprised its own organisers"
COMMENTED_SITE = "The Workplace Review"
COMMENTED_AUTHOR = "Priya Raman"
COMMENTED = [
    ("p", "When sixty companies agreed to try a four-day week without cutting pay, the "
          "organisers expected a handful to drop out within months. Instead, almost all of "
          "them kept the shorter week after the trial ended, and a third made it permanent."),
    ("p", "The results were not uniform. Firms that redesigned meetings and cut internal "
          "e-mail saw productivity hold steady. Firms that simply squeezed five days of work "
          "into four reported more stress, not less, and several of those went back."),
    ("h", "Managers were the sceptics"),
    ("p", "Interviews with staff found that middle managers were the least enthusiastic. "
          "Many felt they were expected to cover the fifth day themselves, answering clients "
          "while their teams were off. Some firms solved this with rotas; others did not."),
    ("p", "Researchers also found that the gains were largest in offices and smallest in "
          "shops and care homes, where the work is tied to opening hours and cannot easily "
          "be compressed."),
    ("h", "What happens next"),
    ("p", "Two regional governments have offered grants to companies that want to run their "
          "own trials. The organisers say the next round will include more manufacturers and "
          "will track sickness absence for two full years."),
]
COMMENT_AUTHORS = ["harbourlight", "M. Okafor", "anon_accountant", "grumpy_in_leeds", "teacher_jo",
                   "Rob W", "nightshiftnurse", "econ_student", "Fiona", "dave1971", "S. Lindqvist",
                   "paralegal_pete", "carer_of_two", "Yusuf", "old_hand"]
COMMENT_TEXTS = [
    "We tried this at our design studio and nobody wants to go back. The trick was banning meetings on Fridays before we even started.",
    "Four days sounds great until you work in a hospital. Who covers the wards on the fifth day?",
    "The article glosses over the fact that the companies volunteered. Of course they liked it.",
    "I manage a team of twelve and I ended up working five days anyway, just unpaid on the fifth.",
    "Schools could never do this, but I would love to see it tried in the admin offices at least.",
    "Selection bias aside, the sickness numbers are impressive. I would like to see the raw data.",
    "Night shifts already feel like a four-day week, just a very long one.",
    "My dissertation is on this topic and the long-term results are much more mixed than reported.",
    "Our council tried it for the planning department and the backlog went down, not up.",
    "In my day we worked six days and were glad of it. Soft, the lot of them.",
    "Sweden tried six-hour days in a care home years ago and it cost too much to continue.",
    "Billable hours do not care how many days you spread them across, unfortunately.",
    "As a carer, a fifth day free would mean I could actually see a doctor myself.",
    "It works in software. Whether it works in a warehouse is a completely different question.",
    "Read the full report, not the summary. The productivity data is self-reported.",
]
MOST_READ = ["Interest rates held for the fourth month running",
             "The hidden cost of hybrid working for young staff",
             "Ten questions to ask before you accept a job offer",
             "Union wins back pay for thousands of delivery riders",
             "Why nobody reads the staff handbook, and what to do about it"]

# ---- web: <title> with a " - Site Name" suffix, og:title --------------------------------
SUFFIX_TITLE = "Dutch-German power cable approved after two-year delay"
SUFFIX_SITE = "Northern Energy Wire"
SUFFIX = [
    ("p", "Regulators in the Netherlands and Germany have approved a new undersea power cable "
          "linking wind farms in the North Sea to both grids, ending a two-year dispute over "
          "who should pay for the connection."),
    ("p", "The cable will carry two gigawatts, enough for about two million homes, and is due "
          "to enter service in 2031. Grid operators on both sides will share its cost in "
          "proportion to the power each country expects to take."),
    ("p", "Industry groups welcomed the decision but warned that permits for the onshore "
          "substations could still take years. Environmental groups asked for the cable route "
          "to avoid a protected sandbank where porpoises breed."),
]

# ---- web: paragraphs separated by <br><br> ---------------------------------------------
BR_TITLE = "Village votes to keep its last post office open"
BR_SITE = "Dales Weekly"
BR = [
    "Residents of Upper Wharfedale voted on Saturday to take over the running of the village "
    "post office, which had been due to close at the end of the month.",
    "More than two hundred people attended the meeting in the church hall, and all but four "
    "voted in favour of forming a community company to buy the business.",
    "The postmistress, who has run the branch for thirty-one years, said she was delighted. "
    "She will stay on for a year to train volunteers.",
    "The nearest alternative branch is eleven miles away, and the bus service runs only twice a "
    "day. Older residents said the closure would have cut them off from their pensions.",
    "The parish council has pledged five thousand pounds towards the purchase. A further "
    "appeal will be launched at the village show in August.",
]

# ---- web: a German news page (windows-1252) --------------------------------------------
DE_TITLE = "Bahnstreik legt Güterverkehr in ganz Deutschland lahm"
DE_SITE = "Rheinischer Anzeiger"
DE_AUTHOR = "Katrin Müller"
DE_DATE = "2025-01-15"
DE = [
    ("p", "Ein bundesweiter Streik der Lokführer hat am Mittwoch den Güterverkehr auf der "
          "Schiene weitgehend zum Erliegen gebracht. Nach Angaben der Bahn standen mehr als "
          "zweitausend Güterzüge still, vor allem in den Häfen von Hamburg und Duisburg."),
    ("p", "Die Gewerkschaft fordert eine Verkürzung der Wochenarbeitszeit von achtunddreißig "
          "auf fünfunddreißig Stunden bei vollem Lohnausgleich. Die Bahn hält das für nicht "
          "finanzierbar und verweist auf den Mangel an Fachkräften."),
    ("h", "Industrie warnt vor Engpässen"),
    ("p", "Chemie- und Stahlunternehmen warnten, dass bereits nach drei Streiktagen Rohstoffe "
          "knapp werden könnten. „Wir können Kohle und Erz nicht einfach auf Lastwagen "
          "umladen“, sagte ein Sprecher eines großen Stahlherstellers in Duisburg."),
    ("p", "Der Verkehrsminister rief beide Seiten zu einer Schlichtung auf. Ein Eingreifen "
          "der Regierung lehnte er jedoch ab: Die Tarifautonomie sei ein hohes Gut."),
    ("h", "Wie es weitergeht"),
    ("p", "Der Streik soll nach Angaben der Gewerkschaft bis Freitagmorgen dauern. Für die "
          "kommende Woche sind neue Gespräche geplant, ein Termin steht aber noch nicht fest."),
]

# ---- PDF: a single-column think-tank report, footnotes, a contents page ----------------
TT_TITLE = "Cheap Drones, Costly Defences"
TT_SUBTITLE = "Air defence economics after the Red Sea campaign"
TT_AUTHOR = "Helena Strand and Tomás Ferreira"
TT_INSTITUTE = "Baltic Security Forum"
TT = [
    ("h", "1. Introduction"),
    ("p", "For most of the past two decades, air defence was planned around a small number of "
          "expensive threats: aircraft, cruise missiles and ballistic missiles. The campaign "
          "against shipping in the Red Sea showed a different problem. Warships fired "
          "interceptors costing more than a million dollars each at drones that cost a few "
          "tens of thousands to build."),
    ("p", "This paper asks whether the cost exchange matters, and if so, what navies and "
          "armies should buy instead. We draw on public procurement data, interviews with "
          "officers from five navies, and published accounts of engagements at sea."),
    ("h", "2. The cost exchange"),
    ("p", "Critics of current practice often compare the unit price of an interceptor with "
          "the unit price of a drone. That comparison is misleading, because the defender is "
          "protecting a ship worth hundreds of millions and a cargo worth more. Yet the "
          "comparison still matters for one reason: magazine depth."),
    ("p", "A destroyer carries a fixed number of missiles and cannot reload at sea. Once its "
          "cells are empty it must sail to a friendly port, which in the Red Sea meant a "
          "voyage of several days. Every interceptor spent on a cheap drone is one fewer "
          "available for a ballistic missile later in the same patrol."),
    ("p", "Our estimates suggest that during the busiest month of the campaign the deployed "
          "ships fired roughly a tenth of their combined interceptor stock. At that rate a "
          "task group would need to rotate ships every six to eight weeks, which is what in "
          "practice happened."),
    ("h", "3. Cheaper layers"),
    ("p", "Three kinds of cheaper defence are available or close to service. Guns firing "
          "programmable ammunition can destroy slow drones at short range for a few thousand "
          "dollars per engagement. Laser weapons promise a cost per shot measured in dollars, "
          "but remain sensitive to weather and need a great deal of electrical power."),
    ("p", "The third option is the interceptor drone: a small, reusable or cheap aircraft "
          "that rams or nets its target. Several armies have fielded such systems on land, "
          "and trials at sea have begun. None of these replace missiles against fast "
          "threats, but together they could absorb most of the cheap attacks."),
    ("h", "4. Recommendations"),
    ("p", "Navies should plan magazines around the expected mix of threats rather than the "
          "most dangerous one alone. In practice this means fitting guns and, where space "
          "allows, lasers to every escort, and buying interceptor drones in large numbers."),
    ("p", "Procurement rules also need attention. Buying a few thousand cheap drones is "
          "harder for most ministries than buying a hundred expensive missiles, because the "
          "rules were written for long programmes with a single prime contractor. Allies "
          "should agree common standards so that stocks can be shared in a crisis."),
]
TT_FOOTNOTES = {  # paragraph index in TT -> footnote texts placed at its end
    1: ["Figures from the US Navy's public statements and budget documents, January 2024."],
    5: ["Interview with a frigate commander, Souda Bay, May 2024."],
    6: ["Authors' calculation from reported engagements; see the annex for the method."],
    8: ["Army trials in 2023 reported a cost per engagement below five thousand dollars.",
        "Power needs from manufacturer data for a fifty kilowatt class system."],
    12: ["European Defence Agency, common procurement guidance, 2023 edition."],
}
TT_CONTENTS = [("1. Introduction", "3"), ("2. The cost exchange", "3"), ("3. Cheaper layers", "4"),
               ("4. Recommendations", "5")]


def tt_plain() -> str:
    """The article's words: the title page's lines, the body and every footnote."""
    notes = [text for n in sorted(TT_FOOTNOTES) for text in TT_FOOTNOTES[n]]
    return "\n\n".join([TT_SUBTITLE, TT_AUTHOR, TT_INSTITUTE]
                       + [text for _, text in TT] + notes)


# ---- PDF: running header with the page number ("Report title | 3") ----------------------
RH_TITLE = "Inland Ports and the Energy Transition"
RH_HEADER = "Inland Ports and the Energy Transition"
RH = [
    ("h", "Overview"),
    ("p", "Inland ports were built for coal, ore and grain. As coal traffic falls and "
          "electricity replaces fuel oil, many of them face the loss of their largest "
          "customers within a decade. This report looks at twelve ports on the Rhine, the "
          "Danube and the Elbe, and at what they are doing about it."),
    ("p", "Some are turning themselves into energy hubs, with hydrogen electrolysers, "
          "battery storage and charging points for electric barges. Others are betting on "
          "containers and building new quays for the trade that lorries lose to water "
          "when road tolls rise."),
    ("h", "Coal and what replaces it"),
    ("p", "In 2015 coal made up more than a third of the tonnage handled at the twelve ports. "
          "By 2024 the share had fallen to a tenth, and several power stations that took "
          "coal by barge have closed. Port authorities expect the remaining coal traffic to "
          "end by the early 2030s."),
    ("p", "The land freed by closing coal yards is valuable, because it sits on deep water "
          "with rail connections. Three ports have sold such land to logistics companies; "
          "others have kept it for industrial users who need to ship heavy components, such "
          "as makers of wind turbine blades."),
    ("p", "Hydrogen is the most talked about replacement and the least certain. Two ports "
          "have built pilot electrolysers, but none has a customer willing to sign a long "
          "contract at today's prices. Without subsidies, the hydrogen produced costs three "
          "to four times as much as gas."),
    ("h", "Electric barges"),
    ("p", "Battery barges already operate on short routes in the Netherlands, swapping "
          "containers of batteries at terminals instead of charging for hours. The model "
          "works where distances are short and traffic is regular, and fails on long, "
          "irregular voyages."),
    ("p", "Ports that want to attract such vessels need grid connections that many of them "
          "lack. Waiting times for a new high-voltage connection now exceed five years in "
          "parts of Germany, longer than the planning horizon of most barge operators."),
    ("h", "Money and governance"),
    ("p", "Most inland ports are owned by cities or regions and run on thin margins. They "
          "cannot borrow the sums needed for new quays and energy infrastructure without "
          "guarantees from their owners, and those owners face their own budget pressures."),
    ("p", "We recommend that national governments treat inland ports as part of the energy "
          "grid rather than as local transport assets. That would open access to the funds "
          "now reserved for grid operators and give ports a voice in national planning."),
    ("p", "We also recommend common rules for battery container swapping, so that a barge "
          "charged in Rotterdam can exchange its batteries in Duisburg or Basel without "
          "special contracts at each terminal."),
]

# ---- PDF: a landscape page in two columns ----------------------------------------------
LS_TITLE = "Fishing Fleets in the Western Indian Ocean"
LS_HEADER = "Regional Fisheries Brief · March 2025"
LS = [
    ("h", "Key points"),
    ("p", "Distant-water fleets caught an estimated four hundred thousand tonnes of tuna in "
          "the western Indian Ocean last year, about a third more than the scientific "
          "committee recommends. Yellowfin remains overfished despite two rounds of cuts."),
    ("p", "Coastal states earn little from these catches. Access fees paid by foreign fleets "
          "amount to less than five per cent of the value landed, and most fish is "
          "processed abroad."),
    ("h", "Enforcement at sea"),
    ("p", "Patrol capacity is thin. Three of the six coastal states have no ocean-going "
          "patrol vessel, and rely on aircraft loaned by partners or on satellite tracking "
          "that vessels can switch off."),
    ("p", "Where patrols exist, they work. Seychelles doubled its inspections at sea in "
          "2023 and recorded a fall in unreported catches the following year, according to "
          "the regional commission."),
    ("h", "Options for donors"),
    ("p", "Donors can help most by paying for observers on board, by funding shared patrol "
          "vessels and by supporting port inspections in the states where catches are "
          "landed. Each of these costs less than a single new patrol ship."),
    ("p", "The commission meets again in May. Its members will decide whether to cut "
          "yellowfin quotas a third time, a decision the distant-water nations have so far "
          "resisted."),
]

# ---- DOCX: headings, lists, a table, a text box, header/footer, comments ----------------
DX_TITLE = "Sanctions Evasion Through Third Countries"
DX_AUTHOR = "Jonah Achterberg"
DX_HEADER = "CONFIDENTIAL DRAFT · Not for circulation"
DX_FOOTER = "Analysis Unit, Trade Compliance Team"
DX_COMMENTS = ["Check the export figures against the customs database before we circulate.",
               "Jonah: should we name the freight forwarders here or keep it general?"]
DX_TEXTBOX = "Key finding: exports of dual-use electronics to the region rose sevenfold in two years."
DX = [
    ("h1", "Summary"),
    ("p", "Trade data show that goods banned for export to the sanctioned country are "
          "reaching it through a small group of neighbouring states. The pattern is clearest "
          "for machine tools, microchips and vehicle parts."),
    ("h2", "Main routes"),
    ("p", "We identified three main routes, listed here in order of volume:"),
    ("ol", "Re-export through free trade zones, where goods are relabelled and shipped on."),
    ("ol", "Transit by road through countries in a customs union with the sanctioned state."),
    ("ol", "Direct sales by shell companies registered in third countries."),
    ("h2", "Warning signs for exporters"),
    ("p", "Exporters should treat the following as warning signs:"),
    ("ul", "a new customer that pays in advance and asks for no after-sales service;"),
    ("ul", "delivery addresses in free trade zones with no local business activity;"),
    ("ul", "orders far larger than the customer's known market could absorb."),
    ("h1", "Volumes"),
    ("p", "The table below shows exports of the three product groups to the five countries "
          "of concern, before and after sanctions were imposed."),
    ("p", "Exports grew fastest where customs checks are weakest. In two of the countries, "
          "recorded imports of microchips now exceed what their entire electronics industry "
          "could use."),
    ("h1", "Recommendations"),
    ("p", "Licensing authorities should require end-use certificates for all shipments of "
          "listed goods to the countries of concern, and share refusals with each other "
          "within a week."),
]
DX_TABLE = [("Product group", "2021", "2023"), ("Machine tools", "120", "410"),
            ("Microchips", "35", "260"), ("Vehicle parts", "300", "780")]


def dx_plain() -> str:
    table = "\n".join(" ".join(row) for row in DX_TABLE)
    body = [text for _, text in DX]
    return "\n\n".join([body[0], DX_TEXTBOX] + body[1:] + [table])
