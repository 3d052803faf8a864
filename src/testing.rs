//! Helpers shared by the unit tests.

/// A xorshift64 generator started at `state` (not zero): the same numbers on every run, for the
/// tests that compare two ways of doing one thing on many random inputs.
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// A text of up to `max_len - 1` chars drawn from `alphabet` by `next` (a [`xorshift`]): its
/// length first, then each char.
pub(crate) fn random_text(
    next: &mut impl FnMut() -> u64,
    alphabet: &[char],
    max_len: u64,
) -> String {
    let len = (next() % max_len) as usize;
    (0..len)
        .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
        .collect()
}

/// The article "a" (title "A", from "Wire", published 2024-01-02, no URL) as its claims' views
/// show it.
pub(crate) fn claim_source() -> std::sync::Arc<crate::render::views::ClaimSource> {
    std::sync::Arc::new(crate::render::views::ClaimSource {
        article: "a".into(),
        article_title: "A".into(),
        article_source: "Wire".into(),
        article_href: "articles/a.html".into(),
        article_url: None,
        article_published: "2024-01-02".into(),
    })
}

/// An article parsed from `text` as if it were `content/articles/a.md`.
pub(crate) fn article(text: &str) -> crate::content::Article {
    let (a, _) = crate::content::parse_article(
        std::path::Path::new("content/articles/a.md"),
        text.into(),
        None,
        crate::content::Strictness::Project,
    );
    a.unwrap()
}
