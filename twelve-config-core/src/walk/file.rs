//! Reading a value from the file a `_FILE` variable names.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::Path;

use zeroize::Zeroize;

/// A `_FILE` variable may name a file of at most this many bytes; a secret is
/// small, and a mistaken path such as `/dev/zero` must not hang the start.
pub(crate) const FILE_MAX_BYTES: u64 = 1 << 20;

/// How a field reads the file its `_FILE` variable names: [`read_value_file`].
///
/// Reached through a pointer that only the code of secret types and the
/// statics of `#[config(file)]` fields name, so that a program with neither
/// carries no file reading.
pub type ReadFile = fn(&Path, bool) -> Result<OsString, String>;

/// Reads a value file: at most `FILE_MAX_BYTES` (1 MiB), one trailing `\n` or
/// `\r\n` removed; an empty file is an error unless empty is a value.
#[inline]
pub fn read_value_file(path: &Path, allow_empty: bool) -> Result<OsString, String> {
    let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    // A plain loop rather than `Read::read_to_end`, whose general version
    // adds 2 KB to every program for the few bytes of a secret.
    let mut buffer = [0u8; 4096];
    while bytes.len() as u64 <= FILE_MAX_BYTES {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                bytes.zeroize();
                buffer.zeroize();
                return Err(e.to_string());
            }
        }
    }
    buffer.zeroize();
    if bytes.len() as u64 > FILE_MAX_BYTES {
        bytes.zeroize();
        return Err(format!("larger than {FILE_MAX_BYTES} bytes"));
    }
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    } else if bytes.ends_with(b"\n") {
        bytes.truncate(bytes.len() - 1);
    }
    if bytes.is_empty() && !allow_empty {
        return Err("the file is empty".to_owned());
    }
    bytes_to_os_string(bytes)
}

#[cfg(unix)]
#[inline]
fn bytes_to_os_string(bytes: Vec<u8>) -> Result<OsString, String> {
    use std::os::unix::ffi::OsStringExt;
    Ok(OsString::from_vec(bytes))
}

#[cfg(not(unix))]
#[inline]
fn bytes_to_os_string(bytes: Vec<u8>) -> Result<OsString, String> {
    String::from_utf8(bytes)
        .map(OsString::from)
        .map_err(|mut e| {
            let mut bytes = std::mem::take(&mut e).into_bytes();
            bytes.zeroize();
            "not valid UTF-8".to_owned()
        })
}

/// Overwrites a secret's raw text that this crate owns before freeing it.
#[inline]
pub(super) fn wipe(raw: Cow<'_, OsStr>) {
    if let Cow::Owned(raw) = raw {
        raw.into_encoded_bytes().zeroize();
    }
}
