//! Literals the derive can judge by itself: defaults of built-in types whose
//! syntax it knows from the type's name, and prefixes without a separator.
//! A mistake here would otherwise compile and only fail when the program runs.

use syn::{LitStr, Type};

use crate::ast::{Field, Shape, Struct};
use crate::ctxt::Ctxt;

pub(crate) fn check(cx: &mut Ctxt, input: &Struct<'_>) {
    // A field of this struct, to show what the prefix would do to a name.
    let example = input
        .fields
        .iter()
        .find(|f| f.attrs.nested.is_none() && f.attrs.env.is_none())
        .map(|f| f.segment.as_str());
    if let Some(prefix) = &input.attrs.prefix {
        check_prefix(cx, prefix, example);
    }
    for field in &input.fields {
        if field.attrs.nested.is_some() {
            if let Some(prefix) = &field.attrs.prefix {
                check_prefix(cx, prefix, None);
            }
        } else {
            check_default(cx, field);
        }
    }
}

/// `prefix = "APP"` would read `APPPORT`: the separator is part of the prefix.
fn check_prefix(cx: &mut Ctxt, prefix: &LitStr, example: Option<&str>) {
    let value = prefix.value();
    if value.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        let effect = match example {
            Some(name) => format!("a field would read `{value}{name}`"),
            None => "each field's name would follow it directly".to_owned(),
        };
        cx.error(
            prefix,
            format!(
                "prefix {value:?} has no separator at its end, so {effect}; write `prefix = \"{value}_\"`"
            ),
        );
    }
}

/// The type a default is read as, when the derive knows its syntax.
enum Known {
    Unsigned(&'static str, u128),
    Signed(&'static str, i128, i128),
    Bool,
    Duration,
}

fn known(ty: &Type) -> Option<Known> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let names: Vec<&str> = segments.iter().map(String::as_str).collect();
    let last = match names.as_slice() {
        [one] if path.path.leading_colon.is_none() => *one,
        ["std" | "core", "primitive", one] => *one,
        ["std" | "core", "time", "Duration"] => "Duration",
        _ => return None,
    };
    // `usize` and `isize` are judged at 64 bits, their widest: a default too
    // large for a 32-bit target is left to `check_defaults`.
    Some(match last {
        "u8" => Known::Unsigned("u8", u8::MAX.into()),
        "u16" => Known::Unsigned("u16", u16::MAX.into()),
        "u32" => Known::Unsigned("u32", u32::MAX.into()),
        "u64" => Known::Unsigned("u64", u64::MAX.into()),
        "usize" => Known::Unsigned("usize", u64::MAX.into()),
        "u128" => Known::Unsigned("u128", u128::MAX),
        "i8" => Known::Signed("i8", i8::MIN.into(), i8::MAX.into()),
        "i16" => Known::Signed("i16", i16::MIN.into(), i16::MAX.into()),
        "i32" => Known::Signed("i32", i32::MIN.into(), i32::MAX.into()),
        "i64" => Known::Signed("i64", i64::MIN.into(), i64::MAX.into()),
        "isize" => Known::Signed("isize", i64::MIN.into(), i64::MAX.into()),
        "i128" => Known::Signed("i128", i128::MIN, i128::MAX),
        "bool" => Known::Bool,
        "Duration" => Known::Duration,
        _ => return None,
    })
}

/// A default is read as if the variable held its text; for the types of
/// [`known`], the derive reads it the same way the runtime will.
fn check_default(cx: &mut Ctxt, field: &Field<'_>) {
    let a = &field.attrs;
    let Some(default) = &a.default else { return };
    // Another parser, or a unit, reads the text differently.
    if a.with.is_some() || a.from_str.is_some() || a.deserialize.is_some() || a.unit.is_some() {
        return;
    }
    let Shape::Plain(ty) = field.shape else {
        return;
    };
    let Some(kind) = known(ty) else { return };
    let text = default.text.as_str();
    if let Some(message) = judge(&kind, text) {
        cx.syn_error(syn::Error::new(default.span, message));
    }
}

/// Why `text` is not a valid value of `kind`, if it is not.
fn judge(kind: &Known, text: &str) -> Option<String> {
    match *kind {
        Known::Unsigned(name, max) => match text.parse::<u128>() {
            Ok(n) if n <= max => None,
            Ok(_) => Some(format!(
                "default {text} does not fit in `{name}`: expected an integer 0..={max}"
            )),
            Err(_) if text.starts_with('-') && text.parse::<i128>().is_ok() => Some(format!(
                "default {text} is negative, but `{name}` is unsigned: expected an integer 0..={max}"
            )),
            Err(_) => Some(format!(
                "default {text:?} is not an integer: `{name}` expects an integer 0..={max}"
            )),
        },
        Known::Signed(name, min, max) => match text.parse::<i128>() {
            Ok(n) if (min..=max).contains(&n) => None,
            Ok(_) => Some(format!(
                "default {text} does not fit in `{name}`: expected an integer {min}..={max}"
            )),
            Err(_) => Some(format!(
                "default {text:?} is not an integer: `{name}` expects an integer {min}..={max}"
            )),
        },
        Known::Bool => {
            let lower = text.to_ascii_lowercase();
            let ok = ["true", "false", "1", "0", "yes", "no", "on", "off"].contains(&lower.as_str());
            (!ok).then(|| {
                format!("default {text:?} is not a boolean: expected true/false, 1/0, yes/no or on/off")
            })
        }
        Known::Duration => {
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            let bare = match text.split_once('.') {
                Some((whole, fraction)) => digits(whole) && digits(fraction),
                None => digits(text),
            };
            bare.then(|| {
                format!(
                    "default {text} has no unit, and a `Duration` needs one: write `default = \"{text}s\"` (or \"{text}ms\", \"{text}m\"), or give the field `unit = \"s\"`"
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_defaults_as_the_runtime_reads_them() {
        let u8 = Known::Unsigned("u8", 255);
        assert_eq!(judge(&u8, "255"), None);
        assert_eq!(judge(&u8, "+7"), None);
        assert!(judge(&u8, "300").unwrap().contains("does not fit in `u8`"));
        assert!(judge(&u8, "-1").unwrap().contains("is negative"));
        assert!(judge(&u8, "ten").unwrap().contains("is not an integer"));
        assert!(judge(&u8, "1.5").unwrap().contains("is not an integer"));
        let i8 = Known::Signed("i8", -128, 127);
        assert_eq!(judge(&i8, "-128"), None);
        assert!(judge(&i8, "-129").unwrap().contains("does not fit"));
        assert_eq!(judge(&Known::Bool, "Yes"), None);
        assert!(judge(&Known::Bool, "enabled").is_some());
        assert_eq!(judge(&Known::Duration, "30s"), None);
        assert_eq!(judge(&Known::Duration, "1h 30m"), None);
        assert!(judge(&Known::Duration, "30").unwrap().contains("no unit"));
        assert!(judge(&Known::Duration, "0.5").is_some());
        let u128 = Known::Unsigned("u128", u128::MAX);
        assert_eq!(judge(&u128, &u128::MAX.to_string()), None);
        assert!(judge(&u128, "340282366920938463463374607431768211456").is_some());
    }
}
