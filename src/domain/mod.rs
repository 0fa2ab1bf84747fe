//! Mend's domain: guides, answers, scoring and entries, in plain Rust with no browser or UI imports.

pub mod answer;
pub mod browser;
pub mod calendar;
pub mod compare;
pub mod date;
pub mod entry;
pub mod fingerprint;
pub mod first_screen;
pub mod guide;
pub mod ids;
pub mod msg;
pub mod prefs;
pub mod program;
pub mod sealed;
pub mod store;
pub mod transfer;
pub mod wording;

// Native only: they parse the TOML fixtures with the `toml` dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
