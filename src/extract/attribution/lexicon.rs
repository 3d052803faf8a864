//! Words in, what they tell the speaker rules out, as tables: speech and finding verbs, the nouns
//! and titles that head or open a speaker phrase, the words that start a clause instead, and the
//! documents and reckonings a speaker can speak through ("according to figures from …", "by her
//! estimate").

use crate::extract::words::WordSet;

/// Verbs that report speech or a claim.
#[rustfmt::skip]
pub(crate) static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said", "says", "say", "told", "tells", "accused", "accuses", "claimed", "claims", "estimated",
    "estimates", "reported", "reports", "announced", "announces", "declared", "declares", "stated",
    "states", "added", "adds", "noted", "notes", "warned", "warns", "insisted", "confirmed",
    "confirms", "denied", "denies", "argued", "explained", "wrote", "writes", "disclosed",
    "revealed", "alleged", "alleges", "predicted", "predicts", "forecast", "forecasts",
    "acknowledged", "admitted", "testified", "indicated", "asserted", "stressed", "tweeted",
    "posted", "told", "reiterated", "countered", "conceded", "recalled", "cautioned", "expects",
    "expected", "projected", "projects", "expect", "estimate", "predict", "believe", "believes",
    "believed", "thinks", "proposed", "proposes", "emphasized", "emphasised", "attributed", "allege", "warn",
    "argue", "argues", "insist", "insists", "confirm", "deny", "admit", "admits", "acknowledge",
    "acknowledges", "contend", "contends", "concede", "concedes", "predicting", "estimating",
    "forecasting", "projecting", "expecting", "saying", "warning", "claiming", "reporting",
    "arguing", "insisting", "asked", "asks", "cited", "cites",
]);

/// Speech verbs that are also plural nouns ("Unity states", "news reports of …").
#[rustfmt::skip]
pub(super) static NOUN_FORMS: WordSet = WordSet::new(&[
    "states", "reports", "claims", "notes", "estimates", "forecasts", "adds", "posts",
]);

/// Words that may stand between a subject and its speech verb.
#[rustfmt::skip]
pub(super) static AUXILIARIES: WordSet = WordSet::new(&[
    "has", "have", "had", "also", "was", "were", "is", "are", "previously", "earlier", "later",
    "repeatedly", "again", "reportedly", "publicly", "separately", "then", "further", "would",
    "will", "may", "might", "could", "been", "already", "recently", "not", "once", "first",
]);

/// Lowercase words that can head a speaker phrase ("officials said", "state media said").
#[rustfmt::skip]
pub(super) static SPEAKER_NOUNS: WordSet = WordSet::new(&[
    "members", "partners", "league", "club", "relatives", "doctors", "minister", "ministry",
    "official",
    "officials", "spokesman", "spokeswoman", "spokesperson",
    "police", "media", "president", "army", "military", "government", "agency", "analyst",
    "analysts", "experts", "expert", "source", "sources", "message", "statement", "report",
    "leader", "chief", "officer", "authorities", "commander", "secretary", "director",
    "researchers", "scientists", "diplomats", "diplomat", "office", "department", "committee",
    "council", "lawmakers", "witnesses", "residents", "prosecutors", "investigators", "company",
    "bank", "spokespeople", "survey", "study", "data", "figures", "ambassador", "governor",
    "mayor", "executive", "chairman", "chairwoman", "ministers", "group", "organisation",
    "organization", "groups", "observers", "monitors", "activists", "regulator", "court", "judge",
    "prosecutor", "union", "embassy", "newspaper", "broadcaster", "agencies", "commission",
    "institute", "board", "authority", "bureau", "service", "centre", "center", "fund", "party",
    "programme", "program", "federation", "association", "coalition", "alliance", "watchdog",
    "presidency", "cabinet", "parliament", "senate", "congress", "tribunal", "campaign", "firm",
    "concern", "carrier", "maker", "airline", "retailer", "insurer", "lender", "utility",
    "directors", "thrift", "filing", "filings", "poll", "records", "documents", "rebels", "militants",
    "insurgents", "protesters", "organizers", "organisers", "unions", "employers", "economists",
    "traders", "dealers", "brokers", "lawyers", "attorneys", "hospital", "hospitals", "medics",
    "rescuers", "commanders", "generals", "officers", "executives", "managers", "operator",
    "operators", "owners", "strategists", "forecasters", "negotiators", "inspectors",
    "regulators", "economist", "trader", "aides", "advisers", "companies", "firms", "banks",
    "dealer", "broker", "banker", "bankers", "strategist", "lawyer", "investor", "investors",
    "management",
]);

/// Capitalized words that are titles before a name.
#[rustfmt::skip]
pub(super) static TITLE_WORDS: WordSet = WordSet::new(&[
    "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "general",
    "chancellor", "prime", "foreign", "defence", "defense", "deputy", "chief", "director",
    "ambassador", "governor", "mayor", "senator", "representative", "premier", "king", "queen",
    "prince", "admiral", "colonel", "commander", "lieutenant", "sergeant", "captain", "finance",
    "interior", "justice", "trade", "vice", "first", "state", "national", "security", "adviser",
    "advisor", "envoy", "leader", "chairman", "chairwoman", "speaker", "judge", "prosecutor",
    "gen", "lt", "col", "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "unification", "economy",
    "health", "energy", "agriculture", "education", "labour", "labor", "transport", "home",
    "culture", "executive", "attorney", "pope", "archbishop", "sheikh", "emir", "professor",
]);

/// Title words that qualify a role without being one ("Foreign" in "Foreign Minister").
#[rustfmt::skip]
pub(super) static ROLE_QUALIFIERS: WordSet = WordSet::new(&[
    "foreign", "defence", "defense", "deputy", "first", "state", "national", "vice", "finance",
    "interior", "justice", "trade", "security", "unification", "economy", "health", "energy",
    "agriculture", "education", "labour", "labor", "transport", "home", "culture", "prime",
]);

/// Capitalized words that start a clause rather than a name ("But officials said").
#[rustfmt::skip]
pub(super) static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "but", "and", "however", "meanwhile", "in", "on", "at", "it", "this", "that", "there",
    "when", "while", "after", "before", "also", "yet", "so", "still", "now", "then", "if",
    "as", "since", "although", "though", "because", "separately", "earlier", "later", "today",
    "yesterday", "instead", "indeed", "moreover", "for", "with", "by", "from", "of", "to",
    "nor", "neither", "whereas", "unless", "until", "where", "whether",
    // Possessive determiners: "Its forecast rose" names no one.
    "its", "their", "his", "her", "our", "my", "your",
    // The speaker's own voice inside a quotation ("We expect …"): whoever the quote is by.
    "we", "i", "you",
]);

/// Lowercase words inside a person's or a body's name, between its capitalized words: "Ursula
/// von der Leyen", "Charles de Gaulle", "Mohammed bin Salman", "Banco de Mexico".
#[rustfmt::skip]
pub(crate) static NAME_PARTICLES: WordSet = WordSet::new(&[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "dos",
    "das", "ter", "bin", "binti", "bint", "ibn", "al", "el", "abu", "zu",
]);

/// Whether token `k` is a name's particle ([`NAME_PARTICLES`]) with a capitalized word after
/// it, past any other particles ("de" and "der" in "Ursula von der Leyen").
pub(super) fn is_particle_in_name(tokens: &[crate::extract::tokens::Token<'_>], k: usize) -> bool {
    let mut j = k;
    while tokens
        .get(j)
        .is_some_and(|t| !t.is_capitalized() && t.lower_in(&NAME_PARTICLES))
    {
        j += 1;
    }
    j > k
        && j - k <= 3
        && tokens
            .get(j)
            .is_some_and(|t| t.is_word() && t.is_capitalized())
}

/// Lowercase words that never modify a speaker noun (clause words, prepositions, verbs' helpers).
#[rustfmt::skip]
pub(super) static NOT_MODIFIERS: WordSet = WordSet::new(&[
    "and", "or", "but", "that", "which", "who", "as", "when", "while", "if", "because", "after",
    "before", "since", "of", "to", "in", "on", "at", "by", "for", "with", "from", "than", "so",
    "said", "says", "told", "is", "was", "are", "were", "has", "have", "had", "not", "then",
    "though", "although", "nor", "do", "does", "did", "yet", "whereas", "unless", "until",
    "where", "whether",
]);

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Documents whose maker is named after them: "estimates by Dalbar", "a poll by ABC News".
#[rustfmt::skip]
pub(super) static DOCUMENTS: WordSet = WordSet::new(&[
    "estimates", "estimate", "figures", "data", "statistics", "report", "reports", "filing",
    "filings", "survey", "poll", "study", "records", "documents", "calculations", "projections",
    "forecasts", "forecast", "tally", "count", "census", "analysis", "research", "numbers",
    "polls", "surveys", "studies",
]);

/// Nouns of a reckoning after "by her …": "by her estimate", "by his count".
#[rustfmt::skip]
pub(super) static RECKONINGS: WordSet = WordSet::new(&[
    "estimate", "estimates", "count", "calculation", "calculations", "reckoning", "tally",
    "account", "measure", "figures",
]);

/// What a speaker "puts at" a number: "put the death toll at 54", "puts the cost at $2 billion".
#[rustfmt::skip]
pub(super) static ESTIMATED_THINGS: WordSet = WordSet::new(&[
    "toll", "number", "figure", "cost", "costs", "damage", "losses", "total", "value", "count",
    "size", "bill", "price", "tally",
]);

/// Verbs by which a document says what it found.
#[rustfmt::skip]
pub(super) static FINDING_VERBS: WordSet = WordSet::new(&[
    "found", "finds", "showed", "shows", "show", "shown", "suggested", "suggests", "indicated",
    "indicates",
    // "Staff projections … see inflation averaging 2.1%".
    "see", "sees", "saw",
    // "Estimates from traders put it at less than 5%".
    "put", "puts",
]);

/// Words that open a relative or adverbial clause, not an apposition.
#[rustfmt::skip]
pub(super) static RELATIVES: WordSet = WordSet::new(&[
    "where", "which", "who", "whom", "whose", "when", "while", "as", "after", "before", "because",
    "although", "though", "if", "since", "until", "that",
]);

/// Words before a document that are not part of its name.
#[rustfmt::skip]
pub(super) static ARTICLES_AND_POSSESSIVES: WordSet = WordSet::new(&[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
]);

/// Lowercase nouns of a role one person holds, in an apposition after a name: "Michael Swavely,
/// president of …,".
#[rustfmt::skip]
pub(super) static APPOSED_ROLES: WordSet = WordSet::new(&[
    "president", "chairman", "chairwoman", "treasurer", "director", "executive", "officer",
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "manager", "analyst",
    "economist", "governor", "mayor", "ambassador", "adviser", "advisor", "head", "chief",
    "founder", "professor", "partner", "strategist", "lawyer", "attorney", "official",
    "researcher", "commander", "leader", "editor", "owner", "vice",
]);

/// Roles of people who speak for someone else: "an aide to …", "a spokeswoman for …".
#[rustfmt::skip]
pub(super) static DEPENDENT_ROLES: WordSet = WordSet::new(&[
    "aide", "aides", "adviser", "advisers", "advisor", "advisors", "assistant", "spokesman",
    "spokeswoman", "spokesperson", "lawyer", "lawyers", "attorney", "representative",
]);

/// Participles of a forecast given without its maker: "is forecast at", "is seen at".
#[rustfmt::skip]
pub(super) static FORECAST_PARTICIPLES: WordSet = WordSet::new(&[
    "forecast", "seen", "expected", "projected", "estimated", "predicted", "forecasted",
]);

/// What a body puts out itself, after "Its": "Its $1.79 billion appeal", "Its forecast".
#[rustfmt::skip]
pub(super) static OWN_STATEMENTS: WordSet = WordSet::new(&[
    "appeal", "appeals", "forecast", "forecasts", "target", "targets", "plan", "plans", "budget",
    "estimate", "estimates", "projection", "projections", "guidance", "outlook", "proposal",
    "offer", "bid", "request", "report", "survey", "tally", "count",
]);
