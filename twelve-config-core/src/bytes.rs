//! [`ByteSize`]: a number of bytes written as people write them.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::value::{EnvValue, ValueError};

/// A number of bytes, read from text such as `100 MB`, `375 MiB` or `10G`.
///
/// # Grammar
///
/// ```text
/// size     = number [spaces] [unit]
/// number   = digits ["." digits]          (no sign, no exponent, no `_`)
/// spaces   = one or more " "
/// unit     = "B"                           bytes
///          | "kB" | "MB" | "GB" | "TB" | "PB"          powers of 1000
///          | "KiB" | "MiB" | "GiB" | "TiB" | "PiB"     powers of 1024
///          | "Ki" | "Mi" | "Gi" | "Ti" | "Pi"          powers of 1024
///          | "K" | "M" | "G" | "T" | "P"               powers of 1024
/// ```
///
/// - Units are matched ignoring ASCII case, so `kb`, `KB` and `kB` are all
///   1000 bytes and `mib`, `MiB` and `MIB` are all 2^20. Bits are never
///   meant: `Mb` is a megabyte.
/// - A bare number is a number of bytes (`1048576`).
/// - **A single letter is binary**: `10G` is 10 × 2^30, as it is for
///   Docker's `--memory`, the JVM's `-Xmx`, nginx and sccache, which are
///   where people write the shorthand. Write `10GB` for 10 × 10^9 (note that
///   Kubernetes reads a bare `G` as 10^9: spell the unit out when it matters).
/// - A fraction needs a unit (`1.5 GiB`, `0.5M`) and is rounded down to a
///   whole number of bytes; a fraction of a byte (`1.5` or `1.5 B`) is an
///   error.
/// - The text is not trimmed; leading or trailing whitespace is an error,
///   as for every other value type.
/// - Sizes above `u64::MAX` bytes (16 EiB) are an error, never wrapped or
///   saturated.
///
/// `Display` prints the size exactly, in the largest unit that divides it
/// (`100 MB`, `375 MiB`, `10 GiB`, `1536 B`), so its output parses back to the
/// same size.
///
/// ```
/// use twelve_config::ByteSize;
///
/// assert_eq!("100 MB".parse::<ByteSize>().unwrap().bytes(), 100_000_000);
/// assert_eq!("375 MiB".parse::<ByteSize>().unwrap(), ByteSize::mib(375));
/// assert_eq!("10G".parse::<ByteSize>().unwrap(), ByteSize::gib(10));
/// assert_eq!("1.5 GiB".parse::<ByteSize>().unwrap().bytes(), 1_610_612_736);
/// assert_eq!(ByteSize::new(1_610_612_736).to_string(), "1536 MiB");
/// assert!("10 parsecs".parse::<ByteSize>().is_err());
/// ```
///
/// As a field type it reads this grammar; with `#[config(unit = "MB")]` a
/// bare number is read in that unit instead of bytes (`MAX_REQUEST_SIZE_MB=32`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteSize(u64);

const KB: u64 = 1000;
const KIB: u64 = 1024;

/// Every unit spelling with its multiplier; matched ignoring ASCII case.
const UNITS: &[(&str, u64)] = &[
    ("B", 1),
    ("kB", KB),
    ("MB", KB * KB),
    ("GB", KB * KB * KB),
    ("TB", KB * KB * KB * KB),
    ("PB", KB * KB * KB * KB * KB),
    ("KiB", KIB),
    ("MiB", KIB * KIB),
    ("GiB", KIB * KIB * KIB),
    ("TiB", KIB * KIB * KIB * KIB),
    ("PiB", KIB * KIB * KIB * KIB * KIB),
    ("Ki", KIB),
    ("Mi", KIB * KIB),
    ("Gi", KIB * KIB * KIB),
    ("Ti", KIB * KIB * KIB * KIB),
    ("Pi", KIB * KIB * KIB * KIB * KIB),
    ("K", KIB),
    ("M", KIB * KIB),
    ("G", KIB * KIB * KIB),
    ("T", KIB * KIB * KIB * KIB),
    ("P", KIB * KIB * KIB * KIB * KIB),
];

/// Units `Display` may choose, largest first.
const DISPLAY_UNITS: &[(&str, u64)] = &[
    ("PiB", KIB * KIB * KIB * KIB * KIB),
    ("PB", KB * KB * KB * KB * KB),
    ("TiB", KIB * KIB * KIB * KIB),
    ("TB", KB * KB * KB * KB),
    ("GiB", KIB * KIB * KIB),
    ("GB", KB * KB * KB),
    ("MiB", KIB * KIB),
    ("MB", KB * KB),
    ("KiB", KIB),
    ("kB", KB),
];

/// The longest fraction read; more digits would not change a whole byte
/// count below 16 EiB by more than the rounding already does.
const MAX_FRACTION_DIGITS: usize = 18;

impl ByteSize {
    /// `bytes` bytes.
    #[inline]
    pub const fn new(bytes: u64) -> Self {
        ByteSize(bytes)
    }

    /// The number of bytes.
    #[inline]
    pub const fn bytes(self) -> u64 {
        self.0
    }

    /// `n` kilobytes (1000 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn kb(n: u64) -> Self {
        ByteSize(n.saturating_mul(KB))
    }

    /// `n` megabytes (10^6 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn mb(n: u64) -> Self {
        ByteSize(n.saturating_mul(KB * KB))
    }

    /// `n` gigabytes (10^9 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn gb(n: u64) -> Self {
        ByteSize(n.saturating_mul(KB * KB * KB))
    }

    /// `n` terabytes (10^12 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn tb(n: u64) -> Self {
        ByteSize(n.saturating_mul(KB * KB * KB * KB))
    }

    /// `n` kibibytes (1024 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn kib(n: u64) -> Self {
        ByteSize(n.saturating_mul(KIB))
    }

    /// `n` mebibytes (2^20 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn mib(n: u64) -> Self {
        ByteSize(n.saturating_mul(KIB * KIB))
    }

    /// `n` gibibytes (2^30 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn gib(n: u64) -> Self {
        ByteSize(n.saturating_mul(KIB * KIB * KIB))
    }

    /// `n` tebibytes (2^40 bytes each); saturates at `u64::MAX` bytes.
    #[inline]
    pub const fn tib(n: u64) -> Self {
        ByteSize(n.saturating_mul(KIB * KIB * KIB * KIB))
    }
}

/// The multiplier of a unit spelling, ignoring ASCII case.
#[inline]
pub(crate) fn unit_multiplier(unit: &str) -> Option<u64> {
    UNITS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(unit))
        .map(|&(_, multiplier)| multiplier)
}

/// Reads the grammar of [`ByteSize`].
#[inline]
fn parse_size(text: &str) -> Result<u64, ValueError> {
    if text.is_empty() {
        return Err(ValueError::new("empty"));
    }
    if text.starts_with('-') {
        return Err(ValueError::new("negative"));
    }
    let number_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, rest) = text.split_at(number_end);
    let unit = rest.trim_start_matches(' ');
    if number.is_empty() {
        return Err(ValueError::new("does not start with a number"));
    }
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    if whole.is_empty() || fraction.is_some_and(|f| f.is_empty() || f.contains('.')) {
        return Err(ValueError::new("malformed number"));
    }
    if unit.len() != rest.len() && unit.is_empty() {
        return Err(ValueError::new("trailing space"));
    }
    let multiplier = if unit.is_empty() {
        1
    } else {
        unit_multiplier(unit).ok_or_else(|| {
            ValueError::new("unknown unit; expected B, kB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB or K, M, G, T, P")
        })?
    };
    let too_large = || ValueError::new("too large: at most 18446744073709551615 bytes");
    let whole: u64 = whole.parse().map_err(|_| too_large())?;
    let mut bytes = u128::from(whole) * u128::from(multiplier);
    if let Some(fraction) = fraction {
        if multiplier == 1 {
            return Err(ValueError::new(
                "a fraction of a byte; give a unit such as 1.5 KiB or a whole number of bytes",
            ));
        }
        let digits = &fraction[..fraction.len().min(MAX_FRACTION_DIGITS)];
        let numerator: u128 = digits
            .parse()
            .map_err(|_| ValueError::new("malformed number"))?;
        let denominator = 10u128.pow(digits.len() as u32);
        bytes += numerator * u128::from(multiplier) / denominator;
    }
    u64::try_from(bytes).map_err(|_| too_large())
}

impl FromStr for ByteSize {
    type Err = ValueError;

    /// Reads the grammar described on [`ByteSize`].
    #[inline]
    fn from_str(text: &str) -> Result<Self, ValueError> {
        parse_size(text).map(ByteSize)
    }
}

impl fmt::Display for ByteSize {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for &(name, multiplier) in DISPLAY_UNITS {
            if self.0 != 0 && self.0 % multiplier == 0 {
                return write!(f, "{} {name}", self.0 / multiplier);
            }
        }
        write!(f, "{} B", self.0)
    }
}

impl From<ByteSize> for u64 {
    #[inline]
    fn from(size: ByteSize) -> u64 {
        size.0
    }
}

impl From<u64> for ByteSize {
    #[inline]
    fn from(bytes: u64) -> ByteSize {
        ByteSize(bytes)
    }
}

/// The grammar described on the type.
impl EnvValue for ByteSize {
    #[inline]
    fn expected() -> Cow<'static, str> {
        "byte size such as 512 KiB, 100 MB or 10G".into()
    }

    #[inline]
    fn parse_env(text: &str) -> Result<Self, ValueError> {
        text.parse()
    }

    /// With its unit (`1 MiB`, `0 B`): a bare number would be read in the
    /// field's unit when it has one (`#[config(unit = "MB")]`).
    #[inline]
    fn to_env(&self) -> Option<String> {
        Some(self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(text: &str) -> u64 {
        match text.parse::<ByteSize>() {
            Ok(size) => size.bytes(),
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    fn reason(text: &str) -> String {
        match text.parse::<ByteSize>() {
            Ok(size) => panic!("{text:?} must be rejected, got {size}"),
            Err(e) => e.reason().to_owned(),
        }
    }

    #[test]
    fn decimal_and_binary_units_in_any_case() {
        assert_eq!(size("100 MB"), 100_000_000);
        assert_eq!(size("100MB"), 100_000_000);
        assert_eq!(size("100mb"), 100_000_000);
        assert_eq!(size("1kB"), 1000);
        assert_eq!(size("1KB"), 1000);
        assert_eq!(size("2 GB"), 2_000_000_000);
        assert_eq!(size("3TB"), 3_000_000_000_000);
        assert_eq!(size("1 PB"), 10u64.pow(15));
        assert_eq!(size("375 MiB"), 375 << 20);
        assert_eq!(size("1 KiB"), 1024);
        assert_eq!(size("1 kib"), 1024);
        assert_eq!(size("4GiB"), 4 << 30);
        assert_eq!(size("1 TiB"), 1 << 40);
        assert_eq!(size("1 PiB"), 1 << 50);
        assert_eq!(size("512Mi"), 512 << 20);
        assert_eq!(size("12 B"), 12);
        assert_eq!(size("12b"), 12);
    }

    #[test]
    fn every_unit_spelling_has_its_own_multiplier() {
        // Each spelling, with its documented size; `7` so that a unit read
        // as the one next to it, or multiplied one power too few or too
        // many, gives a different number.
        for (unit, multiplier) in [
            ("B", 1),
            ("kB", 1000),
            ("MB", 1000u64.pow(2)),
            ("GB", 1000u64.pow(3)),
            ("TB", 1000u64.pow(4)),
            ("PB", 1000u64.pow(5)),
            ("KiB", 1 << 10),
            ("MiB", 1 << 20),
            ("GiB", 1 << 30),
            ("TiB", 1 << 40),
            ("PiB", 1 << 50),
            ("Ki", 1 << 10),
            ("Mi", 1 << 20),
            ("Gi", 1 << 30),
            ("Ti", 1 << 40),
            ("Pi", 1 << 50),
            ("K", 1 << 10),
            ("M", 1 << 20),
            ("G", 1 << 30),
            ("T", 1 << 40),
            ("P", 1 << 50),
        ] {
            assert_eq!(size(&format!("7 {unit}")), 7 * multiplier, "7 {unit}");
            let lower = unit.to_ascii_lowercase();
            assert_eq!(size(&format!("7{lower}")), 7 * multiplier, "7{lower}");
            assert_eq!(unit_multiplier(unit), Some(multiplier), "{unit}");
        }
        assert_eq!(unit_multiplier("Ei"), None);
    }

    #[test]
    fn single_letters_are_binary() {
        assert_eq!(size("10G"), 10 << 30);
        assert_eq!(size("10g"), 10 << 30);
        assert_eq!(size("512k"), 512 << 10);
        assert_eq!(size("512K"), 512 << 10);
        assert_eq!(size("64m"), 64 << 20);
        assert_eq!(size("2T"), 2 << 40);
        assert_eq!(size("1P"), 1 << 50);
    }

    #[test]
    fn bare_numbers_are_bytes_and_spaces_are_optional() {
        assert_eq!(size("0"), 0);
        assert_eq!(size("1048576"), 1_048_576);
        assert_eq!(size("5   MB"), 5_000_000);
        assert_eq!(size("18446744073709551615"), u64::MAX);
    }

    #[test]
    fn fractions_need_a_unit_and_round_down() {
        assert_eq!(size("1.5 GiB"), 1_610_612_736);
        assert_eq!(size("0.5M"), 512 << 10);
        assert_eq!(size("1.1 kB"), 1100);
        assert_eq!(size("0.3 KiB"), 307); // 307.2
        assert_eq!(size("1.0000000000000000000001 KiB"), 1024);
        assert!(reason("1.5").contains("fraction of a byte"));
        assert!(reason("1.5 B").contains("fraction of a byte"));
        // A malformed number is called that, with or without a unit, rather
        // than a fraction of a byte or a size too large.
        for malformed in ["1.", "1. MB", "1.5.5", "1.5.5 MB", ".5", ".5 MB", "1..5"] {
            assert_eq!(reason(malformed), "malformed number", "{malformed:?}");
        }
    }

    #[test]
    fn rejected_spellings() {
        for bad in [
            "",
            " 1 MB",
            "1 MB ",
            "1 ",
            "MB",
            "-1 MB",
            "+1 MB",
            "1e3",
            "1_000",
            "1,5 MB",
            "1..5 MB",
            "1.",
            ".5 MB",
            "1.5.5 MB",
            "1 MBs",
            "1 parsecs",
            "1 Mib/s",
            "1\tMB",
            "1 M B",
            "0x10",
        ] {
            assert!(bad.parse::<ByteSize>().is_err(), "{bad:?} must be rejected");
        }
        assert_eq!(reason("-1 MB"), "negative");
        assert_eq!(reason(""), "empty");
        assert!(reason("10 XB").starts_with("unknown unit"));
        assert_eq!(reason("1 "), "trailing space");
        // A program parsing a size itself prints the same reason.
        let error = "-1 MB".parse::<ByteSize>().unwrap_err();
        assert_eq!(error.to_string(), "negative");
        assert_eq!(format!("{error:?}"), "ValueError(\"negative\")");
    }

    #[test]
    fn overflow_is_an_error() {
        let too_large = "too large: at most 18446744073709551615 bytes";
        assert_eq!(reason("18446744073709551616"), too_large);
        assert_eq!(reason("16385 PiB"), too_large);
        assert_eq!(reason("99999999999999999999999 GB"), too_large);
        assert_eq!(reason("18446744073709551615 KiB"), too_large);
        assert_eq!(size("16383 PiB"), 16383 << 50);
        assert_eq!(ByteSize::gib(u64::MAX).bytes(), u64::MAX);
    }

    #[test]
    fn display_is_exact_and_parses_back() {
        assert_eq!(ByteSize::mb(100).to_string(), "100 MB");
        assert_eq!(ByteSize::mib(375).to_string(), "375 MiB");
        assert_eq!(ByteSize::gib(10).to_string(), "10 GiB");
        assert_eq!(ByteSize::new(0).to_string(), "0 B");
        assert_eq!(ByteSize::new(1023).to_string(), "1023 B");
        assert_eq!(ByteSize::kb(1).to_string(), "1 kB");
        assert_eq!(ByteSize::gb(2).to_string(), "2 GB");
        assert_eq!(ByteSize::gb(2).bytes(), 2_000_000_000);
        assert_eq!(ByteSize::new(3 * 10u64.pow(15)).to_string(), "3 PB");
        assert_eq!(ByteSize::kib(3).to_string(), "3 KiB");
        assert_eq!(ByteSize::tb(2).to_string(), "2 TB");
        assert_eq!(ByteSize::tib(3).to_string(), "3 TiB");
        assert_eq!(ByteSize::new(1 << 50).to_string(), "1 PiB");
        for bytes in [
            0,
            1,
            999,
            1000,
            1024,
            1_500_000,
            3 << 29,
            u64::MAX,
            10u64.pow(18),
        ] {
            let shown = ByteSize::new(bytes).to_string();
            assert_eq!(size(&shown), bytes, "{shown}");
        }
    }

    #[test]
    fn describes_itself() {
        assert_eq!(
            ByteSize::expected(),
            "byte size such as 512 KiB, 100 MB or 10G"
        );
        const { assert!(!ByteSize::SECRET) };
        assert_eq!(ByteSize::parse_env("1 KiB"), Ok(ByteSize::kib(1)));
        assert_eq!(u64::from(ByteSize::kb(2)), 2000);
        assert_eq!(ByteSize::from(5), ByteSize::new(5));
    }
}
