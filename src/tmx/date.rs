//! TMX dates (`YYYYMMDDThhmmssZ`, always UTC) without a date crate: the civil-from-days
//! conversion is a few lines and exact for the proleptic Gregorian calendar.

use std::time::{SystemTime, UNIX_EPOCH};

/// Formats seconds since the Unix epoch as a TMX date.
pub fn format_unix(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs_of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        secs_of_day / 3600,
        secs_of_day / 60 % 60,
        secs_of_day % 60
    )
}

/// The creation date for a memory written now: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else the system clock.
pub fn now() -> String {
    if let Some(epoch) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
    {
        return format_unix(epoch);
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    format_unix(seconds)
}

/// True when `date` is a valid `YYYYMMDDThhmmssZ` (real month, day, hour, minute, second).
pub fn is_valid(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        date.get(r.clone())
            .filter(|s| s.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|s| s.parse().ok())
    };
    let (Some(year), Some(month), Some(day), Some(h), Some(m), Some(s)) = (
        digits(0..4),
        digits(4..6),
        digits(6..8),
        digits(9..11),
        digits(11..13),
        digits(13..15),
    ) else {
        return false;
    };
    (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year as i64, month)
        && h < 24
        && m < 60
        && s < 60
}

/// Accepts a TMX date as is, or seconds since the epoch (as `SOURCE_DATE_EPOCH` gives them).
pub fn parse_user_date(text: &str) -> Option<String> {
    let text = text.trim();
    if is_valid(text) {
        return Some(text.to_string());
    }
    text.parse::<i64>().ok().map(format_unix)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 → (year, month, day); Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_unix(0), "19700101T000000Z");
        // 2000-02-29 12:34:56 UTC, a leap day in a century leap year.
        assert_eq!(format_unix(951_827_696), "20000229T123456Z");
        assert_eq!(format_unix(-1), "19691231T235959Z");
    }

    #[test]
    fn every_formatted_date_is_valid() {
        for seconds in (0..4_000_000_000i64).step_by(7_654_321) {
            assert!(is_valid(&format_unix(seconds)), "{seconds}");
        }
    }

    #[test]
    fn rejects_malformed_dates() {
        for bad in [
            "2025-01-01T12:00:00Z",
            "20250101T120000",
            "20251301T120000Z",
            "20250230T120000Z",
            "20250101T240000Z",
            "2025010xT120000Z",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
        assert!(is_valid("20240229T235959Z"));
    }

    #[test]
    fn user_dates_accept_epoch_seconds() {
        assert_eq!(parse_user_date("0").as_deref(), Some("19700101T000000Z"));
        assert_eq!(
            parse_user_date("20250101T120000Z").as_deref(),
            Some("20250101T120000Z")
        );
        assert_eq!(parse_user_date("yesterday"), None);
    }
}
