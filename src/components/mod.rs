//! Reusable pieces of the interface.

pub mod download;
mod notices;
mod page_heading;
pub mod question;
mod update_banner;

pub use notices::Notices;
pub use page_heading::PageHeading;
pub use update_banner::UpdateBanner;
