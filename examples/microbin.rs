//! MicroBin's environment, loaded with twelve-config (see
//! `ported/microbin.rs`).
//!
//! ```sh
//! MICROBIN_PORT=9000 MICROBIN_MAX_FILE_SIZE_ENCRYPTED_MB=64 \
//! cargo run -p twelve-config-examples --bin microbin
//! ```

#[path = "ported/microbin.rs"]
mod config;

use twelve_config::Config;

fn main() {
    let settings = config::Microbin::load_or_exit();
    println!("{settings:#?}");
}
