//! What every URL type reads alike: percent-encoded credentials, schemes,
//! empty text and whitespace, hosts and host names, ports and default ports.

use std::path::Path;

use super::*;

#[test]
fn percent_encoded_credentials_decode_and_reencode() {
    let url: PostgresUrl = ok("postgres://us%3Aer:p%40ss%3Aw%2Fo%25rd%20x@h/db");
    assert_eq!(url.username(), Some("us:er"));
    assert_eq!(url.expose_password(), Some("p@ss:w/o%rd x"));
    round_trip::<PostgresUrl>("postgres://us%3Aer:p%40ss%3Aw%2Fo%25rd%20x@h/db", "p%40ss");
    // An unencoded `@` in the password: the user information ends at the last `@`.
    let url: PostgresUrl = ok("postgres://app:p@ss@db/x");
    assert_eq!(url.expose_password(), Some("p@ss"));
    assert_eq!(url.host_str(), Some("db"));
    assert_eq!(url.expose_url(), "postgres://app:p%40ss@db/x");
    assert_eq!(
        reason::<PostgresUrl>("postgres://app:p%zzss@db/x"),
        "invalid percent-encoding in password"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://a%2@db/x"),
        "invalid percent-encoding in user name"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://app:%ff@db/x"),
        "invalid percent-encoding in password"
    );
}

#[test]
fn wrong_scheme_lists_the_accepted_ones() {
    assert_eq!(
        reason::<PostgresUrl>("mysql://h/db"),
        "unsupported scheme; expected one of: postgres, postgresql"
    );
    assert_eq!(
        reason::<PostgresUrl>("db.internal:5432"),
        "missing scheme; expected one of: postgres, postgresql"
    );
    assert_eq!(
        reason::<RedisUrl>("http://h"),
        "unsupported scheme; expected one of: redis, rediss, redis+unix, unix, valkey, valkeys, valkey+unix"
    );
    assert_eq!(
        reason::<DatabaseUrl>("redis://h"),
        "unsupported scheme; expected one of: postgres, postgresql, mysql, mariadb, sqlite"
    );
    assert_eq!(
        reason::<SqliteUrl>("postgres://h/db"),
        "unsupported scheme; expected one of: sqlite"
    );
    assert_eq!(
        reason::<HttpUrl>("ftp://h"),
        "unsupported scheme; expected one of: http, https"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres:h/db"),
        "expected // after the scheme"
    );
    // Schemes are case-insensitive; the exposed URL writes them in lowercase.
    let url: PostgresUrl = ok("PostgreSQL://h/db");
    assert_eq!(url.scheme(), "postgresql");
    assert_eq!(url.expose_url(), "postgresql://h/db");
}

#[test]
fn empty_and_whitespace_are_rejected() {
    for text in ["", " ", "\t"] {
        assert_eq!(reason::<PostgresUrl>(text), "empty URL");
        assert_eq!(reason::<RedisUrl>(text), "empty URL");
        assert_eq!(reason::<SqliteUrl>(text), "empty URL");
        assert_eq!(reason::<DatabaseUrl>(text), "empty URL");
    }
    assert_eq!(
        reason::<PostgresUrl>(" postgres://h/db"),
        "whitespace around the URL"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://h/0\n"),
        "whitespace around the URL"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://u:p w@h/db"),
        "whitespace in URL; percent-encode a space as %20"
    );
    assert_eq!(
        reason::<HttpUrl>("http://h/a\u{7}b"),
        "control characters in URL"
    );
    // Spaces are fine in a SQLite file name.
    let url: SqliteUrl = ok("sqlite:///data/my db.sqlite");
    assert_eq!(url.path(), Some(Path::new("/data/my db.sqlite")));
}

#[test]
fn hosts_idna_ipv4_ipv6() {
    let url: PostgresUrl = ok("postgres://u:pw@bücher.example/db");
    assert_eq!(url.host_str(), Some("xn--bcher-kva.example"));
    assert_eq!(url.expose_url(), "postgres://u:pw@xn--bcher-kva.example/db");
    round_trip::<PostgresUrl>("postgres://u:pw@bücher.example/db", "pw");
    let url: RedisUrl = ok("redis://DB.Internal/1");
    assert_eq!(url.host_str(), Some("db.internal"));
    let url: MysqlUrl = ok("mysql://10.0.0.7:3307/x");
    assert!(matches!(url.host(), Some(url::Host::Ipv4(_))));
    assert_eq!(url.port(), Some(3307));
    let url: RedisUrl = ok("redis://[::1]:6380");
    assert_eq!(url.host_str(), Some("[::1]"));
    assert_eq!(url.port_or_default(), 6380);
    assert_eq!(
        reason::<RedisUrl>("redis://::1:6380"),
        "IPv6 address without brackets; write it as [::1]"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://[::1:6380"),
        "invalid IPv6 address: missing ]"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://[::g]"),
        "invalid host: invalid IPv6 address"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://[::1]x"),
        "unexpected text after an IPv6 address"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://10.0.0.256"),
        "invalid host: invalid IPv4 address"
    );
    assert_eq!(
        reason::<HttpUrl>("http://a<b/"),
        "invalid host: invalid international domain name"
    );
    assert_eq!(reason::<HttpUrl>("http://u:pw@:80/"), "empty host");
}

#[test]
fn ports_are_checked() {
    assert_eq!(
        reason::<PostgresUrl>("postgres://h:0/db"),
        "port out of range 1..=65535"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://h:65536/db"),
        "port out of range 1..=65535"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://h:99999999999/db"),
        "port out of range 1..=65535"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://h:-1/db"),
        "invalid port number"
    );
    assert_eq!(reason::<AmqpUrl>("amqp://h:56x2"), "invalid port number");
    let url: PostgresUrl = ok("postgres://h:65535/db");
    assert_eq!(url.port(), Some(65535));
    // An empty port is the default, as in the URL standard.
    let url: PostgresUrl = ok("postgres://h:/db");
    assert_eq!(url.port(), None);
    assert_eq!(url.expose_url(), "postgres://h/db");
}

#[test]
fn default_ports() {
    assert_eq!(ok::<MysqlUrl>("mysql://h").port_or_default(), 3306);
    assert_eq!(ok::<MysqlUrl>("mariadb://h").port_or_default(), 3306);
    assert_eq!(ok::<RedisUrl>("redis://h").port_or_default(), 6379);
    assert_eq!(ok::<RedisUrl>("rediss://h").port_or_default(), 6379);
    assert_eq!(ok::<AmqpUrl>("amqp://h").port_or_default(), 5672);
    assert_eq!(ok::<AmqpUrl>("amqps://h").port_or_default(), 5671);
    assert_eq!(ok::<MongoUrl>("mongodb://h").port_or_default(), 27017);
    assert_eq!(ok::<HttpUrl>("http://h").port_or_default(), 80);
    assert_eq!(ok::<HttpUrl>("https://h").port_or_default(), 443);
    assert_eq!(ok::<SmtpUrl>("smtp://h").port_or_default(), 25);
    assert_eq!(ok::<SmtpUrl>("smtps://h").port_or_default(), 465);
}

#[test]
fn hosts_are_required_where_the_scheme_needs_one() {
    assert_eq!(reason::<RedisUrl>("redis:///0"), "missing host");
    assert_eq!(reason::<MongoUrl>("mongodb:///db"), "missing host");
    assert_eq!(reason::<HttpUrl>("https:///x"), "missing host");
    assert_eq!(reason::<SmtpUrl>("smtp://"), "missing host");
    assert_eq!(reason::<MysqlUrl>("mysql:///db"), "missing host");
    let url: MysqlUrl = ok("mysql://app@/shop?socket=/run/mysqld/mysqld.sock");
    assert_eq!(url.socket(), Some("/run/mysqld/mysqld.sock"));
    assert!(url.hosts().is_empty());
    const ONE: &str = "more than one host; this scheme takes one";
    assert_eq!(reason::<RedisUrl>("redis://a,b"), ONE);
    assert_eq!(reason::<AmqpUrl>("amqp://a,b"), ONE);
    assert_eq!(reason::<HttpUrl>("https://a,b/"), ONE);
    assert_eq!(reason::<SmtpUrl>("smtp://a,b"), ONE);
    assert_eq!(reason::<MysqlUrl>("mysql://a,b/x"), ONE);
}

#[test]
fn host_names_hold_only_what_resolvers_accept() {
    // A percent-encoded `,` would become a host separator when written out.
    let why = reason::<PostgresUrl>("postgres://appe%2c*stgres:/El");
    assert!(why.starts_with("invalid host"), "{why}");
    assert!(reason::<RedisUrl>("redis://ca*che/0").starts_with("invalid host"));
    assert!(reason::<HttpUrl>("http://a%20b/").starts_with("invalid host"));
    let compose: PostgresUrl = ok("postgres://u@my_db-1.internal/app");
    assert_eq!(compose.host_str(), Some("my_db-1.internal"));
    let idn: HttpUrl = ok("https://bücher.example/");
    assert_eq!(idn.host_str(), Some("xn--bcher-kva.example"));
}
