//! The URL types against real servers: the string `expose_url()` gives
//! reaches PostgreSQL and Redis through their client crates; what a
//! `MysqlUrl` or an `AmqpUrl` says logs in to MariaDB and RabbitMQ through
//! the protocols' own handshakes (`wire`).
//!
//! `.ci/services.sh` starts throwaway servers and passes their addresses and
//! credentials in `TC_*` variables; the passwords hold `@`, `:`, `/`, `%`
//! and a space, which the URLs built here percent-encode.

mod mariadb;
mod rabbitmq;
mod wire;

use postgres::{Client, NoTls};
use twelve_config::{Config, PostgresUrl, RedisUrl};

/// A variable `.ci/services.sh` sets.
pub(crate) fn var(name: &str) -> String {
    std::env::var(name)
        .unwrap_or_else(|_| panic!("{name} is not set: run these tests with .ci/services.sh"))
}

/// Percent-encodes all but the unreserved characters, as a user building a
/// URL by hand would.
pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

struct Pg {
    host: String,
    port: String,
    socket_dir: String,
    user: String,
    password: String,
    database: String,
}

fn pg() -> Pg {
    Pg {
        host: var("TC_PG_HOST"),
        port: var("TC_PG_PORT"),
        socket_dir: var("TC_PG_SOCKET_DIR"),
        user: var("TC_PG_USER"),
        password: var("TC_PG_PASSWORD"),
        database: var("TC_PG_DATABASE"),
    }
}

/// Settings as a service would declare them.
#[derive(Config)]
struct Settings {
    database_url: PostgresUrl,
    redis_url: RedisUrl,
}

fn redis_tcp_url(db: u8) -> String {
    format!(
        "redis://{}:{}@{}:{}/{db}",
        encode(&var("TC_REDIS_USER")),
        encode(&var("TC_REDIS_PASSWORD")),
        var("TC_REDIS_HOST"),
        var("TC_REDIS_PORT"),
    )
}

/// Connects with the exposed URL and returns who and where the session is.
fn whoami(url: &PostgresUrl) -> (String, String, bool) {
    let mut client = Client::connect(url.expose_url(), NoTls)
        .unwrap_or_else(|e| panic!("connect to {url}: {e}"));
    let row = client
        .query_one(
            "SELECT current_user::text, current_database()::text, inet_server_addr() IS NULL",
            &[],
        )
        .expect("query");
    (row.get(0), row.get(1), row.get(2))
}

#[test]
fn postgres_over_tcp_with_a_password_full_of_special_characters() {
    let pg = pg();
    let text = format!(
        "postgres://{}:{}@{}:{}/{}",
        encode(&pg.user),
        encode(&pg.password),
        pg.host,
        pg.port,
        encode(&pg.database)
    );
    let settings = Settings::from_vars([
        ("DATABASE_URL", text.as_str()),
        ("REDIS_URL", &redis_tcp_url(0)),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let url = &settings.database_url;
    assert_eq!(url.expose_password(), Some(pg.password.as_str()));
    assert_eq!(url.database(), Some(pg.database.as_str()));
    assert!(!url.to_string().contains(&encode(&pg.password)));
    let (user, database, socket) = whoami(url);
    assert_eq!(user, pg.user);
    assert_eq!(database, pg.database);
    assert!(!socket, "connected over TCP");
    // Parsing the exposed string again gives the same value.
    assert_eq!(&url.expose_url().parse::<PostgresUrl>().unwrap(), url);
}

#[test]
fn postgres_refuses_a_wrong_password() {
    let pg = pg();
    let text = format!(
        "postgres://{}:{}@{}:{}/{}",
        pg.user,
        encode(&format!("{}x", pg.password)),
        pg.host,
        pg.port,
        encode(&pg.database)
    );
    let url: PostgresUrl = text.parse().unwrap();
    let error = Client::connect(url.expose_url(), NoTls)
        .err()
        .expect("the server checks the password");
    assert!(!format!("{error}").contains(&pg.password));
}

#[test]
fn postgres_over_a_unix_socket() {
    let pg = pg();
    // The socket directory in the `host` parameter, credentials in the URL.
    let with_userinfo = format!(
        "postgres://{}:{}@/{}?host={}&port={}",
        encode(&pg.user),
        encode(&pg.password),
        encode(&pg.database),
        encode(&pg.socket_dir),
        pg.port
    );
    // Everything in parameters, no authority at all.
    let all_params = format!(
        "postgresql:///{}?host={}&port={}&user={}&password={}",
        encode(&pg.database),
        encode(&pg.socket_dir),
        pg.port,
        encode(&pg.user),
        encode(&pg.password)
    );
    for text in [with_userinfo, all_params] {
        let url: PostgresUrl = text.parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(url.hosts().is_empty());
        assert_eq!(url.socket_dir(), Some(pg.socket_dir.as_str()));
        assert_eq!(url.expose_password(), Some(pg.password.as_str()));
        assert!(!format!("{url:?}").contains(&encode(&pg.password)));
        let (user, database, socket) = whoami(&url);
        assert_eq!(user, pg.user);
        assert_eq!(database, pg.database);
        assert!(socket, "connected over the unix socket");
    }
}

#[test]
fn postgres_socket_directory_in_the_host_part() {
    let pg = pg();
    // libpq's and Cloud SQL's form: the directory percent-encoded as the
    // host, the port naming the socket file.
    let text = format!(
        "postgres://{}:{}@{}:{}/{}",
        encode(&pg.user),
        encode(&pg.password),
        encode(&pg.socket_dir),
        pg.port,
        encode(&pg.database)
    );
    let url: PostgresUrl = text.parse().unwrap_or_else(|e| panic!("{e}"));
    assert!(url.hosts().is_empty());
    assert_eq!(url.socket_dir(), Some(pg.socket_dir.as_str()));
    assert_eq!(url.port().map(|p| p.to_string()), Some(pg.port.clone()));
    assert!(!url.to_string().contains(&encode(&pg.password)));
    let (user, database, socket) = whoami(&url);
    assert_eq!(user, pg.user);
    assert_eq!(database, pg.database);
    assert!(socket, "connected over the unix socket");
}

#[test]
fn postgres_host_list_fails_over_to_the_next_host() {
    let pg = pg();
    // Nothing listens on port 1; the driver moves on to the second host.
    let text = format!(
        "postgres://{}:{}@{host}:1,{host}:{}/{}?connect_timeout=5",
        encode(&pg.user),
        encode(&pg.password),
        pg.port,
        encode(&pg.database),
        host = pg.host,
    );
    let url: PostgresUrl = text.parse().unwrap();
    assert_eq!(url.hosts().len(), 2);
    assert_eq!(url.hosts()[0].port(), Some(1));
    let (user, _, _) = whoami(&url);
    assert_eq!(user, pg.user);
}

/// A key no other run uses.
fn unique_key(what: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("twelve-config:{what}:{}:{nanos}", std::process::id())
}

fn redis_connection(url: &RedisUrl) -> redis::Connection {
    redis::Client::open(url.expose_url())
        .and_then(|client| client.get_connection())
        .unwrap_or_else(|e| panic!("connect to {url}: {e}"))
}

fn exists(connection: &mut redis::Connection, key: &str) -> bool {
    redis::cmd("EXISTS")
        .arg(key)
        .query::<i64>(connection)
        .expect("EXISTS")
        == 1
}

#[test]
fn redis_database_index_selects_the_database() {
    let settings = Settings::from_vars([
        ("DATABASE_URL", "postgres://unused/db"),
        ("REDIS_URL", &redis_tcp_url(3)),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let url = &settings.redis_url;
    assert_eq!(url.database(), 3);
    assert_eq!(url.username(), Some(var("TC_REDIS_USER").as_str()));
    assert_eq!(
        url.expose_password(),
        Some(var("TC_REDIS_PASSWORD").as_str())
    );
    assert!(!url.to_string().contains(&encode(&var("TC_REDIS_PASSWORD"))));

    let key = unique_key("db3");
    let mut db3 = redis_connection(url);
    redis::cmd("SET")
        .arg(&key)
        .arg("here")
        .query::<()>(&mut db3)
        .expect("SET");

    let mut db0 = redis_connection(&redis_tcp_url(0).parse().unwrap());
    assert!(!exists(&mut db0, &key), "the key is not in database 0");
    let mut db3_again = redis_connection(&url.expose_url().parse().unwrap());
    let value: String = redis::cmd("GET")
        .arg(&key)
        .query(&mut db3_again)
        .expect("GET");
    assert_eq!(value, "here");
    // SELECT from a database-0 connection confirms the number.
    redis::cmd("SELECT")
        .arg(3)
        .query::<()>(&mut db0)
        .expect("SELECT");
    assert!(exists(&mut db0, &key), "the key is in database 3");
    redis::cmd("DEL")
        .arg(&key)
        .query::<()>(&mut db3)
        .expect("DEL");
}

#[test]
fn redis_refuses_a_wrong_password() {
    let text = format!(
        "redis://{}:{}@{}:{}/0",
        encode(&var("TC_REDIS_USER")),
        encode(&format!("{}x", var("TC_REDIS_PASSWORD"))),
        var("TC_REDIS_HOST"),
        var("TC_REDIS_PORT"),
    );
    let url: RedisUrl = text.parse().unwrap();
    let result = redis::Client::open(url.expose_url()).and_then(|c| c.get_connection());
    assert!(result.is_err(), "the server checks the password");
}

#[test]
fn redis_over_a_unix_socket() {
    let text = format!(
        "redis+unix://{}?db=3&user={}&pass={}",
        var("TC_REDIS_SOCKET"),
        encode(&var("TC_REDIS_USER")),
        encode(&var("TC_REDIS_PASSWORD")),
    );
    let url: RedisUrl = text.parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(url.socket_path(), Some(var("TC_REDIS_SOCKET").as_str()));
    assert_eq!(url.database(), 3);
    assert!(!url.to_string().contains(&encode(&var("TC_REDIS_PASSWORD"))));
    let key = unique_key("unix");
    let mut connection = redis_connection(&url);
    redis::cmd("SET")
        .arg(&key)
        .arg(1)
        .query::<()>(&mut connection)
        .expect("SET");
    let mut tcp_db3 = redis_connection(&redis_tcp_url(3).parse().unwrap());
    assert!(
        exists(&mut tcp_db3, &key),
        "the socket URL selected database 3"
    );
    redis::cmd("DEL")
        .arg(&key)
        .query::<()>(&mut connection)
        .expect("DEL");
}

#[test]
fn redis_unix_socket_query_plus_is_a_space() {
    // The driver reads the query as a form: the space of the password may
    // be written `+`, and the type reads it the same way.
    let password = var("TC_REDIS_PASSWORD");
    assert!(password.contains(' '));
    let written = encode(&password).replace("%20", "+");
    let text = format!(
        "redis+unix://{}?user={}&pass={written}",
        var("TC_REDIS_SOCKET"),
        encode(&var("TC_REDIS_USER")),
    );
    let url: RedisUrl = text.parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(url.expose_password(), Some(password.as_str()));
    let mut connection = redis_connection(&url);
    let pong: String = redis::cmd("PING").query(&mut connection).expect("PING");
    assert_eq!(pong, "PONG");
}
