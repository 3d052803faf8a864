//! Raw wire copy in (an optional `date YYYY-MM-DD` line, then a `CITY (AGENCY) –` dateline),
//! its header fields and the byte offset where the story starts out.

use chrono::NaiveDate;

/// What the head of a wire story says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WireHeader {
    /// From the `date` line.
    pub(crate) published: Option<NaiveDate>,
    /// An unreadable `date` line: its text and offset, to report.
    pub(crate) bad_date: Option<(String, usize)>,
    /// The city of the dateline, as written.
    pub(crate) dateline: Option<String>,
    /// The agency of the dateline.
    pub(crate) source: Option<String>,
    /// Byte offset where the story text starts.
    pub(crate) body_offset: usize,
}

/// Reads the head of a wire story.
pub(crate) fn parse_header(text: &str) -> WireHeader {
    let mut header = WireHeader::default();
    let mut pos = skip_space(text, 0);
    let rest = &text[pos..];
    // `get`, not `[..5]`: the fifth byte may fall inside a character.
    if rest
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("date "))
    {
        let value_start = skip_space(text, pos + 5);
        let value_end = text[value_start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| value_start + i);
        let value = &text[value_start..value_end];
        match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Ok(d) if value.len() == 10 => header.published = Some(d),
            _ => header.bad_date = Some((value.to_string(), value_start)),
        }
        pos = skip_space(text, value_end);
    }
    if let Some((city, agency, end)) = dateline(&text[pos..]) {
        header.dateline = Some(city);
        header.source = Some(agency);
        pos += end;
    }
    header.body_offset = pos;
    header
}

fn skip_space(text: &str, from: usize) -> usize {
    text[from..]
        .find(|c: char| !c.is_whitespace() && c != '\u{feff}')
        .map_or(text.len(), |i| from + i)
}

/// `SEOUL (AFP) – ` → ("SEOUL", "AFP", length including the dash and spaces after it).
fn dateline(text: &str) -> Option<(String, String, usize)> {
    let open = text.find(" (")?;
    let city = &text[..open];
    let city_ok = !city.is_empty()
        && city.chars().count() <= 40
        && city.chars().next().is_some_and(char::is_uppercase)
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | ','));
    if !city_ok {
        return None;
    }
    let close = open + 2 + text[open + 2..].find(')')?;
    let agency = &text[open + 2..close];
    let agency_ok = !agency.is_empty()
        && agency.len() <= 30
        && agency
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-' | '/'));
    if !agency_ok {
        return None;
    }
    let after = &text[close + 1..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    let dash = trimmed.chars().next()?;
    if !matches!(dash, '–' | '—' | '-') {
        return None;
    }
    let after_dash = &trimmed[dash.len_utf8()..];
    let rest = after_dash.trim_start_matches(['-', ' ', '\t']);
    let end = text.len() - rest.len();
    Some((city.trim().to_string(), agency.trim().to_string(), end))
}

/// A headline for a story that has none: its lead sentence without the attribution at the end,
/// cut at a word boundary.
pub(crate) fn title_from_lead(body: &str) -> String {
    let lead = body.trim_start();
    let end = lead
        .find(". ")
        .or_else(|| lead.find(".\n"))
        .or_else(|| lead.find('\n'))
        .unwrap_or(lead.len());
    let mut sentence = lead[..end].trim_end_matches('.').trim();
    // "…, South Korea's defence minister said Monday" — drop a trailing attribution clause.
    if let Some(comma) = sentence.rfind(", ") {
        let tail = &sentence[comma + 2..];
        let words = tail.split_whitespace().count();
        if words <= 8
            && tail
                .split_whitespace()
                .any(|w| matches!(w, "said" | "says" | "told" | "reported" | "announced"))
        {
            sentence = &sentence[..comma];
        }
    }
    truncate_words(sentence, 90)
}

fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', ';', ':']).to_string() + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_seed_header() {
        let text = " date 2024-03-20 SEOUL (AFP) – North Korea has shipped arms.";
        let h = parse_header(text);
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2024, 3, 20));
        assert_eq!(h.dateline.as_deref(), Some("SEOUL"));
        assert_eq!(h.source.as_deref(), Some("AFP"));
        assert_eq!(&text[h.body_offset..], "North Korea has shipped arms.");
    }

    #[test]
    fn header_lines_on_their_own_lines() {
        let text = "date 2023-01-02\nWASHINGTON (Reuters) - The talks ended.";
        let h = parse_header(text);
        assert_eq!(h.source.as_deref(), Some("Reuters"));
        assert_eq!(&text[h.body_offset..], "The talks ended.");
    }

    #[test]
    fn plain_text_has_no_header() {
        let text = "The talks (which began in May) ended.";
        let h = parse_header(text);
        assert_eq!(h, WireHeader::default());
        let h = parse_header("date 2024-13-01\nText");
        assert_eq!(h.bad_date, Some(("2024-13-01".into(), 5)));
    }

    #[test]
    fn titles_from_the_lead() {
        assert_eq!(
            title_from_lead("Rains flooded the capital, officials said Monday. More follows."),
            "Rains flooded the capital"
        );
        let long = "word ".repeat(40);
        assert!(title_from_lead(&long).ends_with('…'));
    }
}
