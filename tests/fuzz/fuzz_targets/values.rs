//! Every built-in value parser on arbitrary bytes; the first byte picks it.
//!
//! Checked: no panic; `parse_env` and `parse_env_os` agree; reasons are one
//! line; what parses displays as text that parses back to the same value;
//! floats are finite; matching is case-insensitive where documented; a
//! secret shows nothing, whatever it holds.
#![no_main]

use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::num::{NonZeroI64, NonZeroU16, NonZeroU8};
use std::path::PathBuf;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use twelve_config::{EnvValue, ExposeSecret, HostPort, SecretBox, SecretString};
use twelve_config_fuzz::loader::Format;
use twelve_config_fuzz::{os, round_trip, split_first, value, value_with_display};

fuzz_target!(|data: &[u8]| {
    let Some((selector, raw)) = split_first(data) else {
        return;
    };
    match selector % 24 {
        0 => {
            if let Some(b) = value_with_display::<bool>(raw) {
                // Any ASCII case of an accepted spelling is accepted.
                let text = std::str::from_utf8(raw).unwrap();
                assert_eq!(bool::parse_env(&text.to_ascii_uppercase()), Ok(b));
            }
        }
        1 => {
            value_with_display::<u8>(raw);
        }
        2 => {
            value_with_display::<u16>(raw);
        }
        3 => {
            let n = value_with_display::<u64>(raw);
            if n.is_none() && raw.len() > 1 && raw[0] == b'-' {
                // A negative number for an unsigned type says so.
                let reason = u64::parse_env_os(os(raw)).unwrap_err();
                let digits = &raw[1..];
                if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) {
                    assert_eq!(reason.reason(), "negative, but the type is unsigned");
                }
            }
        }
        4 => {
            value_with_display::<i8>(raw);
        }
        5 => {
            value_with_display::<i64>(raw);
        }
        6 => {
            value_with_display::<u128>(raw);
        }
        7 => {
            value_with_display::<i128>(raw);
        }
        8 => {
            if let Some(n) = value_with_display::<f64>(raw) {
                assert!(n.is_finite(), "{n} accepted");
            }
        }
        9 => {
            if let Some(n) = value_with_display::<f32>(raw) {
                assert!(n.is_finite(), "{n} accepted");
            }
        }
        10 => {
            if let Some(n) = value_with_display::<NonZeroU16>(raw) {
                assert_ne!(n.get(), 0);
            }
            value_with_display::<NonZeroU8>(raw);
            value_with_display::<NonZeroI64>(raw);
        }
        11 => {
            value_with_display::<char>(raw);
        }
        12 => {
            if let Some(d) = value::<Duration>(raw, false) {
                // humantime's own rendering is the display of a duration.
                round_trip(&d, &humantime::format_duration(d).to_string());
            }
        }
        13 => {
            value_with_display::<SocketAddr>(raw);
            if let Some(addr) = value_with_display::<HostPort>(raw) {
                // A host is a name or an address, never one with a port in it.
                assert!(!addr.host().is_empty());
                if addr.host().contains(':') {
                    assert!(addr.host().parse::<Ipv6Addr>().is_ok(), "{addr:?}");
                }
            }
        }
        14 => {
            value_with_display::<SocketAddrV4>(raw);
        }
        15 => {
            value_with_display::<SocketAddrV6>(raw);
        }
        16 => {
            value_with_display::<IpAddr>(raw);
        }
        17 => {
            value_with_display::<Ipv4Addr>(raw);
            value_with_display::<Ipv6Addr>(raw);
        }
        18 => {
            if let Some(format) = value::<Format>(raw, false) {
                let text = std::str::from_utf8(raw).unwrap();
                // Case-insensitive, and every value has a listed spelling
                // that reads back as it.
                assert_eq!(Format::parse_env(&text.to_ascii_uppercase()), Ok(format));
                assert_eq!(Format::parse_env(&text.to_ascii_lowercase()), Ok(format));
                round_trip(&format, format.spelling());
            }
            for choice in Format::choices() {
                assert!(Format::parse_env(choice).is_ok(), "{choice} rejected");
            }
        }
        19 => {
            let s = value::<String>(raw, false);
            if let Ok(text) = std::str::from_utf8(raw) {
                assert_eq!(s.as_deref(), Some(text), "text changed");
            }
        }
        20 => {
            let p = value::<PathBuf>(raw, true).unwrap();
            assert_eq!(p.as_os_str(), os(raw));
            let o = value::<OsString>(raw, true).unwrap();
            assert_eq!(o, os(raw));
        }
        21 => {
            // Secrets: the same text as the inner type, never shown.
            let secret = SecretString::parse_env_os(os(raw));
            if let Ok(text) = std::str::from_utf8(raw) {
                assert_eq!(SecretString::redact(text), None);
                let secret = secret.expect("any text is a secret string");
                assert_eq!(secret.expose_secret(), text);
                assert_eq!(
                    format!("{secret:?}"),
                    format!("{:?}", SecretString::from("x"))
                );
            } else {
                assert!(secret.is_err());
            }
        }
        22 => {
            let secret = SecretBox::<u64>::parse_env_os(os(raw));
            let plain = u64::parse_env_os(os(raw));
            match (&secret, &plain) {
                (Ok(s), Ok(p)) => {
                    assert_eq!(s.expose_secret(), p);
                    let other = SecretBox::new(Box::new(0u64));
                    assert_eq!(format!("{s:?}"), format!("{other:?}"));
                }
                (Err(s), Err(p)) => assert_eq!(s, p),
                _ => panic!("secret {secret:?} and plain {plain:?} disagree"),
            }
            if let Ok(text) = std::str::from_utf8(raw) {
                assert_eq!(SecretBox::<u64>::redact(text), None);
            }
        }
        _ => {
            value_with_display::<usize>(raw);
            value_with_display::<isize>(raw);
            value_with_display::<i16>(raw);
            value_with_display::<u32>(raw);
            value_with_display::<i32>(raw);
        }
    }
});
