//! The environment of [lldap](https://github.com/lldap/lldap) 0.6.3, as its
//! `lldap_config.docker_template.toml`, `docs/install.md` and the `env`
//! names of its command line document it.
//!
//! Every variable lldap 0.6.3 documents is declared with its name, type,
//! default and secret-ness. lldap reads `LLDAP_` variables, nested sections
//! joined by `__` (`LLDAP_SMTP_OPTIONS__PASSWORD`), and `X_FILE` for any
//! variable `X`: here `prefix = "LLDAP_"`, `nested_separator = "__"` and
//! `file` on every struct. The SMTP options are an optional group: `None`
//! when no `LLDAP_SMTP_OPTIONS__*` variable is set, where lldap keeps its
//! defaults with password reset off; once one is set, the others take
//! lldap's defaults. The admin password's length is a `check` rule, so it
//! is reported even when other variables fail. The JWT secret and the admin
//! password have lldap's insecure defaults, which no output shows, and a
//! `validate` rule warns when they are in use, as lldap does.
//!
//! Expressed differently (none could not be expressed):
//! - `LLDAP_SERVER_KEY_FILE`, `LLDAP_SERVER_KEY_SEED` and
//!   `LLDAP_SMTP_OPTIONS__TO` are the command line's alternate spellings of
//!   `LLDAP_KEY_FILE`, `LLDAP_KEY_SEED` and `LLDAP_SMTP_OPTIONS__REPLY_TO`,
//!   and win in lldap when both are set. They are aliases here (read with a
//!   warning to use the main name), so setting both spellings is an error
//!   instead of one silently winning; a `fallback` would read them without
//!   a warning but let the main name win, the opposite of lldap.
//! - `LLDAP_IGNORED_USER_ATTRIBUTES` and `LLDAP_IGNORED_GROUP_ATTRIBUTES` take
//!   lldap's array syntax (`[mail, userPrincipalName]`) through a small value
//!   type; the brackets may be left out.
//! - The sender and reply-to mailboxes (`Name <user@host>`) are text checked
//!   for an `@`; lldap parses them fully with its mail library.

// The service reads every field; this crate only loads and prints them.
#![allow(dead_code)]

use std::borrow::Cow;
use std::path::PathBuf;

use twelve_config::{Config, EnvValue, ExposeSecret, Problems, SecretString, ValueError};

/// lldap's configuration.
#[derive(Config, Debug)]
#[config(
    prefix = "LLDAP_",
    nested_separator = "__",
    file,
    check = admin_password_long_enough(ldap_user_pass),
    validate = Lldap::warn_of_default_secrets
)]
pub(crate) struct Lldap {
    /// The TOML configuration file; the environment overrides what it says.
    #[config(default = "lldap_config.toml")]
    pub(crate) config_file: PathBuf,
    /// Log more.
    #[config(default = false)]
    pub(crate) verbose: bool,
    /// Address the LDAP server binds.
    #[config(default = "0.0.0.0")]
    pub(crate) ldap_host: String,
    /// Port of the LDAP server.
    #[config(default = 3890)]
    pub(crate) ldap_port: u16,
    /// Address the HTTP server binds.
    #[config(default = "0.0.0.0")]
    pub(crate) http_host: String,
    /// Port of the HTTP server, for user login and administration.
    #[config(default = 17170)]
    pub(crate) http_port: u16,
    /// Public URL of the server, for password reset links.
    #[config(default = "http://localhost")]
    pub(crate) http_url: url::Url,
    /// Front-end assets, relative to the working directory.
    #[config(default = "./app")]
    pub(crate) assets_path: PathBuf,
    /// Random secret that signs the JWTs; changing it logs every user out.
    /// Set it: lldap's default lets attackers log in as admin.
    #[config(default = "secretjwtsecret")]
    pub(crate) jwt_secret: SecretString,
    /// Base DN for LDAP, such as `dc=example,dc=com`.
    #[config(default = "dc=example,dc=com")]
    pub(crate) ldap_base_dn: String,
    /// Admin user name.
    #[config(default = "admin")]
    pub(crate) ldap_user_dn: String,
    /// Admin email, used when the admin user is first created.
    #[config(default = "")]
    pub(crate) ldap_user_email: String,
    /// Admin password (at least 8 characters), used when the admin user is
    /// first created. Set it: lldap's default is insecure.
    #[config(default = "password")]
    pub(crate) ldap_user_pass: SecretString,
    /// Reset the admin password to `ldap_user_pass`: once (`true`) or at
    /// every start (`always`).
    #[config(default = "false")]
    pub(crate) force_ldap_user_pass_reset: TrueFalseAlways,
    /// Accept a private key that differs from the one the database knows.
    #[config(default = false)]
    pub(crate) force_update_private_key: bool,
    /// Database URL: `sqlite://...`, `mysql://...` or `postgres://...`.
    #[config(default = "sqlite://users.db?mode=rwc")]
    pub(crate) database_url: url::Url,
    /// User attributes to ignore silently when services ask for them.
    #[config(default = "")]
    pub(crate) ignored_user_attributes: AttributeNames,
    /// Group attributes to ignore silently when services ask for them.
    #[config(default = "")]
    pub(crate) ignored_group_attributes: AttributeNames,
    /// Private key file; prefer `key_seed`.
    #[config(default = "server_key", alias = "LLDAP_SERVER_KEY_FILE")]
    pub(crate) key_file: String,
    /// Seed of the server's private key, at least 12 random characters.
    #[config(alias = "LLDAP_SERVER_KEY_SEED")]
    pub(crate) key_seed: Option<SecretString>,
    /// Sending password reset emails; `None` sends none.
    #[config(nested)]
    pub(crate) smtp_options: Option<MailOptions>,
    /// LDAP over TLS.
    #[config(nested)]
    pub(crate) ldaps_options: LdapsOptions,
    /// What the `healthcheck` command checks.
    #[config(nested)]
    pub(crate) healthcheck_options: HealthcheckOptions,
    /// Recipient of `lldap send_test_email`.
    #[config(env = "LLDAP_TEST_EMAIL_TO")]
    pub(crate) test_email_to: Option<String>,
}

/// lldap refuses to create an admin with a password under 8 characters.
fn admin_password_long_enough(pass: &SecretString) -> Result<(), String> {
    if pass.expose_secret().chars().count() < 8 {
        return Err("must be at least 8 characters long".to_owned());
    }
    Ok(())
}

impl Lldap {
    /// lldap warns when its insecure defaults are in use, whether left
    /// unset or written out.
    fn warn_of_default_secrets(&self) -> Result<(), Problems> {
        let mut problems = Problems::new();
        if self.jwt_secret.expose_secret() == "secretjwtsecret" {
            problems.warn(
                ["jwt_secret"],
                "the default JWT secret is used: attackers can log in as admin",
            );
        }
        if self.ldap_user_pass.expose_secret() == "password" {
            problems.warn(
                ["ldap_user_pass"],
                "the insecure default admin password is used",
            );
        }
        problems.into_result()
    }
}

/// `LLDAP_SMTP_OPTIONS__*`.
#[derive(Config, Debug)]
#[config(file)]
pub(crate) struct MailOptions {
    /// Let users reset their password by email.
    #[config(default = false)]
    pub(crate) enable_password_reset: bool,
    /// How the sender appears: `Name <user@host>`.
    #[config(with = mailbox, expected = "mailbox such as Name <user@example.com>")]
    pub(crate) from: Option<String>,
    /// Reply-to address: `Name <user@host>`.
    #[config(
        with = mailbox,
        expected = "mailbox such as Name <user@example.com>",
        alias = "LLDAP_SMTP_OPTIONS__TO"
    )]
    pub(crate) reply_to: Option<String>,
    /// The SMTP server.
    #[config(default = "localhost")]
    pub(crate) server: String,
    /// The SMTP port.
    #[config(default = 587)]
    pub(crate) port: u16,
    /// The SMTP user, usually an email address.
    #[config(default = "")]
    pub(crate) user: String,
    /// The SMTP password.
    #[config(default = "")]
    pub(crate) password: SecretString,
    /// How the connection is encrypted.
    #[config(default = "TLS")]
    pub(crate) smtp_encryption: SmtpEncryption,
    /// Deprecated: never did anything; use `smtp_encryption`.
    pub(crate) tls_required: Option<bool>,
}

/// `LLDAP_LDAPS_OPTIONS__*`.
#[derive(Config, Debug)]
#[config(file)]
pub(crate) struct LdapsOptions {
    /// Serve LDAPS.
    #[config(default = false)]
    pub(crate) enabled: bool,
    /// Port of the LDAPS server.
    #[config(default = 6360)]
    pub(crate) port: u16,
    /// Certificate file.
    #[config(default = "cert.pem")]
    pub(crate) cert_file: String,
    /// Certificate key file.
    #[config(default = "key.pem")]
    pub(crate) key_file: String,
}

/// `LLDAP_HEALTHCHECK_OPTIONS__*`.
#[derive(Config, Debug)]
#[config(file)]
pub(crate) struct HealthcheckOptions {
    /// Host the healthcheck expects the HTTP server on.
    #[config(default = "localhost")]
    pub(crate) http_host: String,
    /// Host the healthcheck expects the LDAP server on.
    #[config(default = "localhost")]
    pub(crate) ldap_host: String,
}

/// `false`, `true` or `always`, any case.
#[derive(EnvValue, Debug, PartialEq, Eq)]
pub(crate) enum TrueFalseAlways {
    /// Never.
    False,
    /// Once.
    True,
    /// At every start.
    Always,
}

/// How the SMTP connection is encrypted.
#[derive(EnvValue, Debug, PartialEq, Eq)]
pub(crate) enum SmtpEncryption {
    /// No encryption (port 25).
    None,
    /// TLS from the start (port 465).
    Tls,
    /// STARTTLS (port 587).
    #[config(rename = "starttls")]
    StartTls,
}

/// Attribute names: `[a, b]` or `a, b`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct AttributeNames(pub(crate) Vec<String>);

impl EnvValue for AttributeNames {
    fn expected() -> Cow<'static, str> {
        "attribute names such as [mail, userPrincipalName]".into()
    }

    fn parse_env(text: &str) -> Result<Self, ValueError> {
        let trimmed = text.trim();
        let inner = match trimmed.strip_prefix('[') {
            Some(rest) => rest
                .strip_suffix(']')
                .ok_or_else(|| ValueError::new("no closing ]"))?,
            None => trimmed,
        };
        let names = inner
            .split(',')
            .map(|name| name.trim().trim_matches('"').to_owned())
            .filter(|name| !name.is_empty())
            .collect();
        Ok(AttributeNames(names))
    }
}

/// `Name <user@host>` or `user@host`.
fn mailbox(text: &str) -> Result<String, &'static str> {
    if text.contains('@') {
        Ok(text.to_owned())
    } else {
        Err("not a mailbox such as Name <user@example.com>")
    }
}
