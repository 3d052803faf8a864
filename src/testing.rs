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
