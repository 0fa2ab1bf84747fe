//! Calendar dates written as `yyyy-mm-dd`; the domain never reads the clock, callers pass "today" in.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A real calendar day (leap years included), stored as `"2026-11-22"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CalendarDate {
    year: u16,
    month: u8,
    day: u8,
}

/// The text was not a real date in `yyyy-mm-dd` form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date like 2026-11-22")]
pub struct NotADate(pub String);

impl CalendarDate {
    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date as people write it: "4 October 2026".
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        // A CalendarDate's month is always 1..=12.
        let month = MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or_default();
        format!("{} {month} {}", self.day, self.year)
    }
}

impl FromStr for CalendarDate {
    type Err = NotADate;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = || NotADate(text.to_owned());
        let bytes = text.as_bytes();
        // Exactly `dddd-dd-dd`: a browser date input produces this, and being
        // strict keeps stored dates sortable as text.
        let digits_at = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
        if bytes.len() != 10
            || bytes[4] != b'-'
            || bytes[7] != b'-'
            || !digits_at(0..4)
            || !digits_at(5..7)
            || !digits_at(8..10)
        {
            return Err(fail());
        }
        let year: u16 = text[0..4].parse().map_err(|_| fail())?;
        let month: u8 = text[5..7].parse().map_err(|_| fail())?;
        let day: u8 = text[8..10].parse().map_err(|_| fail())?;
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(fail());
        }
        Ok(Self { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for CalendarDate {
    type Error = NotADate;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<CalendarDate> for String {
    fn from(date: CalendarDate) -> Self {
        date.to_string()
    }
}
