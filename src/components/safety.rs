//! Pieces the safety pages share: the user's safety status, read from the
//! stored answers, and the helplines for their country with a picker.

use leptos::prelude::*;

use crate::content::{first_screen, helplines, library};
use crate::domain::program::helplines::{Country, Helplines, Line, Purpose};
use crate::domain::program::safety::{assess, SafetyStatus};
use crate::i18n::{around, msg, shown, t, tf, Lang};
use crate::privacy::Privacy;
use crate::store::Store;

/// What every guide's latest answers say about safety, kept current.
pub fn use_safety() -> Memo<SafetyStatus> {
    let store = expect_context::<Store>();
    Memo::new(move |_| store.read(|d| assess(&d.entries, library(), &d.profile.safety)))
}

/// The country whose lines to show: the user's choice, else the browser's
/// languages, else none (then every page offers the picker and the
/// international directory).
fn country(chosen: Option<&str>) -> Option<&'static Country> {
    if let Some(code) = chosen {
        if let Some(country) = helplines().country(code) {
            return Some(country);
        }
    }
    let navigator = window().navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if let Some(tag) = navigator.language() {
        tags.push(tag);
    }
    tags.iter()
        .find_map(|tag| helplines().country_for_language(tag))
}

/// The chosen country, following the user's choice as it changes.
pub fn use_country() -> Signal<Option<&'static Country>> {
    let privacy = expect_context::<Privacy>();
    Signal::derive(move || country(privacy.prefs().with(|p| p.country.clone()).as_deref()))
}

/// The emergency number to call, e.g. "999 (United Kingdom)", or a plain
/// fallback when the country is not known.
pub fn emergency_number(country: Option<&Country>) -> String {
    match country {
        Some(c) => format!("{} ({})", c.emergency, c.shown_name()),
        None => t(msg::safety::LOCAL_EMERGENCY_NUMBER).to_owned(),
    }
}

/// "call 999 (United Kingdom)", for the middle of a sentence.
pub fn emergency_words(country: Option<&Country>) -> String {
    match country {
        Some(_) => tf(
            msg::safety::CALL_NUMBER,
            &[("number", &emergency_number(country))],
        ),
        None => t(msg::safety::CALL_LOCAL).to_owned(),
    }
}

/// Who a line of `purpose` is for, in the static pages' words too.
fn tag(purpose: Purpose) -> &'static str {
    let tags = &first_screen().tags;
    match purpose {
        Purpose::Crisis => tags.crisis,
        Purpose::Abuse => tags.abuse,
        Purpose::UsesHarm => tags.uses_harm,
        Purpose::Men => tags.men,
        Purpose::Lgbtq => tags.lgbtq,
        Purpose::Workplace => tags.workplace,
        Purpose::Relay => tags.relay,
    }
}

/// One helpline, as a list item. Numbers are `tel:` / `sms:` links so a
/// phone can dial them; the web address opens only if the user follows it.
fn line_item(line: &'static Line, shown_for: &[Purpose]) -> impl IntoView {
    // Who the line is for, at a glance: its purposes among those this list
    // shows (all of them for the directory), then its audience, then the
    // other languages it answers in.
    let mut tags: Vec<String> = line
        .purposes
        .iter()
        .filter(|p| shown_for.is_empty() || shown_for.contains(p))
        // A line for anyone that also serves men or LGBTQ+ people is not
        // "for men": the tag would read as a limit.
        .filter(|p| {
            !(line.purposes.contains(&Purpose::Abuse) && matches!(p, Purpose::Men | Purpose::Lgbtq))
        })
        .map(|p| tag(*p).to_owned())
        .collect();
    tags.extend(line.audience.clone());
    // Against the language the pages are shown in, for "Also in Spanish".
    tags.extend(line.language_tag(shown().code()));
    let tags = (!tags.is_empty()).then(|| {
        view! {
            <span class="helpline__tags">
                {tags.into_iter().map(|t| view! { <span class="tag">{t}</span> }).collect_view()}
            </span>
        }
    });
    let dial = Helplines::dial_for(line).unwrap_or_default();
    let call = line.call.clone().map(|number| {
        let href = format!("tel:{dial}");
        let [before, after] = around(msg::safety::CALL_LINE, "{number}", &[]);
        view! { " " {before} <a href=href class="helpline__number">{number}</a> {after} }
    });
    let lang = shown().code();
    let text = line
        .text_in(lang)
        .map(|text| view! { " " {text.to_owned()} "." });
    let web = line.web.clone().map(|web| {
        let shown = web
            .trim_start_matches("https://")
            .trim_end_matches('/')
            .to_owned();
        // In this tab, not a new one: Quick exit leaves this tab, and could
        // not close a helpline's page left open in another.
        view! { " " <a href=web rel="noopener noreferrer">{shown}</a> }
    });
    let hours = line
        .hours_in(lang)
        .map(|h| view! { " " <span class="muted">{h.to_owned()}</span> });
    let note = line
        .note
        .clone()
        .map(|n| view! { <br /> <span class="muted">{n}</span> });
    view! {
        <li class="helpline">
            <strong>{line.service.clone()}</strong>
            {tags}
            {call}
            {text}
            {web}
            {hours}
            {note}
        </li>
    }
}

/// One country's emergency number, silent call and lines for `purposes`;
/// under its own heading when several countries are listed.
fn country_lines(
    c: &'static Country,
    purposes: &'static [Purpose],
    grouped: bool,
) -> impl IntoView {
    // In English, the file's order (crisis first); in another language,
    // the lines that answer in it come first (each says so with its tag).
    let lines: Vec<&'static Line> = match shown() {
        Lang::En => helplines().lines_for(&c.code, purposes),
        lang => helplines().lines_for_language(&c.code, purposes, lang.code()),
    };
    let dial: String = c.emergency.chars().filter(char::is_ascii_digit).collect();
    // A relay service alone is not a line of this kind.
    let any = lines.iter().any(|l| {
        l.purposes
            .iter()
            .any(|p| *p != Purpose::Relay && purposes.contains(p))
    });
    let list = if any {
        view! { <ul class="helplines">{lines.into_iter().map(|l| line_item(l, purposes)).collect_view()}</ul> }.into_any()
    } else {
        view! { <p>{tf(msg::safety::NO_LINE, &[("country", c.shown_name())])}</p> }.into_any()
    };
    let [before, after] = around(
        msg::safety::EMERGENCY_LINE,
        "{number}",
        &[("country", c.shown_name())],
    );
    let body = view! {
        <p>
            {before}
            <a href=format!("tel:{dial}") class="helpline__number">{c.emergency.clone()}</a>
            {after}
        </p>
        {c.silent_call.clone().map(|silent| view! { <p class="silent-call">{silent}</p> })}
        {list}
    };
    if grouped {
        view! {
            <section class="helplines-country" aria-label=c.shown_name().to_owned()>
                <h3>{c.shown_name().to_owned()}</h3>
                {body}
            </section>
        }
        .into_any()
    } else {
        body.into_any()
    }
}

/// The lines for `purposes` in the chosen country, the emergency number, the
/// directory for everywhere else, and a picker to change country (remembered
/// on this device with the other settings).
#[component]
pub fn HelplineList(
    /// What the lines are for, e.g. crisis.
    purposes: &'static [Purpose],
    /// Id of the picker, unique on the page.
    #[prop(default = "helpline-country")]
    picker_id: &'static str,
) -> impl IntoView {
    let privacy = expect_context::<Privacy>();
    let country = use_country();
    let choose = move |code: String| {
        let mut prefs = privacy.prefs().get_untracked();
        prefs.country = (!code.is_empty()).then_some(code);
        // Applies at once even if it cannot be remembered.
        let _ = privacy.set_prefs(prefs);
    };
    let options = helplines()
        .countries
        .iter()
        .map(|c| {
            let code = c.code.clone();
            let selected = move || country.get().is_some_and(|chosen| chosen.code == code);
            view! { <option value=c.code.clone() selected=selected>{c.shown_name().to_owned()}</option> }
        })
        .collect_view();
    let international = helplines().international();
    view! {
        <div class="helplines-for">
            <p class="field">
                <label for=picker_id>{t(msg::safety::YOUR_COUNTRY)}</label>
                " "
                <select id=picker_id on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="" selected=move || country.get().is_none()>{t(msg::safety::SOMEWHERE_ELSE)}</option>
                    {options}
                </select>
            </p>
            // Beside every list of numbers: a `tel:` link dials from this
            // phone. (Confirmed 2026-12-06 at
            // https://www.techsafety.org/resources-survivors/cell-phone-safety-plan:
            // "they may be looking at your call log, billing records".)
            <p class="muted">{first_screen().before_the_app.call_log}</p>
            {move || match country.get() {
                Some(c) => country_lines(c, purposes, false).into_any(),
                // Not known: every country's lines, grouped, as the static
                // page shows them before the app starts.
                None => view! {
                    <p>{first_screen().before_the_app.every_country}</p>
                    {helplines()
                        .countries
                        .iter()
                        .map(|c| country_lines(c, purposes, true))
                        .collect_view()}
                }
                .into_any(),
            }}
            <p class="muted">{first_screen().before_the_app.elsewhere}</p>
            <ul class="helplines">{international.into_iter().map(|l| line_item(l, &[])).collect_view()}</ul>
            <p class="muted">{t(msg::safety::NUMBERS_CHECKED)}</p>
        </div>
    }
}

/// "If someone checks your phone": how Mend, its calls and its history could
/// be seen, on the Safety page and the intake's safety step. Each fact about
/// phones was confirmed on 2026-12-06:
/// - a safer device: https://www.techsafety.org/resources-survivors/cell-phone-safety-plan,
///   https://refugetechsafety.org/guide-secure-your-phone-basics/
/// - call logs and bills: the first page above
/// - shared accounts: https://refugetechsafety.org/guide-secure-your-phone-basics/,
///   https://www.techsafety.org/blog/tag/cellphone
/// - private windows keep no history or site data once closed: Google's
///   Chrome Help, "Browse in private"; wiping all history can look unusual:
///   https://victimandwitnessinformation.org.uk/online-safety
/// - signs of monitoring: https://consumer.ftc.gov/articles/stalking-apps-what-know
/// - removing monitoring can alert the other person: Refuge (above),
///   https://techsafety.ca/resources/toolkits/mobile-spyware-identification-removal-and-prevention
///
/// Mend's own part (Quick exit in this tab, history, storage, passphrase,
/// erase) is how the app behaves: helpline sites open in this tab, so no tab
/// is left behind that Quick exit cannot close.
#[component]
pub fn TechSafety(
    /// 2 on a page, 3 inside a guide's step.
    #[prop(default = 2)]
    heading_level: u8,
) -> impl IntoView {
    let words = &first_screen().tech_safety;
    let heading = words.heading;
    let title = if heading_level == 3 {
        view! { <h3 id="tech-safety">{heading}</h3> }.into_any()
    } else {
        view! { <h2 id="tech-safety">{heading}</h2> }.into_any()
    };
    let points = words
        .leads
        .iter()
        .zip(words.texts)
        .map(|(lead, text)| view! { <li><strong>{*lead}</strong> " " {*text}</li> })
        .collect_view();
    view! {
        <section class="card tech-safety" aria-labelledby="tech-safety">
            {title}
            <ul>{points}</ul>
        </section>
    }
}
