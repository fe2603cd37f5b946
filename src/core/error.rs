//! The core's one error type: what went wrong with the caller's input.

use std::fmt;

/// Which validation rule an input broke. Stable, machine-readable names
/// (`as_str`) let a frontend pick its own message for each case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A required value is absent (`undefined` or not present).
    Missing,
    /// A string is empty or only white space.
    Empty,
    /// A value that must be a string is something else.
    NotString,
    /// A value that must be an object is something else.
    NotObject,
    /// A value that must be a list is something else.
    NotList,
    /// A string is longer than its limit.
    TooLong,
    /// A string holds a control character (newline, tab, NUL, …).
    ControlCharacter,
    /// A number that must be an integer is not one (fractional, NaN, ±Infinity, not a number).
    NotInteger,
    /// A number lies outside its allowed range.
    OutOfRange,
    /// An angle name that no alias maps to a canonical angle.
    UnknownAngle,
    /// More angles than a request may ask for.
    TooManyAngles,
    /// Reading the value threw in JavaScript (a throwing getter, a revoked Proxy, …).
    Unreadable,
    /// A callback option is not a function.
    NotFunction,
    /// `signal` is not an `AbortSignal`.
    NotSignal,
    /// A model that cannot do the job asked of it (a reference model that takes no image).
    WrongModel,
}

impl Rule {
    /// The rule's stable snake_case name, exposed to JavaScript as `error.rule`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Missing => "missing",
            Rule::Empty => "empty",
            Rule::NotString => "not_string",
            Rule::NotObject => "not_object",
            Rule::NotList => "not_list",
            Rule::TooLong => "too_long",
            Rule::ControlCharacter => "control_character",
            Rule::NotInteger => "not_integer",
            Rule::OutOfRange => "out_of_range",
            Rule::UnknownAngle => "unknown_angle",
            Rule::TooManyAngles => "too_many_angles",
            Rule::Unreadable => "unreadable",
            Rule::NotFunction => "not_function",
            Rule::NotSignal => "not_signal",
            Rule::WrongModel => "wrong_model",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything the core can reject. Provider failures are not errors (they
/// degrade to the next provider); only bad input is.
///
/// The details are boxed so that the error is one pointer wide and every
/// `Result` of the parsers stays small (clippy's `result_large_err`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CarViewsError {
    /// The request, an option or an argument broke a rule; its `field` is
    /// the path in the caller's object (`car_data.year`, `angles[2]`,
    /// `options.variation`).
    #[error("{}: {}", .0.field, .0.message)]
    InvalidRequest(Box<Invalid>),
    /// Signing in with Pollinations failed (the token exchange was refused or unreachable).
    #[error("sign-in failed: {0}")]
    AuthFailed(Box<str>),
    /// A service carviews asked for information (the model catalogue) did
    /// not give it.
    #[error("unavailable: {0}")]
    Unavailable(Box<str>),
}

/// What [`CarViewsError::InvalidRequest`] says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// Path of the offending value, as the caller wrote it.
    pub field: String,
    /// The rule it broke.
    pub rule: Rule,
    /// A sentence a person can act on.
    pub message: String,
}

impl CarViewsError {
    /// Builds an [`CarViewsError::InvalidRequest`].
    // Out of line: the parsers build errors at a hundred sites.
    #[inline(never)]
    pub fn invalid(field: impl Into<String>, rule: Rule, message: impl Into<String>) -> Self {
        CarViewsError::InvalidRequest(Box::new(Invalid {
            field: field.into(),
            rule,
            message: message.into(),
        }))
    }

    /// Stable error code, exposed to JavaScript as `error.code`.
    pub fn code(&self) -> &'static str {
        match self {
            CarViewsError::InvalidRequest(_) => "invalid_request",
            CarViewsError::AuthFailed(_) => "auth_failed",
            CarViewsError::Unavailable(_) => "unavailable",
        }
    }

    /// The path of the offending value, exposed to JavaScript as `error.field`.
    pub fn field(&self) -> Option<&str> {
        match self {
            CarViewsError::InvalidRequest(i) => Some(&i.field),
            CarViewsError::AuthFailed(_) | CarViewsError::Unavailable(_) => None,
        }
    }

    /// The broken rule, exposed to JavaScript as `error.rule`.
    pub fn rule(&self) -> Option<Rule> {
        match self {
            CarViewsError::InvalidRequest(i) => Some(i.rule),
            CarViewsError::AuthFailed(_) | CarViewsError::Unavailable(_) => None,
        }
    }
}
