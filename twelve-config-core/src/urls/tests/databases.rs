//! The database URL types: PostgreSQL (host lists, query parameters,
//! `sslmode`), MySQL, SQLite, and `DatabaseUrl`, which tells them apart.

use std::path::Path;

use super::*;

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
    // A SQLite URL holds no password: `Debug` shows it whole.
    assert_eq!(format!("{url:?}"), r#"SqliteUrl("sqlite://data.db")"#);
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
