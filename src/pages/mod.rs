//! One module per page of the app.

mod compare;
pub mod guide;
mod guides;
mod history;
mod lazy;
mod not_found;
mod right_now;
mod safety;
mod settings;
mod start;
mod stopping_harm;
mod summary;

pub use guides::Guides;
pub use lazy::{
    LazyCompare, LazyHistory, LazyResults, LazyReview, LazySettings, LazyStoppingHarm, LazySummary,
};
pub use not_found::NotFound;
pub use right_now::RightNow;
pub use safety::Safety;
pub use start::Start;
