//! Reusable pieces of the interface.

mod checkbox;
mod commitment_marks;
pub mod download;
mod lock_screen;
mod notices;
mod page_heading;
mod prose;
pub mod question;
pub mod reminder;
pub mod safety;
mod trust_chart;
mod update_banner;
mod week_warning;
mod words;

pub use checkbox::Checkbox;
pub use commitment_marks::CommitmentMarks;
pub use lock_screen::{ClosedScreen, LockScreen};
pub use notices::Notices;
pub use page_heading::{set_neutral_tab_title, set_tab_title, PageHeading};
pub use prose::Prose;
pub use reminder::ReminderCard;
pub use safety::TechSafety;
pub use trust_chart::{scale_range, TrustOverTime};
pub use update_banner::UpdateBanner;
pub use week_warning::WeekWarning;
pub use words::{unavailable, with_words};

use leptos::prelude::{RwSignal, Set as _};

/// Sets `signal` if its component is still on screen. For the end of async
/// work (unlocking, sealing, reading a file), which may finish after the
/// screen that started it has gone: Leptos panics on a disposed signal.
pub fn alive<T: Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    let _ = signal.try_set(value);
}
