//! Compile tests of the derives: misuse is a compile error spanned on the
//! offending token, and correct use compiles under `#![deny(warnings)]`.
//!
//! They run on the stable toolchain. After changing a message, regenerate
//! the expected output with `TRYBUILD=overwrite cargo test -p
//! twelve-config-tests --test ui` and review the `.stderr` diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui/pass/*.rs");
}
