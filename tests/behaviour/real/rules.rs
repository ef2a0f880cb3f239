//! Cross-field rules (`validate`) on loaded values, naming the full
//! variables, in the outer struct and in a nested group.

use std::time::Duration;

use twelve_config::{ByteSize, Config, Problems};

use super::report;

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
