//! OpenSergo duration strings: a whole number and one unit (`500ms`, `30s`,
//! `5min`, `1h`, `1d`). `m`, `min` and `minute` all mean minutes, as the
//! CRD patterns and the control plane read them. Shared by validate hints,
//! lint rules and convert.

use std::fmt;

/// The units a duration can carry, in the order of their size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
}

impl Unit {
    pub fn millis(self) -> i64 {
        match self {
            Unit::Millisecond => 1,
            Unit::Second => 1_000,
            Unit::Minute => 60_000,
            Unit::Hour => 3_600_000,
            Unit::Day => 86_400_000,
        }
    }

    /// The canonical suffix written back out.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Millisecond => "ms",
            Unit::Second => "s",
            Unit::Minute => "min",
            Unit::Hour => "h",
            Unit::Day => "d",
        }
    }

    pub const ALL: [Unit; 5] = [
        Unit::Millisecond,
        Unit::Second,
        Unit::Minute,
        Unit::Hour,
        Unit::Day,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    /// The number as written.
    pub value: i64,
    pub unit: Unit,
    pub millis: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError(pub String);

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses `<digits><unit>`; zero is allowed here (the schema decides where
/// it is not).
pub fn parse(text: &str) -> Result<Duration, DurationError> {
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(digits_end);
    if number.is_empty() {
        return Err(DurationError(format!(
            "`{text}` is not a duration: it must start with a whole number"
        )));
    }
    let unit = match suffix {
        "ms" => Unit::Millisecond,
        "s" => Unit::Second,
        "m" | "min" | "minute" => Unit::Minute,
        "h" => Unit::Hour,
        "d" => Unit::Day,
        "" => {
            return Err(DurationError(format!(
                "`{text}` has no unit (ms, s, m/min/minute, h, d)"
            )));
        }
        other => {
            return Err(DurationError(format!(
                "`{text}` has an unknown unit `{other}` (use ms, s, m/min/minute, h or d, one unit only)"
            )));
        }
    };
    let value: i64 = number
        .parse()
        .map_err(|_| DurationError(format!("`{text}` is out of range")))?;
    let millis = value
        .checked_mul(unit.millis())
        .ok_or_else(|| DurationError(format!("`{text}` is out of range")))?;
    Ok(Duration {
        value,
        unit,
        millis,
    })
}

/// The value in the largest unit that represents `millis` exactly.
pub fn largest_exact_unit(millis: i64) -> (i64, Unit) {
    Unit::ALL
        .iter()
        .rev()
        .find(|u| millis != 0 && millis % u.millis() == 0)
        .map_or((millis, Unit::Millisecond), |u| (millis / u.millis(), *u))
}

/// Writes millis back as the shortest exact duration string (`90000` -> `90s`).
pub fn format_millis(millis: i64) -> String {
    let (value, unit) = largest_exact_unit(millis);
    format!("{value}{}", unit.suffix())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_unit() {
        assert_eq!(parse("500ms").unwrap().millis, 500);
        assert_eq!(parse("30s").unwrap().millis, 30_000);
        assert_eq!(parse("5m").unwrap().millis, 300_000);
        assert_eq!(parse("5min").unwrap().millis, 300_000);
        assert_eq!(parse("1minute").unwrap().millis, 60_000);
        assert_eq!(parse("2h").unwrap().millis, 7_200_000);
        assert_eq!(parse("1d").unwrap().millis, 86_400_000);
    }

    #[test]
    fn rejects_what_the_crd_rejects() {
        for bad in [
            "1.5s",
            "1m30s",
            "100us",
            "+1s",
            "s",
            "10",
            "",
            "99999999999999999999s",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_in_the_largest_exact_unit() {
        assert_eq!(format_millis(90_000), "90s");
        assert_eq!(format_millis(120_000), "2min");
        assert_eq!(format_millis(1_500), "1500ms");
        assert_eq!(format_millis(0), "0ms");
        assert_eq!(format_millis(86_400_000), "1d");
    }
}
