//! Unit tests of the standard types' syntaxes: booleans, numbers and their
//! ranges, addresses, durations, text and paths, and what their errors show.

use super::*;

#[test]
fn bool_accepts_exactly_the_documented_spellings() {
    for t in ["true", "TRUE", "True", "1", "yes", "YES", "on", "On"] {
        assert_eq!(bool::parse_env(t), Ok(true), "{t}");
    }
    for f in ["false", "FALSE", "0", "no", "No", "off", "OFF"] {
        assert_eq!(bool::parse_env(f), Ok(false), "{f}");
    }
    for bad in [
        "",
        "ture",
        "y",
        "n",
        "2",
        "t",
        "f",
        " true",
        "true ",
        "enabled",
        "falsey",
        "truee",
        "tru\u{e9}",
    ] {
        assert!(bool::parse_env(bad).is_err(), "{bad:?} must be rejected");
    }
}

#[test]
fn integers_describe_their_range_and_reject_out_of_range() {
    assert_eq!(u16::expected(), "integer 0..=65535");
    assert_eq!(i8::expected(), "integer -128..=127");
    assert_eq!(u16::parse_env("65535"), Ok(65535));
    assert_eq!(u16::parse_env("+8080"), Ok(8080));
    assert_eq!(
        u16::parse_env("65536").unwrap_err().reason(),
        "number too large to fit in target type"
    );
    assert_eq!(
        u32::parse_env("-5").unwrap_err().reason(),
        "negative, but the type is unsigned"
    );
    assert_eq!(
        i32::parse_env("--5").unwrap_err().reason(),
        "invalid digit found in string"
    );
    assert!(u16::parse_env("80a").is_err());
    assert!(u16::parse_env(" 80").is_err());
    assert!(u16::parse_env("0x50").is_err());
    assert!(u16::parse_env("1_000").is_err());
    assert_eq!(i64::parse_env("-9223372036854775808"), Ok(i64::MIN));
    assert_eq!(u64::parse_env("18446744073709551615"), Ok(u64::MAX));
    assert_eq!(u8::parse_env("255"), Ok(255));
    assert_eq!(i8::parse_env("-128"), Ok(-128));
    // Each signed type's largest value is in range.
    assert_eq!(i8::parse_env("127"), Ok(127));
    assert_eq!(i64::parse_env("9223372036854775807"), Ok(i64::MAX));
    assert_eq!(
        i8::parse_env("-129").unwrap_err().reason(),
        "number too small to fit in target type"
    );
    assert_eq!(
        i8::parse_env("128").unwrap_err().reason(),
        "number too large to fit in target type"
    );
    assert_eq!(
        u8::parse_env("-0").unwrap_err().reason(),
        "negative, but the type is unsigned"
    );
    // A lone sign is no number at all, negative or not.
    assert_eq!(
        u8::parse_env("-").unwrap_err().reason(),
        "invalid digit found in string"
    );
    assert_eq!(
        usize::parse_env("").unwrap_err().reason(),
        "cannot parse integer from empty string"
    );
    assert_eq!(
        u128::parse_env("340282366920938463463374607431768211455"),
        Ok(u128::MAX)
    );
    assert_eq!(usize::expected(), format!("integer 0..={}", usize::MAX));
    assert_eq!(
        isize::expected(),
        format!("integer {}..={}", isize::MIN, isize::MAX)
    );
}

#[test]
fn nonzero_integers_reject_zero() {
    assert_eq!(NonZeroU16::expected(), "integer 1..=65535");
    assert_eq!(NonZeroI8::expected(), "nonzero integer -128..=127");
    assert_eq!(NonZeroU16::parse_env("1").unwrap().get(), 1);
    assert!(NonZeroU16::parse_env("0").is_err());
    assert!(NonZeroI8::parse_env("0").is_err());
}

#[test]
fn floats_are_finite() {
    assert_eq!(f64::parse_env("1.5"), Ok(1.5));
    assert_eq!(f64::parse_env("1e-3"), Ok(0.001));
    assert_eq!(f32::parse_env("-2"), Ok(-2.0));
    for bad in ["NaN", "nan", "inf", "-inf", "infinity", "1e999", "", "1,5"] {
        assert!(f64::parse_env(bad).is_err(), "{bad:?} must be rejected");
    }
}

#[test]
fn char_takes_exactly_one() {
    assert_eq!(char::parse_env("é"), Ok('é'));
    assert!(char::parse_env("").is_err());
    assert!(char::parse_env("ab").is_err());
}

#[test]
fn addresses() {
    assert_eq!(
        SocketAddr::parse_env("[::1]:8080").unwrap(),
        "[::1]:8080".parse::<SocketAddr>().unwrap()
    );
    assert!(SocketAddr::parse_env("localhost:8080").is_err());
    assert!(SocketAddr::parse_env("1.2.3.4:65536").is_err());
    assert!(SocketAddr::parse_env("1.2.3.4").is_err());
    assert!(IpAddr::parse_env("::1").is_ok());
    assert!(IpAddr::parse_env("10.0.0.256").is_err());
    assert!(Ipv4Addr::parse_env("::1").is_err());
    assert!(Ipv6Addr::parse_env("10.0.0.1").is_err());
    assert!(SocketAddrV4::parse_env("[::1]:1").is_err());
    assert!(SocketAddrV6::parse_env("[::1]:1").is_ok());
}

#[test]
fn durations_use_humantime_and_need_a_unit() {
    assert_eq!(Duration::parse_env("30s"), Ok(Duration::from_secs(30)));
    assert_eq!(Duration::parse_env("500ms"), Ok(Duration::from_millis(500)));
    assert_eq!(
        Duration::parse_env("1h 15m"),
        Ok(Duration::from_secs(75 * 60))
    );
    assert_eq!(
        Duration::parse_env("2days"),
        Ok(Duration::from_secs(2 * 86400))
    );
    for bad in ["30", "", "-5s", "5 parsecs", "s"] {
        assert!(
            Duration::parse_env(bad).is_err(),
            "{bad:?} must be rejected"
        );
    }
}

#[test]
fn duration_reasons_are_plain_words_that_never_quote_the_value() {
    let reason = |text: &str| Duration::parse_env(text).unwrap_err().reason().to_owned();
    assert_eq!(
        reason("30"),
        "a number without a unit; add one, as in 30s or 500ms"
    );
    assert_eq!(reason("-5s"), "negative");
    assert_eq!(reason(""), "empty");
    assert_eq!(
        reason("5 parsecs"),
        "unknown unit; use ns, us, ms, s, m, h, d, w, M or y (or words such as sec, min, hours, days)"
    );
    assert_eq!(
        reason("s"),
        "a number is missing at character 1; each unit follows a number, as in 1h 30m"
    );
    assert_eq!(
        reason("1h min"),
        "a number is missing at character 4; each unit follows a number, as in 1h 30m"
    );
    assert_eq!(
        reason("1h, 2m"),
        "character 3 is not a digit, letter or space; write numbers with units, as in 1h 30m"
    );
    assert_eq!(
        reason("1h/2m"),
        "character 3 is not a digit, letter or space; write numbers with units, as in 1h 30m"
    );
    assert_eq!(
        reason("99999999999999999999999s"),
        "too large, or more precise than a nanosecond"
    );
    // A secret duration may show these reasons: none quotes the value.
    assert!(ValueError::new(reason("5 parsecs")).shown_for_secret("5 parsecs"));
}

#[test]
fn strings_and_paths() {
    assert_eq!(String::parse_env(" a b "), Ok(" a b ".to_owned()));
    // Text known to be UTF-8 (a list's items) goes through `parse_env`:
    // kept as it is, like the raw value.
    assert_eq!(
        PathBuf::parse_env("/srv/data dir"),
        Ok(PathBuf::from("/srv/data dir"))
    );
    assert_eq!(OsString::parse_env(" é "), Ok(OsString::from(" é ")));
    // What reports and the schema say each expects.
    assert_eq!(String::expected(), "text");
    assert_eq!(OsString::expected(), "text (any bytes)");
    assert_eq!(PathBuf::expected(), "path");
    assert_eq!(
        PathBuf::parse_env_os(OsStr::new("/tmp/x")),
        Ok(PathBuf::from("/tmp/x"))
    );
}

#[cfg(unix)]
#[test]
fn non_utf8_is_an_error_except_for_os_types() {
    use std::os::unix::ffi::OsStrExt;
    let raw = OsStr::from_bytes(b"a\xffb");
    assert!(String::parse_env_os(raw).unwrap_err().is_not_unicode());
    assert!(u16::parse_env_os(raw).unwrap_err().is_not_unicode());
    // Other problems are not taken for it.
    assert!(!u16::parse_env("x").unwrap_err().is_not_unicode());
    assert!(!u16::parse_env_os(OsStr::new("x"))
        .unwrap_err()
        .is_not_unicode());
    assert_eq!(OsString::parse_env_os(raw).unwrap(), raw);
    assert_eq!(PathBuf::parse_env_os(raw).unwrap().as_os_str(), raw);
}

#[test]
fn taking_owned_text_agrees_with_parsing_it() {
    for text in ["", " a b ", "é", "/tmp/x"] {
        let raw = OsString::from(text);
        assert_eq!(String::take_env_os(raw.clone()), Ok(text.to_owned()));
        assert_eq!(OsString::take_env_os(raw.clone()).unwrap(), raw);
        assert_eq!(
            PathBuf::take_env_os(raw.clone()).ok(),
            PathBuf::parse_env_os(&raw).ok()
        );
        assert_eq!(u16::take_env_os(raw.clone()), Err(raw));
    }
}

#[cfg(unix)]
#[test]
fn taking_non_utf8_text_gives_it_back_for_the_error() {
    use std::os::unix::ffi::OsStrExt;
    let raw = OsStr::from_bytes(b"a\xffb").to_os_string();
    assert_eq!(String::take_env_os(raw.clone()), Err(raw.clone()));
    assert_eq!(OsString::take_env_os(raw.clone()), Ok(raw));
}

#[test]
fn secret_reasons_are_withheld_when_untrusted_or_quoting() {
    assert!(ValueError::new("too short").shown_for_secret("hunter2"));
    assert!(!ValueError::new("hunter2 is bad").shown_for_secret("hunter2"));
    assert!(!ValueError::from_foreign("bad").shown_for_secret("hunter2"));
    assert!(!ValueError::new("xx hunter2").shown_for_secret("hunter2"));
    assert!(ValueError::new("hunter").shown_for_secret("hunter2"));
    assert!(ValueError::new("the value is empty").shown_for_secret(""));
}
