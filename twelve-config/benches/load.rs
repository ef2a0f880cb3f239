//! Load-time benchmark: `from_env` against a hand-written loader.
//!
//! The reference configuration has 50 fields (20 `String`, 10 integers,
//! 5 `bool`, 5 `Duration` in humantime syntax, 5 `Option<String>` of which 3
//! are set, 5 comma-separated `Vec<String>`), every variable prefixed `APP_`.
//! The hand-written contender calls `std::env::var` once per field and parses
//! with `FromStr` (humantime for durations), which is what a service without
//! a configuration library writes.
//!
//! The process environment is never changed in place: for each environment
//! size E (100 and 5,000 variables, the rest Kubernetes-style padding such as
//! `ORDERS_SERVICE_HOST`) the benchmark runs itself again with exactly those
//! variables (`Command::env_clear().envs(...)`), and that child measures.
//! Contenders are interleaved: every round times one batch of each, in a
//! rotating order, so a slow moment of a shared machine hits all of them.
//! Medians of the per-call times and their ratios are printed, with the
//! allocations of one call counted by a counting global allocator.
//!
//! Each E is measured in several processes, and the ratio reported is the
//! median of their ratios. One process is one draw of the stack's layout,
//! which the kernel randomises at every start, and a look-up's cost depends
//! on it: glibc's `getenv` compares names with a vector `strncmp` that takes
//! a slower path when the name buffer on the stack lies near the end of a
//! page. At E = 100 that alone moves either loader by several percent from
//! one process to the next; the spread is printed with the median.
//!
//! ```sh
//! cargo bench -p twelve-config --bench load             # full run, a few minutes
//! cargo bench -p twelve-config --bench load -- --smoke  # a few seconds, for CI
//! ```
//!
//! `TWELVE_CONFIG_BENCH_SMOKE=1` selects the smoke mode too. To profile one
//! contender, run the binary as a child by hand, in an environment of your
//! choosing: `load-<hash> --child 100 --profile from_env` loops over
//! `from_env` for three seconds (the environment's size is then not checked).
//! `--loads N` makes that exactly N calls instead, for an instruction count:
//! callgrind's total for N = 1,000 less its total for N = 0 is the cost of
//! 1,000 loads, the process's start and checks taken out. `--print-env E`
//! prints the environment of size E, one `NAME=value` a line, to start
//! such a child with (`env -i`).
//!
//! Either mode exits
//! with an error when the two loaders disagree on the loaded values or when a
//! successful `from_env` allocates more than the hand-written loader plus a
//! small constant: allocation counts are exact, unlike times, so they are
//! checked; the time ratios are reported.

use std::alloc::System;
use std::ffi::OsString;
use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use twelve_config::{Config, Source, Vars};

use self::reference::{all_names, environment, hand_written, invalid_value, Settings};

// Under `load/`, so that cargo does not take it for a benchmark of its own.
#[path = "load/reference.rs"]
mod reference;

// The counting allocator is a dependency's: the workspace forbids unsafe
// code, and implementing `GlobalAlloc` needs it.
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Allocator calls a successful `from_env` may make beyond the hand-written
/// loader's: the walker's prefix and name buffers.
const ALLOCATION_ALLOWANCE: usize = 4;

/// Environment sizes measured.
const SIZES: [usize; 2] = [100, 5_000];

/// Processes, each with its own stack layout, that measure each size.
const PROCESSES: usize = 7;

/// The target for `from_env` against the hand-written loader.
const TARGET_RATIO: f64 = 1.05;

/// How long to measure.
#[derive(Clone, Copy)]
struct Plan {
    rounds: usize,
    batch: Duration,
}

impl Plan {
    fn new(smoke: bool) -> Self {
        if smoke {
            Plan {
                rounds: 5,
                batch: Duration::from_micros(300),
            }
        } else {
            Plan {
                rounds: 61,
                batch: Duration::from_millis(3),
            }
        }
    }
}

/// One thing measured: a name and a call that returns something to keep.
struct Contender<'a> {
    name: &'static str,
    run: Box<dyn FnMut() -> usize + 'a>,
    iterations: u32,
    samples: Vec<f64>,
    allocations: usize,
    bytes: usize,
}

impl<'a> Contender<'a> {
    fn new(name: &'static str, run: impl FnMut() -> usize + 'a) -> Self {
        Contender {
            name,
            run: Box::new(run),
            iterations: 1,
            samples: Vec::new(),
            allocations: 0,
            bytes: 0,
        }
    }

    /// Counts one call's allocator calls, and sizes the batch.
    fn prepare(&mut self, plan: Plan) {
        black_box((self.run)());
        let region = Region::new(GLOBAL);
        black_box((self.run)());
        let change = region.change();
        self.allocations = change.allocations + change.reallocations;
        self.bytes = change.bytes_allocated;
        let start = Instant::now();
        let mut calls = 0u32;
        while start.elapsed() < plan.batch / 4 || calls < 4 {
            black_box((self.run)());
            calls += 1;
        }
        let per_call = start.elapsed().as_secs_f64() / f64::from(calls);
        self.iterations = ((plan.batch.as_secs_f64() / per_call) as u32).max(1);
    }

    fn sample(&mut self) {
        let start = Instant::now();
        for _ in 0..self.iterations {
            black_box((self.run)());
        }
        let nanos = start.elapsed().as_secs_f64() * 1e9 / f64::from(self.iterations);
        self.samples.push(nanos);
    }
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

/// Times the contenders in interleaved rounds; returns medians in ns.
fn measure(plan: Plan, contenders: &mut [Contender<'_>]) -> Vec<f64> {
    for contender in contenders.iter_mut() {
        contender.prepare(plan);
    }
    let n = contenders.len();
    for round in 0..plan.rounds {
        for k in 0..n {
            contenders[(round + k) % n].sample();
        }
    }
    contenders.iter().map(|c| median(&c.samples)).collect()
}

/// Median of the per-round ratios `a / b`: robust when the machine's speed
/// changes between rounds.
fn paired_ratio(a: &Contender<'_>, b: &Contender<'_>) -> f64 {
    let ratios: Vec<f64> = a
        .samples
        .iter()
        .zip(&b.samples)
        .map(|(x, y)| x / y)
        .collect();
    median(&ratios)
}

fn format_time(nanos: f64) -> String {
    if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.2} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    }
}

fn print_table(contenders: &[Contender<'_>], medians: &[f64], base: usize) {
    println!(
        "  {:<34} {:>10} {:>8} {:>8} {:>7} {:>9}",
        "contender", "median", "ratio", "paired", "allocs", "bytes"
    );
    for (contender, &time) in contenders.iter().zip(medians) {
        println!(
            "  {:<34} {:>10} {:>8.2} {:>8.2} {:>7} {:>9}",
            contender.name,
            format_time(time),
            time / medians[base],
            paired_ratio(contender, &contenders[base]),
            contender.allocations,
            contender.bytes,
        );
    }
}

/// Runs one measuring process for `size` variables, its output shown but
/// for the ratio line, which is returned.
fn run_child(exe: &std::path::Path, size: usize, smoke: bool, table: bool) -> Result<f64, String> {
    let mut command = Command::new(exe);
    command.arg("--child").arg(size.to_string());
    if smoke {
        command.arg("--smoke");
    }
    if table {
        command.arg("--table");
    }
    command.env_clear().envs(environment(size));
    let output = command
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run the benchmark: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut ratio = None;
    for line in stdout.lines() {
        match line.strip_prefix("ratio ") {
            Some(value) => ratio = value.parse::<f64>().ok(),
            None => println!("{line}"),
        }
    }
    if !output.status.success() {
        return Err(format!("the measuring process failed ({})", output.status));
    }
    ratio.ok_or_else(|| "the measuring process reported no ratio".to_owned())
}

/// Runs inside the prepared environment of `size` variables; prints the
/// full table when `table` is set, and always a last line `ratio <r>` for
/// the parent.
fn child(
    size: usize,
    plan: Plan,
    table: bool,
    profile: Option<&str>,
    loads: Option<u64>,
) -> Result<(), String> {
    let actual = std::env::vars_os().count();
    if actual != size && profile.is_none() {
        return Err(format!(
            "expected {size} variables, the environment has {actual}"
        ));
    }
    let expected = hand_written()?;
    match Settings::from_env() {
        Ok(loaded) if loaded == expected => {}
        Ok(loaded) => return Err(format!("the loaders disagree:\n{loaded:#?}\n{expected:#?}")),
        Err(errors) => return Err(errors.to_string()),
    }

    let pairs: Vec<(OsString, OsString)> = std::env::vars_os().collect();
    let vars = Vars::new(pairs.iter().cloned());
    let names = all_names();
    let invalid_with = |problems: usize| -> Vars {
        let broken = &names[..problems];
        let mut vars: Vec<(OsString, OsString)> = pairs
            .iter()
            .filter(|(n, _)| !broken.iter().any(|b| n == b))
            .cloned()
            .collect();
        for name in broken {
            if let Some(value) = invalid_value(name) {
                vars.push(((*name).into(), value));
            }
        }
        Vars::new(vars)
    };
    let invalid = [invalid_with(10), invalid_with(25), invalid_with(50)];
    for (source, problems) in invalid.iter().zip([10, 25, 50]) {
        match Settings::from_source(source) {
            Err(errors) if errors.len() == problems => {}
            Err(errors) => {
                return Err(format!(
                    "expected {problems} problems, got {}:\n{errors}",
                    errors.len()
                ))
            }
            Ok(_) => return Err("an invalid environment loaded".to_owned()),
        }
    }

    let load = |source: &Vars| -> usize {
        match Settings::from_source(source) {
            Ok(settings) => settings.http_port as usize,
            Err(errors) => errors.len(),
        }
    };
    let mut contenders = vec![
        Contender::new("hand-written std::env::var", || {
            hand_written().map_or(0, |s| s.http_port as usize)
        }),
        Contender::new("from_env", || {
            Settings::from_env().map_or(0, |s| s.http_port as usize)
        }),
        Contender::new("from_vars (E pairs collected)", || {
            Settings::from_vars(pairs.iter().map(|(n, v)| (n.as_os_str(), v.as_os_str())))
                .map_or(0, |s| s.http_port as usize)
        }),
        Contender::new("from_source(&Vars)", || load(&vars)),
        Contender::new("from_source, 10 invalid", || load(&invalid[0])),
        Contender::new("from_source, 25 invalid", || load(&invalid[1])),
        Contender::new("from_source, 50 invalid", || load(&invalid[2])),
        Contender::new("50 invalid + report to_string", || {
            Settings::from_source(&invalid[2]).map_or_else(|e| e.to_string().len(), |_| 0)
        }),
    ];
    if let Some(name) = profile {
        // For a profiler: one contender, in a loop, for a few seconds.
        let Some(contender) = contenders.iter_mut().find(|c| c.name.starts_with(name)) else {
            return Err(format!("no contender is named {name:?}"));
        };
        if let Some(loads) = loads {
            for _ in 0..loads {
                black_box((contender.run)());
            }
            return Ok(());
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            black_box((contender.run)());
        }
        return Ok(());
    }
    let medians = measure(plan, &mut contenders);
    let (hand, ours) = (contenders[0].allocations, contenders[1].allocations);

    if table {
        println!(
            "  {} rounds, interleaved, in the first process:",
            plan.rounds
        );
        print_table(&contenders, &medians, 0);
        let vars_base = 3;
        println!(
            "  error path, 50 problems: {:.2}x a successful from_source(&Vars); per problem {} at 10, {} at 25, {} at 50",
            medians[6] / medians[vars_base],
            format_time((medians[4] - medians[vars_base]) / 10.0),
            format_time((medians[5] - medians[vars_base]) / 25.0),
            format_time((medians[6] - medians[vars_base]) / 50.0),
        );
        println!(
            "  allocator calls per successful load: hand-written {hand}, from_env {ours} (allowance +{ALLOCATION_ALLOWANCE})"
        );
    }
    println!("ratio {}", medians[1] / medians[0]);
    if ours > hand + ALLOCATION_ALLOWANCE {
        return Err(format!(
            "from_env makes {ours} allocator calls, more than the hand-written {hand} + {ALLOCATION_ALLOWANCE}"
        ));
    }
    // The source is a trait object; make sure the prebuilt map was used.
    black_box(vars.get("APP_HTTP_PORT"));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let smoke = args.iter().any(|a| a == "--smoke")
        || std::env::var_os("TWELVE_CONFIG_BENCH_SMOKE").is_some_and(|v| v == "1");
    let plan = Plan::new(smoke);
    if let Some(at) = args.iter().position(|a| a == "--print-env") {
        let size = args.get(at + 1).and_then(|s| s.parse().ok()).unwrap_or(0);
        for (name, value) in environment(size) {
            println!("{name}={value}");
        }
        return ExitCode::SUCCESS;
    }
    if let Some(at) = args.iter().position(|a| a == "--child") {
        let size = args.get(at + 1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let profile = args
            .iter()
            .position(|a| a == "--profile")
            .and_then(|at| args.get(at + 1))
            .map(String::as_str);
        let loads = args
            .iter()
            .position(|a| a == "--loads")
            .and_then(|at| args.get(at + 1))
            .and_then(|n| n.parse().ok());
        let table = args.iter().any(|a| a == "--table");
        return match child(size, plan, table, profile, loads) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }

    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("error: cannot find the benchmark's own executable: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "twelve-config load benchmark{}: 50-field configuration, medians per call",
        if smoke { " (smoke run)" } else { "" }
    );
    let processes = if smoke { 1 } else { PROCESSES };
    let mut failed = false;
    for size in SIZES {
        println!("E = {size} variables, {processes} process(es)");
        let mut ratios = Vec::new();
        for process in 0..processes {
            match run_child(&exe, size, smoke, process == 0) {
                Ok(ratio) => ratios.push(ratio),
                Err(message) => {
                    eprintln!("error: E = {size}: {message}");
                    failed = true;
                    break;
                }
            }
        }
        if ratios.is_empty() {
            continue;
        }
        let ratio = median(&ratios);
        let (low, high) = ratios
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), &r| (lo.min(r), hi.max(r)));
        let target = if ratio <= TARGET_RATIO {
            "met"
        } else {
            "MISSED"
        };
        println!(
            "  from_env / hand-written = {ratio:.3}, median of {} process(es), range {low:.3} to {high:.3} (target <= {TARGET_RATIO:.2}: {target})",
            ratios.len()
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
