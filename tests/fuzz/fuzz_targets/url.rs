//! `url::Url` as a value type: parsing, display round trip, and the password
//! never shown by `EnvValue::redact`.
//!
//! A backing-service URL type gets the same checks with the same two calls:
//! `value_with_display::<T>(data)` and `url_password::<T>(data, |u| ...)`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twelve_config_fuzz::{url_password, value_with_display};

fuzz_target!(|data: &[u8]| {
    value_with_display::<url::Url>(data);
    url_password::<url::Url>(data, |u| u.password().map(str::to_owned));
});
