//! Longer guide text on screen (and in print): paragraphs and lists, always
//! as text nodes.

use leptos::prelude::*;

use crate::domain::guide::prose::{blocks, Block};

#[component]
pub fn Prose(
    /// The text, already rendered with the user's wording.
    text: String,
) -> impl IntoView {
    blocks(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(text) => view! { <p>{text}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}
