//! Compile-fail tests: misuse of the derives is a spanned compile error.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
