//! Secrets: never shown anywhere, read from `_FILE`, wiped after parsing.
