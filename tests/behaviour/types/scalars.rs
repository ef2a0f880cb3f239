//! Numbers, booleans, characters, text, OS strings, paths, addresses,
//! durations and URLs: what each accepts, rejects and says it expects.

use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::num::{NonZeroU32, NonZeroU8};
use std::path::PathBuf;
use std::time::Duration;

use twelve_config::Config;

use super::{load, rejects};

one!(U8: u8);
one!(I64: i64);
one!(U128: u128);
one!(Usize: usize);
one!(NzU8: NonZeroU8);
one!(NzU32: NonZeroU32);
one!(F64: f64);
one!(Bool: bool);
one!(Char: char);
one!(Text: String);
one!(Os: OsString);
one!(Path: PathBuf);
one!(Ip: IpAddr);
one!(Ip4: Ipv4Addr);
one!(Ip6: Ipv6Addr);
one!(Socket: SocketAddr);
one!(Wait: Duration);
one!(Link: url::Url);

#[test]
fn integers() {
    assert_eq!(load::<U8>("255").unwrap().value, 255);
    assert_eq!(load::<I64>("-42").unwrap().value, -42);
    assert_eq!(
        load::<U128>(&u128::MAX.to_string()).unwrap().value,
        u128::MAX
    );
    assert_eq!(load::<Usize>("+7").unwrap().value, 7);
    let (shown, expected, reason) = rejects::<U8>("256");
    assert_eq!(shown.as_deref(), Some("\"256\""));
    assert_eq!(expected, "integer 0..=255");
    assert_eq!(
        reason.as_deref(),
        Some("number too large to fit in target type")
    );
    assert_eq!(
        rejects::<U8>("-1").2.as_deref(),
        Some("negative, but the type is unsigned")
    );
    for bad in ["1.0", "0x10", "1e3", "one", "1_000"] {
        rejects::<I64>(bad);
    }
}

#[test]
fn whitespace_is_not_trimmed_but_the_report_says_so() {
    let (_, _, reason) = rejects::<U8>(" 42 ");
    assert_eq!(
        reason.as_deref(),
        Some("invalid digit found in string; the value has leading or trailing whitespace")
    );
    // Only when the trimmed value would have been taken.
    assert_eq!(
        rejects::<U8>(" x ").2.as_deref(),
        Some("invalid digit found in string")
    );
    assert_eq!(load::<Text>(" spaced ").unwrap().value, " spaced ");
}

#[test]
fn nonzero() {
    assert_eq!(load::<NzU8>("1").unwrap().value.get(), 1);
    assert_eq!(rejects::<NzU32>("0").1, "integer 1..=4294967295");
}

#[test]
fn floats() {
    assert_eq!(load::<F64>("0.25").unwrap().value, 0.25);
    assert_eq!(load::<F64>("-1e3").unwrap().value, -1000.0);
    for bad in ["NaN", "inf", "-infinity", "1e400", "0,5"] {
        rejects::<F64>(bad);
    }
}

#[test]
fn bools_are_strict() {
    for (text, value) in [("TRUE", true), ("1", true), ("Yes", true), ("on", true)] {
        assert_eq!(load::<Bool>(text).unwrap().value, value, "{text}");
    }
    for (text, value) in [
        ("false", false),
        ("0", false),
        ("NO", false),
        ("Off", false),
    ] {
        assert_eq!(load::<Bool>(text).unwrap().value, value, "{text}");
    }
    for typo in ["ture", "flase", "y", "enabled", "2"] {
        let (_, expected, _) = rejects::<Bool>(typo);
        assert_eq!(expected, "boolean: true/false, 1/0, yes/no or on/off");
    }
}

#[test]
fn chars_and_text() {
    assert_eq!(load::<Char>("x").unwrap().value, 'x');
    rejects::<Char>("xy");
    assert_eq!(load::<Text>("héllo wörld").unwrap().value, "héllo wörld");
}

#[cfg(unix)]
#[test]
fn non_utf8_values_are_errors_except_for_os_types() {
    use std::os::unix::ffi::OsStringExt;
    let raw = OsString::from_vec(b"caf\xe9".to_vec());
    let errors = Text::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "invalid value: not valid UTF-8, expected text"
    );
    let errors = U8::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap_err();
    assert!(errors.to_string().contains("not valid UTF-8"), "{errors}");
    let os = Os::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap();
    assert_eq!(os.value, raw);
    let path = Path::from_vars([(OsString::from("VALUE"), raw.clone())]).unwrap();
    assert_eq!(path.value.as_os_str(), raw);
}

#[test]
fn addresses() {
    assert_eq!(
        load::<Socket>("0.0.0.0:8080").unwrap().value,
        "0.0.0.0:8080".parse::<SocketAddr>().unwrap()
    );
    assert!(load::<Socket>("[::1]:443").is_ok());
    for bad in ["localhost:80", "1.2.3.4", "1.2.3.4:99999", "[::1]"] {
        rejects::<Socket>(bad);
    }
    assert!(load::<Ip>("fe80::1").is_ok());
    rejects::<Ip4>("fe80::1");
    rejects::<Ip6>("10.0.0.1");
}

#[test]
fn durations() {
    assert_eq!(
        load::<Wait>("1h 15m").unwrap().value,
        Duration::from_secs(4500)
    );
    assert_eq!(
        load::<Wait>("250ms").unwrap().value,
        Duration::from_millis(250)
    );
    let (_, expected, _) = rejects::<Wait>("30");
    assert_eq!(expected, "duration such as 30s, 500ms or 1h 15m");
    rejects::<Wait>("soon");
}

#[test]
fn urls_mask_passwords_when_rejected() {
    assert_eq!(
        load::<Link>("https://example.com/a")
            .unwrap()
            .value
            .as_str(),
        "https://example.com/a"
    );
    let (shown, _, reason) = rejects::<Link>("postgres://app:hunter2@db:99999/x");
    assert_eq!(shown.as_deref(), Some("\"postgres://app:***@db:99999/x\""));
    assert_eq!(reason.as_deref(), Some("invalid port number"));
}

/// What each type is said to expect, in the report and in the schema.
fn expected_of<T: Config>() -> String {
    T::schema().var("VALUE").unwrap().expected().to_owned()
}

#[test]
fn each_type_says_what_it_expects() {
    assert_eq!(expected_of::<Text>(), "text");
    assert_eq!(expected_of::<Os>(), "text (any bytes)");
    assert_eq!(expected_of::<Path>(), "path");
    assert_eq!(
        expected_of::<Bool>(),
        "boolean: true/false, 1/0, yes/no or on/off"
    );
    assert_eq!(expected_of::<Char>(), "a single character");
    assert_eq!(expected_of::<F64>(), "finite number such as 0.5 or 1e-3");
    assert_eq!(expected_of::<Ip>(), "IP address such as 10.0.0.1 or ::1");
    assert_eq!(
        expected_of::<Socket>(),
        "socket address such as 0.0.0.0:8080 or [::1]:8080"
    );
    assert_eq!(
        expected_of::<Wait>(),
        "duration such as 30s, 500ms or 1h 15m"
    );
    assert_eq!(
        expected_of::<Link>(),
        "absolute URL such as https://example.com/path"
    );
    // A missing value's report says it too.
    let errors = Char::from_vars(Vec::<(String, String)>::new()).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "missing: required (a single character)"
    );
}
