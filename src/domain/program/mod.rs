//! The Mend program around the guides: the intake, the personal path it
//! leads to, the safety rule that overrides both, and the apology wording check.

pub mod answering;
pub mod apology;
pub mod commitments;
pub mod helplines;
pub mod intake;
pub mod path;
pub mod progress;
pub mod results;
pub mod review;
pub mod safety;
pub mod summary;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
