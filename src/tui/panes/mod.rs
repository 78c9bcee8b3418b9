//! One module per pane. Each draws from `&App` into its rectangle and changes nothing.

pub mod codes;
pub mod footer;
pub mod header;
pub mod library;
pub mod marks;
pub mod search;
pub mod speakers;
pub mod stats;
pub mod summaries;
pub mod timeline;
pub mod transcript;
pub mod warnings;
pub mod words;

pub use super::widgets::{bar, bottom_label, clean, frame_block, list_offset, popup};
