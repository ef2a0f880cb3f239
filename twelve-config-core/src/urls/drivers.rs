//! Agreement with the reference driver of each scheme, one rule a test,
//! each citing where the rule is written down. The cases are the forms
//! operators use and the drivers' and specifications' own test cases.

use super::tests::{ok, reason, round_trip};
use super::*;
use crate::EnvValue;

// PostgreSQL: libpq, "Connection URIs" in the PostgreSQL documentation
// (libpq-connect.html) and conninfo_uri_parse_options in
// src/interfaces/libpq/fe-connect.c, with the cases of
// src/interfaces/libpq/test/regress.in.

/// libpq percent-decodes the host part, and a host that then starts with
/// `/` is a socket directory: "postgresql://%2Fvar%2Flib%2Fpostgresql/dbname"
/// in the documentation. Google Cloud SQL writes its sockets so.
#[test]
fn postgres_socket_directory_in_the_host_part() {
    let url: PostgresUrl = ok("postgres://%2Fvar%2Frun%2Fpostgresql:5433/db");
    assert_eq!(url.socket_dir(), Some("/var/run/postgresql"));
    assert!(url.hosts().is_empty());
    assert_eq!(url.port(), Some(5433));
    assert_eq!(url.port_or_default(), 5433);
    assert_eq!(url.database(), Some("db"));

    let cloud: PostgresUrl =
        ok("postgres://user:pass@%2Fcloudsql%2Fproject%3Aregion%3Ainstance/db");
    assert_eq!(
        cloud.socket_dir(),
        Some("/cloudsql/project:region:instance")
    );
    assert_eq!(cloud.username(), Some("user"));
    assert_eq!(cloud.expose_password(), Some("pass"));
    assert_eq!(cloud.port_or_default(), 5432);
    assert_eq!(
        cloud.to_string(),
        "postgres://user:***@%2Fcloudsql%2Fproject%3Aregion%3Ainstance/db"
    );
    round_trip::<PostgresUrl>(
        "postgres://user:pass@%2Fcloudsql%2Fproject%3Aregion%3Ainstance/db",
        "pass",
    );
    // The lowercase spelling of the documentation's example.
    let lower: PostgresUrl = ok("postgresql://%2fvar%2flib%2fpostgresql/dbname");
    assert_eq!(lower.socket_dir(), Some("/var/lib/postgresql"));
    // A host starting with `@` is a socket in the abstract namespace.
    let abstract_ns: PostgresUrl = ok("postgres://%40pg-sock/db");
    assert_eq!(abstract_ns.socket_dir(), Some("@pg-sock"));
}

/// A socket directory and network hosts may share one host list; the
/// `host` parameter still replaces the whole list.
#[test]
fn postgres_socket_directory_among_hosts() {
    let url: PostgresUrl = ok("postgres://%2Ftmp,db2:5433/app");
    assert_eq!(url.socket_dir(), Some("/tmp"));
    assert_eq!(url.hosts().len(), 1);
    assert_eq!(url.hosts()[0].to_string(), "db2:5433");
    let replaced: PostgresUrl = ok("postgres://%2Ftmp/app?host=db3");
    assert_eq!(replaced.socket_dir(), None);
    assert_eq!(replaced.host_str(), Some("db3"));
    // A percent-encoded host that is no path is still a host name.
    let plain: PostgresUrl = ok("postgresql://%68ost/");
    assert_eq!(plain.host_str(), Some("host"));
    assert_eq!(plain.socket_dir(), None);
}

/// regress.in: "postgres://:12345/" and "postgres://otheruser@:12345/db?host=/path/to/socket":
/// a port without a host is the default host on that port.
#[test]
fn postgres_port_without_host() {
    let url: PostgresUrl = ok("postgres://:12345/");
    assert!(url.hosts().is_empty());
    assert_eq!(url.port(), Some(12345));
    assert_eq!(url.port_or_default(), 12345);
    let socket: PostgresUrl = ok("postgres://otheruser@:12345/db?host=/path/to/socket");
    assert_eq!(socket.socket_dir(), Some("/path/to/socket"));
    assert_eq!(socket.port_or_default(), 12345);
    assert_eq!(socket.username(), Some("otheruser"));
    // `:12345` is no host of a list: libpq's list items each need a host.
    assert_eq!(
        reason::<PostgresUrl>("postgres://:12345,h2/db"),
        "empty host in host list"
    );
}

/// fe-connect.c stores the user name and password of the URI only when
/// they are not empty ("postgres://@host" in regress.in has no user).
#[test]
fn postgres_empty_user_and_password_are_none() {
    let url: PostgresUrl = ok("postgres://:@host/db");
    assert_eq!(url.username(), None);
    assert_eq!(url.expose_password(), None);
    let url: PostgresUrl = ok("postgres://@host");
    assert_eq!(url.username(), None);
    let url: PostgresUrl = ok("postgres://app:@host/db?password=from-query");
    assert_eq!(url.expose_password(), Some("from-query"));
}

/// conninfo_uri_parse_params: "ssl=true" is read as "sslmode=require" for
/// JDBC compatibility; a parameter needs its `=` ("missing key/value
/// separator") and only one ("extra key/value separator").
#[test]
fn postgres_query_syntax_and_ssl_true() {
    assert!(ok::<PostgresUrl>("postgres://h/db?ssl=true").requires_tls());
    assert!(!ok::<PostgresUrl>("postgres://h/db?ssl=true&sslmode=disable").requires_tls());
    assert!(ok::<PostgresUrl>("postgres://h/db?sslmode=disable&ssl=true").requires_tls());
    assert_eq!(
        reason::<PostgresUrl>("postgres://h/db?ssl=false"),
        "ssl takes only true, which libpq reads as sslmode=require"
    );
    // regress.in: "postgresql://host?zzz", "postgresql://host?value1&value2",
    // "postgresql://host?key=key=value".
    for missing in [
        "postgresql://host?zzz",
        "postgresql://host?value1&value2",
        "postgres://h/db?a=1&&b=2",
    ] {
        assert_eq!(
            reason::<PostgresUrl>(missing),
            "a query parameter without =; write name=value",
            "{missing}"
        );
    }
    assert_eq!(
        reason::<PostgresUrl>("postgresql://host?key=key=value"),
        "a second = in a query parameter; percent-encode it as %3D"
    );
    // regress.in: "postgresql://host?" is valid; so is a trailing `&`.
    assert_eq!(
        ok::<PostgresUrl>("postgresql://host?").host_str(),
        Some("host")
    );
    assert_eq!(
        ok::<PostgresUrl>("postgres://h/db?sslmode=require&").param("sslmode"),
        Some("require")
    );
}

// AMQP: the RabbitMQ URI specification (rabbitmq.com/docs/uri-spec), its
// table of examples.

/// "amqp://" is valid: every part absent, every default applies.
#[test]
fn amqp_empty_authority_takes_the_defaults() {
    let url: AmqpUrl = ok("amqp://");
    assert!(url.hosts().is_empty());
    assert_eq!(url.host_str(), None);
    assert_eq!(url.port(), None);
    assert_eq!(url.port_or_default(), 5672);
    assert_eq!(url.username(), None);
    assert_eq!(url.expose_password(), None);
    assert_eq!(url.vhost(), "/");
    assert_eq!(ok::<AmqpUrl>("amqps://").port_or_default(), 5671);
    // "amqp://:10000": the port alone.
    let port: AmqpUrl = ok("amqp://:10000");
    assert_eq!(port.port(), Some(10000));
    assert_eq!(port.host_str(), None);
    // "amqp:///vhost": the vhost alone.
    assert_eq!(ok::<AmqpUrl>("amqp:///vhost").vhost(), "vhost");
    // "amqp://user@" and "amqp://user:pass@": credentials alone.
    let user: AmqpUrl = ok("amqp://user@");
    assert_eq!(user.username(), Some("user"));
    assert_eq!(user.expose_password(), None);
    let both: AmqpUrl = ok("amqp://user:pass@");
    assert_eq!(both.username(), Some("user"));
    assert_eq!(both.expose_password(), Some("pass"));
    assert_eq!(both.to_string(), "amqp://user:***@");
}

/// "amqp://host" has no vhost (the default `/`), "amqp://host/" the vhost
/// "", "amqp://host/%2f" the vhost "/".
#[test]
fn amqp_absent_and_empty_vhost_differ() {
    assert_eq!(ok::<AmqpUrl>("amqp://host").vhost(), "/");
    assert_eq!(ok::<AmqpUrl>("amqp://host/").vhost(), "");
    assert_eq!(ok::<AmqpUrl>("amqp://host/%2f").vhost(), "/");
    assert_ne!(ok::<AmqpUrl>("amqp://host"), ok::<AmqpUrl>("amqp://host/"));
}

/// "amqp://:@/": the empty user name and the empty password, the empty
/// vhost; "amqp://user%61:%61pass@ho%61st:10000/v%2fhost": every part
/// percent-decoded, the host too.
#[test]
fn amqp_parts_as_written() {
    let url: AmqpUrl = ok("amqp://:@/");
    assert_eq!(url.username(), Some(""));
    assert_eq!(url.expose_password(), Some(""));
    assert_eq!(url.vhost(), "");
    assert_eq!(url.to_string(), "amqp://:***@/");
    let url: AmqpUrl = ok("amqp://user%61:%61pass@ho%61st:10000/v%2fhost");
    assert_eq!(url.username(), Some("usera"));
    assert_eq!(url.expose_password(), Some("apass"));
    assert_eq!(url.host_str(), Some("hoast"));
    assert_eq!(url.port(), Some(10000));
    assert_eq!(url.vhost(), "v/host");
    let url: AmqpUrl = ok("amqp://user:pass@host:10000/vhost");
    assert_eq!(
        (url.username(), url.expose_password(), url.host_str()),
        (Some("user"), Some("pass"), Some("host"))
    );
    assert_eq!(ok::<AmqpUrl>("amqp://[::1]").host_str(), Some("[::1]"));
}

// Redis: the `redis` crate, redis/src/connection.rs (parse_redis_url,
// url_to_tcp_connection_info, url_to_unix_connection_info, parse_protocol).

/// "Cannot connect to a wildcard address (0.0.0.0 or ::)".
#[test]
fn redis_refuses_wildcard_addresses() {
    const WILDCARD: &str =
        "a wildcard address (0.0.0.0 or ::) names no server; write the server's address";
    assert_eq!(reason::<RedisUrl>("redis://0.0.0.0:6379"), WILDCARD);
    assert_eq!(reason::<RedisUrl>("redis://[::]:6379/0"), WILDCARD);
    assert_eq!(reason::<RedisUrl>("rediss://[0:0::0]"), WILDCARD);
    assert_eq!(
        ok::<RedisUrl>("redis://127.0.0.1").host_str(),
        Some("127.0.0.1")
    );
}

/// parse_protocol: `2`, `resp2`, `3` or `resp3`, else "Invalid protocol
/// version".
#[test]
fn redis_protocol_values() {
    for good in ["2", "resp2", "3", "resp3"] {
        let url: RedisUrl = ok(&format!("redis://h/?protocol={good}"));
        assert_eq!(url.param("protocol"), Some(good));
    }
    for bad in ["4", "RESP3", "", "resp"] {
        assert_eq!(
            reason::<RedisUrl>(&format!("redis://h/0?protocol={bad}")),
            "invalid protocol; expected one of: 2, resp2, 3, resp3",
            "{bad}"
        );
    }
    assert_eq!(
        reason::<RedisUrl>("redis+unix:///s.sock?protocol=9"),
        "invalid protocol; expected one of: 2, resp2, 3, resp3"
    );
}

/// The driver reads the query with `query_pairs`, a form decoder: `+` is a
/// space there, and `%2B` a plus.
#[test]
fn redis_unix_query_is_read_as_a_form() {
    let url: RedisUrl = ok("redis+unix:///run/redis.sock?user=app&pass=a+b%2Bc&db=2");
    assert_eq!(url.expose_password(), Some("a b+c"));
    assert_eq!(url.username(), Some("app"));
    assert_eq!(url.database(), 2);
    assert_eq!(
        url.to_string(),
        "redis+unix:///run/redis.sock?user=app&pass=***&db=2"
    );
    round_trip::<RedisUrl>("redis+unix:///run/redis.sock?pass=a+b%2Bc", "a+b");
}

/// url_to_unix_connection_info reads `user` and `pass` from the query and
/// nothing else: credentials before the path, or a `password` parameter,
/// would be ignored, so they are refused with the spelling to use.
#[test]
fn redis_unix_credentials_only_in_the_query() {
    assert_eq!(
        reason::<RedisUrl>("redis+unix://:secret@/run/redis.sock"),
        "a unix socket URL takes its credentials in the query; write redis+unix:///path/to/socket?user=name&pass=secret"
    );
    assert_eq!(
        reason::<RedisUrl>("unix://app@/run/redis.sock"),
        "a unix socket URL takes its credentials in the query; write redis+unix:///path/to/socket?user=name&pass=secret"
    );
    assert_eq!(
        reason::<RedisUrl>("redis+unix:///run/redis.sock?password=secret"),
        "a unix socket URL takes its password as pass; write ?pass=secret"
    );
    for empty in [
        "unix:///run/redis.sock?pass",
        "unix:///run/redis.sock?pass=&db=1",
    ] {
        assert_eq!(
            reason::<RedisUrl>(empty),
            "an empty pass parameter; give the password or leave pass out"
        );
    }
}

/// A TCP URL's credentials are in the authority; `user` and `pass` in its
/// query are not read (so telling unix from TCP URLs matters).
#[test]
fn redis_tcp_credentials_only_in_the_authority() {
    let url: RedisUrl = ok("redis://alice:pw@h/0?user=bob&pass=other");
    assert_eq!(url.username(), Some("alice"));
    assert_eq!(url.expose_password(), Some("pw"));
    assert_eq!(url.socket_path(), None);
    let bare: RedisUrl = ok("redis://h?pass=other&user=bob");
    assert_eq!(bare.username(), None);
    assert_eq!(bare.expose_password(), None);
    // `url::Url` has no empty password: `user:@` is none.
    assert_eq!(ok::<RedisUrl>("redis://user:@h").expose_password(), None);
    assert_eq!(ok::<RedisUrl>("redis://:@h").username(), None);
    let unix: RedisUrl = ok("unix:///run/redis.sock");
    assert_eq!(unix.socket_path(), Some("/run/redis.sock"));
    assert_eq!(unix.username(), None);
    assert_eq!(unix.expose_password(), None);
}

/// parse_redis_url takes the Valkey schemes too; `db` is the path with the
/// slashes around it trimmed; on a TLS URL the only fragment is
/// `#insecure`.
#[test]
fn redis_valkey_schemes_paths_and_fragments() {
    let url: RedisUrl = ok("valkeys://:pw@cache:6380/4/");
    assert!(url.requires_tls());
    assert_eq!(url.database(), 4);
    assert_eq!(url.scheme(), "valkeys");
    assert!(!ok::<RedisUrl>("valkey://cache").requires_tls());
    let socket: RedisUrl = ok("valkey+unix:///run/valkey.sock?db=1");
    assert_eq!(socket.socket_path(), Some("/run/valkey.sock"));
    assert_eq!(socket.database(), 1);
    assert_eq!(ok::<RedisUrl>("rediss://h/#insecure").scheme(), "rediss");
    assert_eq!(
        reason::<RedisUrl>("rediss://h/#secure"),
        "the only fragment of a TLS URL is #insecure"
    );
    assert_eq!(ok::<RedisUrl>("redis://h/#anything").database(), 0);
}

// MongoDB: the connection string specification
// (mongodb/specifications, source/connection-string), its tests
// valid-unix_socket-absolute, valid-unix_socket-relative, valid-auth and
// invalid-uris.

/// "Unix domain socket (absolute path)": a host ending in `.sock` is a
/// socket path, percent-encoded; sockets and hosts may be mixed.
#[test]
fn mongo_unix_socket_hosts() {
    let url: MongoUrl = ok("mongodb://%2Ftmp%2Fmongodb-27017.sock");
    assert_eq!(
        url.socket_paths().collect::<Vec<_>>(),
        ["/tmp/mongodb-27017.sock"]
    );
    assert!(url.hosts().is_empty());
    let url: MongoUrl =
        ok("mongodb://%2Ftmp%2Fmongodb-27017.sock,%2Ftmp%2Fmongodb-27018.sock/admin?w=1");
    assert_eq!(url.socket_paths().count(), 2);
    assert_eq!(url.database(), Some("admin"));
    let mixed: MongoUrl = ok("mongodb://127.0.0.1:27017,%2Ftmp%2Fmongodb-27017.sock");
    assert_eq!(mixed.host_str(), Some("127.0.0.1"));
    assert_eq!(
        mixed.socket_paths().collect::<Vec<_>>(),
        ["/tmp/mongodb-27017.sock"]
    );
    // valid-unix_socket-relative: "rel%2Fmongodb-27017.sock".
    let relative: MongoUrl = ok("mongodb://alice:foo@rel%2Fmongodb-27017.sock/admin");
    assert_eq!(
        relative.socket_paths().collect::<Vec<_>>(),
        ["rel/mongodb-27017.sock"]
    );
    assert_eq!(
        relative.to_string(),
        "mongodb://alice:***@rel%2Fmongodb-27017.sock/admin"
    );
    round_trip::<MongoUrl>("mongodb://alice:foo@rel%2Fmongodb-27017.sock/admin", "foo");
    // invalid-uris: "Host with unescaped slash".
    assert!("mongodb:///tmp/mongodb-27017.sock/"
        .parse::<MongoUrl>()
        .is_err());
    assert_eq!(
        reason::<MongoUrl>("mongodb://%2Ftmp%2Fm.sock:27017"),
        "a unix socket takes no port; write mongodb://%2Ftmp%2Fmongodb-27017.sock"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb+srv://%2Ftmp%2Fm.sock"),
        "mongodb+srv takes a host name, not a unix socket"
    );
}

/// valid-auth "Username with empty password": password "", not none;
/// "Username without password": none.
#[test]
fn mongo_empty_password_is_a_password() {
    let url: MongoUrl = ok("mongodb://alice:@127.0.0.1");
    assert_eq!(url.username(), Some("alice"));
    assert_eq!(url.expose_password(), Some(""));
    assert_eq!(url.to_string(), "mongodb://alice:***@127.0.0.1");
    let url: MongoUrl = ok("mongodb://alice@127.0.0.1");
    assert_eq!(url.expose_password(), None);
    let url: MongoUrl =
        ok("mongodb://%24am:f%3Azzb%40z%2Fz%3D@127.0.0.1/admin%3F?authMechanism=MONGODB-CR");
    assert_eq!(url.username(), Some("$am"));
    assert_eq!(url.expose_password(), Some("f:zzb@z/z="));
    assert_eq!(url.database(), Some("admin?"));
    let url: MongoUrl = ok("mongodb://alice:secret@example.com/admin?replicaset=my@replicaset");
    assert_eq!(url.expose_password(), Some("secret"));
    assert_eq!(url.param("replicaset"), Some("my@replicaset"));
}

/// invalid-uris: unencoded `@` or `:` in the credentials, options without
/// the `/` before them or without a value.
#[test]
fn mongo_invalid_uris_of_the_specification() {
    assert_eq!(
        reason::<MongoUrl>("mongodb://alice@foo:bar@127.0.0.1"),
        "an unencoded @ in the user name or password; write it as %40"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb://alice@@127.0.0.1"),
        "an unencoded @ in the user name or password; write it as %40"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb://alice:foo:bar@127.0.0.1"),
        "an unencoded : in the password; write it as %3A"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb://example.com?w=1"),
        "options need a / before the ?; write mongodb://host/?option=value"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb://example.com/?w"),
        "an option without a value; write option=value"
    );
    assert_eq!(
        reason::<MongoUrl>("mongodb://@h"),
        "an empty user name before @"
    );
    for bad in [
        "mongodb://",
        "mongodb://localhost::27017",
        "mongodb://localhost:0/",
        "mongodb://localhost:65536",
        "mongodb://[::1]:-1",
        "mongodb://alice/@localhost/db",
        "mongodb://alice:foo/bar@localhost/db",
        "mongodb+srv://test5.test.mongodb.com,test6.test.mongodb.com",
        "mongodb+srv://test7.test.mongodb.com:27018",
    ] {
        assert!(bad.parse::<MongoUrl>().is_err(), "{bad}");
    }
}

// HTTP: the WHATWG URL standard (username and password of a URL record)
// and reqwest, which sends Basic credentials when the user name is not
// empty or there is a password.

/// "http://:pass@host": the empty user name with a password; the standard
/// has no empty password.
#[test]
fn http_empty_user_name_with_a_password() {
    let url: HttpUrl = ok("https://:t0ken@api.example.com/");
    assert_eq!(url.username(), Some(""));
    assert_eq!(url.expose_password(), Some("t0ken"));
    assert_eq!(url.to_string(), "https://:***@api.example.com/");
    let url: HttpUrl = ok("https://bot:@api.example.com/");
    assert_eq!(url.username(), Some("bot"));
    assert_eq!(url.expose_password(), None);
    let url: HttpUrl = ok("https://:@api.example.com/");
    assert_eq!(url.username(), None);
    assert_eq!(url.expose_password(), None);
}

// SMTP: lettre, SmtpTransport::from_url (transport/smtp/connection_url.rs):
// credentials are used when the URL has a password.

#[test]
fn smtp_credentials_as_lettre_uses_them() {
    let url: SmtpUrl = ok("smtp://:pw@mail.example.com");
    assert_eq!(url.username(), Some(""));
    assert_eq!(url.expose_password(), Some("pw"));
    let url: SmtpUrl = ok("smtp://mail.example.com");
    assert_eq!(url.username(), None);
    assert_eq!(url.expose_password(), None);
    for lonely in [
        "smtp://mailer@mail.example.com",
        "smtps://mailer:@mail.example.com",
    ] {
        assert_eq!(
            reason::<SmtpUrl>(lonely),
            "a user name without a password, which lettre ignores; write smtp://user:password@host"
        );
    }
}

// The accessors of every type, against values that differ from each other,
// so that an accessor returning nothing, the wrong part or the encoded
// form fails.

#[test]
fn user_and_password_accessors_give_the_decoded_parts() {
    let mysql: MysqlUrl = ok("mysql://sh%40p:p%3Aw%2F1@h/db");
    assert_eq!(mysql.username(), Some("sh@p"));
    assert_eq!(mysql.expose_password(), Some("p:w/1"));
    let mysql: MysqlUrl = ok("mysql://shop@h/db");
    assert_eq!(
        (mysql.username(), mysql.expose_password()),
        (Some("shop"), None)
    );
    let mysql: MysqlUrl = ok("mysql://:@h/db");
    assert_eq!((mysql.username(), mysql.expose_password()), (None, None));

    let mongo: MongoUrl = ok("mongodb://m%20u:m%25pw@h/db");
    assert_eq!(mongo.username(), Some("m u"));
    assert_eq!(mongo.expose_password(), Some("m%pw"));
    let mongo: MongoUrl = ok("mongodb://h/db");
    assert_eq!((mongo.username(), mongo.expose_password()), (None, None));

    let amqp: AmqpUrl = ok("amqp://a%2Fu:a%40pw@h/v");
    assert_eq!(amqp.username(), Some("a/u"));
    assert_eq!(amqp.expose_password(), Some("a@pw"));
    let amqp: AmqpUrl = ok("amqp://h/v");
    assert_eq!((amqp.username(), amqp.expose_password()), (None, None));

    let http: HttpUrl = ok("https://h%C3%A9:h%23pw@h/");
    assert_eq!(http.username(), Some("hé"));
    assert_eq!(http.expose_password(), Some("h#pw"));
    let http: HttpUrl = ok("https://only@h/");
    assert_eq!(
        (http.username(), http.expose_password()),
        (Some("only"), None)
    );
    let http: HttpUrl = ok("https://h/");
    assert_eq!((http.username(), http.expose_password()), (None, None));

    let smtp: SmtpUrl = ok("smtps://s%40x.com:s%20pw@h");
    assert_eq!(smtp.username(), Some("s@x.com"));
    assert_eq!(smtp.expose_password(), Some("s pw"));

    let database: DatabaseUrl = ok("mysql://d%3Au:d%3Apw@h/db");
    assert_eq!(database.username(), Some("d:u"));
    assert_eq!(database.expose_password(), Some("d:pw"));
}

/// Every new form keeps its password out of `Display`, `Debug` and the
/// report's redaction, and parses back from `expose_url()` to an equal
/// value.
#[test]
fn new_forms_mask_their_passwords() {
    let secret = "Zq9secretZq9";
    round_trip::<PostgresUrl>(
        &format!("postgres://u:{secret}@%2Fcloudsql%2Fp%3Ar%3Ai/db"),
        secret,
    );
    round_trip::<PostgresUrl>(&format!("postgres://u:{secret}@:5433/db"), secret);
    round_trip::<AmqpUrl>(&format!("amqp://u:{secret}@"), secret);
    round_trip::<AmqpUrl>(&format!("amqp://u:{secret}@:5673/"), secret);
    round_trip::<MongoUrl>(&format!("mongodb://u:{secret}@%2Ftmp%2Fm.sock/db"), secret);
    round_trip::<RedisUrl>(&format!("valkey+unix:///s.sock?pass={secret}"), secret);
    round_trip::<RedisUrl>(&format!("valkeys://u:{secret}@h/1#insecure"), secret);
    round_trip::<HttpUrl>(&format!("https://:{secret}@h/"), secret);
    round_trip::<SmtpUrl>(&format!("smtp://:{secret}@h"), secret);
    for text in [
        format!("postgres://u:{secret}@%2Fcloudsql%2Fp%3Ar%3Ai/db"),
        format!("amqp://u:{secret}@"),
        format!("mongodb://u:{secret}@%2Ftmp%2Fm.sock/db"),
        format!("redis+unix:///s.sock?pass={secret}"),
    ] {
        for shown in [
            PostgresUrl::redact(&text),
            AmqpUrl::redact(&text),
            MongoUrl::redact(&text),
            RedisUrl::redact(&text),
        ] {
            let shown = shown.expect("URL types show a masked value");
            assert!(!shown.contains(secret), "{text}: {shown}");
        }
    }
}
