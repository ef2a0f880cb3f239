//! `AmqpUrl` against a real RabbitMQ node: the password holds `@`, `:`,
//! `/`, `%` and a space; the vhosts are `/` and a named one, and the forms
//! the RabbitMQ URI specification gives for absent parts are used as a
//! client would use them.

use twelve_config::{AmqpUrl, Config};

use crate::wire::{amqp_open, tcp};
use crate::{encode, var};

#[derive(Config)]
struct Settings {
    broker_url: AmqpUrl,
}

/// Opens the URL's vhost as its user, the client's defaults standing in for
/// the absent parts (host `localhost`, user and password `guest`).
fn open(url: &AmqpUrl) -> std::io::Result<()> {
    let stream = tcp(url.host_str().unwrap_or("localhost"), url.port_or_default())?;
    amqp_open(
        stream,
        url.username().unwrap_or("guest"),
        url.expose_password().unwrap_or("guest"),
        url.vhost(),
    )
}

fn url_with(path: &str, password: &str) -> AmqpUrl {
    let text = format!(
        "amqp://{}:{}@{}:{}{path}",
        encode(&var("TC_AMQP_USER")),
        encode(password),
        var("TC_AMQP_HOST"),
        var("TC_AMQP_PORT"),
    );
    Settings::from_vars([("BROKER_URL", text.as_str())])
        .unwrap_or_else(|e| panic!("{e}"))
        .broker_url
}

#[test]
fn rabbitmq_default_vhost_written_three_ways() {
    let password = var("TC_AMQP_PASSWORD");
    for path in ["", "/%2f", "/%2F"] {
        let url = url_with(path, &password);
        assert_eq!(url.vhost(), "/", "{path:?}");
        assert_eq!(url.expose_password(), Some(password.as_str()));
        assert!(!url.to_string().contains(&encode(&password)));
        open(&url).unwrap_or_else(|e| panic!("open {url}: {e}"));
    }
}

#[test]
fn rabbitmq_named_vhost() {
    let vhost = var("TC_AMQP_VHOST");
    let url = url_with(&format!("/{vhost}"), &var("TC_AMQP_PASSWORD"));
    assert_eq!(url.vhost(), vhost);
    open(&url).unwrap_or_else(|e| panic!("open {url}: {e}"));
    // A vhost that does not exist is refused by the server, so the name
    // above really reached it.
    let missing = url_with("/tc-no-such-vhost", &var("TC_AMQP_PASSWORD"));
    let error = open(&missing).expect_err("no such vhost");
    assert!(error.to_string().contains("530"), "{error}");
}

#[test]
fn rabbitmq_empty_path_names_the_empty_vhost() {
    // `amqp://host/` is the vhost "", which the server does not have.
    let url = url_with("/", &var("TC_AMQP_PASSWORD"));
    assert_eq!(url.vhost(), "");
    let error = open(&url).expect_err("the empty vhost does not exist");
    assert!(error.to_string().contains("530"), "{error}");
}

#[test]
fn rabbitmq_port_without_a_host_reaches_localhost() {
    let text = format!(
        "amqp://{}:{}@:{}",
        encode(&var("TC_AMQP_USER")),
        encode(&var("TC_AMQP_PASSWORD")),
        var("TC_AMQP_PORT"),
    );
    let url: AmqpUrl = text.parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(url.host_str(), None);
    assert_eq!(url.vhost(), "/");
    open(&url).unwrap_or_else(|e| panic!("open {url}: {e}"));
}

#[test]
fn rabbitmq_refuses_a_wrong_password() {
    let password = format!("{}x", var("TC_AMQP_PASSWORD"));
    let url = url_with("/%2f", &password);
    let error = open(&url).expect_err("the server checks the password");
    assert!(!error.to_string().contains(&password));
}
