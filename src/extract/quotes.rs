//! Market quotes written without a unit, as stock tables in prose are: "Intel eased 1/8 to 31 7/8",
//! "Kirschner Medical fell 4 to 15", "McCaw, which dropped 2 1/2 to 37 3/4". A named stock's move
//! and the price it reached are a share-price change and a share price, in the currency of the
//! share prices the story quoted before ("to close at 185 pence" makes the London list that
//! follows pence), else dollars. An index's move stays in points (the measure names it), a yield's
//! or a rate's in percent.

use super::direction::Direction;
use super::figures::{FigureKind, FigureMention};
use super::tokens::Token;
use super::words::WordSet;

/// The currency of a quote when the story has quoted no share price before.
const DEFAULT_CURRENCY: &str = "USD";

/// Words of a subject whose bare moves are not prices in a currency.
#[rustfmt::skip]
static NOT_PRICES: WordSet = WordSet::new(&[
    "index", "indexes", "indices", "average", "averages", "composite", "industrials", "dax",
    "nikkei", "topix", "ftse", "ft-se", "dow", "s&p", "nasdaq", "yield", "yields", "rate", "rates",
    "bond", "bonds", "note", "notes", "treasury", "treasurys", "treasuries", "bill", "bills",
    "volume", "turnover", "unemployment", "inflation",
]);

/// Quantities a sentence may open with, singular ("Output rose 3 to 45"); plurals ("Sales",
/// "Shares") are kept out by their ending.
#[rustfmt::skip]
static QUANTITIES: WordSet = WordSet::new(&[
    "output", "production", "revenue", "profit", "income", "spending", "growth", "demand",
    "supply", "employment", "investment", "trade", "trading", "consumption", "attendance",
    "stock", "gold", "silver", "copper", "oil", "crude", "platinum", "wheat", "corn", "coffee",
    "sugar", "cotton", "sterling", "the", "it", "this", "that",
]);

/// Words between a verb of movement and the move: "edged up 1/4".
static PARTICLES: WordSet = WordSet::new(&["up", "down", "higher", "lower", "back"]);

/// Words that may open the clause a quote's subject starts.
#[rustfmt::skip]
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "and", "while", "but", "as", "whereas", "meanwhile",
]);

/// Gives the bare quotes of one sentence their unit, measure and scope. `currency` is the unit of
/// the last share price the story quoted, if any.
pub(crate) fn mark(tokens: &[Token<'_>], figures: &mut [FigureMention], currency: Option<&str>) {
    for i in 1..figures.len() {
        let (move_, price) = (&figures[i - 1], &figures[i]);
        if move_.unit.is_some()
            || price.unit.is_some()
            || !matches!(move_.direction, Some(Direction::Up | Direction::Down))
            || price.direction.is_some()
        {
            continue;
        }
        let a = move_.token_after(tokens);
        let b = price.first_token(tokens);
        if b != a + 1 || tokens[a].lower() != "to" {
            continue;
        }
        let number = tokens.partition_point(|t| t.start < move_.number.start);
        let Some(name) = subject(tokens, number) else {
            continue;
        };
        let unit = currency.unwrap_or(DEFAULT_CURRENCY).to_string();
        for (k, measure) in [(i - 1, "share price change"), (i, "share price")] {
            let f = &mut figures[k];
            f.unit = Some(unit.clone());
            f.measure = Some(format!("{measure} ({name})"));
            f.scope = Some(name.clone());
        }
        figures[i - 1].kind = FigureKind::Change;
        figures[i].kind = FigureKind::Money;
    }
}

/// The name of the stock that moved: capitalized words right before the verb at `number - 1`
/// ("Kirschner Medical fell 4"), or before ", which" ("McCaw, which dropped 2 1/2"), starting a
/// clause; never a common word that only starts the sentence ("Shares fell 4 to 15").
fn subject(tokens: &[Token<'_>], number: usize) -> Option<String> {
    let mut verb = number.checked_sub(1)?;
    // "edged up 1/4", "closed down 3".
    if verb > 0 && tokens[verb].lower_in(&PARTICLES) {
        verb -= 1;
    }
    if !tokens[verb].is_word() || tokens[verb].is_capitalized() {
        return None;
    }
    let mut end = verb;
    if end >= 2 && tokens[end - 1].lower() == "which" && tokens[end - 2].text == "," {
        end -= 2;
    }
    let mut start = end;
    while start > 0 && (tokens[start - 1].is_capitalized() || tokens[start - 1].text == "&") {
        start -= 1;
    }
    if start == end || end - start > 5 || !tokens[start].is_capitalized() {
        return None;
    }
    let opens = start == 0
        || matches!(tokens[start - 1].text, "," | ";" | ":" | "--" | "(")
        || tokens[start - 1].lower_in(&CLAUSE_OPENERS);
    if !opens {
        return None;
    }
    // A sentence's first word alone may be a common noun: "Sales fell 4 to 15" is no quote,
    // "Intel eased 1/8 to 31 7/8" is.
    if start == 0
        && end == 1
        && super::measure::is_common_word_start(tokens, 0)
        && (tokens[0].text.ends_with('s') || tokens[0].lower_in(&QUANTITIES))
    {
        return None;
    }
    if tokens[start..end]
        .iter()
        .any(|t| t.lower_in(&NOT_PRICES) || t.owner().is_some_and(|o| NOT_PRICES.contains_lower(o)))
    {
        return None;
    }
    let words: Vec<&str> = tokens[start..end]
        .iter()
        .map(|t| t.owner().unwrap_or(t.text))
        .collect();
    Some(words.join(" ").replace(" & ", "&"))
}

#[cfg(test)]
mod tests {
    use crate::extract::figures::find_figures;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    /// (value, unit, measure, scope) of each figure.
    fn quotes(text: &str) -> Vec<(f64, String, String, String)> {
        let s = split_sentences(text);
        find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
            .into_iter()
            .map(|f| {
                (
                    f.value,
                    f.unit.unwrap_or_default(),
                    f.measure.unwrap_or_default(),
                    f.scope.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_named_stocks_bare_move_is_a_price_in_the_currency_quoted_before() {
        let q = quotes("Intel eased 1/8 to 31 7/8. Kirschner Medical fell 4 to 15.");
        let intel = |m: &str| format!("share price{m} (Intel)");
        assert_eq!(
            q[0],
            (0.125, "USD".into(), intel(" change"), "Intel".into())
        );
        assert_eq!(q[1], (31.875, "USD".into(), intel(""), "Intel".into()));
        assert_eq!(q[3].3, "Kirschner Medical");
        let q = quotes(
            "British Gas fell 2.5 pence a share to close at 185 pence. \
             British Steel skidded 1.74 to 123.5 on turnover of 11 million shares.",
        );
        let change = "share price change (British Steel)";
        assert_eq!(
            q[2],
            (1.74, "pence".into(), change.into(), "British Steel".into())
        );
        assert_eq!(q[3].1, "pence");
        assert_eq!(q[4].1, "shares");
        let q = quotes("Weisfield's rocketed 9 1/2 to 39. Acme edged up 1/4 to 40.");
        assert_eq!((q[1].1.as_str(), q[1].3.as_str()), ("USD", "Weisfield"));
        assert_eq!(q[3].2, "share price (Acme)");
        let q = quotes("McCaw, which dropped 2 1/2 to 37 3/4, has offered $125 a share.");
        assert_eq!((q[1].1.as_str(), q[1].3.as_str()), ("USD", "McCaw"));
    }

    #[test]
    fn indexes_yields_and_common_words_are_not_quotes() {
        let q = quotes("The Nasdaq Composite Index tumbled 5.39, or 1.2% to 452.76 on Friday.");
        assert_eq!(q[0].1, "points");
        assert_eq!(q[2].1, "points");
        for text in [
            "The Dow Jones Industrial Average fell 19 to 2600.",
            "Sales fell 4 to 15.",
            "Output rose 3 to 45.",
            "The 30-year Treasury yield rose 3 to 8.",
        ] {
            assert!(
                quotes(text).iter().all(|q| !q.2.starts_with("share price")),
                "{text}: {:?}",
                quotes(text)
            );
        }
    }
}
