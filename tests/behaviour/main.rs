//! Behaviour of derived loaders, driven through `from_vars` only.

mod urls;
