//! Shared fixtures of the twelve-config test suite, and the README's Rust
//! examples compiled as doctests so that they cannot fall out of date.

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
