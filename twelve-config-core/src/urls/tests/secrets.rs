//! Passwords kept out of every error and every shown form, and a URL
//! inside a `SecretBox`.

use super::*;
use crate::EnvValue;

#[test]
fn errors_never_contain_the_password() {
    let password = "Sup3rS3cret";
    let broken = [
        format!("postgres://u:{password}@h:99999/db"),
        format!("postgres://u:{password}@h/db?sslmode=nope"),
        format!("postgres://u:{password}/x@h/db"),
        format!("redis://u:{password}@h/x"),
        format!("amqp://u:{password}@h/a/b"),
        format!("mongodb+srv://u:{password}@a,b"),
        format!("mysql://u:{password}@h/db?ssl-mode=x"),
        format!("https://u:{password}@[::g]/"),
        format!("smtp://u:{password}#x@h"),
        format!(" postgres://u:{password}@h/db"),
    ];
    for text in &broken {
        for e in [
            text.parse::<PostgresUrl>().err(),
            text.parse::<RedisUrl>().err(),
            text.parse::<AmqpUrl>().err(),
            text.parse::<MongoUrl>().err(),
            text.parse::<MysqlUrl>().err(),
            text.parse::<HttpUrl>().err(),
            text.parse::<SmtpUrl>().err(),
            text.parse::<DatabaseUrl>().err(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!e.reason().contains(password), "{text}: {e}");
            assert!(!format!("{e:?}").contains(password), "{text}: {e:?}");
        }
        for shown in [
            PostgresUrl::redact(text),
            RedisUrl::redact(text),
            DatabaseUrl::redact(text),
            SmtpUrl::redact(text),
        ] {
            let shown = shown.expect("URL types show a masked value");
            assert!(!shown.contains(password), "{text}: {shown}");
        }
    }
}

#[test]
fn redact_masks_valid_urls_exactly() {
    assert_eq!(
        PostgresUrl::redact("postgres://app:pw@db/x?password=y&sslmode=require").as_deref(),
        Some("postgres://app:***@db/x?password=***&sslmode=require")
    );
    // A valid URL with an `@` after the authority keeps its query.
    assert_eq!(
        HttpUrl::redact("http://h:80/x?email=a@b").as_deref(),
        Some("http://h:80/x?email=a@b")
    );
    assert_eq!(
        SqliteUrl::redact("sqlite://a.db").as_deref(),
        Some("sqlite://a.db")
    );
    const { assert!(!<PostgresUrl as EnvValue>::SECRET) };
    assert!(PostgresUrl::expected().starts_with("PostgreSQL URL such as postgres://"));
}

#[test]
fn secret_box_of_a_url_is_secret_and_wipes_it() {
    use secrecy::{ExposeSecret, SecretBox};
    use zeroize::Zeroize;

    const { assert!(<SecretBox<PostgresUrl> as EnvValue>::SECRET) };
    let secret = SecretBox::<PostgresUrl>::parse_env("postgres://u:pw@h/db").unwrap();
    assert_eq!(secret.expose_secret().expose_password(), Some("pw"));
    assert_eq!(
        SecretBox::<PostgresUrl>::redact("postgres://u:pw@h/db"),
        None
    );
    let mut url: RedisUrl = ok("redis://u:pw@h/1?x=y");
    url.zeroize();
    assert_eq!(url.expose_url(), "");
    assert_eq!(url.expose_password(), None);
    let mut db: DatabaseUrl = ok("sqlite://a.db");
    db.zeroize();
    assert_eq!(db.expose_url(), "");
}
