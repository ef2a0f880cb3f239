//! `MysqlUrl` against a real MariaDB server: over TCP and its unix socket,
//! with a password holding `@`, `:`, `/`, `%` and a space, and a database
//! name with a space.

use twelve_config::{Config, DatabaseKind, DatabaseUrl, MysqlUrl};

use crate::wire::{mysql_login, tcp, unix};
use crate::{encode, var};

struct Maria {
    host: String,
    port: String,
    socket: String,
    user: String,
    password: String,
    database: String,
}

fn maria() -> Maria {
    Maria {
        host: var("TC_MYSQL_HOST"),
        port: var("TC_MYSQL_PORT"),
        socket: var("TC_MYSQL_SOCKET"),
        user: var("TC_MYSQL_USER"),
        password: var("TC_MYSQL_PASSWORD"),
        database: var("TC_MYSQL_DATABASE"),
    }
}

#[derive(Config)]
struct Settings {
    shop_db: MysqlUrl,
    any_db: DatabaseUrl,
}

/// Logs in with what the URL says, as a driver would read it, and returns
/// the server's `CURRENT_USER()` and `DATABASE()`.
fn login(url: &MysqlUrl) -> std::io::Result<(String, Option<String>)> {
    let stream = match url.socket() {
        Some(socket) => unix(socket)?,
        None => tcp(url.host_str().expect("a host"), url.port_or_default())?,
    };
    mysql_login(
        stream,
        url.username().unwrap_or_default(),
        url.expose_password().unwrap_or_default(),
        url.database(),
    )
}

#[test]
fn mariadb_over_tcp_with_a_password_full_of_special_characters() {
    let m = maria();
    let text = format!(
        "mariadb://{}:{}@{}:{}/{}",
        encode(&m.user),
        encode(&m.password),
        m.host,
        m.port,
        encode(&m.database)
    );
    let settings = Settings::from_vars([("SHOP_DB", text.as_str()), ("ANY_DB", text.as_str())])
        .unwrap_or_else(|e| panic!("{e}"));
    let url = &settings.shop_db;
    assert_eq!(url.username(), Some(m.user.as_str()));
    assert_eq!(url.expose_password(), Some(m.password.as_str()));
    assert_eq!(url.database(), Some(m.database.as_str()));
    assert!(!url.to_string().contains(&encode(&m.password)));
    assert!(!format!("{url:?}").contains(&encode(&m.password)));
    let (user, database) = login(url).unwrap_or_else(|e| panic!("log in with {url}: {e}"));
    assert_eq!(user, format!("{}@127.0.0.1", m.user));
    assert_eq!(database.as_deref(), Some(m.database.as_str()));
    // The canonical form reads back the same, and DatabaseUrl agrees.
    let again: MysqlUrl = url.expose_url().parse().unwrap();
    assert_eq!(&again, url);
    assert_eq!(settings.any_db.kind(), DatabaseKind::Mysql);
    assert_eq!(settings.any_db.expose_password(), Some(m.password.as_str()));
}

#[test]
fn mariadb_refuses_a_wrong_password() {
    let m = maria();
    let text = format!(
        "mysql://{}:{}@{}:{}/{}",
        encode(&m.user),
        encode(&format!("{}x", m.password)),
        m.host,
        m.port,
        encode(&m.database)
    );
    let url: MysqlUrl = text.parse().unwrap();
    let error = login(&url).expect_err("the server checks the password");
    assert!(!error.to_string().contains(&m.password));
}

#[test]
fn mariadb_over_its_unix_socket() {
    let m = maria();
    let text = format!(
        "mysql://{}:{}@/{}?socket={}",
        encode(&m.user),
        encode(&m.password),
        encode(&m.database),
        encode(&m.socket)
    );
    let url: MysqlUrl = text.parse().unwrap_or_else(|e| panic!("{e}"));
    assert!(url.hosts().is_empty());
    assert_eq!(url.socket(), Some(m.socket.as_str()));
    assert!(!url.to_string().contains(&encode(&m.password)));
    let (user, database) = login(&url).unwrap_or_else(|e| panic!("log in with {url}: {e}"));
    assert_eq!(
        user,
        format!("{}@localhost", m.user),
        "logged in over the socket"
    );
    assert_eq!(database.as_deref(), Some(m.database.as_str()));
}
