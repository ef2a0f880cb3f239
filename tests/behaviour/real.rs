//! What real service configurations need: units in names, byte sizes,
//! key-value lists, optional groups, nested separators, cross-field rules.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use twelve_config::{ByteSize, Config, EnvValue, Problems, SecretString};

fn report<T: Config + std::fmt::Debug>(vars: &[(&str, &str)]) -> String {
    T::from_vars(vars.iter().copied()).unwrap_err().to_string()
}

mod units {
    use super::*;

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
}

mod maps {
    use super::*;

    #[derive(EnvValue, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    enum Level {
        Debug,
        Info,
        Warn,
    }

    #[derive(Config, Debug)]
    #[config(prefix = "APP_")]
    struct Settings {
        #[config(default = "")]
        labels: HashMap<String, String>,
        #[config(separator = ";", kv_separator = ":")]
        log_levels: Option<BTreeMap<String, Level>>,
        #[config(default = "")]
        weights: std::collections::BTreeMap<u8, f64>,
        #[config(unit = "s", default = "")]
        timeouts: HashMap<String, Duration>,
        #[config(separator = " ")]
        limits: Option<HashMap<String, ByteSize>>,
        tokens: Option<HashMap<String, SecretString>>,
    }

    #[test]
    fn key_value_lists_fill_maps() {
        let s = Settings::from_vars([
            ("APP_LABELS", "team=core, tier = gold ,empty="),
            ("APP_LOG_LEVELS", "hyper:warn;app:DEBUG"),
            ("APP_WEIGHTS", "2=0.5,1=1e-3"),
            ("APP_TIMEOUTS", "db=30,http=1m"),
            ("APP_LIMITS", "upload=100MB  body=1.5KiB"),
            ("APP_TOKENS", r"github=ghp_1\,2,npm=x=y"),
        ])
        .unwrap();
        assert_eq!(s.labels.len(), 3);
        assert_eq!(s.labels["tier"], "gold");
        assert_eq!(s.labels["empty"], "");
        let levels = s.log_levels.unwrap();
        assert_eq!(
            levels.into_iter().collect::<Vec<_>>(),
            [
                ("app".to_owned(), Level::Debug),
                ("hyper".to_owned(), Level::Warn)
            ]
        );
        assert_eq!(
            s.weights.into_iter().collect::<Vec<_>>(),
            [(1, 0.001), (2, 0.5)]
        );
        assert_eq!(s.timeouts["db"], Duration::from_secs(30));
        assert_eq!(s.timeouts["http"], Duration::from_secs(60));
        let limits = s.limits.unwrap();
        assert_eq!(limits["upload"], ByteSize::mb(100));
        assert_eq!(limits["body"].bytes(), 1536);
        use twelve_config::ExposeSecret;
        let tokens = s.tokens.unwrap();
        assert_eq!(tokens["github"].expose_secret(), "ghp_1,2");
        assert_eq!(tokens["npm"].expose_secret(), "x=y");
    }

    #[test]
    fn bad_maps_are_reported_and_secrets_stay_hidden() {
        let text = report::<Settings>(&[
            ("APP_LABELS", "team=core,team=edge"),
            ("APP_LOG_LEVELS", "hyper:loud"),
            ("APP_WEIGHTS", "x=1"),
            ("APP_TIMEOUTS", "db"),
            ("APP_LIMITS", "a=1 =2"),
            ("APP_TOKENS", "a=hunter2,a=hunter3"),
        ]);
        assert!(
            text.starts_with("error: 6 configuration problems\n"),
            "{text}"
        );
        assert!(text.contains("pair 2 repeats the key of pair 1"), "{text}");
        assert!(text.contains("(value of pair 1 is invalid)"), "{text}");
        assert!(
            text.contains("key of pair 1: invalid digit found in string"),
            "{text}"
        );
        assert!(
            text.contains("pair 1 has no \"=\" between key and value"),
            "{text}"
        );
        assert!(text.contains("pair 2 has an empty key"), "{text}");
        assert!(!text.contains("hunter"), "{text}");
        let tokens = text.lines().find(|l| l.contains("APP_TOKENS")).unwrap();
        assert!(
            tokens.contains("invalid value <redacted>: expected KEY=VALUE pairs"),
            "{text}"
        );
        assert!(
            tokens.ends_with("(pair 2 repeats the key of pair 1)"),
            "{text}"
        );
    }

    #[test]
    fn schema_describes_pairs() {
        let schema = Settings::schema();
        let labels = schema.var("APP_LABELS").unwrap();
        assert_eq!(
            labels.expected(),
            "KEY=VALUE pairs separated by \",\", keys: text, values: text"
        );
        assert_eq!(
            schema.var("APP_LOG_LEVELS").unwrap().expected(),
            "KEY:VALUE pairs separated by \";\", keys: text, values: one of: debug, info, warn"
        );
        assert_eq!(
            schema.var("APP_LIMITS").unwrap().expected(),
            "KEY=VALUE pairs separated by spaces, keys: text, values: byte size such as 512 KiB, 100 MB or 10G"
        );
        let tokens = schema.var("APP_TOKENS").unwrap();
        assert!(tokens.is_secret());
        assert_eq!(tokens.file_var(), Some("APP_TOKENS_FILE"));
        assert!(!tokens.is_required());
    }
}

mod groups {
    use super::*;

    #[derive(Config, Debug)]
    #[config(prefix = "SVC_", nested_separator = "__")]
    struct Service {
        #[config(default = 8080)]
        port: u16,
        #[config(nested)]
        smtp: Option<Smtp>,
        #[config(nested)]
        limits: Limits,
        #[config(nested)]
        storage: Storage,
    }

    /// An optional group: off unless one of its variables is set.
    #[derive(Config, Debug)]
    struct Smtp {
        server: String,
        #[config(default = 587)]
        port: u16,
        user: Option<String>,
        password: SecretString,
    }

    /// Inherits `__` from the outer struct.
    #[derive(Config, Debug)]
    struct Limits {
        #[config(default = "1 MiB")]
        body: ByteSize,
        #[config(nested)]
        rate: Rate,
    }

    #[derive(Config, Debug)]
    struct Rate {
        #[config(default = 10)]
        per_second: u32,
    }

    /// Sets its own separator, which its nested structs inherit.
    #[derive(Config, Debug)]
    #[config(nested_separator = ".")]
    struct Storage {
        #[config(default = "/data")]
        dir: String,
        #[config(nested)]
        s3: Option<S3>,
    }

    #[derive(Config, Debug)]
    struct S3 {
        bucket: String,
        #[config(default = "us-east-1")]
        region: String,
    }

    #[test]
    fn separators_are_inherited_unless_overridden() {
        let names: Vec<String> = Service::schema()
            .vars()
            .iter()
            .map(|v| v.name().to_owned())
            .collect();
        assert_eq!(
            names,
            [
                "SVC_PORT",
                "SVC_SMTP__SERVER",
                "SVC_SMTP__PORT",
                "SVC_SMTP__USER",
                "SVC_SMTP__PASSWORD",
                "SVC_LIMITS__BODY",
                "SVC_LIMITS__RATE__PER_SECOND",
                "SVC_STORAGE__DIR",
                "SVC_STORAGE__S3.BUCKET",
                "SVC_STORAGE__S3.REGION",
            ]
        );
        let schema = Service::schema();
        assert_eq!(schema.var("SVC_SMTP__PORT").unwrap().group(), Some("smtp"));
        assert_eq!(
            schema.var("SVC_STORAGE__S3.BUCKET").unwrap().group(),
            Some("storage.s3")
        );
        assert_eq!(schema.var("SVC_LIMITS__BODY").unwrap().group(), None);
        assert!(schema.var("SVC_SMTP__SERVER").unwrap().is_required());
    }

    #[test]
    fn groups_are_off_when_nothing_is_set() {
        let s = Service::from_vars([("SVC_LIMITS__RATE__PER_SECOND", "5")]).unwrap();
        assert!(s.smtp.is_none());
        assert!(s.storage.s3.is_none());
        assert_eq!(s.port, 8080);
        assert_eq!(s.limits.rate.per_second, 5);
        assert_eq!(s.limits.body, ByteSize::mib(1));
        assert_eq!(s.storage.dir, "/data");
    }

    #[test]
    fn empty_values_do_not_enable_a_group() {
        let s =
            Service::from_vars([("SVC_SMTP__SERVER", ""), ("SVC_STORAGE__S3.BUCKET", "")]).unwrap();
        assert!(s.smtp.is_none());
        assert!(s.storage.s3.is_none());
        // An empty variable with a default, in a group that stays off: the
        // default is not used, so no warning says it is; the warning says
        // the group stays off.
        let loaded = Service::load(&twelve_config::Vars::new([
            ("SVC_SMTP__PORT", ""),
            ("SVC_STORAGE__S3.REGION", ""),
        ]))
        .unwrap();
        assert!(loaded.config().smtp.is_none());
        assert!(loaded.config().storage.s3.is_none());
        let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "warning: SVC_SMTP__PORT: set but empty, so it is treated as unset and the optional group smtp stays off; unset it, or give it a value",
                "warning: SVC_STORAGE__S3.REGION: set but empty, so it is treated as unset and the optional group storage.s3 stays off; unset it, or give it a value",
            ]
        );
        // In a group that is on, the same warning is given.
        let loaded = Service::load(&twelve_config::Vars::new([
            ("SVC_STORAGE__S3.BUCKET", "b"),
            ("SVC_STORAGE__S3.REGION", ""),
        ]))
        .unwrap();
        let warnings: Vec<String> = loaded.warnings().iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["warning: SVC_STORAGE__S3.REGION: set but empty, so the default \"us-east-1\" is used; unset it, or give it a value"]
        );
    }

    #[test]
    fn one_variable_enables_a_group_and_the_rest_is_required() {
        let text = report::<Service>(&[("SVC_SMTP__PORT", "25"), ("SVC_STORAGE__S3.REGION", "eu")]);
        assert_eq!(
            text,
            "error: 3 configuration problems\n  \
             SVC_SMTP__SERVER        missing: required (text)\n                          \
             note: the optional group smtp is enabled because SVC_SMTP__PORT is set\n  \
             SVC_SMTP__PASSWORD      missing: required (secret text)\n  \
             SVC_STORAGE__S3.BUCKET  missing: required (text)\n                          \
             note: the optional group storage.s3 is enabled because SVC_STORAGE__S3.REGION is set"
        );
    }

    #[test]
    fn a_secret_file_enables_a_group() {
        let dir = std::env::temp_dir().join(format!("tc-real-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("smtp-password");
        std::fs::write(&file, "s3cret\n").unwrap();
        let text = report::<Service>(&[("SVC_SMTP__PASSWORD_FILE", file.to_str().unwrap())]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            text,
            "error: 1 configuration problem\n  \
             SVC_SMTP__SERVER  missing: required (text)\n                    \
             note: the optional group smtp is enabled because SVC_SMTP__PASSWORD_FILE is set"
        );
        assert!(!text.contains("s3cret"));
    }

    #[test]
    fn a_complete_group_loads() {
        let s = Service::from_vars([
            ("SVC_SMTP__SERVER", "mail.example.com"),
            ("SVC_SMTP__PASSWORD", "pw"),
            ("SVC_STORAGE__S3.BUCKET", "b"),
        ])
        .unwrap();
        let smtp = s.smtp.unwrap();
        assert_eq!(smtp.server, "mail.example.com");
        assert_eq!(smtp.port, 587);
        assert_eq!(smtp.user, None);
        use twelve_config::ExposeSecret;
        assert_eq!(smtp.password.expose_secret(), "pw");
        let s3 = s.storage.s3.unwrap();
        assert_eq!((s3.bucket.as_str(), s3.region.as_str()), ("b", "us-east-1"));
    }

    #[test]
    fn an_invalid_value_in_an_unused_group_still_counts() {
        let text = report::<Service>(&[
            ("SVC_SMTP__SERVER", "mail"),
            ("SVC_SMTP__PASSWORD", "pw"),
            ("SVC_SMTP__PORT", "smtp"),
        ]);
        assert_eq!(
            text,
            "error: 1 configuration problem\n  \
             SVC_SMTP__PORT  invalid value \"smtp\": expected integer 0..=65535 (invalid digit found in string)"
        );
    }
}

mod lists {
    use super::*;

    #[derive(Config, Debug)]
    struct Lists {
        #[config(default = "")]
        commas: Vec<String>,
        #[config(separator = " ", default = "")]
        words: Vec<String>,
        #[config(separator = "\n", default = "")]
        lines: Vec<String>,
        #[config(separator = ":", default = "")]
        path: Vec<std::path::PathBuf>,
        #[config(separator = "||")]
        alternatives: Option<Vec<u8>>,
    }

    #[test]
    fn any_separator_and_whitespace_runs() {
        let l = Lists::from_vars([
            ("COMMAS", r"a, b\,c , d\\"),
            ("WORDS", "  one\ttwo \n three  "),
            ("LINES", "x y\n z"),
            ("PATH", "/usr/bin:/bin"),
            ("ALTERNATIVES", "1 || 2||3"),
        ])
        .unwrap();
        assert_eq!(l.commas, ["a", "b,c", r"d\"]);
        assert_eq!(l.words, ["one", "two", "three"]);
        // A newline is whitespace: it splits at any whitespace run.
        assert_eq!(l.lines, ["x", "y", "z"]);
        assert_eq!(l.path.len(), 2);
        assert_eq!(l.alternatives, Some(vec![1, 2, 3]));
    }

    #[test]
    fn schema_names_the_separator() {
        let schema = Lists::schema();
        assert_eq!(
            schema.var("WORDS").unwrap().expected(),
            "list of text separated by spaces"
        );
        assert_eq!(
            schema.var("ALTERNATIVES").unwrap().expected(),
            "list of integer 0..=255 separated by \"||\""
        );
    }

    #[test]
    fn bad_items_are_located() {
        let text = report::<Lists>(&[("ALTERNATIVES", "1||x"), ("COMMAS", "a,,b")]);
        assert!(
            text.contains("item 2: invalid digit found in string"),
            "{text}"
        );
        assert!(text.contains("item 2 is empty"), "{text}");
    }
}

mod rules {
    use super::*;

    #[derive(Config, Debug)]
    #[config(prefix = "APP_", validate = Settings::check)]
    struct Settings {
        #[config(unit = "s", default = 30)]
        read_timeout: Duration,
        #[config(unit = "s", default = 60)]
        request_timeout: Duration,
        #[config(default = "1 MiB")]
        part_size: ByteSize,
        #[config(default = "10 MiB")]
        body_limit: ByteSize,
        #[config(nested)]
        tls: Option<Tls>,
    }

    #[derive(Config, Debug)]
    #[config(validate = Tls::check)]
    struct Tls {
        cert: Option<String>,
        key: Option<String>,
    }

    impl Tls {
        fn check(&self) -> Result<(), Problems> {
            let mut problems = Problems::new();
            if self.cert.is_some() != self.key.is_some() {
                problems.add(["cert", "key"], "set both or neither");
            }
            problems.into_result()
        }
    }

    impl Settings {
        fn check(&self) -> Result<(), Problems> {
            let mut problems = Problems::new();
            if self.read_timeout > self.request_timeout {
                problems.add(
                    ["read_timeout", "request_timeout"],
                    "the read timeout must not exceed the request timeout",
                );
            }
            if self.part_size > self.body_limit {
                problems.add(
                    ["part_size"],
                    format!("larger than the body limit {}", self.body_limit),
                );
            }
            problems.into_result()
        }
    }

    #[test]
    fn rules_see_loaded_values_and_name_full_variables() {
        let ok = Settings::from_vars([
            ("APP_READ_TIMEOUT", "60"),
            ("APP_TLS_CERT", "c"),
            ("APP_TLS_KEY", "k"),
        ])
        .unwrap();
        assert_eq!(ok.tls.unwrap().key.as_deref(), Some("k"));
        let text = report::<Settings>(&[
            ("APP_READ_TIMEOUT", "2m"),
            ("APP_PART_SIZE", "20M"),
            ("APP_TLS_CERT", "/cert.pem"),
        ]);
        assert_eq!(
            text,
            "error: 3 configuration problems\n  \
             APP_TLS_CERT, APP_TLS_KEY  set both or neither\n  \
             APP_READ_TIMEOUT, APP_REQUEST_TIMEOUT\n      \
             the read timeout must not exceed the request timeout\n  \
             APP_PART_SIZE              larger than the body limit 10 MiB"
        );
    }

    #[test]
    fn rules_wait_for_the_fields_to_load() {
        let text = report::<Settings>(&[("APP_READ_TIMEOUT", "soon"), ("APP_PART_SIZE", "20M")]);
        assert!(
            text.starts_with("error: 1 configuration problem\n"),
            "{text}"
        );
        assert!(text.contains("APP_READ_TIMEOUT"), "{text}");
    }
}
