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
        if let Some(format) = LONG_FORMAT.get() {
            return format(self);
        }
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

/// Writes a date in full.
pub type LongFormat = fn(CalendarDate) -> String;

thread_local! {
    /// How another language writes a date in full: the browser's Intl, set
    /// by the app when it shows that language. `None` for English, which
    /// is written here ("4 October 2026").
    static LONG_FORMAT: std::cell::Cell<Option<LongFormat>> =
        const { std::cell::Cell::new(None) };
}

/// Writes dates in full with `format` from now on (`None`: in English).
pub fn write_long_dates_with(format: Option<LongFormat>) {
    LONG_FORMAT.set(format);
}

impl CalendarDate {
    /// Days since 1970-01-01 (negative before it), for counting weeks.
    /// Calendar days only: no time zone or clock change can move a date.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days from 1970-01-01; `None` outside years 1 to 9999.
    pub fn from_day_number(n: i64) -> Option<CalendarDate> {
        // Howard Hinnant's civil_from_days.
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(CalendarDate {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    /// `days` later (or earlier), if that is still a date Mend can write.
    pub fn plus_days(self, days: i64) -> Option<CalendarDate> {
        Self::from_day_number(self.day_number() + days)
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        u8::try_from((self.day_number() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The Monday that starts this date's week.
    pub fn week_start(self) -> CalendarDate {
        self.plus_days(-i64::from(self.weekday())).unwrap_or(self)
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod arithmetic_tests {
    use super::CalendarDate;

    fn d(text: &str) -> CalendarDate {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_centuries() {
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(
            d("2000-03-01").day_number() - d("2000-02-28").day_number(),
            2
        );
        assert_eq!(
            d("2100-03-01").day_number() - d("2100-02-28").day_number(),
            1
        );
        for text in [
            "0001-01-01",
            "1969-12-31",
            "2024-02-29",
            "2026-12-05",
            "9999-12-31",
        ] {
            assert_eq!(
                CalendarDate::from_day_number(d(text).day_number()),
                Some(d(text))
            );
        }
        assert_eq!(d("9999-12-31").plus_days(1), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(d("2026-12-05").weekday(), 5, "a Saturday");
        assert_eq!(d("2026-12-05").week_start(), d("2026-11-30"));
        assert_eq!(d("2026-11-30").week_start(), d("2026-11-30"));
        assert_eq!(
            d("2026-12-06").week_start(),
            d("2026-11-30"),
            "Sunday ends the week"
        );
        assert_eq!(
            d("2027-01-01").week_start(),
            d("2026-12-28"),
            "across a new year"
        );
    }
}
