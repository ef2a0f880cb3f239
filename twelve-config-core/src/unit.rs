//! `#[config(unit = "...")]`: a bare number in a unit the variable's name
//! gives (`GRPC_TIMEOUT_MS=60000`, `MAX_REQUEST_SIZE_MB=32`).

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

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

    /// How many of the type's smallest steps (nanoseconds, bytes) one
    /// `unit` is; `None` for a unit not in [`UNITS`](Self::UNITS).
    fn steps_per(unit: &str) -> Option<u128>;

    /// The value `steps` smallest steps long, or `None` when it does not fit.
    fn from_steps(steps: u128) -> Option<Self>;

    /// Why a fraction that is not a whole number of steps is rejected.
    const NOT_WHOLE: &'static str;

    /// The unit's name in a sentence, plural ("seconds").
    fn unit_name(unit: &str) -> &'static str;
}

impl Measure for Duration {
    const UNITS: &'static [&'static str] = &["ms", "s", "m", "h", "d"];

    const NOT_WHOLE: &'static str = "more precise than a nanosecond";

    #[inline]
    fn steps_per(unit: &str) -> Option<u128> {
        const NANOS: u128 = 1_000_000_000;
        Some(match unit {
            "ms" => NANOS / 1000,
            "s" => NANOS,
            "m" => 60 * NANOS,
            "h" => 3600 * NANOS,
            "d" => 86400 * NANOS,
            _ => return None,
        })
    }

    #[inline]
    fn from_steps(nanos: u128) -> Option<Self> {
        let secs = u64::try_from(nanos / 1_000_000_000).ok()?;
        // The remainder is below 10^9, so it fits.
        let sub = (nanos % 1_000_000_000) as u32;
        Some(Duration::new(secs, sub))
    }

    #[inline]
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

    const NOT_WHOLE: &'static str = "not a whole number of bytes";

    #[inline]
    fn steps_per(unit: &str) -> Option<u128> {
        crate::bytes::unit_multiplier(unit).map(u128::from)
    }

    #[inline]
    fn from_steps(bytes: u128) -> Option<Self> {
        u64::try_from(bytes).ok().map(ByteSize::new)
    }

    #[inline]
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

/// Parses a bare number as a count of `unit`, and any other text through
/// the type's own syntax (`#[config(unit = "...")]`).
///
/// So with `unit = "s"`, `2592000` is 30 days, `0.5` is 500 ms and `30d` is
/// 30 days; with `unit = "MB"`, `32` is 32 MB, `1.5` is 1,500,000 bytes and
/// `1 GiB` is 1 GiB. A fraction must come to a whole number of the type's
/// smallest step (a nanosecond, a byte).
pub struct InUnit<T> {
    unit: &'static str,
    marker: std::marker::PhantomData<fn() -> T>,
}

impl<T> InUnit<T> {
    /// A parser reading bare numbers in `unit`.
    #[inline]
    pub const fn new(unit: &'static str) -> Self {
        InUnit {
            unit,
            marker: std::marker::PhantomData,
        }
    }
}

/// `text` as its whole digits and fraction digits, when it is a bare
/// decimal number: digits, then optionally `.` and more digits.
#[inline]
fn bare_number(text: &str) -> Option<(&str, &str)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match text.split_once('.') {
        Some((whole, fraction)) => (digits(whole) && digits(fraction)).then_some((whole, fraction)),
        None => digits(text).then_some((text, "")),
    }
}

#[inline]
fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl<T: Measure> InUnit<T> {
    #[inline]
    fn parse_text(&self, text: &str) -> Result<T, ValueError> {
        if let Some((whole, fraction)) = bare_number(text) {
            return self.count(whole, fraction);
        }
        if let Some(rest) = text.strip_prefix('-') {
            if bare_number(rest).is_some() {
                return Err(ValueError::new("negative"));
            }
        }
        T::parse_env(text)
    }

    /// `whole.fraction` of the unit, computed exactly in the type's steps.
    #[inline]
    fn count(&self, whole: &str, fraction: &str) -> Result<T, ValueError> {
        let too_large = || {
            ValueError::new(format!(
                "too large: more {} than fit",
                T::unit_name(self.unit)
            ))
        };
        let per = T::steps_per(self.unit).ok_or_else(too_large)?;
        let whole: u128 = whole.parse().map_err(|_| too_large())?;
        let mut steps = whole.checked_mul(per).ok_or_else(too_large)?;
        // Trailing zeros change nothing; without them, the fraction is
        // numerator / 10^digits of a unit.
        let fraction = fraction.trim_end_matches('0');
        if !fraction.is_empty() {
            let not_whole = || ValueError::new(T::NOT_WHOLE);
            let digits = u32::try_from(fraction.len()).map_err(|_| not_whole())?;
            let numerator: u128 = fraction.parse().map_err(|_| not_whole())?;
            let denominator = 10u128.checked_pow(digits).ok_or_else(not_whole)?;
            // numerator * per / denominator, reduced first so that it only
            // overflows when the result could not be whole anyway.
            let common = gcd(per, denominator);
            let (per, denominator) = (per / common, denominator / common);
            if numerator % denominator != 0 {
                return Err(not_whole());
            }
            let part = (numerator / denominator)
                .checked_mul(per)
                .ok_or_else(too_large)?;
            steps = steps.checked_add(part).ok_or_else(too_large)?;
        }
        T::from_steps(steps).ok_or_else(too_large)
    }
}

impl<T: Measure> Parse for InUnit<T> {
    type Output = T;

    #[inline]
    fn secret(&self) -> bool {
        T::SECRET
    }

    #[inline]
    fn expected(&self) -> Cow<'static, str> {
        format!(
            "number of {} such as 30 or 2.5, or a {}",
            T::unit_name(self.unit),
            T::expected()
        )
        .into()
    }

    #[inline]
    fn parse(&self, raw: &OsStr) -> Result<T, ValueError> {
        let text = raw.to_str().ok_or_else(ValueError::not_unicode)?;
        self.parse_text(text)
    }

    fn redact<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        T::redact(text)
    }

    #[inline]
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
            "", "-5", "+5", "-0.5", "1.", ".5", "1.5.2", "1,5", " 5", "5 ", "5x", "1e3", "1_000",
            "0x10",
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
    fn fractions_of_a_unit_down_to_the_smallest_step() {
        let d = |unit, text| parse::<Duration>(unit, text);
        assert_eq!(d("s", "0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(d("s", "1.25"), Ok(Duration::from_millis(1250)));
        assert_eq!(d("ms", "0.5"), Ok(Duration::from_micros(500)));
        assert_eq!(d("h", "1.5"), Ok(Duration::from_secs(5400)));
        assert_eq!(d("d", "0.5"), Ok(Duration::from_secs(43200)));
        assert_eq!(d("s", "0.000000001"), Ok(Duration::from_nanos(1)));
        assert_eq!(
            d("s", "2.500000000000000000000000000000000000000000"),
            Ok(Duration::from_millis(2500))
        );
        assert_eq!(d("s", "0.0"), Ok(Duration::ZERO));
        assert_eq!(
            d("s", "0.0000000001").unwrap_err().reason(),
            "more precise than a nanosecond"
        );
        assert_eq!(
            d("s", "0.1234567890123456789012345678901234567890123")
                .unwrap_err()
                .reason(),
            "more precise than a nanosecond"
        );
        assert_eq!(
            d("d", "213503982334601.5").unwrap_err().reason(),
            "too large: more days than fit"
        );
        let b = |unit, text| parse::<ByteSize>(unit, text).map(ByteSize::bytes);
        assert_eq!(b("MB", "1.5"), Ok(1_500_000));
        assert_eq!(b("KiB", "0.5"), Ok(512));
        assert_eq!(b("KiB", "1.25"), Ok(1280));
        assert_eq!(
            b("KiB", "0.1").unwrap_err().reason(),
            "not a whole number of bytes"
        );
        assert_eq!(
            b("B", "1.5").unwrap_err().reason(),
            "not a whole number of bytes"
        );
        assert_eq!(b("B", "7.000"), Ok(7));
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
        assert_eq!(
            parse::<ByteSize>("MB", "-1.5").unwrap_err().reason(),
            "negative"
        );
        assert_eq!(
            parse::<ByteSize>("PiB", "16384").unwrap_err().reason(),
            "too large: more pebibytes (PiB) than fit"
        );
    }

    #[test]
    fn expected_says_both_forms() {
        assert_eq!(
            InUnit::<Duration>::new("s").expected(),
            "number of seconds such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
        );
        assert_eq!(
            InUnit::<Duration>::new("ms").expected(),
            "number of milliseconds such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
        );
        assert_eq!(
            InUnit::<ByteSize>::new("MB").expected(),
            "number of megabytes (MB) such as 30 or 2.5, or a byte size such as 512 KiB, 100 MB or 10G"
        );
    }

    #[test]
    fn units_are_checked_exactly() {
        assert!(crate::__private::contains(Duration::UNITS, "ms"));
        assert!(!crate::__private::contains(Duration::UNITS, "MS"));
        assert!(!crate::__private::contains(Duration::UNITS, "MB"));
        assert!(crate::__private::contains(ByteSize::UNITS, "MiB"));
        assert!(!crate::__private::contains(ByteSize::UNITS, "mib"));
        assert!(!crate::__private::contains(ByteSize::UNITS, "s"));
        for unit in Duration::UNITS {
            assert!(Duration::steps_per(unit).is_some(), "{unit}");
            assert_ne!(Duration::unit_name(unit), "units");
        }
        for unit in ByteSize::UNITS {
            assert!(ByteSize::steps_per(unit).is_some(), "{unit}");
            assert_ne!(ByteSize::unit_name(unit), "units");
        }
    }
}
