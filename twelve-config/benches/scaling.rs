//! How the cost of a load grows with the size of its input.
//!
//! Measures list parsing at 1k, 10k and 100k items, and loads (with the
//! unknown-variable scan, and without a prefix with the near-miss check)
//! at 100, 10k and 100k variables in the source, and
//! prints the time per item at each size and its growth from the smallest
//! size. Linear work keeps the time per item flat (growth near 1x); a
//! quadratic step would multiply it by the size ratio (100x or 1000x).
//!
//! `cargo bench -p twelve-config --bench scaling` runs it; add `-- --smoke`
//! for a run of a few seconds that only shows the shape.

use std::hint::black_box;
use std::time::{Duration, Instant};

use twelve_config::{Config, Vars};

/// A service configuration of typical size, with a prefix so that every
/// variable of the source is scanned for unknown names.
#[derive(Config, Debug)]
#[config(prefix = "APP_")]
#[allow(dead_code)]
struct Service {
    #[config(default = 8080)]
    port: u16,
    #[config(default = "localhost")]
    host: String,
    #[config(default = "30s")]
    timeout: Duration,
    #[config(default = "")]
    ids: Vec<u64>,
    #[config(default = "")]
    tags: Vec<String>,
    level: Option<String>,
    workers: Option<u32>,
    ratio: Option<f64>,
}

/// The same settings without a prefix: every variable of the source is
/// checked for near misses of the known names.
#[derive(Config, Debug)]
#[allow(dead_code)]
struct Bare {
    #[config(default = 8080)]
    port: u16,
    #[config(default = "localhost")]
    host_name: String,
    #[config(default = "30s")]
    request_timeout: Duration,
    signups_allowed: Option<bool>,
    database_url: Option<String>,
    log_level: Option<String>,
}

/// Runs `f` until `budget` is spent (at least `min_runs` times) and returns
/// the fastest run, the figure least disturbed by other work on the machine.
fn fastest(budget: Duration, min_runs: u32, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < min_runs || start.elapsed() < budget {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
    }
    best
}

/// Prints one series: time per item at each size and growth from the first.
fn report(title: &str, unit: &str, series: &[(usize, Duration)]) {
    println!("{title}");
    let base = series[0].1.as_secs_f64() / series[0].0 as f64;
    for &(n, time) in series {
        let per = time.as_secs_f64() / n as f64;
        println!(
            "  {n:>7} {unit:<10} {:>10.3} ms total  {:>8.1} ns/{unit}  growth {:.2}x",
            time.as_secs_f64() * 1e3,
            per * 1e9,
            per / base
        );
    }
}

fn main() {
    let smoke = std::env::args().any(|a| a == "--smoke");
    let (budget, min_runs) = if smoke {
        (Duration::from_millis(150), 1)
    } else {
        (Duration::from_secs(2), 5)
    };

    let mut lists = Vec::new();
    for n in [1_000, 10_000, 100_000] {
        // Half the items escape the separator, to take the slow path too.
        let numbers = (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        let words = (0..n)
            .map(|i| format!("tag\\,{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let vars = Vars::new([("APP_IDS", numbers), ("APP_TAGS", words)]);
        let time = fastest(budget, min_runs, || {
            let config = Service::from_source(&vars).expect("the lists parse");
            assert_eq!(config.ids.len(), n);
            black_box(config);
        });
        lists.push((n * 2, time));
    }
    report("list parsing (two lists of n/2 items)", "item", &lists);

    let mut loads = Vec::new();
    for n in [100, 10_000, 100_000] {
        // Unknown variables under the prefix (each gets a suggestion search)
        // and variables of other programs, half and half.
        let vars = Vars::new((0..n).map(|i| {
            let name = if i % 2 == 0 {
                format!("APP_EXTRA_{i}")
            } else {
                format!("OTHER_{i}")
            };
            (name, i.to_string())
        }));
        let time = fastest(budget, min_runs, || {
            let loaded = Service::load(&vars).expect("the defaults load");
            assert_eq!(loaded.warnings().len(), n / 2);
            black_box(loaded);
        });
        loads.push((n, time));
    }
    report("load with the unknown-variable scan", "variable", &loads);

    let mut bare = Vec::new();
    for n in [100, 10_000, 100_000] {
        // Variables of other programs, and one near miss of a known name.
        let vars = Vars::new(
            (0..n)
                .map(|i| (format!("OTHER_SETTING_{i}"), i.to_string()))
                .chain([("SIGNUPS_ALOWED".to_owned(), "true".to_owned())]),
        );
        let time = fastest(budget, min_runs, || {
            let loaded = Bare::load(&vars).expect("the defaults load");
            assert_eq!(loaded.warnings().len(), 1);
            black_box(loaded);
        });
        bare.push((n, time));
    }
    report(
        "load without a prefix, near misses checked",
        "variable",
        &bare,
    );
}
