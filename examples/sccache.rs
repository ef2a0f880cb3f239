//! sccache's environment, loaded with twelve-config (see
//! `ported/sccache/mod.rs`).
//!
//! ```sh
//! SCCACHE_BUCKET=ci-cache SCCACHE_REGION=auto SCCACHE_CACHE_SIZE=2G \
//! cargo run -p twelve-config-examples --bin sccache
//! ```

#[path = "ported/sccache/mod.rs"]
mod config;

use twelve_config::Config;

fn main() {
    let settings = config::Sccache::load_or_exit();
    println!("{settings:#?}");
}
