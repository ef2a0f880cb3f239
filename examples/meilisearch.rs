//! Meilisearch's environment, loaded with twelve-config (see
//! `ported/meilisearch.rs`).
//!
//! ```sh
//! MEILI_ENV=production MEILI_MASTER_KEY=a-master-key-of-16-bytes-or-more \
//! cargo run -p twelve-config-examples --bin meilisearch
//! ```

#[path = "ported/meilisearch.rs"]
mod config;

use twelve_config::Config;

fn main() {
    let settings = config::Meilisearch::load_or_exit();
    println!("{settings:#?}");
}
