//! The few bytes of the MariaDB and AMQP 0-9-1 protocols needed to log in,
//! so that these tests prove what a `MysqlUrl` or `AmqpUrl` says (host,
//! port, socket, user, password, database, vhost) against real servers
//! without building a full client crate.

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// A connection over TCP or a unix socket.
pub(crate) trait Stream: Read + Write {}
impl<T: Read + Write> Stream for T {}

/// Connects to every address `host:port` resolves to until one answers,
/// as drivers do with `localhost` (IPv6 and IPv4).
pub(crate) fn tcp(host: &str, port: u16) -> io::Result<Box<dyn Stream>> {
    let mut last = io::Error::new(io::ErrorKind::NotFound, "no address");
    for addr in (host, port).to_socket_addrs()? {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(5)) {
            Ok(stream) => {
                stream.set_read_timeout(Some(Duration::from_secs(20)))?;
                return Ok(Box::new(stream));
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Connects to a unix socket.
pub(crate) fn unix(path: &str) -> io::Result<Box<dyn Stream>> {
    let stream = UnixStream::connect(path)?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    Ok(Box::new(stream))
}

// ---- MariaDB / MySQL -------------------------------------------------

const CLIENT_LONG_PASSWORD: u32 = 1;
const CLIENT_CONNECT_WITH_DB: u32 = 8;
const CLIENT_PROTOCOL_41: u32 = 0x200;
const CLIENT_SECURE_CONNECTION: u32 = 0x8000;
const CLIENT_PLUGIN_AUTH: u32 = 0x8_0000;

fn read_packet(stream: &mut dyn Stream) -> io::Result<(u8, Vec<u8>)> {
    let mut header = [0u8; 4];
    stream.read_exact(&mut header)?;
    let len = usize::from(header[0]) | usize::from(header[1]) << 8 | usize::from(header[2]) << 16;
    let mut payload = vec![0; len];
    stream.read_exact(&mut payload)?;
    Ok((header[3], payload))
}

fn write_packet(stream: &mut dyn Stream, seq: u8, payload: &[u8]) -> io::Result<()> {
    let len = u32::try_from(payload.len())
        .expect("small packet")
        .to_le_bytes();
    stream.write_all(&[len[0], len[1], len[2], seq])?;
    stream.write_all(payload)
}

fn cstr(data: &[u8], at: &mut usize) -> Vec<u8> {
    let end = data[*at..]
        .iter()
        .position(|&b| b == 0)
        .map_or(data.len(), |p| *at + p);
    let text = data[*at..end].to_vec();
    *at = (end + 1).min(data.len());
    text
}

/// `mysql_native_password`: SHA1(password) XOR SHA1(scramble, SHA1(SHA1(password))).
fn native_password(password: &str, scramble: &[u8]) -> Vec<u8> {
    if password.is_empty() {
        return Vec::new();
    }
    let stage1 = sha1(password.as_bytes());
    let stage2 = sha1(&stage1);
    let mut salted = scramble.to_vec();
    salted.extend_from_slice(&stage2);
    let mix = sha1(&salted);
    stage1.iter().zip(mix).map(|(a, b)| a ^ b).collect()
}

fn server_error(payload: &[u8]) -> io::Error {
    let code = u16::from_le_bytes([payload[1], payload[2]]);
    // After the code: `#`, a five-character SQL state, then the message.
    let message = String::from_utf8_lossy(payload.get(9..).unwrap_or_default());
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("server error {code}: {message}"),
    )
}

/// Logs in with `mysql_native_password` and returns the server's answer to
/// `SELECT CURRENT_USER(), DATABASE()`.
pub(crate) fn mysql_login(
    mut stream: Box<dyn Stream>,
    user: &str,
    password: &str,
    database: Option<&str>,
) -> io::Result<(String, Option<String>)> {
    let stream = stream.as_mut();
    let (seq, greeting) = read_packet(stream)?;
    if greeting.first() == Some(&0xff) {
        return Err(server_error(&greeting));
    }
    let mut at = 1;
    cstr(&greeting, &mut at); // server version
    at += 4; // connection id
    let mut scramble = greeting[at..at + 8].to_vec();
    at += 8 + 1 + 2 + 1 + 2 + 2; // filler, capabilities, charset, status, capabilities
    let data_len = usize::from(greeting[at]);
    at += 1 + 10;
    let rest = data_len.saturating_sub(8).max(13);
    scramble.extend_from_slice(&greeting[at..at + rest - 1]);
    at += rest;
    let plugin = cstr(&greeting, &mut at);
    assert_eq!(
        plugin, b"mysql_native_password",
        "the server's default plugin"
    );

    let mut flags =
        CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH;
    if database.is_some() {
        flags |= CLIENT_CONNECT_WITH_DB;
    }
    let mut response = Vec::new();
    response.extend_from_slice(&flags.to_le_bytes());
    response.extend_from_slice(&(1u32 << 24).to_le_bytes());
    response.push(45); // utf8mb4_general_ci
    response.extend_from_slice(&[0; 23]);
    response.extend_from_slice(user.as_bytes());
    response.push(0);
    let token = native_password(password, &scramble);
    response.push(u8::try_from(token.len()).expect("20 bytes"));
    response.extend_from_slice(&token);
    if let Some(database) = database {
        response.extend_from_slice(database.as_bytes());
        response.push(0);
    }
    response.extend_from_slice(b"mysql_native_password\0");
    write_packet(stream, seq + 1, &response)?;

    let (mut seq, mut answer) = read_packet(stream)?;
    if answer.first() == Some(&0xfe) {
        // An authentication switch: the same plugin with a fresh scramble.
        let mut at = 1;
        cstr(&answer, &mut at);
        let fresh: Vec<u8> = answer[at..].iter().copied().take(20).collect();
        write_packet(stream, seq + 1, &native_password(password, &fresh))?;
        (seq, answer) = read_packet(stream)?;
    }
    let _ = seq;
    match answer.first() {
        Some(0x00) => {}
        Some(0xff) => return Err(server_error(&answer)),
        _ => return Err(io::Error::other("unexpected answer to the login")),
    }

    let mut query = vec![0x03];
    query.extend_from_slice(b"SELECT CURRENT_USER(), DATABASE()");
    write_packet(stream, 0, &query)?;
    let (_, columns) = read_packet(stream)?;
    if columns.first() == Some(&0xff) {
        return Err(server_error(&columns));
    }
    // Column definitions, up to the EOF packet.
    loop {
        let (_, packet) = read_packet(stream)?;
        if packet.first() == Some(&0xfe) && packet.len() < 9 {
            break;
        }
    }
    let (_, row) = read_packet(stream)?;
    let mut at = 0;
    let mut values = Vec::new();
    for _ in 0..2 {
        if row[at] == 0xfb {
            values.push(None);
            at += 1;
        } else {
            let len = usize::from(row[at]);
            values.push(Some(
                String::from_utf8_lossy(&row[at + 1..at + 1 + len]).into_owned(),
            ));
            at += 1 + len;
        }
    }
    let database = values.pop().flatten();
    let user = values.pop().flatten().unwrap_or_default();
    write_packet(stream, 0, &[0x01])?; // COM_QUIT
    Ok((user, database))
}

// ---- AMQP 0-9-1 --------------------------------------------------------

fn read_frame(stream: &mut dyn Stream) -> io::Result<(u16, u16, Vec<u8>)> {
    let mut header = [0u8; 7];
    stream.read_exact(&mut header)?;
    let size = u32::from_be_bytes([header[3], header[4], header[5], header[6]]);
    let mut payload = vec![0; usize::try_from(size).expect("frame size") + 1];
    stream.read_exact(&mut payload)?;
    payload.pop(); // frame end
    if header[0] != 1 || payload.len() < 4 {
        return Err(io::Error::other("expected a method frame"));
    }
    let class = u16::from_be_bytes([payload[0], payload[1]]);
    let method = u16::from_be_bytes([payload[2], payload[3]]);
    Ok((class, method, payload[4..].to_vec()))
}

fn write_method(stream: &mut dyn Stream, class: u16, method: u16, args: &[u8]) -> io::Result<()> {
    let mut frame = vec![1, 0, 0];
    let size = u32::try_from(args.len() + 4).expect("small frame");
    frame.extend_from_slice(&size.to_be_bytes());
    frame.extend_from_slice(&class.to_be_bytes());
    frame.extend_from_slice(&method.to_be_bytes());
    frame.extend_from_slice(args);
    frame.push(0xce);
    stream.write_all(&frame)
}

fn short_string(out: &mut Vec<u8>, text: &[u8]) {
    out.push(u8::try_from(text.len()).expect("short string"));
    out.extend_from_slice(text);
}

/// Why the server closed the connection: its reply code and text.
fn close_reason(args: &[u8]) -> io::Error {
    let code = u16::from_be_bytes([args[0], args[1]]);
    let len = usize::from(args[2]);
    let text = String::from_utf8_lossy(&args[3..3 + len]);
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("server closed the connection: {code} {text}"),
    )
}

/// Logs in with PLAIN and opens `vhost`; `Ok` once the server has
/// confirmed the vhost (`Connection.Open-Ok`).
pub(crate) fn amqp_open(
    mut stream: Box<dyn Stream>,
    user: &str,
    password: &str,
    vhost: &str,
) -> io::Result<()> {
    let stream = stream.as_mut();
    stream.write_all(b"AMQP\x00\x00\x09\x01")?;
    let (class, method, _) = read_frame(stream)?;
    assert_eq!((class, method), (10, 10), "Connection.Start");

    let mut start_ok = Vec::new();
    // Client properties: a table naming the capability that makes the
    // server say why a login failed instead of only closing the socket.
    let mut capabilities = Vec::new();
    short_string(&mut capabilities, b"authentication_failure_close");
    capabilities.extend_from_slice(b"t\x01");
    let mut properties = Vec::new();
    short_string(&mut properties, b"capabilities");
    properties.push(b'F');
    properties.extend_from_slice(&u32::try_from(capabilities.len()).unwrap().to_be_bytes());
    properties.extend_from_slice(&capabilities);
    start_ok.extend_from_slice(&u32::try_from(properties.len()).unwrap().to_be_bytes());
    start_ok.extend_from_slice(&properties);
    short_string(&mut start_ok, b"PLAIN");
    let response = format!("\0{user}\0{password}");
    start_ok.extend_from_slice(&u32::try_from(response.len()).unwrap().to_be_bytes());
    start_ok.extend_from_slice(response.as_bytes());
    short_string(&mut start_ok, b"en_US");
    write_method(stream, 10, 11, &start_ok)?;

    let (class, method, args) = read_frame(stream)?;
    match (class, method) {
        (10, 30) => {}
        (10, 50) => return Err(close_reason(&args)),
        other => return Err(io::Error::other(format!("unexpected method {other:?}"))),
    }
    // Tune-Ok: the server's channel and frame limits, no heartbeat.
    let mut tune_ok = args[..6].to_vec();
    tune_ok.extend_from_slice(&[0, 0]);
    write_method(stream, 10, 31, &tune_ok)?;

    let mut open = Vec::new();
    short_string(&mut open, vhost.as_bytes());
    short_string(&mut open, b"");
    open.push(0);
    write_method(stream, 10, 40, &open)?;
    let (class, method, args) = read_frame(stream)?;
    match (class, method) {
        (10, 41) => {}
        (10, 50) => return Err(close_reason(&args)),
        other => return Err(io::Error::other(format!("unexpected method {other:?}"))),
    }
    let mut close = Vec::new();
    close.extend_from_slice(&200u16.to_be_bytes());
    short_string(&mut close, b"bye");
    close.extend_from_slice(&[0, 0, 0, 0]);
    write_method(stream, 10, 50, &close)?;
    Ok(())
}

// ---- SHA-1 (FIPS 180-4), for mysql_native_password ----------------------

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = data.to_vec();
    let bits = u64::try_from(data.len()).expect("short input") * 8;
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bits.to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[test]
fn sha1_of_the_standard_examples() {
    let hex = |bytes: [u8; 20]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    assert_eq!(
        hex(sha1(b"abc")),
        "a9993e364706816aba3e25717850c26c9cd0d89d"
    );
    assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assert_eq!(
        hex(sha1(
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        )),
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
    );
}
