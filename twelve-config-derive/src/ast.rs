//! The derive input as a small tree that keeps syn's nodes for spans.

use syn::{Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type};

use crate::attr::{self, ContainerAttrs, EnumAttrs, FieldAttrs, VariantAttrs};
use crate::case::{self, RenameRule};
use crate::ctxt::Ctxt;

/// A struct deriving `Config`.
pub(crate) struct Struct<'a> {
    pub(crate) input: &'a DeriveInput,
    pub(crate) attrs: ContainerAttrs,
    pub(crate) fields: Vec<Field<'a>>,
}

/// One named field.
pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    pub(crate) shape: Shape<'a>,
    pub(crate) attrs: FieldAttrs,
    pub(crate) doc: String,
    /// `SCREAMING_SNAKE_CASE` of the field's name.
    pub(crate) segment: String,
}

impl Field<'_> {
    /// A `nested` or `flatten` field: a whole struct.
    pub(crate) fn is_nested(&self) -> bool {
        self.attrs.nested.is_some() || self.attrs.flatten.is_some()
    }

    /// The value field's name, as its variable would be named at the top
    /// of a struct with `prefix`.
    pub(crate) fn var_name(&self, prefix: &str) -> String {
        match &self.attrs.env {
            Some(env) => env.value(),
            None => format!("{prefix}{}", self.segment),
        }
    }
}

/// How a field's type wraps its value type, recognised by name as `Option`,
/// `Vec`, `HashMap` and `BTreeMap` (also `std::option::Option`,
/// `std::vec::Vec`, `std::collections::HashMap`, ...).
pub(crate) enum Shape<'a> {
    Plain(&'a Type),
    Option(&'a Type),
    Vec(&'a Type),
    OptionVec(&'a Type),
    Map(MapType<'a>),
    OptionMap(MapType<'a>),
}

/// A `HashMap<K, V>` or `BTreeMap<K, V>`.
#[derive(Clone, Copy)]
pub(crate) struct MapType<'a> {
    /// The whole map type.
    pub(crate) map: &'a Type,
    pub(crate) key: &'a Type,
    pub(crate) value: &'a Type,
}

impl<'a> MapType<'a> {
    fn of(ty: &'a Type) -> Option<Self> {
        ["HashMap", "BTreeMap"].iter().find_map(|name| {
            let args = generic_args(ty, name, &["std", "alloc"], "collections")?;
            match args.as_slice() {
                [key, value] => Some(MapType {
                    map: ty,
                    key,
                    value,
                }),
                _ => None,
            }
        })
    }
}

impl<'a> Shape<'a> {
    pub(crate) fn of(ty: &'a Type) -> Self {
        if let Some(inner) = generic_arg(ty, "Option", &["std", "core"], "option") {
            if let Some(map) = MapType::of(inner) {
                return Shape::OptionMap(map);
            }
            match generic_arg(inner, "Vec", &["std", "alloc"], "vec") {
                Some(item) => Shape::OptionVec(item),
                None => Shape::Option(inner),
            }
        } else if let Some(item) = generic_arg(ty, "Vec", &["std", "alloc"], "vec") {
            Shape::Vec(item)
        } else if let Some(map) = MapType::of(ty) {
            Shape::Map(map)
        } else {
            Shape::Plain(ty)
        }
    }

    /// The value type: the `T` of `T`, `Option<T>`, `Vec<T>`, `Option<Vec<T>>`,
    /// and the `V` of a map.
    pub(crate) fn value_type(&self) -> &'a Type {
        match *self {
            Shape::Plain(t) | Shape::Option(t) | Shape::Vec(t) | Shape::OptionVec(t) => t,
            Shape::Map(m) | Shape::OptionMap(m) => m.value,
        }
    }

    pub(crate) fn is_optional(&self) -> bool {
        matches!(
            self,
            Shape::Option(_) | Shape::OptionVec(_) | Shape::OptionMap(_)
        )
    }

    /// The map, for `HashMap<K, V>`, `BTreeMap<K, V>` and `Option`s of them.
    pub(crate) fn map(&self) -> Option<MapType<'a>> {
        match *self {
            Shape::Map(m) | Shape::OptionMap(m) => Some(m),
            _ => None,
        }
    }

    pub(crate) fn is_list(&self) -> bool {
        matches!(self, Shape::Vec(_) | Shape::OptionVec(_))
    }

    /// For `Option<T>`: `T` (a nested optional group's struct).
    pub(crate) fn option_inner(ty: &'a Type) -> Option<&'a Type> {
        generic_arg(ty, "Option", &["std", "core"], "option")
    }
}

/// `T` when `ty` is `Name<T>`, `std::module::Name<T>` or `::core::module::Name<T>`.
fn generic_arg<'a>(ty: &'a Type, name: &str, crates: &[&str], module: &str) -> Option<&'a Type> {
    match generic_args(ty, name, crates, module)?.as_slice() {
        [inner] => Some(inner),
        _ => None,
    }
}

/// The type arguments when `ty` is `Name<...>`, `std::module::Name<...>` or
/// `::core::module::Name<...>`, if they are all types.
fn generic_args<'a>(
    ty: &'a Type,
    name: &str,
    crates: &[&str],
    module: &str,
) -> Option<Vec<&'a Type>> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<_> = path.path.segments.iter().collect();
    let last = segments.last()?;
    let prefix_ok = match segments.len() {
        1 => path.path.leading_colon.is_none(),
        3 => {
            crates.iter().any(|c| segments[0].ident == c)
                && segments[1].ident == module
                && segments[..2].iter().all(|s| s.arguments.is_none())
        }
        _ => false,
    };
    if !prefix_ok || last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    args.args
        .iter()
        .map(|arg| match arg {
            GenericArgument::Type(inner) => Some(inner),
            _ => None,
        })
        .collect()
}

/// The type inside invisible groups (a `$t:ty` of a `macro_rules!` macro)
/// and parentheses.
fn ungroup(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => ungroup(&group.elem),
        Type::Paren(paren) => ungroup(&paren.elem),
        _ => ty,
    }
}

/// Whether a type is spelled as one of secrecy's secret types; the derive
/// uses it to refuse what would show a secret (`deserialize`, a rule that
/// compares it with text) with a clear message.
pub(crate) fn looks_secret(ty: &Type) -> bool {
    let Type::Path(path) = ungroup(ty) else {
        return false;
    };
    path.path
        .segments
        .last()
        .is_some_and(|s| s.ident == "SecretString" || s.ident == "SecretBox")
}

impl<'a> Struct<'a> {
    /// Reads a struct with named fields; anything else is an error.
    pub(crate) fn from_input(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = attr::container(cx, &input.attrs);
        let data = match &input.data {
            Data::Struct(data) => data,
            Data::Enum(data) => {
                cx.error(
                    data.enum_token,
                    "`Config` is derived for structs with named fields; for a unit enum that is the value of one variable, derive `EnvValue`",
                );
                return None;
            }
            Data::Union(data) => {
                cx.error(data.union_token, "`Config` cannot be derived for unions");
                return None;
            }
        };
        let named = match &data.fields {
            Fields::Named(named) => named,
            Fields::Unnamed(fields) => {
                cx.error(
                    fields,
                    "`Config` needs named fields: each field's name gives its variable's name",
                );
                return None;
            }
            Fields::Unit => {
                cx.error(
                    &input.ident,
                    "`Config` needs named fields: a unit struct reads no variable",
                );
                return None;
            }
        };
        let fields = named
            .named
            .iter()
            .filter_map(|field| {
                let ident = field.ident.as_ref()?;
                Some(Field {
                    ident,
                    ty: &field.ty,
                    shape: Shape::of(&field.ty),
                    attrs: attr::field(cx, &field.attrs),
                    doc: attr::doc(&field.attrs),
                    segment: case::screaming_snake(&ident.to_string()),
                })
            })
            .collect();
        Some(Struct {
            input,
            attrs,
            fields,
        })
    }
}

/// A unit enum deriving `EnvValue`.
pub(crate) struct Enum<'a> {
    pub(crate) input: &'a DeriveInput,
    pub(crate) attrs: EnumAttrs,
    pub(crate) variants: Vec<Variant<'a>>,
}

/// One unit variant with the spellings it accepts.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) attrs: VariantAttrs,
    /// The enum's `rename_all`.
    rule: Option<RenameRule>,
}

impl Variant<'_> {
    /// The spelling the schema and errors show.
    pub(crate) fn canonical(&self) -> String {
        let ident = self.ident.to_string();
        match (&self.attrs.rename, self.rule) {
            (Some(rename), _) => rename.value(),
            (None, Some(rule)) => rule.apply(&ident),
            (None, None) => case::kebab(&ident),
        }
    }

    /// Every accepted spelling. Without `rename` or `rename_all`, the
    /// snake_case spelling is accepted besides the kebab-case one.
    pub(crate) fn spellings(&self) -> Vec<String> {
        let mut spellings = vec![self.canonical()];
        if self.attrs.rename.is_none() && self.rule.is_none() {
            spellings.push(case::snake(&self.ident.to_string()));
        }
        spellings.extend(self.attrs.aliases.iter().map(syn::LitStr::value));
        let mut unique = Vec::new();
        for s in spellings {
            if !unique.contains(&s) {
                unique.push(s);
            }
        }
        unique
    }
}

impl<'a> Enum<'a> {
    /// Reads an enum of unit variants; anything else is an error.
    pub(crate) fn from_input(cx: &mut Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let attrs = attr::enum_attrs(cx, &input.attrs);
        let rule = attrs.rename_all.as_ref().map(|(rule, _)| *rule);
        let Data::Enum(data) = &input.data else {
            cx.error(
                &input.ident,
                "`EnvValue` can be derived for unit enums only; implement the trait by hand for other types",
            );
            return None;
        };
        if data.variants.is_empty() {
            cx.error(
                &input.ident,
                "an enum without variants has no value to read",
            );
            return None;
        }
        let mut variants = Vec::new();
        for variant in &data.variants {
            if !matches!(variant.fields, Fields::Unit) {
                cx.error(
                    &variant.fields,
                    "`EnvValue` can be derived for unit variants only",
                );
            }
            variants.push(Variant {
                ident: &variant.ident,
                attrs: attr::variant(cx, &variant.attrs),
                rule,
            });
        }
        Some(Enum {
            input,
            attrs,
            variants,
        })
    }
}
