//! Shared fixtures of the twelve-config test suite.
