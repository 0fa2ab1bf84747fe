//! A reminder as an iCalendar file (RFC 5545), for the person's own
//! calendar app: Mend has no server to send reminders from.
//!
//! What the RFC asks and this writer does: lines end in CRLF; a line longer
//! than 75 octets is folded (CRLF and one space), never inside a UTF-8
//! character; text values escape backslash, semicolon, comma and newlines;
//! every event has a UID and a DTSTAMP in UTC. The time is "floating" (no
//! time zone): a weekly 7 pm reminder stays at 7 pm local time through
//! clock changes, which is what a person means by it.
//!
//! Calendars sync between devices and show on lock screens, so the title is
//! neutral by default and nothing else about the user is written.

use crate::domain::date::CalendarDate;
use crate::domain::msg::{self, t, tf, Text};

/// The title a reminder gets unless the user changes it: no names, nothing
/// about trust or the relationship. Always English: screens that show it
/// should use [`default_title`], in the language shown.
pub const DEFAULT_TITLE: &str = "Weekly check-in";

/// The title of a reminder for a date set in a guide to look again. Always
/// English: screens should use [`review_title`].
pub const REVIEW_TITLE: &str = "Time to look again";

/// [`DEFAULT_TITLE`] in the language shown.
pub fn default_title() -> &'static str {
    t(msg::domain::REMINDER_DEFAULT_TITLE)
}

/// [`REVIEW_TITLE`] in the language shown.
pub fn review_title() -> &'static str {
    t(msg::domain::REMINDER_REVIEW_TITLE)
}

/// A reminder the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub title: String,
    /// The first (or only) day.
    pub starts: CalendarDate,
    /// Local time of day, hour 0–23 and minute 0–59.
    pub hour: u8,
    pub minute: u8,
    /// Every week from `starts`, or once.
    pub weekly: bool,
    /// An alert this many minutes before, if any.
    pub alert_minutes_before: Option<u16>,
}

/// Why a reminder cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReminderError {
    NoTitle,
    NotATime,
}

impl ReminderError {
    pub fn message(&self) -> &'static str {
        match self {
            Self::NoTitle => t(msg::domain::REMINDER_NO_TITLE),
            Self::NotATime => t(msg::domain::REMINDER_NOT_A_TIME),
        }
    }
}

/// Reads a time typed in a time field: `19:00` (seconds, if any, are ignored).
pub fn parse_time(text: &str) -> Result<(u8, u8), ReminderError> {
    let mut parts = text.trim().split(':');
    let hour = parts.next().and_then(|h| h.parse::<u8>().ok());
    let minute = parts.next().and_then(|m| m.parse::<u8>().ok());
    match (hour, minute) {
        (Some(h), Some(m)) if h < 24 && m < 60 => Ok((h, m)),
        _ => Err(ReminderError::NotATime),
    }
}

impl Reminder {
    /// A one-off reminder on `day` at 19:00 with an alert: for a date the
    /// user set in a guide to look again.
    pub fn on_day(title: &str, day: CalendarDate) -> Reminder {
        Reminder {
            title: title.to_owned(),
            starts: day,
            hour: 19,
            minute: 0,
            weekly: false,
            alert_minutes_before: Some(15),
        }
    }

    /// The reminder in words, for people whose calendar cannot open the
    /// file and who add it by hand.
    pub fn in_words(&self) -> String {
        const DAYS: [Text; 7] = [
            msg::domain::MONDAY,
            msg::domain::TUESDAY,
            msg::domain::WEDNESDAY,
            msg::domain::THURSDAY,
            msg::domain::FRIDAY,
            msg::domain::SATURDAY,
            msg::domain::SUNDAY,
        ];
        let day = DAYS
            .get(usize::from(self.starts.weekday()))
            .map(|day| t(*day))
            .unwrap_or_default();
        let time = format!("{:02}:{:02}", self.hour, self.minute);
        let date = self.starts.long();
        let minutes = self.alert_minutes_before.map(|m| m.to_string());
        let message = match (self.weekly, &minutes) {
            (true, None) => msg::domain::REMINDER_WEEKLY,
            (true, Some(_)) => msg::domain::REMINDER_WEEKLY_ALERT,
            (false, None) => msg::domain::REMINDER_ONCE,
            (false, Some(_)) => msg::domain::REMINDER_ONCE_ALERT,
        };
        tf(
            message,
            &[
                ("title", self.title.trim()),
                ("day", day),
                ("time", &time),
                ("date", &date),
                ("minutes", minutes.as_deref().unwrap_or_default()),
            ],
        )
    }

    /// The `.ics` file. `uid` must be unique to this reminder (the caller
    /// makes it from a random value); `stamp` is now, in UTC, as
    /// `yyyymmddThhmmssZ`.
    pub fn ics(&self, uid: &str, stamp: &str) -> Result<String, ReminderError> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(ReminderError::NoTitle);
        }
        if self.hour > 23 || self.minute > 59 {
            return Err(ReminderError::NotATime);
        }
        let start = format!(
            "{:04}{:02}{:02}T{:02}{:02}00",
            self.starts.year(),
            self.starts.month(),
            self.starts.day(),
            self.hour,
            self.minute
        );
        let mut lines = vec![
            "BEGIN:VCALENDAR".to_owned(),
            "VERSION:2.0".to_owned(),
            "PRODID:-//Mend//Reminder//EN".to_owned(),
            "CALSCALE:GREGORIAN".to_owned(),
            "METHOD:PUBLISH".to_owned(),
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", escape(uid)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{start}"),
            "DURATION:PT30M".to_owned(),
        ];
        if self.weekly {
            lines.push("RRULE:FREQ=WEEKLY".to_owned());
        }
        lines.push(format!("SUMMARY:{}", escape(title)));
        lines.push("TRANSP:TRANSPARENT".to_owned());
        if let Some(minutes) = self.alert_minutes_before {
            lines.extend([
                "BEGIN:VALARM".to_owned(),
                "ACTION:DISPLAY".to_owned(),
                format!("DESCRIPTION:{}", escape(title)),
                format!("TRIGGER:-PT{minutes}M"),
                "END:VALARM".to_owned(),
            ]);
        }
        lines.extend(["END:VEVENT".to_owned(), "END:VCALENDAR".to_owned()]);
        Ok(lines.iter().map(|line| fold(line)).collect())
    }
}

/// Escapes a TEXT value (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded to at most 75 octets per physical line, each
/// ending in CRLF (RFC 5545, 3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let octets = c.len_utf8();
        if width + octets > 75 {
            out.push_str("\r\n ");
            // The space that starts a continuation line counts too.
            width = 1;
        }
        out.push(c);
        width += octets;
    }
    out.push_str("\r\n");
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn reminder() -> Reminder {
        Reminder {
            title: DEFAULT_TITLE.to_owned(),
            starts: "2026-12-12".parse().unwrap_or_else(|e| panic!("{e}")),
            hour: 19,
            minute: 0,
            weekly: true,
            alert_minutes_before: Some(15),
        }
    }

    fn file(r: &Reminder) -> String {
        r.ics("20261205-abc@mend", "20261205T095600Z")
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// Physical lines, unfolded back into content lines.
    fn unfolded(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for physical in text.split("\r\n").filter(|l| !l.is_empty()) {
            match physical.strip_prefix(' ') {
                Some(rest) => lines.last_mut().expect("a first line").push_str(rest),
                None => lines.push(physical.to_owned()),
            }
        }
        lines
    }

    #[test]
    fn a_weekly_reminder_has_what_the_rfc_requires() {
        let text = file(&reminder());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "every line ends in CRLF"
        );
        let lines = unfolded(&text);
        for needed in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Mend//Reminder//EN",
            "BEGIN:VEVENT",
            "UID:20261205-abc@mend",
            "DTSTAMP:20261205T095600Z",
            "DTSTART:20261212T190000",
            "DURATION:PT30M",
            "RRULE:FREQ=WEEKLY",
            "SUMMARY:Weekly check-in",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT15M",
            "END:VALARM",
            "END:VEVENT",
        ] {
            assert!(lines.iter().any(|l| l == needed), "{needed} in {lines:?}");
        }
    }

    #[test]
    fn once_and_without_an_alert_there_is_no_rule_and_no_alarm() {
        let text = file(&Reminder {
            weekly: false,
            alert_minutes_before: None,
            ..reminder()
        });
        assert!(!text.contains("RRULE"));
        assert!(!text.contains("VALARM"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_never_inside_a_character() {
        let title = "Café talk: \u{1F33F} ".repeat(12);
        let text = file(&Reminder {
            title: title.clone(),
            ..reminder()
        });
        for physical in text.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let summary = unfolded(&text)
            .into_iter()
            .find(|l| l.starts_with("SUMMARY:"))
            .unwrap_or_default();
        assert_eq!(summary, format!("SUMMARY:{}", title.trim()));
    }

    #[test]
    fn text_is_escaped() {
        let text = file(&Reminder {
            title: "Talk; then walk, a\\b\nlater".to_owned(),
            ..reminder()
        });
        assert!(unfolded(&text).contains(&"SUMMARY:Talk\\; then walk\\, a\\\\b\\nlater".to_owned()));
    }

    #[test]
    fn the_default_title_says_nothing_about_the_person_or_trust() {
        let lower = DEFAULT_TITLE.to_lowercase();
        for word in ["trust", "mend", "relationship", "partner", "affair"] {
            assert!(!lower.contains(word), "{word}");
        }
        assert_eq!(
            reminder().in_words(),
            "Weekly check-in: every Saturday at 19:00, starting 12 December 2026, with an alert 15 minutes before."
        );
    }

    #[test]
    fn a_date_to_look_again_is_a_one_off_evening_reminder_with_a_neutral_title() {
        let day = "2027-02-20".parse().unwrap_or_else(|e| panic!("{e}"));
        let r = Reminder::on_day(REVIEW_TITLE, day);
        let lines = unfolded(&file(&r));
        assert!(lines.contains(&"DTSTART:20270220T190000".to_owned()));
        assert!(lines.contains(&"SUMMARY:Time to look again".to_owned()));
        assert!(!lines.iter().any(|l| l.starts_with("RRULE")));
        assert!(lines.contains(&"TRIGGER:-PT15M".to_owned()));
    }

    #[test]
    fn a_title_and_a_time_are_needed() {
        let blank = Reminder {
            title: "  ".to_owned(),
            ..reminder()
        };
        assert_eq!(blank.ics("u", "s"), Err(ReminderError::NoTitle));
        assert_eq!(parse_time("19:30"), Ok((19, 30)));
        assert_eq!(parse_time("07:05:00"), Ok((7, 5)));
        assert_eq!(parse_time("24:00"), Err(ReminderError::NotATime));
        assert_eq!(parse_time(""), Err(ReminderError::NotATime));
    }
}
