//! lldap's environment, loaded with twelve-config (see `ported/lldap.rs`).
//!
//! ```sh
//! LLDAP_JWT_SECRET=change-me LLDAP_LDAP_BASE_DN=dc=example,dc=org \
//! cargo run -p twelve-config-examples --bin lldap
//! ```

#[path = "ported/lldap.rs"]
mod config;

use twelve_config::Config;

fn main() {
    let settings = config::Lldap::load_or_exit();
    println!("{settings:#?}");
}
