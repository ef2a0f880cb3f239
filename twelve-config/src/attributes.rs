//! Reference of the `#[config(...)]` attributes.
