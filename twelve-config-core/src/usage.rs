//! A misused flag: what [`Request::from_args`](crate::Request::from_args)
//! and the names of formats refuse. Its own module, as both the flags and
//! the schema's formats report it.

use std::fmt;

/// A misused configuration flag, such as `--print-schema=yaml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError {
    message: String,
}

impl UsageError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        UsageError {
            message: message.into(),
        }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UsageError {}
