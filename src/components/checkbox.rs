//! One checkbox with its label, the way every yes-or-no setting in Mend is
//! asked outside a guide's questions (those have their own controls).

use leptos::prelude::*;

/// A ticked-or-not choice. `label` is what a screen reader reads with the
/// box; `children`, if any, follow the label inside the same field (help, or
/// the answer that would travel), and `described_by` names the element that
/// explains it.
#[component]
pub fn Checkbox(
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
    #[prop(into)] label: String,
    #[prop(optional, into)] described_by: Option<String>,
    /// Extra classes for the field, after `field field--check`.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let class = if class.is_empty() {
        "field field--check".to_owned()
    } else {
        format!("field field--check {class}")
    };
    view! {
        <div class=class>
            <label>
                <input
                    type="checkbox"
                    prop:checked=checked
                    aria-describedby=described_by
                    on:change=move |event| on_change.run(event_target_checked(&event))
                />
                " " {label}
            </label>
            {children.map(|children| children())}
        </div>
    }
}
