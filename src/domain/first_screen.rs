//! The words of the first screen and the crisis pages (content/first-screen.toml).
//!
//! The build writes these pages as static HTML from the same file
//! (scripts/first_screen.py), so they show before the app has started and
//! with JavaScript off; the app draws the same words once it runs. A
//! sentence is written once. build.rs turns the file into a `FirstScreen`
//! value, so a missing or unknown key fails the build and no parser ships.

/// content/first-screen.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstScreen {
    pub home: Home,
    pub safety: SafetyWords,
    pub tech_safety: TechSafetyWords,
    pub tags: Tags,
    pub right_now: RightNowWords,
    pub before_the_app: BeforeTheApp,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Home {
    pub heading: &'static str,
    pub lead: &'static str,
    pub start: &'static str,
    pub start_note: &'static str,
    pub private_heading: &'static str,
    pub private: &'static str,
    pub safety_heading: &'static str,
    pub safety: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SafetyWords {
    pub heading: &'static str,
    pub now_heading: &'static str,
    pub now: &'static str,
    pub crisis: &'static str,
    pub help_heading: &'static str,
    pub help: &'static str,
    pub fault_heading: &'static str,
    pub fault: &'static str,
}

/// "If someone checks your phone": a bold lead and a text per point.
#[derive(Debug, Clone, PartialEq)]
pub struct TechSafetyWords {
    pub heading: &'static str,
    pub leads: &'static [&'static str],
    pub texts: &'static [&'static str],
}

/// Who a helpline is for, by purpose.
#[derive(Debug, Clone, PartialEq)]
pub struct Tags {
    pub crisis: &'static str,
    pub abuse: &'static str,
    pub uses_harm: &'static str,
    pub men: &'static str,
    pub lgbtq: &'static str,
    pub workplace: &'static str,
    pub relay: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RightNowWords {
    pub heading: &'static str,
    pub act_heading: &'static str,
    pub act: &'static str,
    pub minutes_heading: &'static str,
    pub minutes: &'static [&'static str],
    pub lines_heading: &'static str,
    pub lines: &'static str,
}

/// Words only the static pages use.
#[derive(Debug, Clone, PartialEq)]
pub struct BeforeTheApp {
    pub quick_exit: &'static str,
    pub quick_exit_title: &'static str,
    pub every_country: &'static str,
    pub emergency: &'static str,
    pub noscript: &'static str,
    pub call_log: &'static str,
    pub elsewhere: &'static str,
}

/// A sentence split around `{right_now}`, so the app can put a link there.
/// `{emergency}` is filled with `emergency` ("call 911 (United States)").
pub fn around_right_now(text: &str, emergency: &str) -> (String, Option<String>) {
    let filled = text.replace("{emergency}", emergency);
    match filled.split_once("{right_now}") {
        Some((before, after)) => (before.to_owned(), Some(after.to_owned())),
        None => (filled, None),
    }
}

impl FirstScreen {
    /// Every sentence, with where it is, for the content checks.
    pub fn sentences(&self) -> Vec<(&'static str, &str)> {
        let h = &self.home;
        let s = &self.safety;
        let r = &self.right_now;
        let b = &self.before_the_app;
        let mut all: Vec<(&'static str, &str)> = vec![
            ("home.heading", h.heading),
            ("home.lead", h.lead),
            ("home.start", h.start),
            ("home.start_note", h.start_note),
            ("home.private_heading", h.private_heading),
            ("home.private", h.private),
            ("home.safety_heading", h.safety_heading),
            ("home.safety", h.safety),
            ("safety.heading", s.heading),
            ("safety.now_heading", s.now_heading),
            ("safety.now", s.now),
            ("safety.crisis", s.crisis),
            ("safety.help_heading", s.help_heading),
            ("safety.help", s.help),
            ("safety.fault_heading", s.fault_heading),
            ("safety.fault", s.fault),
            ("right_now.heading", r.heading),
            ("right_now.act_heading", r.act_heading),
            ("right_now.act", r.act),
            ("right_now.minutes_heading", r.minutes_heading),
            ("right_now.lines_heading", r.lines_heading),
            ("right_now.lines", r.lines),
            ("before_the_app.quick_exit", b.quick_exit),
            ("before_the_app.quick_exit_title", b.quick_exit_title),
            ("before_the_app.every_country", b.every_country),
            ("before_the_app.emergency", b.emergency),
            ("before_the_app.noscript", b.noscript),
            ("before_the_app.call_log", b.call_log),
        ];
        all.extend(r.minutes.iter().map(|m| ("right_now.minutes", *m)));
        let t = &self.tech_safety;
        all.push(("tech_safety.heading", t.heading));
        all.extend(t.leads.iter().map(|l| ("tech_safety.leads", *l)));
        all.extend(t.texts.iter().map(|l| ("tech_safety.texts", *l)));
        let g = &self.tags;
        for tag in [
            g.crisis,
            g.abuse,
            g.uses_harm,
            g.men,
            g.lgbtq,
            g.workplace,
            g.relay,
        ] {
            all.push(("tags", tag));
        }
        all.push(("before_the_app.elsewhere", b.elsewhere));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_placeholder_splits_the_sentence_and_the_emergency_words_are_filled() {
        let (before, after) =
            around_right_now("If so, {emergency}; {right_now} has lines.", "call 999");
        assert_eq!(before, "If so, call 999; ");
        assert_eq!(after.as_deref(), Some(" has lines."));
        assert_eq!(around_right_now("Plain.", "x"), ("Plain.".to_owned(), None));
    }
}
