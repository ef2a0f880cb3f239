//! The other backing services: Redis, AMQP, MongoDB, HTTP and SMTP.

use super::*;

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
    assert!(!ok::<AmqpUrl>("amqp://h").requires_tls());
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
