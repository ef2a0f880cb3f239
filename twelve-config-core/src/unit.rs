//! `#[config(unit = "...")]`: a bare number in a unit the variable's name
//! gives (`GRPC_TIMEOUT_MS=60000`, `MAX_REQUEST_SIZE_MB=32`).

use std::borrow::Cow;
use std::ffi::OsStr;
use std::time::Duration;

use crate::bytes::ByteSize;
use crate::parse::Parse;
use crate::value::{EnvValue, ValueError};

/// A quantity that `#[config(unit = "...")]` can read from a bare number.
///
/// Implemented for [`Duration`] (units `ms`, `s`, `m`, `h`, `d`) and
/// [`ByteSize`] (units `B`, `kB`, `KB`, `MB`, `GB`, `TB`, `PB`, `KiB`,
/// `MiB`, `GiB`, `TiB`, `PiB`).
#[diagnostic::on_unimplemented(
    message = "`unit` is for `Duration` and `ByteSize` fields, not `{Self}`",
    label = "this type has no units"
)]
pub trait Measure: EnvValue {
    /// The unit spellings accepted by `#[config(unit = ...)]`.
    const UNITS: &'static [&'static str];

    /// `count` of `unit` (one of [`UNITS`](Self::UNITS)), or `None` when it
    /// does not fit.
    fn from_count(count: u64, unit: &str) -> Option<Self>;

    /// The unit's name in a sentence, plural ("seconds").
    fn unit_name(unit: &str) -> &'static str;
}

impl Measure for Duration {
    const UNITS: &'static [&'static str] = &["ms", "s", "m", "h", "d"];

    fn from_count(count: u64, unit: &str) -> Option<Self> {
        let seconds_per = match unit {
            "ms" => return Some(Duration::from_millis(count)),
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            "d" => 86400,
            _ => return None,
        };
        count.checked_mul(seconds_per).map(Duration::from_secs)
    }

    fn unit_name(unit: &str) -> &'static str {
        match unit {
            "ms" => "milliseconds",
            "s" => "seconds",
            "m" => "minutes",
            "h" => "hours",
            "d" => "days",
            _ => "units",
        }
    }
}

impl Measure for ByteSize {
    const UNITS: &'static [&'static str] = &[
        "B", "kB", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB",
    ];

    fn from_count(count: u64, unit: &str) -> Option<Self> {
        let multiplier = crate::bytes::unit_multiplier(unit)?;
        count.checked_mul(multiplier).map(ByteSize::new)
    }

    fn unit_name(unit: &str) -> &'static str {
        match unit {
            "B" => "bytes",
            "kB" | "KB" => "kilobytes (kB)",
            "MB" => "megabytes (MB)",
            "GB" => "gigabytes (GB)",
            "TB" => "terabytes (TB)",
            "PB" => "petabytes (PB)",
            "KiB" => "kibibytes (KiB)",
            "MiB" => "mebibytes (MiB)",
            "GiB" => "gibibytes (GiB)",
            "TiB" => "tebibytes (TiB)",
            "PiB" => "pebibytes (PiB)",
            _ => "units",
        }
    }
}

/// Whether `unit` is one of `units`; usable in constants, so that a unit
/// the field's type does not know fails to compile.
pub const fn has_unit(units: &[&str], unit: &str) -> bool {
    let mut i = 0;
    while i < units.len() {
        let a = units[i].as_bytes();
        let b = unit.as_bytes();
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Parses a bare whole number as a count of `unit`, and any other text
/// through the type's own syntax (`#[config(unit = "...")]`).
///
/// So with `unit = "s"`, `2592000` is 30 days and `30d` is too; with
/// `unit = "MB"`, `32` is 32 MB and `1 GiB` is 1 GiB.
pub struct InUnit<T> {
    unit: &'static str,
    marker: std::marker::PhantomData<fn() -> T>,
}

impl<T> InUnit<T> {
    /// A parser reading bare numbers in `unit`.
    pub const fn new(unit: &'static str) -> Self {
        InUnit {
            unit,
            marker: std::marker::PhantomData,
        }
    }
}

impl<T: Measure> InUnit<T> {
    fn parse_text(&self, text: &str) -> Result<T, ValueError> {
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            let too_large = || {
                ValueError::new(format!(
                    "too large: more {} than fit",
                    T::unit_name(self.unit)
                ))
            };
            let count: u64 = text.parse().map_err(|_| too_large())?;
            return T::from_count(count, self.unit).ok_or_else(too_large);
        }
        if text.len() > 1 && text.starts_with('-') && text[1..].bytes().all(|b| b.is_ascii_digit())
        {
            return Err(ValueError::new("negative"));
        }
        T::parse_env(text)
    }
}

impl<T: Measure> Parse for InUnit<T> {
    type Output = T;

    fn secret(&self) -> bool {
        T::SECRET
    }

    fn expected(&self) -> Cow<'static, str> {
        format!(
            "whole number of {}, or a {}",
            T::unit_name(self.unit),
            T::expected()
        )
        .into()
    }

    fn parse(&self, raw: &OsStr) -> Result<T, ValueError> {
        let text = raw.to_str().ok_or_else(ValueError::not_unicode)?;
        self.parse_text(text)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        T::redact(text)
    }

    fn show(&self, value: &T) -> Option<String> {
        value.to_env()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: Measure>(unit: &'static str, text: &str) -> Result<T, ValueError> {
        InUnit::<T>::new(unit).parse(OsStr::new(text))
    }

    #[test]
    fn durations_in_each_unit() {
        let d = |unit, text| parse::<Duration>(unit, text).unwrap();
        assert_eq!(d("s", "2592000"), Duration::from_secs(2_592_000));
        assert_eq!(d("ms", "60000"), Duration::from_secs(60));
        assert_eq!(d("m", "20"), Duration::from_secs(1200));
        assert_eq!(d("h", "2"), Duration::from_secs(7200));
        assert_eq!(d("d", "30"), Duration::from_secs(30 * 86400));
        assert_eq!(d("s", "0"), Duration::ZERO);
    }

    #[test]
    fn humantime_text_is_still_accepted() {
        let d = |unit, text| parse::<Duration>(unit, text).unwrap();
        assert_eq!(d("s", "30d"), Duration::from_secs(30 * 86400));
        assert_eq!(d("ms", "1m 30s"), Duration::from_secs(90));
        assert_eq!(d("m", "90s"), Duration::from_secs(90));
    }

    #[test]
    fn rejected_duration_spellings() {
        for bad in [
            "", "-5", "+5", "1.5", " 5", "5 ", "5x", "1e3", "1_000", "0x10",
        ] {
            assert!(
                parse::<Duration>("s", bad).is_err(),
                "{bad:?} must be rejected"
            );
        }
        assert_eq!(
            parse::<Duration>("d", "18446744073709551615")
                .unwrap_err()
                .reason(),
            "too large: more days than fit"
        );
        assert_eq!(
            parse::<Duration>("s", "18446744073709551616")
                .unwrap_err()
                .reason(),
            "too large: more seconds than fit"
        );
        assert_eq!(
            parse::<Duration>("ms", "18446744073709551615").unwrap(),
            Duration::from_millis(u64::MAX)
        );
    }

    #[test]
    fn byte_sizes_in_a_unit() {
        let b = |unit, text| parse::<ByteSize>(unit, text).unwrap().bytes();
        assert_eq!(b("MB", "32"), 32_000_000);
        assert_eq!(b("KB", "10000"), 10_000_000);
        assert_eq!(b("kB", "1"), 1000);
        assert_eq!(b("MiB", "375"), 375 << 20);
        assert_eq!(b("B", "12"), 12);
        assert_eq!(b("MB", "1 GiB"), 1 << 30);
        assert_eq!(b("MB", "10G"), 10 << 30);
        assert_eq!(
            parse::<ByteSize>("MB", "-1").unwrap_err().reason(),
            "negative"
        );
        assert_eq!(
            parse::<Duration>("d", "-1").unwrap_err().reason(),
            "negative"
        );
        assert!(parse::<ByteSize>("MB", "1.5").is_err());
        assert_eq!(
            parse::<ByteSize>("PiB", "16384").unwrap_err().reason(),
            "too large: more pebibytes (PiB) than fit"
        );
    }

    #[test]
    fn expected_says_both_forms() {
        assert_eq!(
            InUnit::<Duration>::new("s").expected(),
            "whole number of seconds, or a duration such as 30s, 500ms or 1h 15m"
        );
        assert_eq!(
            InUnit::<Duration>::new("ms").expected(),
            "whole number of milliseconds, or a duration such as 30s, 500ms or 1h 15m"
        );
        assert_eq!(
            InUnit::<ByteSize>::new("MB").expected(),
            "whole number of megabytes (MB), or a byte size such as 512 KiB, 100 MB or 10G"
        );
    }

    #[test]
    fn units_are_checked_exactly() {
        assert!(has_unit(Duration::UNITS, "ms"));
        assert!(!has_unit(Duration::UNITS, "MS"));
        assert!(!has_unit(Duration::UNITS, "MB"));
        assert!(has_unit(ByteSize::UNITS, "MiB"));
        assert!(!has_unit(ByteSize::UNITS, "mib"));
        assert!(!has_unit(ByteSize::UNITS, "s"));
        for unit in Duration::UNITS {
            assert!(Duration::from_count(1, unit).is_some(), "{unit}");
            assert_ne!(Duration::unit_name(unit), "units");
        }
        for unit in ByteSize::UNITS {
            assert!(ByteSize::from_count(1, unit).is_some(), "{unit}");
            assert_ne!(ByteSize::unit_name(unit), "units");
        }
    }
}
