//! Reusable pieces of the interface.

mod page_heading;
mod update_banner;

pub use page_heading::PageHeading;
pub use update_banner::UpdateBanner;
