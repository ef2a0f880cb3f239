//! Unit tests of the URL types.

use std::path::Path;
use std::str::FromStr;

use super::*;
use crate::EnvValue;

/// Parses, or panics with the (masked) reason.
pub(super) fn ok<T: FromStr<Err = crate::ValueError>>(text: &str) -> T {
    match text.parse() {
        Ok(value) => value,
        Err(e) => panic!("{text:?} rejected: {e}"),
    }
}

pub(super) fn reason<T: FromStr<Err = crate::ValueError> + std::fmt::Debug>(text: &str) -> String {
    match text.parse::<T>() {
        Ok(value) => panic!("{text:?} accepted as {value:?}"),
        Err(e) => e.reason().to_owned(),
    }
}

/// Parsing the exposed URL again gives an equal value, and neither
/// `Display` nor `Debug` shows the password.
pub(super) fn round_trip<T>(text: &str, password: &str)
where
    T: FromStr<Err = crate::ValueError> + std::fmt::Debug + std::fmt::Display + PartialEq + 'static,
{
    let value: T = ok(text);
    let exposed = format!("{value:#?}");
    assert!(!exposed.contains(password), "{exposed}");
    assert!(!value.to_string().contains(password), "{value}");
    let again: T = ok(&expose(&value));
    assert_eq!(again, value, "round trip of {text:?}");
}

/// `expose_url` of any URL type, through `Display` of the canonical string.
fn expose<T: std::fmt::Debug + 'static>(value: &T) -> String {
    let any = value as &dyn std::any::Any;
    if let Some(u) = any.downcast_ref::<PostgresUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<MysqlUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<RedisUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<AmqpUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<MongoUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<HttpUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<SmtpUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<SqliteUrl>() {
        u.expose_url().to_owned()
    } else if let Some(u) = any.downcast_ref::<DatabaseUrl>() {
        u.expose_url().to_owned()
    } else {
        unreachable!("not a URL type")
    }
}

#[test]
fn postgres_basic_accessors_and_masking() {
    let url: PostgresUrl = ok("postgres://app:s3cret@db.internal:5432/billing");
    assert_eq!(url.scheme(), "postgres");
    assert_eq!(url.host_str(), Some("db.internal"));
    assert_eq!(url.port(), Some(5432));
    assert_eq!(url.port_or_default(), 5432);
    assert_eq!(url.username(), Some("app"));
    assert_eq!(url.expose_password(), Some("s3cret"));
    assert_eq!(url.database(), Some("billing"));
    assert!(!url.requires_tls());
    assert_eq!(
        url.to_string(),
        "postgres://app:***@db.internal:5432/billing"
    );
    assert_eq!(
        format!("{url:?}"),
        "PostgresUrl(postgres://app:***@db.internal:5432/billing)"
    );
    assert_eq!(
        url.expose_url(),
        "postgres://app:s3cret@db.internal:5432/billing"
    );
    let plain: PostgresUrl = ok("postgresql://db/x");
    assert_eq!(plain.port(), None);
    assert_eq!(plain.port_or_default(), 5432);
    assert_eq!(plain.username(), None);
    assert_eq!(plain.expose_password(), None);
}

#[test]
fn postgres_host_lists_for_failover() {
    let url: PostgresUrl = ok("postgres://u:pw@h1:5432,h2:5433,[2001:db8::1],h4/db");
    let hosts: Vec<String> = url.hosts().iter().map(ToString::to_string).collect();
    assert_eq!(
        hosts,
        ["h1:5432", "h2:5433", "[2001:db8::1]:5432", "h4:5432"]
    );
    assert_eq!(url.hosts()[2].port(), None);
    assert!(matches!(url.hosts()[2].host(), url::Host::Ipv6(_)));
    assert_eq!(url.database(), Some("db"));
    round_trip::<PostgresUrl>("postgres://u:pw@h1:5432,h2:5433/db", "pw");
    assert_eq!(
        reason::<PostgresUrl>("postgres://h1,,h2/db"),
        "empty host in host list"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://h1:5432,h2:x/db"),
        "invalid port number"
    );
}

#[test]
fn postgres_query_parameters_replace_parts_as_in_libpq() {
    let url: PostgresUrl = ok("postgres:///billing?host=/var/run/postgresql&port=5433");
    assert!(url.hosts().is_empty());
    assert_eq!(url.socket_dir(), Some("/var/run/postgresql"));
    assert_eq!(url.port_or_default(), 5433);
    assert_eq!(url.host_str(), None);
    // No host at all: libpq's default socket.
    let local: PostgresUrl = ok("postgres:///billing");
    assert!(local.hosts().is_empty());
    assert_eq!(local.socket_dir(), None);
    // `host` replaces the authority, as in libpq.
    let url: PostgresUrl = ok("postgres://ignored/db?host=a,b&port=1,2");
    let hosts: Vec<String> = url.hosts().iter().map(ToString::to_string).collect();
    assert_eq!(hosts, ["a:1", "b:2"]);
    assert_eq!(
        reason::<PostgresUrl>("postgres:///db?host=a,b,c&port=1,2"),
        "the port list does not match the host list"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres:///db?host=/tmp&port=0"),
        "port out of range 1..=65535"
    );
    let url: PostgresUrl = ok("postgres://h/path-db?dbname=other&user=u%20x&password=p%26w");
    assert_eq!(url.database(), Some("other"));
    assert_eq!(url.username(), Some("u x"));
    assert_eq!(url.expose_password(), Some("p&w"));
    assert_eq!(
        url.to_string(),
        "postgres://h/path-db?dbname=other&user=u%20x&password=***"
    );
    assert!(!format!("{url:?}").contains("p%26w"));
    round_trip::<PostgresUrl>("postgres://h/db?password=p%26w", "p%26w");
}

#[test]
fn postgres_sslmode() {
    for (mode, tls) in [
        ("disable", false),
        ("allow", false),
        ("prefer", false),
        ("require", true),
        ("verify-ca", true),
        ("verify-full", true),
    ] {
        let url: PostgresUrl = ok(&format!("postgres://h/db?sslmode={mode}"));
        assert_eq!(url.requires_tls(), tls, "{mode}");
    }
    assert_eq!(
        reason::<PostgresUrl>("postgres://h/db?sslmode=required"),
        "invalid sslmode; expected one of: disable, allow, prefer, require, verify-ca, verify-full"
    );
}

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
fn mysql_tls_and_database() {
    let url: MysqlUrl = ok("mysql://u:pw@h/orders%20db?ssl-mode=VERIFY-IDENTITY");
    assert_eq!(url.database(), Some("orders db"));
    assert!(url.requires_tls());
    assert!(ok::<MysqlUrl>("mysql://h/x?sslmode=required").requires_tls());
    assert!(ok::<MysqlUrl>("mysql://h/x?ssl=true").requires_tls());
    assert!(ok::<MysqlUrl>("mysql://h/x?require_ssl=true").requires_tls());
    assert!(!ok::<MysqlUrl>("mysql://h/x?ssl-mode=preferred").requires_tls());
    assert!(!ok::<MysqlUrl>("mysql://h/x?ssl=false").requires_tls());
    assert_eq!(
        reason::<MysqlUrl>("mysql://h/x?ssl-mode=on"),
        "invalid ssl-mode; expected one of: disabled, preferred, required, verify_ca, verify_identity"
    );
    assert_eq!(
        reason::<MysqlUrl>("mysql://h/a/b"),
        "the database name must be one path segment; percent-encode / as %2f"
    );
    round_trip::<MysqlUrl>(
        "mariadb://shop:p%2Fw@h:3307/orders?ssl-mode=required",
        "p%2Fw",
    );
}

#[test]
fn sqlite_forms() {
    let url: SqliteUrl = ok("sqlite://data.db");
    assert_eq!(url.path(), Some(Path::new("data.db")));
    assert!(!url.is_memory());
    assert_eq!(
        ok::<SqliteUrl>("sqlite:data.db").path(),
        Some(Path::new("data.db"))
    );
    assert_eq!(
        ok::<SqliteUrl>("sqlite:///var/lib/a%3Fb.db").path(),
        Some(Path::new("/var/lib/a?b.db"))
    );
    for memory in [
        "sqlite::memory:",
        "sqlite://:memory:",
        "sqlite://?mode=memory",
    ] {
        let url: SqliteUrl = ok(memory);
        assert!(url.is_memory(), "{memory}");
        assert_eq!(url.path(), None);
    }
    let url: SqliteUrl = ok("SQLITE://data.db?mode=rwc&cache=shared&immutable=false&vfs=unix-none");
    assert_eq!(url.param("mode"), Some("rwc"));
    assert_eq!(url.param("vfs"), Some("unix-none"));
    assert_eq!(
        url.expose_url(),
        "sqlite://data.db?mode=rwc&cache=shared&immutable=false&vfs=unix-none"
    );
    assert_eq!(url.to_string(), url.expose_url());
    assert_eq!(
        reason::<SqliteUrl>("sqlite://"),
        "missing database file path"
    );
    // Only `mode=memory` makes a database without a path; another mode
    // does not.
    assert_eq!(
        reason::<SqliteUrl>("sqlite://?mode=ro"),
        "missing database file path"
    );
    assert_eq!(
        reason::<SqliteUrl>("sqlite://a.db?mode=readonly"),
        "invalid mode; expected one of: ro, rw, rwc, memory"
    );
    assert_eq!(
        reason::<SqliteUrl>("sqlite://a.db?journal=wal"),
        "unknown query parameter; expected one of: mode, cache, immutable, vfs"
    );
    assert_eq!(
        reason::<SqliteUrl>("data.db"),
        "missing scheme; expected one of: sqlite"
    );
    round_trip::<SqliteUrl>("Sqlite:data.db?mode=ro", "\u{0}");
}

#[test]
fn database_url_tells_the_kind() {
    let pg: DatabaseUrl = ok("postgresql://u:pw@h/db?sslmode=require");
    assert_eq!(pg.kind(), DatabaseKind::Postgres);
    assert!(pg.requires_tls());
    assert_eq!(pg.username(), Some("u"));
    assert_eq!(pg.expose_password(), Some("pw"));
    assert_eq!(pg.hosts().len(), 1);
    assert_eq!(pg.to_string(), "postgresql://u:***@h/db?sslmode=require");
    assert!(!format!("{pg:?}").contains("pw"));
    let my: DatabaseUrl = ok("MySQL://u:pw@h/db");
    assert_eq!(my.kind(), DatabaseKind::Mysql);
    assert_eq!(my.database(), Some("db"));
    assert_eq!(my.expose_url(), "mysql://u:pw@h/db");
    let lite: DatabaseUrl = ok("sqlite:app.db");
    assert_eq!(lite.kind(), DatabaseKind::Sqlite);
    assert_eq!(lite.database(), None);
    assert!(lite.hosts().is_empty());
    assert!(!lite.requires_tls());
    // Errors are those of the type the scheme picks.
    assert_eq!(
        reason::<DatabaseUrl>("postgres://h:0/db"),
        "port out of range 1..=65535"
    );
    round_trip::<DatabaseUrl>("postgres://u:p%40w@h1,h2/db", "p%40w");
    round_trip::<DatabaseUrl>("mysql://u:p%40w@h/db", "p%40w");
}

#[test]
fn redis_forms_and_database_index() {
    let url: RedisUrl = ok("redis://user:pw@h:6380/3");
    assert_eq!(url.database(), 3);
    assert_eq!(url.username(), Some("user"));
    assert_eq!(url.expose_password(), Some("pw"));
    assert!(!url.requires_tls());
    assert_eq!(ok::<RedisUrl>("redis://h").database(), 0);
    assert_eq!(ok::<RedisUrl>("redis://h/").database(), 0);
    assert_eq!(
        reason::<RedisUrl>("redis://h/x"),
        "the database index must be a non-negative integer"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://h/-1"),
        "the database index must be a non-negative integer"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://h/1/2"),
        "the database index must be a non-negative integer"
    );
    assert_eq!(
        reason::<RedisUrl>("redis://h/99999999999999999999"),
        "the database index is too large"
    );
    let tls: RedisUrl = ok("rediss://h/#insecure");
    assert!(tls.requires_tls());
    assert_eq!(tls.expose_url(), "rediss://h/#insecure");
    let unix: RedisUrl = ok("redis+unix:///run/redis%20x.sock?db=4&pass=s3cret");
    assert_eq!(unix.socket_path(), Some("/run/redis x.sock"));
    assert_eq!(unix.database(), 4);
    assert_eq!(unix.expose_password(), Some("s3cret"));
    assert_eq!(
        unix.to_string(),
        "redis+unix:///run/redis%20x.sock?db=4&pass=***"
    );
    assert_eq!(
        ok::<RedisUrl>("unix:///tmp/r.sock").socket_path(),
        Some("/tmp/r.sock")
    );
    assert_eq!(reason::<RedisUrl>("unix://"), "missing socket path");
    assert_eq!(
        reason::<RedisUrl>("redis+unix://h/sock"),
        "a unix socket URL takes no host; write redis+unix:///path/to/socket"
    );
    assert_eq!(
        reason::<RedisUrl>("unix:///s?db=two"),
        "the database index must be a non-negative integer"
    );
    round_trip::<RedisUrl>("redis://:p%3Aw@h/3", "p%3Aw");
    round_trip::<RedisUrl>("unix:///s?pass=hunter2", "hunter2");
}

#[test]
fn amqp_vhost_is_percent_decoded() {
    assert_eq!(ok::<AmqpUrl>("amqp://h/%2f").vhost(), "/");
    assert_eq!(ok::<AmqpUrl>("amqp://h/%2Fprod").vhost(), "/prod");
    assert_eq!(ok::<AmqpUrl>("amqp://h/billing").vhost(), "billing");
    // The RabbitMQ URI specification: `/` alone is the empty vhost.
    assert_eq!(ok::<AmqpUrl>("amqp://h/").vhost(), "");
    assert_eq!(ok::<AmqpUrl>("amqp://h").vhost(), "/");
    assert_eq!(ok::<AmqpUrl>("amqp://h?heartbeat=10").vhost(), "/");
    assert_eq!(
        reason::<AmqpUrl>("amqp://h/a/b"),
        "the vhost must be one path segment; percent-encode / as %2f"
    );
    let url: AmqpUrl = ok("amqps://guest:gu%40st@h:5673/%2f");
    assert!(url.requires_tls());
    assert_eq!(url.port_or_default(), 5673);
    assert_eq!(url.expose_password(), Some("gu@st"));
    round_trip::<AmqpUrl>("amqps://guest:gu%40st@h:5673/%2f", "gu%40st");
}

#[test]
fn mongo_replica_sets_and_srv() {
    let url: MongoUrl = ok("mongodb://u:pw@h1,h2:27018,[::1]/?replicaSet=rs0&authSource=admin");
    let hosts: Vec<String> = url.hosts().iter().map(ToString::to_string).collect();
    assert_eq!(hosts, ["h1:27017", "h2:27018", "[::1]:27017"]);
    assert_eq!(url.replica_set(), Some("rs0"));
    assert_eq!(url.param("authSource"), Some("admin"));
    assert_eq!(url.database(), None);
    assert!(!url.is_srv());
    assert!(ok::<MongoUrl>("mongodb://h/?tls=true").requires_tls());
    assert!(ok::<MongoUrl>("mongodb://h/?ssl=true").requires_tls());
    assert!(ok::<MongoUrl>("mongodb+srv://c.example.net").requires_tls());
    assert!(!ok::<MongoUrl>("mongodb+srv://c.example.net/?tls=false").requires_tls());
    assert_eq!(
        reason::<MongoUrl>("mongodb+srv://a,b"),
        "mongodb+srv takes exactly one host name"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb+srv://a:27017"),
        "mongodb+srv takes no port"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb://:pw@h"),
        "a password without a user name"
    );
    round_trip::<MongoUrl>("mongodb://u:p%2Fw@h1,h2:27018/db?replicaSet=rs0", "p%2Fw");
}

#[test]
fn http_and_smtp() {
    let url: HttpUrl = ok("https://u:pw@api.example.com:8443/v1/x?a=1#top");
    assert_eq!(url.port(), Some(8443));
    assert_eq!(url.path(), "/v1/x");
    assert_eq!(url.query(), Some("a=1"));
    assert!(url.requires_tls());
    assert!(!ok::<HttpUrl>("http://h").requires_tls());
    assert_eq!(
        url.to_string(),
        "https://u:***@api.example.com:8443/v1/x?a=1#top"
    );
    round_trip::<HttpUrl>("https://u:pw@api.example.com:8443/v1/x?a=1#top", "pw");
    let url: HttpUrl = ok("https://h/?access_token=abc&q=1");
    assert_eq!(url.to_string(), "https://h/?access_token=***&q=1");

    assert!(ok::<SmtpUrl>("smtps://h").requires_tls());
    assert!(ok::<SmtpUrl>("smtp://h:587?tls=required").requires_tls());
    assert!(!ok::<SmtpUrl>("smtp://h:587?tls=opportunistic").requires_tls());
    assert!(!ok::<SmtpUrl>("smtp://h").requires_tls());
    assert_eq!(
        reason::<SmtpUrl>("smtp://h#x"),
        "unexpected #fragment; percent-encode # in a password as %23"
    );
    assert_eq!(
        reason::<SmtpUrl>("smtp://u:pa#ss@h"),
        "invalid host or port; percent-encode any /, ? or # in the password"
    );
    assert_eq!(
        reason::<PostgresUrl>("postgres://u:pa/ss@h/db"),
        "invalid host or port; percent-encode any /, ? or # in the password"
    );
    round_trip::<SmtpUrl>("smtp://u%40x.com:pw@h:587?tls=required", "pw");
}

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
