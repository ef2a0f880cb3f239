//! Reference of the `#[config(...)]` attributes.
//!
//! Keys may be combined in one attribute (`#[config(env = "PORT", default = 8080)]`)
//! or spread over several. A key given twice, an unknown key, or a key in
//! the wrong place is a compile error pointing at it; every such error of a
//! struct is reported in the same compile.
//!
//! # On a struct deriving `Config`
//!
//! | key | syntax | meaning | when absent |
//! |---|---|---|---|
//! | `prefix` | `prefix = "APP_"` | Put in front of every field's variable name when the struct is loaded at the top level. Written exactly as it should appear, separator included; a prefix ending in an ASCII letter or digit (`"APP"`, which would read `APPPORT`) is a compile error. | No prefix: `port` reads `PORT`. |
//! | `nested_separator` | `nested_separator = "__"` | Joins the prefix of a `nested` field to the field's name: `APP__STORAGE__PATH`. Applies to nested structs at every depth unless one of them sets its own. | The enclosing struct's separator; `_` at the top. |
//! | `file` | `file` | Every field may also be read from the file named by its `_FILE` variable, as secrets are, and so may every field of the structs it contains (`nested` and `flatten`, at every depth), as they inherit the prefix and separator: declared once at the top, `_FILE` is not lost in a nested struct that forgot it. For each field the nearest word decides: the field's own `file` or `file = false`, then its struct's `file`, then an enclosing struct's. The schema lists the `_FILE` variables accordingly. | Only secret fields and fields with `#[config(file)]` read `_FILE` (and the fields of a struct nested in one with `file`). |
//! | `deny_unknown` | `deny_unknown` | A variable that starts with the prefix but that no field reads is an error (with a "did you mean" suggestion). Needs a `prefix`. | Such variables are only warnings, from [`Config::load`](crate::Config::load) and `load_or_exit`. |
//! | `validate` | `validate = path::to::function` | After every field loaded, calls `fn(&Self) -> Result<(), Problems>`; each [`Problems`](crate::Problems) entry joins the report, naming the variables of the fields it lists (field names, or paths into nested structs such as `pool.size`; a name that is neither is reported as a bug in the program). A rule that should not stop the program adds a warning instead ([`Problems::warn`](crate::Problems::warn)): the load succeeds, and the warning joins the others. When a field failed, the function cannot run, and the report's closing note says so. | No cross-field rule. |
//! | `check` | `check = path::to::function(a, b)` (repeatable) | A rule over the values of fields `a` and `b`: `fn(&A, &B) -> Result<(), E>` with `E: Display` (an `Option` field is passed as `&Option<T>`, and so is an optional group, `Option<T>` with `nested` or `flatten`, which the report names by the variables that turned it on; a nested struct is passed as `&T`, and the report names the variables set in it, or all of them when none is). It runs whenever its inputs loaded, even when other fields failed; its error names every input's variable. When an input failed, the report's closing note says the rule was not checked. | No such rule. |
//! | `at_most_one` | `at_most_one(a, b, ...)` (repeatable) | At most one of the fields' variables may be set. Presence rules are judged from what is set (the variable, an alias, a fallback or its `_FILE`; a boolean set to `false` is set), so they run even when a value fails to parse, and name every variable involved. A rule may also name an optional group (an `Option<T>` field with `nested` or `flatten`), which counts as set when it is on (any of its variables set): `at_most_one(s3, redis)` for a service with one cache backend among several. The report then names the variables that turned each group on, or, for a group that should be on, all of its variables. A nested struct that is not optional is always there, so a rule cannot name it. | No such rule. |
//! | `exactly_one` | `exactly_one(a, b, ...)` (repeatable) | Exactly one of them must be set. | No such rule. |
//! | `at_least_one` | `at_least_one(a, b, ...)` (repeatable) | At least one of them must be set. | No such rule. |
//! | `all_or_none` | `all_or_none(a, b, ...)` (repeatable) | All of them are set, or none ("access key and secret key"). | No such rule. |
//! | `allow_empty`, `empty` | `allow_empty`, `empty = "value"` | What an empty variable means for every field of the struct (see the field keys); a field's own key wins. | Empty counts as unset. |
//!
//! # On a field
//!
//! | key | syntax | meaning | when absent |
//! |---|---|---|---|
//! | `env` | `env = "PORT"` | The variable's exact name: no prefix is added, wherever the struct is nested. | The field's name in `SCREAMING_SNAKE_CASE` after the prefix. |
//! | `default` | `default = "30s"`, `default = 8080`, `default = -1.5`, `default = true` | Used when the variable is unset (or empty). The literal is read exactly as if the variable held its text, so `"30s"` and `8080` both work and the schema shows it as a user types it. For integer types, `bool` and `Duration` (without `unit`), the derive reads the literal itself: `default = 300` on a `u8` or `default = 30` on a `Duration` is a compile error at the literal. Any other default that does not parse is reported at load time as a bug in the program, naming the field ([`Config::check_defaults`](crate::Config::check_defaults) finds it in a unit test). Not allowed on `Option` fields, on `nested` fields, or on secrets. | The field is required (unless it is an `Option`). |
//! | `default_with` | `default_with = path::to::function(a, b)` or `default_with = function()` | A default the program computes, used when the variable is unset: `fn(&A, &B) -> T` over the values of fields `a` and `b` of the same struct (declared before it if they are computed too), or of nothing (half the CPUs). When an input failed to load, the field gets no value and no second problem. `--print-config` shows the computed value with the origin `computed`. Not on `Option` fields, with `default`, or on secrets. | No computed default. |
//! | `default_doc` | `default_doc = "DATA_FOLDER/attachments"` | How the schema describes a `default_with` default. | "computed from `<the inputs' variables>`", or "computed by the program". |
//! | `none` | `none = "off"` (with `default`, on an `Option` field) | A setting on by default that can be switched off: unset gives the default, this text (any ASCII case) gives `None`. | `default` is not allowed on an `Option`. |
//! | `empty` | `empty = "unset"`, `"value"` or `"error"` | What the empty string means: unset (the default applies or an `Option` field is `None`, with a warning naming the variable; or the variable is missing), a value (the empty string, the empty list), or a problem ("set but empty"). | The struct's `empty`, else `unset`. |
//! | `allow_empty` | `allow_empty` | Shorthand for `empty = "value"`. | As `empty`. |
//! | `fallback` | `fallback = "OPENAI_API_KEY"` (repeatable) | Another exact name read, without a warning, when the variable (and its aliases and `_FILE`) is unset; the variable wins when both are set. `--print-config` names it as the origin. | No fallback. |
//! | `requires` | `requires(a, b)` | When this field's variable is set (even to `false`), so must be those of `a` and `b`. `a` and `b` may be optional groups, set when they are on. | No such rule. |
//! | `conflicts_with` | `conflicts_with(a, b)` | When this field's variable is set, those of `a` and `b` must not be. `a` and `b` may be optional groups, set when they are on. | No such rule. |
//! | `required_if` | `required_if(env = "production")` (repeatable) | This field's variable must be set when field `env`'s *value* is `production` as `env`'s type reads that text: the value the program gets, once loaded from the variable, an alias, a fallback, `_FILE`, the default or the computed default. So `PUSH_ENABLED=1`, `on` or `yes` hold for `required_if(push_enabled = "true")` on a `bool`, an enum's accepted spellings and aliases match as the enum reads them, a `String` matches exactly, and a number by value (`"0080"` is 80): the rule agrees with what the program sees, not with how the operator spelled it. When `env` itself did not load, its own problem is reported and the rule is not judged; the report's notes say it was not checked. The type of `env` must implement `PartialEq`, and must read the text: for a `bool` a text it cannot read is a compile error, for other types a "bug in the program" problem on every load, which [`Config::check_defaults`](crate::Config::check_defaults) finds in a unit test. Not on a secret condition. | No such rule. |
//! | `separator` | `separator = ";"` | Separates the items of a `Vec<T>` field, or the pairs of a `HashMap`/`BTreeMap` field. Items are trimmed; `\` escapes the separator; a separator of whitespace splits at any run of whitespace. | `,` |
//! | `kv_separator` | `kv_separator = ":"` | Splits each pair of a `HashMap<K, V>` or `BTreeMap<K, V>` field into key and value (`a=1,b=2`). A value may contain further separators; a repeated key is an error. Cannot be empty, contain whitespace or equal `separator`. | `=` |
//! | `unit` | `unit = "s"` | For `Duration` and [`ByteSize`](crate::ByteSize) fields (or lists, options and maps of them): a bare non-negative number is read in this unit (`GRPC_TIMEOUT_MS=60000` with `unit = "ms"`). It may have a fraction (`0.5` with `unit = "s"` is 500 ms) as long as it comes to a whole number of nanoseconds for `Duration` or of bytes for `ByteSize` (`1.5` with `unit = "MB"` is 1,500,000 bytes; `0.1` with `unit = "KiB"` is an error); text with its own unit is still read as usual (`30s`, `1 GiB`). Duration units: `ms`, `s`, `m`, `h`, `d`. Byte units: `B`, `kB`/`KB`, `MB`, `GB`, `TB`, `PB` (powers of 1000) and `KiB`, `MiB`, `GiB`, `TiB`, `PiB` (powers of 1024). An unknown unit, a unit of the wrong kind or a field of another type is a compile error. | A bare number is rejected for `Duration` (a unit is required) and read as bytes for `ByteSize`. |
//! | `from_str` | `from_str` | Parses the value (or each list item) with the type's `FromStr`; its error becomes the reason. For types from other crates. | The type's [`EnvValue`](crate::EnvValue) implementation. |
//! | `deserialize` | `deserialize` | Feature `serde`. Reads the value (or each list item) with the type's `serde::Deserialize`, given the text as a string: a unit enum by its serde names (`rename_all` included), a newtype, a type that deserializes from a string; a number or boolean inside is parsed from the text. serde's error becomes the reason ("unknown variant `loud`, expected `debug` or `info`"). Not on secrets, whose values serde's errors may quote; not with `with`, `from_str` or `unit`, which choose the parser too. | The type's [`EnvValue`](crate::EnvValue) implementation. |
//! | `with` | `with = path::to::function` | Parses the value (or each list item) with `fn(&str) -> Result<T, E>` where `E: Display`. A field spelled `SecretString` or `SecretBox<..>` stays secret: its value and the function's error are never shown, and `_FILE` is read. | The type's [`EnvValue`](crate::EnvValue) implementation. |
//! | `file` | `file`, `file = false` | The value may also come from the file named by the `_FILE` variable (`TLS_CERT_FILE=/run/certs/tls.pem`); one trailing newline is removed; both set is an error. `file = false` turns `_FILE` off for this field, even a secret or in a struct with `file` or nested in one (for a container entrypoint that reads `X_FILE` itself and exports both). | The struct's `file`, else an enclosing struct's; otherwise only secret fields read `_FILE`. |
//! | `alias` | `alias = "OLD_NAME"` (repeatable) | A deprecated name, read (with a warning) when the variable is unset; both set is an error. Exact names: no prefix is added. | Only the variable's own name is read. |
//! | `deprecated` | `deprecated = "ignored since 0.8; remove it"` | The setting is read as usual, but setting it (its variable, an alias, a fallback or `_FILE`) gives a warning with this text, under the name that was set: for a setting on its way out that has no new name to move to (for a new name, use `alias` on the new field). The schema notes it in every format (JSON: `deprecated`; JSON Schema: `"deprecated": true`). Not on `nested` fields. | No warning. |
//! | `expected` | `expected = "color such as #ff8000"` | What reports and every schema format say the variable expects, in place of the parser's own description (for a list or map field, of the whole text). Worth giving with `from_str`, `deserialize` and `with`, whose parsers cannot describe themselves. | The value type's description; for `from_str` and `with`, the type's or function's name in words (`Regex` is "regex", `parse_log_level` is "log level"); for `deserialize`, "text accepted by" the type's name in words. |
//! | `nested` | `nested` | The field's type derives `Config` too; its fields read variables under `<prefix><FIELD_NAME><separator>`. On an `Option<T>` field the struct is an optional group: `None` when none of its variables is set, loaded in full (every missing one reported) otherwise. | The field is one variable. |
//! | `prefix` (with `nested`) | `nested, prefix = "REPLICA_"` | Replaces `<FIELD_NAME><separator>` in the nested prefix: `APP_REPLICA_SIZE`. Like the struct's `prefix`, it must end in a separator. | `<FIELD_NAME><separator>`. |
//! | `flatten` | `flatten` | Like `nested`, but the struct's fields keep the enclosing prefix: twenty settings grouped in a struct without renaming twenty variables. On an `Option<T>` it is an optional group. The nested struct's doc comment (or the field's) describes the group in every schema format. | The field is one variable. |
//!
//! # On an enum deriving `EnvValue`
//!
//! The derive makes a unit enum a value type. By default each variant is
//! accepted in kebab-case and snake_case (`JsonLines`: `json-lines`,
//! `json_lines`), ignoring ASCII case; errors and the schema list the
//! kebab-case spellings. A text that matches no spelling gets a "did you
//! mean" hint: the closest spelling when it looks like a typo, or the only
//! choice that starts with it (`prod` for `production`).
//!
//! | key | syntax | meaning | when absent |
//! |---|---|---|---|
//! | `rename_all` | `rename_all = "snake_case"` | Each variant has exactly one spelling, its name converted as serde converts it: `lowercase`, `UPPERCASE`, `PascalCase`, `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE` (`Bits1_5` in snake_case is `bits1_5`). The choices listed are then exactly the spellings accepted (besides aliases). Two variants with the same spelling are a compile error. | kebab-case and snake_case, kebab-case listed. |
//! | `case_sensitive` | `case_sensitive` | Spellings are matched exactly (`Normal`, not `normal`); a wrong case gets a "did you mean" hint. | ASCII case is ignored. |
//!
//! # On a variant of an enum deriving `EnvValue`
//!
//! | key | syntax | meaning | when absent |
//! |---|---|---|---|
//! | `rename` | `rename = "plain"` | The variant's only spelling (ignoring ASCII case unless the enum is `case_sensitive`); wins over `rename_all`. | The enum's `rename_all`, else kebab-case and snake_case of the variant's name. |
//! | `alias` | `alias = "logfmt"` (repeatable) | One more accepted spelling, not listed as a choice. | None. |
//!
//! # Types
//!
//! A field's type decides how it is read: `Option<T>` is optional, `Vec<T>`
//! is a list, and `T` itself must implement [`EnvValue`](crate::EnvValue)
//! (unless `from_str`, `deserialize` or `with` is given). `Option` and `Vec` are recognised
//! by name (`Option`, `std::option::Option`, `Vec`, `std::vec::Vec`); a type
//! alias of them is read as a plain value type.
