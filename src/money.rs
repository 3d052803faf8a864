//! Amounts of money and currency codes in, text as people write them out: "$2.7 billion",
//! "£450 million", "8.2 billion yuan", "$45.50"; and "US dollars", "euros" for a currency where a
//! heading names it. Rules as data: the table of currencies below. Exchange rates are not
//! converted.

/// How a currency is written.
struct Currency {
    /// The unit as the extractor gives it: an ISO 4217 code ("USD"), or a word ("cents").
    unit: &'static str,
    /// The symbol written before the amount ("$2.7 billion"), for currencies that readers of
    /// English know by it; the others are named after the amount ("8.2 billion yuan").
    symbol: Option<&'static str>,
    /// The currency's name in a heading or after an amount: "US dollars", "yen".
    name: &'static str,
}

const fn symbol(unit: &'static str, symbol: &'static str, name: &'static str) -> Currency {
    Currency {
        unit,
        symbol: Some(symbol),
        name,
    }
}

const fn named(unit: &'static str, name: &'static str) -> Currency {
    Currency {
        unit,
        symbol: None,
        name,
    }
}

/// The currencies written out. A code not listed is written as the code in capitals ("2.1
/// billion XOF").
const CURRENCIES: &[Currency] = &[
    // $2.7 billion, €3.1 billion, £450 million, ¥1.2 trillion
    symbol("USD", "$", "US dollars"),
    symbol("EUR", "€", "euros"),
    symbol("GBP", "£", "pounds"),
    symbol("JPY", "¥", "yen"),
    // C$1.5 billion, A$300 million, HK$2 billion
    symbol("CAD", "C$", "Canadian dollars"),
    symbol("AUD", "A$", "Australian dollars"),
    symbol("NZD", "NZ$", "New Zealand dollars"),
    symbol("HKD", "HK$", "Hong Kong dollars"),
    symbol("SGD", "S$", "Singapore dollars"),
    symbol("TWD", "NT$", "Taiwan dollars"),
    // 8.2 billion yuan, 1.5 trillion won, 500 million roubles
    named("CNY", "yuan"),
    named("KRW", "won"),
    named("INR", "rupees"),
    named("RUB", "roubles"),
    named("UAH", "hryvnias"),
    named("CHF", "Swiss francs"),
    named("MXN", "Mexican pesos"),
    named("BRL", "reais"),
    named("TRY", "lira"),
    named("ILS", "shekels"),
    named("ZAR", "rand"),
    named("NGN", "naira"),
    named("THB", "baht"),
    named("MYR", "ringgit"),
    named("IDR", "rupiah"),
    named("SAR", "riyals"),
    named("AED", "dirhams"),
    named("PLN", "zlotys"),
    named("SEK", "Swedish crowns"),
    named("NOK", "Norwegian crowns"),
    named("DKK", "Danish crowns"),
    named("HUF", "forints"),
    named("BTC", "bitcoins"),
    // Currencies of older news: 1.8400 marks, 5.6 French francs, 1,300 lire
    named("DEM", "marks"),
    named("FRF", "French francs"),
    named("ITL", "lire"),
    named("ESP", "pesetas"),
    named("NLG", "guilders"),
    named("FIM", "Finnish markkaa"),
    named("BEF", "Belgian francs"),
    named("CZK", "Czech crowns"),
    // 100,000 Kenyan shillings
    named("KES", "Kenyan shillings"),
    named("TZS", "Tanzanian shillings"),
    named("UGX", "Ugandan shillings"),
    named("GHS", "cedis"),
    named("DZD", "Algerian dinars"),
    named("PHP", "Philippine pesos"),
    named("VND", "dong"),
    named("LKR", "Sri Lankan rupees"),
    named("LAK", "kip"),
    named("MNT", "tugriks"),
    named("KZT", "tenge"),
    named("AZN", "manats"),
    named("GEL", "lari"),
    named("CRC", "colones"),
    named("PYG", "guaranies"),
    // 45 pence, 50 cents
    named("GBX", "pence"),
    named("pence", "pence"),
    named("cents", "cents"),
];

fn currency(unit: &str) -> Option<&'static Currency> {
    let unit = unit.trim();
    CURRENCIES
        .iter()
        .find(|c| c.unit.eq_ignore_ascii_case(unit))
}

/// Whether `unit` names a currency this module knows ("USD", "pence"): a change in it is an
/// amount of money too ("down $2.50").
pub fn is_currency(unit: &str) -> bool {
    currency(unit).is_some()
}

/// Whether `unit` reads as a currency code: three ASCII letters.
fn is_code(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_alphabetic())
}

/// The currency of `unit` as a heading names it: "US dollars" for `USD`, "euros" for `EUR`, an
/// unknown code in capitals (`XOF`), any other unit as it is.
pub fn currency_name(unit: &str) -> String {
    match currency(unit) {
        Some(c) => c.name.to_string(),
        None if is_code(unit.trim()) => unit.trim().to_ascii_uppercase(),
        None => unit.to_string(),
    }
}

/// `value` in currency `unit` as people write it: a symbol before the amount where readers know
/// one ("$2.7 billion", "€3.1 billion", "£450 million", "¥1.2 trillion"), else the currency's
/// name or code after it ("8.2 billion yuan", "2.1 billion XOF", "50 cents"). Round amounts of a
/// million or more are written in millions, billions or trillions; the others in full, with
/// separators and cents where there are any ("$1,234,567,890", "$45", "$45.50").
pub fn write_money(value: f64, unit: Option<&str>) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let amount = amount(value.abs());
    let Some(unit) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
        return format!("{sign}{amount}");
    };
    match currency(unit) {
        Some(Currency {
            symbol: Some(symbol),
            ..
        }) => format!("{sign}{symbol}{amount}"),
        _ => format!("{sign}{amount} {}", currency_name(unit)),
    }
}

/// The scales amounts are written in, largest first.
const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];

/// A non-negative amount: "2.7 billion" when it is a round number of its scale (at most three
/// decimals: "1.235 billion" is written only when the source said so), else in full. Counts are
/// written the same way ("46 million chips"), money with its currency ([`write_money`]).
pub fn amount(value: f64) -> String {
    if let Some(&(scale, word)) = SCALES.iter().find(|(scale, _)| value >= *scale) {
        let scaled = value / scale;
        if let Some(decimals) = decimals_of(scaled, 3) {
            return format!("{} {word}", with_separators(scaled, decimals));
        }
    }
    // In full: cents are written as two decimals ("45.50"), finer fractions as given, up to
    // four ("1.0912").
    let decimals = match decimals_of(value, 4) {
        Some(0) => 0,
        Some(d) => d.max(2),
        None => 4,
    };
    with_separators(value, decimals)
}

/// The fewest decimals, up to `max`, that write `value` exactly (within the noise of floating
/// point: 8.2 billion is stored as 8199999999.999999); `None` when `max` do not.
fn decimals_of(value: f64, max: usize) -> Option<usize> {
    (0..=max).find(|&d| {
        let shifted = value * 10f64.powi(d as i32);
        (shifted - shifted.round()).abs() <= 1e-9 * shifted.abs().max(1.0)
    })
}

/// `value` (not negative) with `decimals` decimals and a comma between thousands: "1,234.50".
fn with_separators(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_written_as_people_write_them() {
        let cases: &[(f64, Option<&str>, &str)] = &[
            // A symbol before the amount, round amounts in their scale.
            (2.7e9, Some("USD"), "$2.7 billion"),
            (3.1e9, Some("EUR"), "€3.1 billion"),
            (450e6, Some("GBP"), "£450 million"),
            (1.2e12, Some("JPY"), "¥1.2 trillion"),
            (1.5e9, Some("CAD"), "C$1.5 billion"),
            (12.25e6, Some("usd"), "$12.25 million"),
            // What the extractor stores for "8.2 billion" is not exactly 8.2e9.
            (8199999999.999999, Some("EUR"), "€8.2 billion"),
            // A name, or the code, after the amount.
            (8.2e9, Some("CNY"), "8.2 billion yuan"),
            (1.5e12, Some("KRW"), "1.5 trillion won"),
            (2.1e9, Some("XOF"), "2.1 billion XOF"),
            (50.0, Some("cents"), "50 cents"),
            (45.0, Some("GBX"), "45 pence"),
            (45.0, Some("pence"), "45 pence"),
            // Below a million, or not round: in full, with separators and cents.
            (45.0, Some("USD"), "$45"),
            (45.5, Some("USD"), "$45.50"),
            (0.25, Some("USD"), "$0.25"),
            (1.0912, Some("USD"), "$1.0912"),
            (999_999.0, Some("EUR"), "€999,999"),
            (12_345.67, Some("GBP"), "£12,345.67"),
            (1_234_567_890.0, Some("USD"), "$1,234,567,890"),
            (1_234_567.5, Some("USD"), "$1,234,567.50"),
            // No currency: the amount alone; a negative amount keeps its sign in front.
            (2.7e9, None, "2.7 billion"),
            (-5.0, Some("USD"), "-$5"),
            (-5e6, Some("CNY"), "-5 million yuan"),
            // Beyond trillions the scale stays.
            (1.5e15, Some("USD"), "$1,500 trillion"),
        ];
        for &(value, unit, expected) in cases {
            assert_eq!(write_money(value, unit), expected, "{value} {unit:?}");
        }
    }

    #[test]
    fn headings_name_currencies_instead_of_codes() {
        assert_eq!(currency_name("USD"), "US dollars");
        assert_eq!(currency_name("EUR"), "euros");
        assert_eq!(currency_name("GBP"), "pounds");
        assert_eq!(currency_name("JPY"), "yen");
        assert_eq!(currency_name("xof"), "XOF", "an unknown code in capitals");
        assert_eq!(currency_name("cents"), "cents");
        assert_eq!(currency_name("containers"), "containers");
    }
}
