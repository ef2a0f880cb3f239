//! The environment of [MicroBin](https://github.com/szabodanika/microbin)
//! 2.1.4, as its `src/args.rs` (the `env` of each option) and its `.env`
//! file document it.
//!
//! Every variable MicroBin 2.1.4 documents is declared with its name,
//! default and secret-ness; the sizes and the garbage-collection age get
//! typed values (`ByteSize` in MiB, `Duration` in days) where MicroBin keeps
//! bare integers (`MICROBIN_MAX_FILE_SIZE_*_MB` are read with
//! `unit = "MiB"`, as MicroBin multiplies them by 1024 × 1024), and the expiry choices are an enum where MicroBin keeps
//! text and falls back silently on a typo.
//!
//! Two rules MicroBin leaves to chance are checked: HTTP basic
//! authentication is an optional group, so a user name without a password
//! (which MicroBin accepts and then refuses every login) or a password
//! without a user name (which MicroBin ignores) is reported; and an uploader
//! password on a site that is not read-only, which MicroBin never asks for,
//! is a `check` rule.
//!
//! `MICROBIN_ADMIN_USERNAME` and `MICROBIN_ADMIN_PASSWORD` are secrets
//! with MicroBin's defaults `admin` and `m1cr0b1n`, which apply when they
//! are unset and which no output shows.
//!
//! Expressed differently (none could not be expressed):
//! - MicroBin reads a secret from a file when its value starts with
//!   `file://` or `file:`; here `MICROBIN_ADMIN_PASSWORD_FILE` (and `_FILE`
//!   for every secret) names the file instead.
//! - MicroBin's on/off flags (`MICROBIN_HIDE_FOOTER`, ...) take any text and
//!   count everything but `false`, `0`, `no`, `off`, `n` and `f` as on; here
//!   they take `true/false`, `1/0`, `yes/no`, `on/off` and reject the rest,
//!   so a typo is reported instead of switching the flag on.

// The service reads every field; this crate only loads and prints them.
#![allow(dead_code)]

use std::net::IpAddr;
use std::time::Duration;

use twelve_config::{ByteSize, Config, EnvValue, SecretString};

/// MicroBin's configuration.
#[derive(Config, Debug)]
#[config(
    prefix = "MICROBIN_",
    check = uploader_password_needs_readonly(readonly, uploader_password)
)]
pub(crate) struct Microbin {
    /// HTTP basic authentication for the whole site; none when unset.
    #[config(nested, prefix = "BASIC_AUTH_")]
    pub(crate) basic_auth: Option<BasicAuth>,
    /// User name of the admin page.
    #[config(default = "admin")]
    pub(crate) admin_username: SecretString,
    /// Password of the admin page: change it from MicroBin's default.
    #[config(default = "m1cr0b1n")]
    pub(crate) admin_password: SecretString,
    /// Let uploaders edit their pastas.
    #[config(default = true)]
    pub(crate) editable: bool,
    /// Text of the footer.
    pub(crate) footer_text: Option<String>,
    /// Hide the footer.
    #[config(default = false)]
    pub(crate) hide_footer: bool,
    /// Hide the header.
    #[config(default = false)]
    pub(crate) hide_header: bool,
    /// Hide the logo.
    #[config(default = false)]
    pub(crate) hide_logo: bool,
    /// Hide the list of pastas.
    #[config(default = false)]
    pub(crate) no_listing: bool,
    /// Highlight the syntax of code.
    #[config(default = true)]
    pub(crate) highlightsyntax: bool,
    /// Port of the web server.
    #[config(default = 8080)]
    pub(crate) port: u16,
    /// Address the web server binds.
    #[config(default = "0.0.0.0")]
    pub(crate) bind: IpAddr,
    /// Offer private pastas.
    #[config(default = true)]
    pub(crate) private: bool,
    /// Serve pages without CSS.
    #[config(default = false)]
    pub(crate) pure_html: bool,
    /// Store pastas in a JSON file instead of SQLite.
    #[config(default = false)]
    pub(crate) json_db: bool,
    /// Public URL of the site, for links and QR codes.
    #[config(with = public_url, expected = "URL such as https://paste.example.com")]
    pub(crate) public_path: Option<String>,
    /// Short public URL, for shortened links.
    #[config(with = public_url, expected = "URL such as https://paste.example.com")]
    pub(crate) short_path: Option<String>,
    /// Password needed to upload to a read-only site.
    pub(crate) uploader_password: Option<SecretString>,
    /// Only the admin may upload.
    #[config(default = false)]
    pub(crate) readonly: bool,
    /// Show how often a pasta was read.
    #[config(default = true)]
    pub(crate) show_read_stats: bool,
    /// Title of the site.
    pub(crate) title: Option<String>,
    /// Worker threads of the web server.
    #[config(default = 1)]
    pub(crate) threads: u8,
    /// Remove pastas not read for this long; 0 keeps them forever.
    #[config(unit = "d", default = 90)]
    pub(crate) gc_days: Duration,
    /// Offer burn-after-reading.
    #[config(default = true)]
    pub(crate) enable_burn_after: bool,
    /// Default number of reads before a pasta burns; 0 is never.
    #[config(default = 0)]
    pub(crate) default_burn_after: u16,
    /// Use a wide layout.
    #[config(default = false)]
    pub(crate) wide: bool,
    /// Offer QR codes.
    #[config(default = false)]
    pub(crate) qr: bool,
    /// Pastas never expire.
    #[config(default = false)]
    pub(crate) eternal_pasta: bool,
    /// Offer read-only pastas.
    #[config(default = true)]
    pub(crate) enable_readonly: bool,
    /// Default expiry of a new pasta.
    #[config(default = "24hour")]
    pub(crate) default_expiry: Expiry,
    /// Longest expiry offered.
    #[config(default = "1week")]
    pub(crate) max_expiry: Expiry,
    /// Directory of the database and the attachments.
    #[config(default = "microbin_data")]
    pub(crate) data_dir: String,
    /// Disable file uploads.
    #[config(default = false)]
    pub(crate) no_file_upload: bool,
    /// URL of a custom stylesheet.
    pub(crate) custom_css: Option<String>,
    /// Use hashed ids instead of animal names.
    #[config(default = false)]
    pub(crate) hash_ids: bool,
    /// List this server on the public MicroBin server list.
    #[config(default = false)]
    pub(crate) list_server: bool,
    /// Send no telemetry.
    #[config(default = false)]
    pub(crate) disable_telemetry: bool,
    /// Do not check for new versions.
    #[config(default = false)]
    pub(crate) disable_update_checking: bool,
    /// Offer encryption in the browser.
    #[config(default = true)]
    pub(crate) encryption_client_side: bool,
    /// Offer encryption on the server.
    #[config(default = true)]
    pub(crate) encryption_server_side: bool,
    /// Default privacy of a new pasta.
    pub(crate) default_privacy: Option<String>,
    /// Largest encrypted upload.
    #[config(unit = "MiB", default = 256)]
    pub(crate) max_file_size_encrypted_mb: ByteSize,
    /// Largest unencrypted upload.
    #[config(unit = "MiB", default = 2048)]
    pub(crate) max_file_size_unencrypted_mb: ByteSize,
    /// Default view of the pasta list.
    #[config(default = "gallery")]
    pub(crate) default_view: String,
}

/// `MICROBIN_BASIC_AUTH_*`: both or neither.
#[derive(Config, Debug)]
pub(crate) struct BasicAuth {
    /// User name of HTTP basic authentication for the whole site.
    pub(crate) username: SecretString,
    /// Password of HTTP basic authentication for the whole site.
    pub(crate) password: SecretString,
}

/// MicroBin asks uploaders for the password only on a read-only site.
fn uploader_password_needs_readonly(
    readonly: &bool,
    uploader_password: &Option<SecretString>,
) -> Result<(), String> {
    if uploader_password.is_some() && !*readonly {
        Err(
            "MICROBIN_UPLOADER_PASSWORD is never asked for unless MICROBIN_READONLY is true"
                .to_owned(),
        )
    } else {
        Ok(())
    }
}

/// How long a pasta lives: the choices MicroBin offers.
#[derive(EnvValue, Debug, PartialEq, Eq)]
pub(crate) enum Expiry {
    /// One minute.
    #[config(rename = "1min")]
    OneMinute,
    /// Ten minutes.
    #[config(rename = "10min")]
    TenMinutes,
    /// One hour.
    #[config(rename = "1hour")]
    OneHour,
    /// One day.
    #[config(rename = "24hour")]
    OneDay,
    /// Three days.
    #[config(rename = "3days")]
    ThreeDays,
    /// One week.
    #[config(rename = "1week")]
    OneWeek,
    /// One month.
    #[config(rename = "1month")]
    OneMonth,
    /// Six months.
    #[config(rename = "6months")]
    SixMonths,
    /// One year.
    #[config(rename = "1year")]
    OneYear,
    /// Two years.
    #[config(rename = "2years")]
    TwoYears,
    /// Four years.
    #[config(rename = "4years")]
    FourYears,
    /// Eight years.
    #[config(rename = "8years")]
    EightYears,
    /// Sixteen years.
    #[config(rename = "16years")]
    SixteenYears,
    /// Never.
    Never,
}

/// A public URL without its trailing `/`, as MicroBin keeps it.
fn public_url(text: &str) -> Result<String, std::convert::Infallible> {
    Ok(text.strip_suffix('/').unwrap_or(text).to_owned())
}
