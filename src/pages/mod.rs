//! One module per page of the app.

mod compare;
pub mod guide;
mod guides;
mod history;
mod not_found;
mod right_now;
mod safety;
mod settings;
mod start;
mod stopping_harm;
mod summary;

pub use compare::GuideCompare;
pub use guides::Guides;
pub use history::History;
pub use not_found::NotFound;
pub use right_now::RightNow;
pub use safety::Safety;
pub use settings::Settings;
pub use start::Start;
pub use stopping_harm::StoppingHarm;
pub use summary::Summary;
