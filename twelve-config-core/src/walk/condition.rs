//! A `required_if` condition: the condition field's loaded value compared
//! with the rule's text, read by the field's own parser, so that the rule
//! agrees with the value the program acts on rather than with how the
//! operator spelled it.

// Its functions are `#[inline]`: compiled only into the programs that
// use them (see "Where the code is compiled" in lib.rs).

use super::{Field, Walker};
use crate::error::{Error, ErrorKind};
use crate::parse::Parse;

/// Whether a `required_if` rule's condition holds: the condition field's
/// loaded value compared with the rule's text, read as the field's type
/// reads a variable.
#[derive(Debug)]
pub enum Condition {
    /// The condition field's value is the rule's value.
    Met,
    /// It is another value, or the field is unset and has no default.
    NotMet,
    /// The condition field did not load: its own problem is reported, and
    /// the rule cannot be judged.
    NotLoaded,
    /// The field's type cannot read the rule's text: a mistake in the
    /// program, with the type's reason.
    Unreadable(String),
}

/// A type whose values a `required_if` rule can compare: the condition
/// field's value with the rule's text read as that type.
#[diagnostic::on_unimplemented(
    message = "`required_if` cannot compare values of `{Self}`",
    label = "the condition field's value is compared with this value",
    note = "`required_if` compares the condition field's loaded value with the text read as its type: derive or implement `PartialEq` for `{Self}`"
)]
pub trait Comparable {
    /// Whether the two values are the same.
    fn same(&self, other: &Self) -> bool;
}

impl<T: PartialEq> Comparable for T {
    #[inline]
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

/// Whether a `required_if` condition holds: `loaded` is the condition
/// field's value as `__visit` holds it (`None`: it failed; `Some(None)`:
/// unset, no default), compared with `equals` read by the field's own
/// parser, so that `1` and `on` are `true` for a boolean and an enum's
/// spellings match as the enum accepts them.
pub fn condition<P: Parse>(
    parser: &P,
    loaded: &Option<Option<P::Output>>,
    equals: &str,
) -> Condition
where
    P::Output: Comparable,
{
    // A secret's value is never compared: the report would confirm it
    // ("enabled because KEY is s3"). Spelled secrets are refused at compile
    // time; a type that says it is secret only at run time is refused here.
    if parser.secret() {
        return Condition::Unreadable(SECRET_CONDITION.to_owned());
    }
    // Read first, so that a text the type cannot read is reported on every
    // load, whatever the condition field holds.
    let wanted = match parser.parse_str(equals) {
        Ok(wanted) => wanted,
        Err(error) => {
            let reason = match error.reason() {
                "" => parser.expected().into_owned(),
                reason => format!("{}: {reason}", parser.expected()),
            };
            return Condition::Unreadable(reason);
        }
    };
    match loaded {
        None => Condition::NotLoaded,
        Some(Some(value)) if value.same(&wanted) => Condition::Met,
        Some(_) => Condition::NotMet,
    }
}

/// Why a secret condition field cannot be compared, as the type's
/// expectation in the problem that says so.
const SECRET_CONDITION: &str =
    "a value that is not secret: a secret is never compared, so that no report confirms its value";

/// How the problem of a `required_if` whose text its condition cannot read
/// ends: `check_defaults` reports such problems.
pub(crate) const NEVER_HOLDS: &str = ", so the rule could never hold";

/// A `required_if` whose text the condition field's type cannot read: the
/// rule could never hold, which is a mistake in the program, not in the
/// environment.
#[inline]
pub(super) fn unreadable(
    walker: &mut Walker<'_>,
    field: &Field,
    on: &Field,
    equals: &str,
    reason: &str,
) {
    let vars = vec![walker.name_of(field), walker.name_of(on)];
    let message = format!(
        "bug in the program: {} is required when {} is {}, which the type of {} cannot read \
         (expected {reason}){NEVER_HOLDS}",
        vars[0],
        vars[1],
        crate::error::quote_value(equals),
        vars[1],
    );
    let paths = format!("{}, {}", walker.field_path(field), walker.field_path(on));
    walker
        .errors
        .push(Error::with_vars(vars, paths, ErrorKind::Rule { message }));
}
