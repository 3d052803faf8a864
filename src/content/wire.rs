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
    /// From a `tags:` line, as written (comma-separated).
    pub(crate) tags: Vec<String>,
    /// A headline on a line of its own above the story (and its dateline).
    pub(crate) headline: Option<String>,
    /// Byte offset where the text the extractors read starts: after the `date` and `tags`
    /// lines and a dateline right below them. A headline stays in it (its figures are claims
    /// like any other), and so does a dateline below a headline.
    pub(crate) body_offset: usize,
    /// Byte offset where the story starts for a reader: after the headline and its dateline
    /// too. `import` writes the text from here.
    pub(crate) story_offset: usize,
}

/// Reads the head of a wire story: `date YYYY-MM-DD` and `tags: a, b` lines (in either order,
/// each at most once), a headline on a line of its own, then a `CITY (AGENCY) –` dateline.
/// Every part is optional.
pub(crate) fn parse_header(text: &str) -> WireHeader {
    let mut header = WireHeader::default();
    let mut pos = skip_space(text, 0);
    let (mut seen_date, mut seen_tags) = (false, false);
    loop {
        let rest = &text[pos..];
        if !seen_date && let Some(after) = keyword(rest, "date") {
            seen_date = true;
            let value_start = skip_space(text, pos + after);
            let value_end = text[value_start..]
                .find(char::is_whitespace)
                .map_or(text.len(), |i| value_start + i);
            let value = &text[value_start..value_end];
            match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
                Ok(d) if value.len() == 10 => header.published = Some(d),
                _ => header.bad_date = Some((value.to_string(), value_start)),
            }
            pos = skip_space(text, value_end);
        } else if !seen_tags
            && rest
                .get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("tags:"))
        {
            seen_tags = true;
            let line_end = rest.find('\n').map_or(text.len(), |i| pos + i);
            header.tags = parse_tags(&text[pos + 5..line_end]);
            pos = skip_space(text, line_end);
        } else {
            break;
        }
    }
    header.body_offset = pos;
    let mut story = pos;
    if dateline(&text[pos..]).is_none()
        && loose_dateline(&text[pos..]).is_none()
        && let Some((headline, next)) = headline_at(text, pos)
    {
        header.headline = Some(headline);
        story = next;
    }
    if let Some((city, agency, end)) = dateline(&text[story..]) {
        header.dateline = Some(city);
        header.source = Some(agency);
        if header.headline.is_none() {
            header.body_offset = story + end;
        }
        story += end;
    } else if let Some((city, agency, end)) = loose_dateline(&text[story..]) {
        // Read for the source and the reader's story only: the extractors go on reading it as
        // they always have.
        header.dateline = Some(city);
        header.source = Some(agency);
        story += end;
    }
    header.story_offset = story;
    header
}

/// The length of `word` and the space or colon after it when `text` starts with them
/// (`date 2024-03-20`, `date: 2024-03-20`), ignoring case.
fn keyword(text: &str, word: &str) -> Option<usize> {
    // `get`, not `[..n]`: the byte after the word may fall inside a character.
    let head = text.get(..word.len())?;
    if !head.eq_ignore_ascii_case(word) {
        return None;
    }
    match text[word.len()..].chars().next()? {
        ' ' | '\t' | ':' => Some(word.len() + 1),
        _ => None,
    }
}

/// `korea, arms` or `[korea, arms]` → the tags, without empty ones or repeats.
pub(crate) fn parse_tags(value: &str) -> Vec<String> {
    let value = value.trim();
    let value = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value);
    let mut tags: Vec<String> = Vec::new();
    for tag in value.split(',') {
        let tag = tag.trim().trim_matches(['"', '\'']).trim();
        if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// A headline at `pos`: one short line that does not end like a sentence, followed by a
/// dateline or by a blank line and more text. Returns it and where the text after it starts.
fn headline_at(text: &str, pos: usize) -> Option<(String, usize)> {
    let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    let line = text[pos..line_end].trim();
    let words = line.split_whitespace().count();
    let first = line.chars().next()?;
    let last = line.chars().next_back()?;
    let looks_like_one = (2..=25).contains(&words)
        && line.chars().count() <= 150
        && (first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '‘'))
        && !matches!(last, '.' | ',' | ';' | ':' | '-' | '–' | '—')
        // A byline is no headline.
        && !line.starts_with("By ");
    if !looks_like_one {
        return None;
    }
    let next = skip_space(text, line_end);
    if next >= text.len() {
        return None;
    }
    let blank_line = text[line_end..next].matches('\n').count() >= 2;
    (blank_line || dateline(&text[next..]).is_some()).then(|| (line.to_string(), next))
}

fn skip_space(text: &str, from: usize) -> usize {
    text[from..]
        .find(|c: char| !c.is_whitespace() && c != '\u{feff}')
        .map_or(text.len(), |i| from + i)
}

/// Whether `city` reads as the city of a dateline: capitals, as `SEOUL` or `NEW YORK`.
fn city_ok(city: &str) -> bool {
    !city.is_empty()
        && city.chars().count() <= 40
        && city.chars().next().is_some_and(char::is_uppercase)
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | ','))
}

/// The agency in the parentheses that open at `open` (the space before "(") and the offset of
/// the closing one, when it reads as an agency: `AFP`, `Reuters`, `AP`, `Dow Jones/AFX`.
fn agency_at(line: &str, open: usize) -> Option<(&str, usize)> {
    let close = open + 2 + line[open + 2..].find(')')?;
    let agency = &line[open + 2..close];
    let agency_ok = !agency.is_empty()
        && agency.len() <= 30
        && agency
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-' | '/'));
    agency_ok.then_some((agency, close))
}

/// The datelines of other agencies' styles, on one line: a region or a date after the city
/// (`CANBERRA, Australia (AP)_ `, `KYIV, April 2 (Reuters) - `) → ("CANBERRA", "AP", length
/// including the dash or underscore and the spaces after it).
fn loose_dateline(text: &str) -> Option<(String, String, usize)> {
    let line = &text[..text.find('\n').unwrap_or(text.len())];
    let open = line.find(" (")?;
    let (city, place) = line[..open].split_once(", ")?;
    let place_ok = !place.is_empty()
        && place.chars().count() <= 40
        && !place.contains(['(', ')', '.', ';', ':']);
    if !city_ok(city) || !place_ok {
        return None;
    }
    let (agency, close) = agency_at(line, open)?;
    let after = line[close + 1..].trim_start_matches([' ', '\t']);
    if !after.starts_with(['–', '—', '-', '_']) {
        return None;
    }
    let rest = after.trim_start_matches(['–', '—', '-', '_', ' ', '\t']);
    Some((
        city.trim().to_string(),
        agency.trim().to_string(),
        line.len() - rest.len(),
    ))
}

/// `SEOUL (AFP) – ` → ("SEOUL", "AFP", length including the dash and spaces after it).
fn dateline(text: &str) -> Option<(String, String, usize)> {
    let open = text.find(" (")?;
    let city = &text[..open];
    if !city_ok(city) {
        return None;
    }
    let (agency, close) = agency_at(text, open)?;
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

/// The longest title made from a lead, in characters.
const TITLE_MAX: usize = 90;

/// A headline for a story that has none: its lead sentence without the attribution at the end,
/// cut where a clause ends when it is too long.
pub(crate) fn title_from_lead(body: &str) -> String {
    let lead = body.trim_start();
    let end = sentence_end(lead);
    headline_of(&lead[..end], TITLE_MAX)
}

/// What `sentence` says as a headline of at most `max` characters: without its full stop and
/// a closing attribution clause, cut where a clause ends when it is longer.
pub(crate) fn headline_of(sentence: &str, max: usize) -> String {
    let mut sentence = sentence.trim_end_matches('.').trim();
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
    clip_title(sentence, max)
}

/// Where the first sentence of `text` ends: at a full stop followed by a space and a capital
/// (not after an initial or an abbreviation such as `U.S.` or `Gen.`), or at the first line
/// break.
fn sentence_end(text: &str) -> usize {
    let line_end = text.find('\n').unwrap_or(text.len());
    let mut from = 0;
    while let Some(i) = text[from..line_end].find(". ").map(|i| from + i) {
        let word = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
        let word = word.trim_start_matches(['(', '"', '“']);
        let next = text[i + 2..].chars().next();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let abbreviation = initial || word.contains('.') || ABBREVIATIONS.contains(&word);
        if !abbreviation && next.is_some_and(|c| !c.is_lowercase()) {
            return i;
        }
        from = i + 2;
    }
    line_end
}

/// Words that end with a full stop without ending a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep",
    "St", "Jr", "Sr", "No", "Co", "Corp", "Inc", "Ltd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "vs",
];

/// The words of `text` (split at white space) with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words
}

/// Words that open a clause or a phrase: a title may stop before one.
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "after", "amid", "and", "as", "because", "before", "but", "despite", "following", "if",
    "since", "that", "though", "although", "until", "when", "where", "which", "while", "who",
    "with", "without", "in", "on", "at", "for", "from", "to", "by", "over", "under", "during",
];

/// `text` when it has at most `max` characters; else its longest beginning that ends where a
/// clause does (before `,` `;` `:` or a dash), else before a word that opens a clause or phrase
/// (`after`, `which`, `in`…); only when there is neither, the words that fit and `…`. A title
/// is never cut inside a word.
fn clip_title(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    // Shorter than this, a beginning says too little to stand for the story.
    const MIN: usize = 30;
    let fits = |end: usize| {
        let n = text[..end].chars().count();
        (MIN..=max).contains(&n)
    };
    let mut clause_end = None;
    let mut phrase_end = None;
    let mut fitted = 0;
    for (i, word) in words_at(text) {
        // A cut before this word.
        if matches!(word, "-" | "–" | "—") && fits(i) {
            clause_end = Some(i);
        }
        if CLAUSE_OPENERS.contains(&word) && fits(i) {
            phrase_end = Some(i);
        }
        let end = i + word.len();
        if text[..end].chars().count() > max {
            break;
        }
        fitted = end;
        // A cut after this word.
        if word.ends_with([',', ';', ':']) && fits(end - 1) {
            clause_end = Some(end - 1);
        }
    }
    match clause_end.or(phrase_end) {
        Some(end) => text[..end]
            .trim_end_matches([' ', ',', ';', ':'])
            .to_string(),
        // One word longer than a title: whole, rather than cut inside.
        None if fitted == 0 => text.split_whitespace().next().unwrap_or("").to_string(),
        None => text[..fitted].trim_end_matches([',', ';', ':']).to_string() + "…",
    }
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
        assert_eq!(h.story_offset, h.body_offset);
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
    fn tags_and_headline_lines() {
        let text = "date 2024-04-02\ntags: Ukraine, drones, ukraine\nUkraine receives a record 1,200 drones\n\nKYIV (Reuters) – Ukraine said on Tuesday.";
        let h = parse_header(text);
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2024, 4, 2));
        assert_eq!(h.tags, ["Ukraine", "drones"]);
        assert_eq!(
            h.headline.as_deref(),
            Some("Ukraine receives a record 1,200 drones")
        );
        assert_eq!(h.source.as_deref(), Some("Reuters"));
        assert_eq!(&text[h.story_offset..], "Ukraine said on Tuesday.");
        // The extractors still read the headline.
        assert!(text[h.body_offset..].starts_with("Ukraine receives a record"));
        // Tags first, a colon after `date`, a headline right above the dateline.
        let text = "tags: [a, \"b c\"]\ndate: 2024-04-02\nDrones arrive\nKYIV (Reuters) - Text.";
        let h = parse_header(text);
        assert_eq!(h.tags, ["a", "b c"]);
        assert_eq!(h.published, NaiveDate::from_ymd_opt(2024, 4, 2));
        assert_eq!(h.headline.as_deref(), Some("Drones arrive"));
        assert_eq!(&text[h.story_offset..], "Text.");
        // Plain text with a headline and no dateline.
        let text = "Floods displace 1,200 families\n\nThe ministry said so.";
        let h = parse_header(text);
        assert_eq!(
            h.headline.as_deref(),
            Some("Floods displace 1,200 families")
        );
        assert_eq!(&text[h.story_offset..], "The ministry said so.");
    }

    #[test]
    fn datelines_of_other_styles_give_the_source_and_leave_the_extracted_text_alone() {
        for (text, city, agency, story) in [
            (
                "date 1998-02-13\nCANBERRA, Australia (AP)_ Turning its back.",
                "CANBERRA",
                "AP",
                "Turning its back.",
            ),
            (
                "KYIV, April 2 (Reuters) - Ukraine said so.",
                "KYIV",
                "Reuters",
                "Ukraine said so.",
            ),
            (
                "Drones arrive\n\nKYIV, April 2 (Reuters) – Ukraine said so.",
                "KYIV",
                "Reuters",
                "Ukraine said so.",
            ),
        ] {
            let h = parse_header(text);
            assert_eq!(h.dateline.as_deref(), Some(city), "{text}");
            assert_eq!(h.source.as_deref(), Some(agency), "{text}");
            assert_eq!(&text[h.story_offset..], story, "{text}");
            // The extractors read from where they always have.
            assert!(text[h.body_offset..].contains(city), "{text}");
        }
        // Not a dateline: no capitals before the comma, or no agency.
        for text in [
            "Officials, in Kyiv (Ukraine) - said so.",
            "FRANKFURT, Dec 12 - The bank cut rates.",
        ] {
            assert_eq!(parse_header(text).source, None, "{text}");
        }
    }

    #[test]
    fn no_headline_where_a_sentence_or_a_byline_stands() {
        for text in [
            "The ministry said so.\n\nMore follows.",
            "By Jane Doe\n\nMore follows.",
            "Floods displace families\nMore follows on the next line.",
            "Floods displace families",
            "date 1998-02-13\nCANBERRA, Australia (AP)_ Turning its back on 210 years of loyalty.",
        ] {
            assert_eq!(parse_header(text).headline, None, "{text}");
        }
    }

    #[test]
    fn long_leads_are_cut_where_a_clause_ends() {
        // At the last clause punctuation that fits.
        assert_eq!(
            title_from_lead(
                "Heavy rains flooded large parts of the capital on Sunday, forcing more than 20,000 people from their homes and closing schools across three districts, officials said."
            ),
            "Heavy rains flooded large parts of the capital on Sunday"
        );
        // Else before a word that opens a clause or a phrase.
        assert_eq!(
            title_from_lead(
                "The central bank raised its main interest rate by half a percentage point to 4.5 percent after inflation reached its highest level in two decades."
            ),
            "The central bank raised its main interest rate by half a percentage point to 4.5 percent"
        );
        // Abbreviations and initials do not end the lead sentence.
        assert_eq!(
            title_from_lead("U.S. Gen. J. Smith arrived in Kyiv. He met officials."),
            "U.S. Gen. J. Smith arrived in Kyiv"
        );
        // A lead's own ellipsis is kept, not read as a cut.
        assert_eq!(title_from_lead("𝔻…"), "𝔻…");
        // Never a cut inside a word.
        let title = title_from_lead(&"Anticonstitutionally ".repeat(8));
        assert!(title.ends_with("Anticonstitutionally…"), "{title}");
    }

    proptest::proptest! {
        /// Any text: the head's offsets are in order and on character boundaries, and a title
        /// made from the lead fits (or is one word) and never ends inside a word.
        #[test]
        fn any_text_gives_a_header_and_a_title(text in "(date 2024-01-02\n)?(tags: [a-z ,]{0,12}\n)?\\PC{0,40}(\n\n)?(SEOUL \\(AFP\\) – )?[\\PC\n]{0,300}") {
            let h = parse_header(&text);
            proptest::prop_assert!(h.body_offset <= h.story_offset && h.story_offset <= text.len());
            proptest::prop_assert!(text.is_char_boundary(h.body_offset) && text.is_char_boundary(h.story_offset));
            let lead = &text[h.body_offset..];
            let title = title_from_lead(lead);
            let bare = title.trim_end_matches('…');
            proptest::prop_assert!(title.chars().count() <= TITLE_MAX + 1 || !bare.contains(char::is_whitespace), "{title:?}");
            // A title that stands in the lead as written was not cut ("𝔻…" is its own
            // ellipsis); a cut one ends in whole words of the lead.
            if title.ends_with('…') && !bare.is_empty() && !lead.contains(title.as_str()) {
                // The words before `…` are whole words of the lead.
                let last = bare.split_whitespace().next_back().unwrap_or("");
                proptest::prop_assert!(lead.split_whitespace().any(|w| w.trim_end_matches([',', ';', ':']) == last), "{title:?}");
            }
        }
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
