//! Words in, what they tell the measure rules out, as tables: the words that end, open or stand
//! inside a subject phrase, count predicates and their participles, index names, currencies,
//! reference levels, and the synonyms that give one quantity one name. Read by the rules in the
//! other files of [`super`]; `AUXILIARIES`, `CALENDAR` and `ORGANIZATION_NOUNS` also by the
//! scope and attribution extractors.

use crate::extract::words::WordSet;

/// Singular nouns that are counts of people: "attendance reached 41,200".
#[rustfmt::skip]
pub(super) static HEADCOUNTS: WordSet = WordSet::new(&[
    "attendance", "turnout", "population", "membership", "enrollment", "enrolment",
    "circulation", "audience", "readership", "viewership", "headcount", "workforce",
]);

/// Plural nouns of amounts, whose percentage is not a share of members: "sales rose to 3% of
/// GDP".
#[rustfmt::skip]
pub(super) static AMOUNT_PLURALS: WordSet = WordSet::new(&[
    "sales", "earnings", "revenues", "savings", "holdings", "assets", "profits", "prices",
    "rates", "yields", "costs", "taxes", "wages", "exports", "imports", "reserves", "expenses",
    "returns", "losses", "proceeds", "funds", "deposits", "loans", "borrowings", "spends",
    "outlays", "tariffs", "margins", "gains", "futures", "bonds", "notes", "debentures", "results",
    "securities", "treasuries", "stocks", "equities", "markets", "economics", "odds", "sports",
    "news", "means", "series", "premises", "basis", "points", "payments", "prepayments",
    "dividends", "fees", "fines", "damages", "charges", "benefits", "subsidies", "grants",
    "donations", "contributions", "bonuses", "salaries", "pensions", "premiums", "royalties",
    "refunds", "rents", "receipts", "investments", "purchases", "remittances", "pledges",
    "outflows", "inflows", "flows", "withdrawals", "redemptions",
]);

/// Currencies as a story names the one it prices: "the dollar", "the euro", "sterling".
#[rustfmt::skip]
pub(super) static CURRENCY_WORDS: WordSet = WordSet::new(&[
    "dollar", "euro", "pound", "sterling", "yen", "mark", "franc", "yuan", "renminbi", "rupee",
    "peso", "rouble", "ruble", "won", "lira", "rand", "real", "krona", "krone", "zloty",
    "forint", "shekel", "ringgit", "baht", "rupiah", "naira", "bitcoin",
]);

/// Words that may stand between a figure and the level or comparison after it: "fell 6.6% to
/// $486.6 million", "up 9.4% from $7.85 billion", "or about $1.48".
#[rustfmt::skip]
pub(super) static BRIDGE_WORDS: WordSet = WordSet::new(&[
    "to", "from", "at", "or", "of", "a", "an", "about", "nearly", "some", "around", "almost",
    "roughly", "record", "new", "up", "down", "rising", "falling", "increase", "decrease", "gain",
    "drop", "rise", "fall",
]);

/// Words that open a clause of its own between two amounts: what comes after is about something
/// else ("…, but …", "…, before …").
#[rustfmt::skip]
pub(super) static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "while", "whereas", "but", "because", "although", "when", "after", "before", "including",
    "excluding",
]);

/// Words between "including" and its number: "including at least 12".
#[rustfmt::skip]
pub(super) static QUALIFYING: WordSet = WordSet::new(&[
    "at", "least", "about", "some", "more", "than", "nearly", "almost", "over", "around", "them",
]);

/// Verbs of a price moving: "POP plunged $4", "GM rose $1.875".
#[rustfmt::skip]
pub(super) static PRICE_MOVES: WordSet = WordSet::new(&[
    "rose", "fell", "plunged", "gained", "dropped", "slipped", "climbed", "jumped", "tumbled",
    "soared", "surged", "slumped", "eased", "advanced", "declined", "sank", "edged", "leaped",
    "leapt", "plummeted", "added", "shed",
]);

#[rustfmt::skip]
pub(super) static MEASURE_UNITS: WordSet = WordSet::new(&[
    "percent", "times", "points", "point", "cents", "cent", "pence", "bps", "bp", "barrels",
    "tons", "tonnes", "tonne", "ton", "kilometres", "kilometers", "km", "miles", "metres",
    "meters", "kilograms", "kg", "litres", "liters", "gallons", "hectares", "acres", "megawatts",
    "mw", "gigawatts", "gw", "celsius", "fahrenheit", "degrees", "hour", "second", "day", "ounces",
    "feet", "inches", "yards", "pounds", "grams",
]);

/// Verbs and auxiliaries skipped between a count and its predicate: "82 were killed", "who have
/// fled".
#[rustfmt::skip]
pub(in crate::extract) static AUXILIARIES: WordSet = WordSet::new(&[
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "will", "would",
    "reportedly", "already", "now", "still", "also", "who", "that", "which", "since", "so", "far",
]);

/// Passives of report between a count and its predicate: "were reported dead".
#[rustfmt::skip]
pub(super) static REPORTED_AS: WordSet = WordSet::new(&[
    "reported", "believed", "feared", "confirmed", "presumed", "known", "thought",
]);

/// Irregular participles and verbs that define a count: "people left homeless", "jobs cut".
#[rustfmt::skip]
pub(super) static IRREGULAR_PREDICATES: WordSet = WordSet::new(&[
    "lost", "shot", "hurt", "held", "taken", "fled", "missing", "dead", "slain", "stolen", "sold",
    "built", "made", "hit", "cut", "seen", "struck", "bought", "paid", "laid", "shed", "sent",
    "homeless", "stranded", "died", "facing", "needing", "living", "fleeing", "awaiting", "seeking",
    "working", "remaining", "trapped", "infected", "affected", "employed", "unemployed",
    "outstanding", "lacking",
]);

/// Words that are not predicates though they end in -ed: "need", "indeed", "red", "hundred".
#[rustfmt::skip]
pub(super) static NOT_PREDICATES: WordSet = WordSet::new(&[
    "need", "indeed", "red", "hundred", "bed", "shed", "speed", "seed", "feed", "united",
    "limited", "based", "related", "listed", "so-called",
]);

/// Verbs before a count that define it, as their participle: "cut 1,200 jobs" → jobs cut.
pub(super) const VERB_PARTICIPLES: &[(&str, &str)] = &[
    ("cut", "cut"),
    ("cuts", "cut"),
    ("cutting", "cut"),
    ("shed", "shed"),
    ("sheds", "shed"),
    ("lose", "lost"),
    ("loses", "lost"),
    ("lost", "lost"),
    ("sold", "sold"),
    ("sell", "sold"),
    ("sells", "sold"),
    ("hire", "hired"),
    ("hires", "hired"),
    ("add", "added"),
    ("adds", "added"),
    ("employ", "employed"),
    ("employs", "employed"),
    ("eliminate", "eliminated"),
    ("eliminates", "eliminated"),
    ("create", "created"),
    ("creates", "created"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("displace", "displaced"),
    ("displaces", "displaced"),
    // Headline words for being displaced: "Floods uproot 268,000".
    ("uproot", "displaced"),
    ("uproots", "displaced"),
    ("uprooted", "displaced"),
    ("uprooting", "displaced"),
    ("send", "sent"),
    ("sent", "sent"),
    ("build", "built"),
    ("built", "built"),
    ("deliver", "delivered"),
    ("delivers", "delivered"),
    ("injure", "injured"),
    ("evacuate", "evacuated"),
    ("arrest", "arrested"),
    ("detain", "detained"),
    ("feed", "fed"),
    ("fed", "fed"),
    ("shot", "shot"),
    ("hold", "held"),
    ("held", "held"),
    ("reach", "reached"),
    ("reaches", "reached"),
    ("killing", "killed"),
    ("wounding", "wounded"),
    ("injuring", "injured"),
    ("displacing", "displaced"),
    ("evacuating", "evacuated"),
    ("arresting", "arrested"),
];

/// Verbs that give a total without saying what is counted: "to reach around 7,000 containers".
/// Verbs of moving things are not part of what is counted either: "has shipped around 7,000
/// containers" and "7,000 containers in total" are one count.
#[rustfmt::skip]
pub(super) static TOTALLING: WordSet = WordSet::new(&[
    "shipped", "delivered", "sent", "transferred", "supplied", "provided", "exported",
    "imported", "received", "reached", "totaled", "totalled", "topped", "exceeded", "surpassed", "passed", "numbered",
    "estimated", "counted", "reported", "recorded", "registered", "included", "involved",
]);

/// Qualifiers and determiners between a verb and its count: "cut about 1,800 jobs", "killed at
/// least 75 people", "sold a further 300".
#[rustfmt::skip]
pub(super) static BEFORE_COUNT: WordSet = WordSet::new(&[
    "about", "around", "some", "nearly", "almost", "more", "than", "at", "least", "up", "to",
    "over", "roughly", "an", "estimated", "a", "further", "another", "additional", "extra",
    "approximately", "just", "only", "the", "fewer", "less", "as", "many", "much", "close",
]);

/// Words that end a noun phrase or are not part of one.
#[rustfmt::skip]
pub(super) static STOP: WordSet = WordSet::new(&[
    "of", "to", "in", "from", "and", "or", "the", "a", "an", "that", "which", "by", "for", "on",
    "at", "with", "since", "as", "was", "were", "is", "are", "had", "have", "has", "will",
    "would", "be", "been", "than", "per", "each", "this", "these", "those", "it", "its", "their",
    "his", "her", "our", "more", "less", "so", "over", "under", "about", "after", "before",
    "during", "while", "who", "what", "when", "where", "if", "but", "not", "all", "also", "could",
    "may", "might", "can", "said", "says", "say", "there", "here", "now", "then", "some", "up",
    "down", "they", "he", "she", "we", "i", "you", "its", "year", "years", "month", "months",
    "week", "weeks", "day", "days", "quarter", "earlier", "ago", "last", "next", "this", "same",
    "period", "time", "total", "just", "only", "still", "around", "nearly", "almost", "roughly",
    "least", "most", "further", "another", "new", "record", "reported", "posted", "recorded",
    "announced", "expects", "expected", "forecast", "estimated", "projected", "sees", "see",
    "reached", "hit", "stood", "totaled", "totalled", "amounted", "came", "rose", "fell", "rise",
    "fall", "grew", "gained", "lost", "dropped", "declined", "increased", "decreased", "climbed",
    "jumped", "slipped", "tumbled", "plunged", "surged", "soared", "eased", "cut", "raised",
    "lowered", "reduced", "added", "shed", "slid", "sank", "dipped", "slumped", "advanced",
    "closed", "ended", "finished", "opened", "traded", "trading", "valued", "worth", "priced",
    "offered", "paid", "pay", "pays", "paying", "earned", "made", "make", "had", "saw", "put",
    "set", "kept", "keep", "left", "leave", "leaves", "held", "holds", "hold", "being", "become",
    "became", "remain", "remained", "remains", "stay", "stayed", "near", "nearly", "than",
    "compared", "against", "versus", "vs", "around", "approximately", "some", "estimated",
    "above", "below", "between", "into", "out", "off", "through", "against", "among", "until",
    "via", "per", "such", "because", "although", "though", "however", "while", "like", "unlike",
    "despite", "including", "excluding", "plus", "minus", "both", "either", "neither", "no",
    "yes", "not", "never", "only", "even", "too", "very", "much", "many", "few", "little",
    "own", "other", "others", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "half", "double", "twice", "triple", "already",
]);

/// Nouns of a period of time.
#[rustfmt::skip]
pub(super) static TIME_NOUNS: WordSet = WordSet::new(&[
    "quarter", "year", "period", "months", "month", "half", "week", "weeks", "days", "session",
    "season",
]);

/// Generic nouns for an organization a story is about, which say neither whose nor what: "the
/// company earned", "the company said". Read here for subjects and by
/// [`crate::extract::attribution`] for speakers.
#[rustfmt::skip]
pub(crate) static ORGANIZATION_NOUNS: WordSet = WordSet::new(&[
    "company", "firm", "group", "concern", "bank", "carrier", "maker", "airline", "retailer",
    "insurer", "lender", "utility", "thrift",
]);

/// Parenthetical connectives: "Sales, however, were …".
#[rustfmt::skip]
pub(super) static CONNECTIVES: WordSet = WordSet::new(&[
    "however", "meanwhile", "though", "too", "also", "moreover", "overall", "nevertheless",
]);

/// Prepositions and particles between a verb and its amount: never the verb ("edged down to").
#[rustfmt::skip]
pub(super) static PARTICLES: WordSet = WordSet::new(&[
    "to", "from", "at", "by", "up", "down", "of", "in", "on", "off", "as", "than", "over",
    "under", "above", "below", "into", "around", "about", "some", "nearly", "almost", "roughly",
    "approximately", "just", "only", "more", "less", "least", "most", "a", "an", "the", "and",
    "or", "with", "for", "back", "that",
]);

/// Words of a predicate that say nothing of what is measured: "were little changed at".
#[rustfmt::skip]
pub(super) static LINKING: WordSet = WordSet::new(&[
    "little", "changed", "unchanged", "steady", "flat", "quoted", "pegged", "seen", "put",
]);

/// Words that end the name of an index in market tables.
#[rustfmt::skip]
pub(super) static INDEX_HEADS: WordSet = WordSet::new(&[
    "index", "average", "industrials", "transportation", "transports", "utilities", "composite",
]);

/// Common words of an index's name: "the Dow Jones industrial average".
#[rustfmt::skip]
pub(super) static INDEX_WORDS: WordSet = WordSet::new(&[
    "index", "average", "industrial", "industrials", "composite", "transportation", "utilities",
    "futures", "blue-chip", "benchmark", "share", "all-share", "stock",
]);

/// Words that end a subject phrase though they look like nouns: verbs in -s, and prepositions.
#[rustfmt::skip]
pub(super) static VERBISH: WordSet = WordSet::new(&[
    "eases", "slips", "rises", "falls", "gains", "climbs", "jumps", "says", "adds", "amid",
    "toward", "towards", "full", "changed", "lower", "higher", "bidding", "sees", "expects",
    "forecasts", "plans", "wants", "needs", "shows", "showed", "show", "means", "seems",
    "totals", "reaches", "hits", "tops", "nears", "drops", "dips", "sinks", "soars", "surges",
    "jumps", "slides", "edges", "edged", "hovers", "hovered", "remains", "stands", "stood",
    "expect", "predict", "predicts", "project", "projects", "anticipate", "anticipates",
    "estimate", "estimates", "forecast", "averaging", "averaged", "totaling", "totalling",
    "include", "includes", "included", "contains", "contained",
]);

/// Nouns in -ing: "spending", "funding".
#[rustfmt::skip]
pub(super) static GERUND_NOUNS: WordSet = WordSet::new(&[
    "spending", "funding", "financing", "lending", "housing", "borrowing", "earnings", "savings",
    "holdings", "shipping", "trading", "building", "manufacturing", "training", "pricing",
    "offering", "listing", "rating", "ranking", "polling", "ring", "king", "spring", "opening",
    "sterling", "shilling", "ceiling", "thing", "string", "wing", "sibling",
    // Adjectives of business accounts: "operating profit", "restructuring charges".
    "operating", "nonoperating", "non-operating", "outstanding", "restructuring", "underwriting",
    "advertising", "marketing", "selling", "banking", "mining", "refining", "publishing",
    "accounting", "processing", "engineering", "licensing", "recurring", "nonrecurring",
]);

/// Weekdays and months: never what a figure measures ("said on Friday they had made a £45 million
/// offer").
#[rustfmt::skip]
pub(in crate::extract) static CALENDAR: WordSet = WordSet::new(&[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "today", "yesterday", "tomorrow", "told", "tells", "tell", "says", "said",
]);

/// Nouns of change after an amount: "a 3% drop in revenue" measures revenue.
#[rustfmt::skip]
pub(super) static CHANGE_NOUNS: WordSet = WordSet::new(&[
    "drop", "decline", "fall", "cut", "cuts", "decrease", "reduction", "rise", "increase",
    "gain", "gains", "jump", "hike", "growth", "surge", "boost", "slump", "plunge", "slide",
    "dip", "climb", "advance", "loss", "losses",
]);

/// States a percentage measures the extent of.
#[rustfmt::skip]
pub(super) static PERCENT_STATES: WordSet = WordSet::new(&[
    "full", "funded", "complete", "completed", "owned", "booked", "occupied", "vaccinated",
    "built", "finished", "subscribed", "utilized", "utilised", "contained",
]);

/// Words between "above" and the level it refers to.
#[rustfmt::skip]
pub(super) static REFERENCE_DETERMINERS: WordSet = WordSet::new(&[
    "its", "the", "their", "his", "her", "a", "an", "this", "that", "official", "agreed",
    "analysts", "market", "previous", "government", "bank's", "average",
]);

/// Levels a figure is measured against: "above its quota", "below the target".
#[rustfmt::skip]
pub(super) static REFERENCE_LEVELS: WordSet = WordSet::new(&[
    "quota", "quotas", "target", "targets", "forecast", "forecasts", "estimate", "estimates",
    "expectations", "consensus", "limit", "limits", "cap", "ceiling", "threshold", "guidance",
    "budget", "plan", "requirement", "requirements", "benchmark",
]);

/// Words that say when, not what: "year-earlier loss" and "loss" are one measure.
/// (The length of the period stays: see [`period_of`](super::period_of).)
#[rustfmt::skip]
pub(super) static WHEN_WORDS: WordSet = WordSet::new(&[
    "year-earlier", "year-ago", "prior-year", "previous", "earlier", "latest", "current",
    "quarterly", "annual", "yearly", "first-quarter", "second-quarter", "third-quarter",
    "fourth-quarter", "first-half", "second-half", "nine-month", "six-month", "full-year",
    "fiscal", "year-to-date", "first", "second", "third", "fourth",
]);

/// One name for one quantity, as data: the loss is the negative of the income it is compared
/// with, so "net loss" and "net income" are one series.
pub(super) const SYNONYMS: &[(&str, &str)] = &[
    ("net", "net income"),
    ("job cuts", "jobs cut"),
    ("job losses", "jobs lost"),
    ("net loss", "net income"),
    ("loss", "net income"),
    ("losses", "net income"),
    ("net losses", "net income"),
    ("net profit", "net income"),
    ("profit", "net income"),
    ("net earnings", "net income"),
    ("earnings", "net income"),
    ("income", "net income"),
    ("revenues", "revenue"),
    ("sales", "revenue"),
    ("net sales", "revenue"),
    ("turnover", "revenue"),
    ("operating loss", "operating profit"),
    ("operating income", "operating profit"),
    // An offer for a company's shares, however it is made.
    ("tender offer", "offer"),
];

/// Verbs by which a company gives its results, which a walk to the measure's noun may take in
/// ("expects to report net income of 15 cents a share", "will post pretax profit of …"): never
/// the first word of what is measured.
#[rustfmt::skip]
pub(super) static REPORTING_VERBS: WordSet = WordSet::new(&[
    "report", "reports", "post", "posts", "book", "books",
]);

/// Words that never open the name of a quantity.
#[rustfmt::skip]
pub(super) static NOT_HEADS: WordSet = WordSet::new(&[
    "would", "should", "could", "will", "can", "may", "might", "must", "without", "unless",
    "within", "worldwide", "full", "close", "owns", "own", "acquire", "sell", "seeks", "seek",
    "spend", "save", "use", "reach", "average", "s", "via", "per", "than", "whether",
]);

/// One word for one predicate: the dead and the killed are one count.
pub(super) const PREDICATE_SYNONYMS: &[(&str, &str)] = &[
    ("dead", "killed"),
    ("died", "killed"),
    ("perished", "killed"),
    ("slain", "killed"),
    ("wounded", "injured"),
    ("hurt", "injured"),
];

/// Verbs by which a debt pays its rate: "notes paying 12 3/4%", "bonds bearing 7%".
#[rustfmt::skip]
pub(super) static PAYING: WordSet = WordSet::new(&[
    "paying", "bearing", "carrying", "yielding", "pays", "bears", "carries", "yields",
]);

/// Verbs of a purchase or a sale, before "for" and the amount paid.
#[rustfmt::skip]
pub(super) static TRADE_VERBS: WordSet = WordSet::new(&[
    "buy", "buys", "bought", "buying", "sell", "sells", "sold", "selling", "acquire",
    "acquires", "acquired", "acquiring", "purchase", "purchases", "purchased", "purchasing",
]);
