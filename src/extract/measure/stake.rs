//! A percentage of a company's shares is a stake: "holds just under 5% of Paribas's shares",
//! "owns about 72% of Erbamont's shares outstanding", "agreed to acquire 51% of Sansui Electric
//! Co.", "seeking to buy up to 25% of the company". Its measure is "stake" and its scope the
//! company whose shares they are, when the sentence names it.

use super::super::figures::FigureMention;
use super::super::scope::without_legal_form;
use super::super::tokens::Token;
use super::super::words::WordSet;

/// What a stake is a part of: "Paribas's shares", "its common stock".
#[rustfmt::skip]
static SHARE_WORDS: WordSet = WordSet::new(&[
    "shares", "stock", "common", "equity", "capital", "stake", "holding", "holdings",
]);

/// Verbs that take, keep or give up part of a company.
#[rustfmt::skip]
static STAKE_VERBS: WordSet = WordSet::new(&[
    "buy", "buys", "bought", "buying", "acquire", "acquires", "acquired", "acquiring", "own",
    "owns", "owned", "owning", "hold", "holds", "held", "holding", "sell", "sells", "sold",
    "selling", "purchase", "purchases", "purchased", "purchasing", "control", "controls",
    "controlled", "controlling", "take", "takes", "took", "taking",
]);

/// Whose shares: "its", "their", "the company's" name no company.
#[rustfmt::skip]
static OWN_WORDS: WordSet = WordSet::new(&["its", "their", "the"]);

/// `Some(company)` when percentage `f` is a stake (the company `None` when the sentence does not
/// name it: "25% of its shares"); `None` when it is no stake.
pub(super) fn stake_of(tokens: &[Token<'_>], f: &FigureMention) -> Option<Option<String>> {
    let of = f.token_after(tokens);
    if tokens.get(of)?.text != "of" {
        return None;
    }
    // The name after "of": capitalized words, the last maybe possessive ("Sansui Electric Co.'s").
    let mut k = of + 1;
    let mut owner: Option<&str> = None;
    let name_start = k;
    while let Some(t) = tokens.get(k) {
        if t.is_capitalized() {
            k += 1;
            if let Some(o) = t.owner() {
                owner = Some(o);
                break;
            }
        } else if t.text == "." && k > name_start && tokens[k - 1].end == t.start {
            k += 1;
        } else {
            break;
        }
    }
    let named = k > name_start;
    let name = named.then(|| {
        let words: Vec<&str> = tokens[name_start..k]
            .iter()
            .enumerate()
            .map(|(j, t)| match owner {
                Some(o) if name_start + j == k - 1 => o,
                _ => t.text,
            })
            .collect();
        let mut name = String::new();
        for (j, w) in words.iter().enumerate() {
            if j > 0 && *w != "." {
                name.push(' ');
            }
            name.push_str(w);
        }
        without_legal_form(name.trim_end_matches('.')).to_string()
    });
    // "of its shares", "of the company's stock": shares of the subject, unnamed here.
    let own_shares = !named
        && tokens.get(k).is_some_and(|t| t.lower_in(&OWN_WORDS))
        && (k + 1..k + 3).any(|j| tokens.get(j).is_some_and(|t| t.lower_in(&SHARE_WORDS)));
    let shares_after = tokens.get(k).is_some_and(|t| t.lower_in(&SHARE_WORDS));
    if own_shares || (owner.is_some() && shares_after) {
        return Some(name);
    }
    // "acquire 51% of Sansui Electric Co.", "buy up to 25% of the company": a verb of taking or
    // holding part of a company just before the figure.
    let first = f.first_token(tokens);
    let verb = tokens[first.saturating_sub(3)..first]
        .iter()
        .any(|t| t.lower_in(&STAKE_VERBS));
    let company = named && owner.is_none()
        || tokens.get(k).is_some_and(|t| t.lower() == "the")
            && tokens
                .get(k + 1)
                .is_some_and(|t| matches!(t.lower().as_ref(), "company" | "firm" | "group"));
    (verb && company).then_some(name)
}

#[cfg(test)]
mod tests {
    use crate::extract::measure::tests::measures;

    #[test]
    fn a_percentage_of_a_company_s_shares_is_a_stake() {
        for (text, want) in [
            (
                "It said it now holds just under 5% of Paribas's shares.",
                "stake (Paribas)",
            ),
            (
                "Montedison now owns about 72% of Erbamont's shares outstanding.",
                "stake (Erbamont)",
            ),
            (
                "Polly Peck agreed to acquire 51% of Sansui Electric Co. last month.",
                "stake (Sansui Electric)",
            ),
            ("The fund bought 12% of its shares.", "stake"),
        ] {
            assert_eq!(measures(text), [want], "{text}");
        }
    }

    #[test]
    fn a_percentage_of_something_else_is_no_stake() {
        for text in [
            "Exports make up 40% of Germany's output.",
            "The plant makes 25% of Ford's engines.",
            "Sales rose 5% of the time.",
        ] {
            assert!(
                measures(text).iter().all(|m| !m.starts_with("stake")),
                "{text}: {:?}",
                measures(text)
            );
        }
    }
}
