//! Durations and byte sizes read in a unit (`#[config(unit)]`), and byte
//! sizes written with theirs: defaults, fractions, schema and reports.

use std::time::Duration;

use twelve_config::{ByteSize, Config};

use super::report;

#[derive(Config, Debug)]
struct Timeouts {
    #[config(unit = "s", default = 2592000)]
    icon_cache_ttl: Duration,
    #[config(unit = "ms", default = 60000)]
    grpc_timeout_ms: Duration,
    #[config(unit = "m", default = 20)]
    session_lifetime: Duration,
    #[config(unit = "d")]
    events_days_retain: Option<Duration>,
    #[config(unit = "h", separator = " ", default = "")]
    reminders: Vec<Duration>,
    #[config(unit = "MB", default = 32)]
    max_request_size_mb: ByteSize,
    #[config(unit = "KB")]
    max_header_size_kb: Option<ByteSize>,
    #[config(default = "100 MB")]
    payload_size_limit: ByteSize,
    #[config(default = "375 MiB")]
    multipart_part_size: ByteSize,
    #[config(default = "10G")]
    cache_size: ByteSize,
}

#[test]
fn defaults_in_units_and_byte_sizes() {
    let t = Timeouts::from_vars(Vec::<(String, String)>::new()).unwrap();
    assert_eq!(t.icon_cache_ttl, Duration::from_secs(2_592_000));
    assert_eq!(t.grpc_timeout_ms, Duration::from_secs(60));
    assert_eq!(t.session_lifetime, Duration::from_secs(20 * 60));
    assert_eq!(t.events_days_retain, None);
    assert!(t.reminders.is_empty());
    assert_eq!(t.max_request_size_mb.bytes(), 32_000_000);
    assert_eq!(t.max_header_size_kb, None);
    assert_eq!(t.payload_size_limit.bytes(), 100_000_000);
    assert_eq!(t.multipart_part_size, ByteSize::mib(375));
    assert_eq!(t.cache_size, ByteSize::gib(10));
}

#[test]
fn bare_numbers_and_text_with_units_both_load() {
    let t = Timeouts::from_vars([
        ("ICON_CACHE_TTL", "30d"),
        ("GRPC_TIMEOUT_MS", "1500"),
        ("SESSION_LIFETIME", "1h 30m"),
        ("EVENTS_DAYS_RETAIN", "30"),
        ("REMINDERS", "1 24  2h"),
        ("MAX_REQUEST_SIZE_MB", "1 GiB"),
        ("MAX_HEADER_SIZE_KB", "10000"),
        ("PAYLOAD_SIZE_LIMIT", "1.5 GB"),
    ])
    .unwrap();
    assert_eq!(t.icon_cache_ttl, Duration::from_secs(30 * 86400));
    assert_eq!(t.grpc_timeout_ms, Duration::from_millis(1500));
    assert_eq!(t.session_lifetime, Duration::from_secs(90 * 60));
    assert_eq!(t.events_days_retain, Some(Duration::from_secs(30 * 86400)));
    assert_eq!(
        t.reminders,
        [3600, 24 * 3600, 7200].map(Duration::from_secs)
    );
    assert_eq!(t.max_request_size_mb, ByteSize::gib(1));
    assert_eq!(t.max_header_size_kb, Some(ByteSize::kb(10_000)));
    assert_eq!(t.payload_size_limit.bytes(), 1_500_000_000);
}

#[test]
fn schema_says_the_unit_and_the_alternative() {
    let schema = Timeouts::schema();
    let expected = |name: &str| schema.var(name).unwrap().expected().to_owned();
    assert_eq!(
        expected("ICON_CACHE_TTL"),
        "number of seconds such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
    );
    assert_eq!(
        expected("GRPC_TIMEOUT_MS"),
        "number of milliseconds such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
    );
    assert_eq!(
        expected("SESSION_LIFETIME"),
        "number of minutes such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
    );
    assert_eq!(
        expected("EVENTS_DAYS_RETAIN"),
        "number of days such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m"
    );
    assert_eq!(
        expected("REMINDERS"),
        "list of number of hours such as 30 or 2.5, or a duration such as 30s, 500ms or 1h 15m separated by spaces"
    );
    assert_eq!(
        expected("MAX_REQUEST_SIZE_MB"),
        "number of megabytes (MB) such as 30 or 2.5, or a byte size such as 512 KiB, 100 MB or 10G"
    );
    assert_eq!(
        expected("MAX_HEADER_SIZE_KB"),
        "number of kilobytes (kB) such as 30 or 2.5, or a byte size such as 512 KiB, 100 MB or 10G"
    );
    assert_eq!(
        expected("PAYLOAD_SIZE_LIMIT"),
        "byte size such as 512 KiB, 100 MB or 10G"
    );
    assert_eq!(schema.var("CACHE_SIZE").unwrap().default(), Some("10G"));
}

#[test]
fn a_rejected_value_in_a_unit_is_quoted_as_it_was_set() {
    let text = report::<Timeouts>(&[("ICON_CACHE_TTL", "ten"), ("MAX_HEADER_SIZE_KB", "2x")]);
    assert!(
        text.contains("ICON_CACHE_TTL      invalid value \"ten\""),
        "{text}"
    );
    assert!(
        text.contains("MAX_HEADER_SIZE_KB  invalid value \"2x\""),
        "{text}"
    );
}

#[test]
fn fractions_in_a_unit_load_where_the_type_can_hold_them() {
    let t = Timeouts::from_vars([
        ("ICON_CACHE_TTL", "0.5"),
        ("GRPC_TIMEOUT_MS", "2.25"),
        ("REMINDERS", "0.5 1.5"),
        ("MAX_REQUEST_SIZE_MB", "1.5"),
        ("MAX_HEADER_SIZE_KB", "0.25"),
    ])
    .unwrap();
    assert_eq!(t.icon_cache_ttl, Duration::from_millis(500));
    assert_eq!(t.grpc_timeout_ms, Duration::from_micros(2250));
    assert_eq!(t.reminders, [1800, 5400].map(Duration::from_secs));
    assert_eq!(t.max_request_size_mb.bytes(), 1_500_000);
    assert_eq!(t.max_header_size_kb, Some(ByteSize::new(250)));
    let text = report::<Timeouts>(&[("MAX_HEADER_SIZE_KB", "0.0005")]);
    assert!(
        text.contains("MAX_HEADER_SIZE_KB") && text.contains("not a whole number of bytes"),
        "{text}"
    );
}

#[test]
fn every_bad_value_is_reported_with_its_reason() {
    let text = report::<Timeouts>(&[
        ("ICON_CACHE_TTL", "-5"),
        ("GRPC_TIMEOUT_MS", "1.0000005"),
        ("SESSION_LIFETIME", "20 fortnights"),
        ("EVENTS_DAYS_RETAIN", "999999999999999999"),
        ("MAX_REQUEST_SIZE_MB", "32 MBs"),
        ("PAYLOAD_SIZE_LIMIT", "99999999999 GB"),
        ("CACHE_SIZE", "10 G "),
    ]);
    assert!(
        text.starts_with("error: 7 configuration problems\n"),
        "{text}"
    );
    for var in [
        "ICON_CACHE_TTL",
        "GRPC_TIMEOUT_MS",
        "SESSION_LIFETIME",
        "EVENTS_DAYS_RETAIN",
        "MAX_REQUEST_SIZE_MB",
        "PAYLOAD_SIZE_LIMIT",
        "CACHE_SIZE",
    ] {
        assert!(
            text.contains(&format!("  {var} ")),
            "{var} missing in {text}"
        );
    }
    assert!(text.contains("too large: more days than fit"), "{text}");
    assert!(text.contains("more precise than a nanosecond"), "{text}");
    assert!(
        text.contains("too large: at most 18446744073709551615 bytes"),
        "{text}"
    );
    assert!(text.contains("unknown unit"), "{text}");
    assert!(
        text.contains("the value has leading or trailing whitespace"),
        "{text}"
    );
}
