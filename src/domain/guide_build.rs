//! The part of the domain the build script compiles (build.rs includes this
//! file as its `domain` module): guides and what they are made of, so every
//! guide is validated by the same code before a byte of it ships.

#[path = "answer.rs"]
pub mod answer;
#[path = "date.rs"]
pub mod date;
#[path = "guide/mod.rs"]
pub mod guide;
#[path = "ids.rs"]
pub mod ids;
#[path = "wording.rs"]
pub mod wording;
