//! One module per page of the app.

pub mod guide;
mod guides;
mod history;
mod not_found;
mod safety;
mod settings;
mod start;

pub use guides::Guides;
pub use history::History;
pub use not_found::NotFound;
pub use safety::Safety;
pub use settings::Settings;
pub use start::Start;
