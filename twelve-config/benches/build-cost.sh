#!/usr/bin/env bash
# Build cost of a service using twelve-config, next to the alternatives.
#
# Generates throwaway cargo projects under a temporary directory (removed at
# the end; nothing is written into this repository), each a minimal service
# that loads the same 50-field configuration as the load benchmark
# (benches/load/reference.rs) from the process environment and prints one
# field:
#
#   twelve-config          path dependency on this workspace, default features
#   twelve-config-no-url   the same with default-features = false: no URL
#                          types (no url/IDNA) and no `cli` feature, so
#                          load_or_exit loads, reports and exits, answering
#                          no flag
#   no-url-cli             default-features = false, features = ["cli"]:
#                          load_or_exit with its flags (size only)
#   no-url-from-env        default-features = false, calling from_env and
#                          printing the report itself, as the envy service
#                          does (size only)
#   declared-set           the dependency set the project was planned with, built
#                          alone: serde, thiserror, secrecy, url and
#                          humantime-serde, with syn, quote and proc-macro2 from
#                          an empty proc-macro crate (built for the host as a
#                          derive's are); the baseline of the default build's
#                          target
#   deps-only              twelve-config's actual dependencies built alone, the
#                          same way: the runtime's from main, the derive's from
#                          the empty proc-macro crate; a stricter floor
#   hand-written           std::env::var per field + FromStr, humantime for
#                          durations (the only dependency)
#   envy                   #[derive(serde::Deserialize)] + envy, humantime-serde
#                          for durations
#
# and, for what adding a configuration crate to an existing service costs,
# three services that already build serde's derive (one struct deriving
# Deserialize) and three that also build `url` (parsing one URL):
#
#   serde-base             serde with `derive`, no configuration crate
#   serde+twelve-config    the same plus twelve-config, default-features = false,
#                          loading the 50 fields with load_or_exit
#   serde+envy             the same plus envy and humantime-serde
#   url-base               serde with `derive`, and url
#   url+twelve-config      the same plus twelve-config, default features
#   url+envy               the same plus envy and humantime-serde
#
# The marginal cost of a configuration crate is its service's cold build
# less the base service's, the medians' difference; the range is that of
# the same ratio computed in each run of the interleaved rounds.
#
# For each it reports:
#   cold      wall time of `cargo build --release` into an empty target dir
#             (crates already downloaded), median of RUNS runs, interleaved
#   crates    compilation units in that build
#   rebuild   wall time of the dev-profile `cargo build` after a one-line edit
#             of the configuration struct (one field's type u16 <-> u32),
#             median of EDITS edits, interleaved across the contenders
#   size      the stripped release binary, in bytes
#
# Usage:  twelve-config/benches/build-cost.sh            (RUNS=3, EDITS=7 by default)
#         RUNS=1 EDITS=3 twelve-config/benches/build-cost.sh   (quicker, noisier)
#         ONLY=marginal ...        (the marginal contenders, the default-features =
#                                   false service and envy: marginal cost and size)
#         KEEP=1 ...                                     (keep the temp dir)
#
# Needs cargo, strip (binutils) and network access to crates.io on the first
# run. Time figures depend on the machine and on what else it runs: compare
# the rows of one run, not runs of different days.
set -euo pipefail

RUNS="${RUNS:-3}"
EDITS="${EDITS:-7}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
crate_dir="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/twelve-config-build-cost.XXXXXX")"
if [[ -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work"
fi

marginal=(serde-base serde+twelve-config serde+envy url-base url+twelve-config url+envy)
if [[ "${ONLY:-}" == marginal ]]; then
    contenders=(twelve-config-no-url envy "${marginal[@]}")
else
    contenders=(twelve-config twelve-config-no-url no-url-cli no-url-from-env declared-set deps-only hand-written envy "${marginal[@]}")
fi
# Built cold only: no rebuild after an edit is timed for these.
cold_only=" deps-only declared-set no-url-from-env no-url-cli ${marginal[*]} "
has() { [[ " ${contenders[*]} " == *" $1 "* ]]; }

# --- the configuration, three ways -------------------------------------------

strings=(service_name environment region zone cluster namespace pod_name node_name
    log_level log_format database_host database_name database_user cache_host
    queue_name topic_name bucket_name tracing_endpoint metrics_prefix api_base_path)
ints=("http_port:u16" "grpc_port:u16" "admin_port:u16" "worker_threads:usize"
    "max_connections:u32" "max_body_bytes:u64" "queue_depth:u32" "retry_limit:u8"
    "batch_size:u32" "cache_capacity:u64")
bools=(debug tracing_enabled metrics_enabled compression read_only)
durations=(request_timeout idle_timeout shutdown_grace retry_backoff cache_ttl)
options=(sentry_dsn proxy_url feature_flags_source maintenance_message build_id)
lists=(allowed_origins trusted_proxies admin_users enabled_features kafka_brokers)

upper() { tr '[:lower:]' '[:upper:]' <<<"$1"; }

# Field declarations; $1 is the attribute written before each Duration field.
fields() {
    local duration_attr="$1" f
    for f in "${strings[@]}"; do echo "    pub $f: String,"; done
    for f in "${ints[@]}"; do echo "    pub ${f%%:*}: ${f##*:},"; done
    for f in "${bools[@]}"; do echo "    pub $f: bool,"; done
    for f in "${durations[@]}"; do
        [[ -n "$duration_attr" ]] && echo "    $duration_attr"
        echo "    pub $f: std::time::Duration,"
    done
    for f in "${options[@]}"; do echo "    pub $f: Option<String>,"; done
    for f in "${lists[@]}"; do echo "    pub $f: Vec<String>,"; done
}

main_rs_twelve_config() {
    cat <<'EOF'
use twelve_config::Config;

/// Settings of the service.
#[derive(Config, Debug)]
#[config(prefix = "APP_")]
pub struct Settings {
EOF
    fields ""
    cat <<'EOF'
}

fn main() {
    let settings = Settings::load_or_exit();
    println!("{}", settings.http_port);
}
EOF
}

main_rs_twelve_config_from_env() {
    main_rs_twelve_config | sed '/^fn main() {$/,$d'
    cat <<'EOF'
fn main() {
    match Settings::from_env() {
        Ok(settings) => println!("{}", settings.http_port),
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(78);
        }
    }
}
EOF
}

main_rs_envy() {
    cat <<'EOF'
#[derive(serde::Deserialize, Debug)]
pub struct Settings {
EOF
    fields '#[serde(with = "humantime_serde")]'
    cat <<'EOF'
}

fn main() {
    match envy::prefixed("APP_").from_env::<Settings>() {
        Ok(settings) => println!("{}", settings.http_port),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(78);
        }
    }
}
EOF
}

main_rs_hand_written() {
    cat <<'EOF'
use std::env;

#[derive(Debug)]
pub struct Settings {
EOF
    fields ""
    cat <<'EOF'
}

fn var(name: &str) -> Result<String, String> {
    env::var(name).map_err(|e| format!("{name}: {e}"))
}

fn parse<T: std::str::FromStr>(name: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    var(name)?.parse().map_err(|e| format!("{name}: {e}"))
}

fn boolean(name: &str) -> Result<bool, String> {
    match var(name)?.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(format!("{name}: not a boolean")),
    }
}

fn duration(name: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(&var(name)?).map_err(|e| format!("{name}: {e}"))
}

fn list(name: &str) -> Result<Vec<String>, String> {
    Ok(var(name)?.split(',').map(|i| i.trim().to_owned()).collect())
}

fn load() -> Result<Settings, String> {
    Ok(Settings {
EOF
    local f
    for f in "${strings[@]}"; do echo "        $f: var(\"APP_$(upper "$f")\")?,"; done
    for f in "${ints[@]}"; do echo "        ${f%%:*}: parse(\"APP_$(upper "${f%%:*}")\")?,"; done
    for f in "${bools[@]}"; do echo "        $f: boolean(\"APP_$(upper "$f")\")?,"; done
    for f in "${durations[@]}"; do echo "        $f: duration(\"APP_$(upper "$f")\")?,"; done
    for f in "${options[@]}"; do echo "        $f: env::var(\"APP_$(upper "$f")\").ok(),"; done
    for f in "${lists[@]}"; do echo "        $f: list(\"APP_$(upper "$f")\")?,"; done
    cat <<'EOF'
    })
}

fn main() {
    match load() {
        Ok(settings) => println!("{}", settings.http_port),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(78);
        }
    }
}
EOF
}

# What the base services do before the configuration is loaded: something
# that needs serde's derive, and with $1 = url, a URL parsed.
base_items() {
    cat <<'EOF2'
/// A message the service would receive.
#[derive(serde::Deserialize, Debug)]
pub struct Message {
    pub id: u64,
    pub body: String,
    pub tags: Vec<String>,
}

fn base() {
    println!("{}", std::mem::size_of::<Message>());
EOF2
    if [[ "$1" == url ]]; then
        echo '    let url = url::Url::parse(&std::env::args().nth(1).unwrap_or_default());'
        echo '    println!("{}", url.is_ok());'
    fi
    echo '}'
    echo
}

# A marginal contender's main.rs: $1 = serde | url, $2 = base | twelve-config | envy.
main_rs_marginal() {
    base_items "$1"
    case "$2" in
    base) printf 'fn main() {
    base();
}
' ;;
    twelve-config) main_rs_twelve_config | sed 's/^fn main() {$/fn main() {\n    base();/' ;;
    envy) main_rs_envy | sed 's/^fn main() {$/fn main() {\n    base();/' ;;
    esac
}

# The [dependencies] lines of a manifest, less twelve-config's own crates,
# optional ones made plain.
dependency_lines() {
    sed -n '/^\[dependencies\]/,/^\[/p' "$1" |
        grep -E '^[a-z0-9_-]+ *=' | grep -v '^twelve-config' |
        sed -E 's/, *optional *= *true//'
}

# An empty proc-macro crate with the derive's dependencies.
generate_empty_macro() {
    local dir="$1/macro"
    mkdir -p "$dir/src"
    {
        printf '[package]\nname = "empty-macro"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        printf '[lib]\nproc-macro = true\n\n[dependencies]\n'
        dependency_lines "$crate_dir/../twelve-config-derive/Cargo.toml"
    } >"$dir/Cargo.toml"
    : >"$dir/src/lib.rs"
}

# A contender's package (and binary) name: cargo allows no `+`.
package() { echo "${1//+/-}"; }

generate() {
    local name="$1" dir="$work/$1"
    mkdir -p "$dir/src"
    {
        printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n' "$(package "$name")"
        echo '[workspace]'
        echo
        echo '[dependencies]'
        case "$name" in
        twelve-config)
            echo "twelve-config = { path = \"$crate_dir\" }"
            ;;
        twelve-config-no-url | no-url-from-env)
            echo "twelve-config = { path = \"$crate_dir\", default-features = false }"
            ;;
        no-url-cli)
            echo "twelve-config = { path = \"$crate_dir\", default-features = false, features = [\"cli\"] }"
            ;;
        declared-set)
            echo 'serde = "1"'
            echo 'thiserror = "2"'
            echo 'secrecy = "0.10"'
            echo 'url = "2.5"'
            echo 'humantime-serde = "1"'
            echo 'empty-macro = { path = "macro" }'
            generate_empty_macro "$dir"
            ;;
        deps-only)
            dependency_lines "$crate_dir/../twelve-config-core/Cargo.toml"
            echo 'empty-macro = { path = "macro" }'
            generate_empty_macro "$dir"
            ;;
        hand-written)
            echo 'humantime = "2.1"'
            ;;
        envy)
            echo 'envy = "0.4"'
            echo 'serde = { version = "1", features = ["derive"] }'
            echo 'humantime-serde = "1"'
            ;;
        serde-* | serde+* | url-* | url+*)
            echo 'serde = { version = "1", features = ["derive"] }'
            [[ "$name" == url* ]] && echo 'url = "2.5"'
            case "$name" in
            serde+twelve-config)
                echo "twelve-config = { path = \"$crate_dir\", default-features = false }"
                ;;
            url+twelve-config)
                echo "twelve-config = { path = \"$crate_dir\" }"
                ;;
            *+envy)
                echo 'envy = "0.4"'
                echo 'humantime-serde = "1"'
                ;;
            esac
            ;;
        esac
    } >"$dir/Cargo.toml"
    case "$name" in
    twelve-config | twelve-config-no-url | no-url-cli) main_rs_twelve_config ;;
    no-url-from-env) main_rs_twelve_config_from_env ;;
    declared-set | deps-only) printf 'fn main() {\n    println!("0");\n}\n' ;;
    hand-written) main_rs_hand_written ;;
    envy) main_rs_envy ;;
    serde-base) main_rs_marginal serde base ;;
    url-base) main_rs_marginal url base ;;
    serde+* | url+*) main_rs_marginal "${name%%+*}" "${name#*+}" ;;
    esac >"$dir/src/main.rs"
    # Pin the versions this workspace builds with; the others resolve anew.
    if [[ -f "$crate_dir/../Cargo.lock" ]]; then
        cp "$crate_dir/../Cargo.lock" "$dir/Cargo.lock"
    fi
    (cd "$dir" && cargo fetch -q)
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A cold_times cold_runs crates size rebuild_times

for name in "${contenders[@]}"; do
    generate "$name"
done

# Cold release builds, interleaved so a busy moment hits every contender.
for run in $(seq "$RUNS"); do
    for name in "${contenders[@]}"; do
        dir="$work/$name"
        rm -rf "$dir/target"
        start=$(now)
        (cd "$dir" && cargo build --release --offline 2>"$dir/build.log")
        end=$(now)
        took=$(elapsed "$start" "$end")
        cold_times[$name]+="$took "
        crates[$name]=$(grep -c '^ *Compiling ' "$dir/build.log" || true)
        cold_runs[$name,$run]=$took
        cp "$dir/target/release/$(package "$name")" "$dir/stripped"
        strip "$dir/stripped"
        size[$name]=$(wc -c <"$dir/stripped")
        echo "run $run/$RUNS: $name cold ${took}s, ${crates[$name]} crates, ${size[$name]} bytes stripped" >&2
    done
done

# The edit-compile loop: a dev build, then one-line edits of the struct,
# interleaved across the contenders: sub-second times are easily moved by
# what else the machine does.
rebuilt=()
for name in "${contenders[@]}"; do
    [[ "$cold_only" == *" $name "* ]] && continue
    (cd "$work/$name" && cargo build --offline -q 2>/dev/null)
    rebuilt+=("$name")
done
for edit in $(seq "$EDITS"); do
    for name in "${rebuilt[@]}"; do
        dir="$work/$name"
        if grep -q 'pub http_port: u16,' "$dir/src/main.rs"; then
            sed -i 's/pub http_port: u16,/pub http_port: u32,/' "$dir/src/main.rs"
        else
            sed -i 's/pub http_port: u32,/pub http_port: u16,/' "$dir/src/main.rs"
        fi
        start=$(now)
        (cd "$dir" && cargo build --offline -q 2>/dev/null)
        end=$(now)
        rebuild_times[$name]+="$(elapsed "$start" "$end") "
    done
done

cold_median() { tr ' ' '\n' <<<"${cold_times[$1]}" | grep . | median; }
rebuild_median() { tr ' ' '\n' <<<"${rebuild_times[$1]:-}" | grep . | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# Sizes differ by fractions of a percent: three decimals.
ratio3() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }'; }

envy_cold=$(cold_median envy)
envy_rebuild=$(rebuild_median envy)
envy_size=${size[envy]}

echo
echo "Build cost, $(date -u +%Y-%m-%d), $(nproc) cores, $(rustc --version)"
echo "cold = median of $RUNS cold release builds; rebuild = median of $EDITS dev rebuilds after a one-line edit"
printf '%-22s %9s %7s %7s %10s %7s %12s %7s\n' contender "cold (s)" "/envy" crates "rebuild(s)" "/envy" "stripped (B)" "/envy"
for name in "${contenders[@]}"; do
    cold=$(cold_median "$name")
    if [[ "$cold_only" == *" $name "* ]]; then
        rb="-"
        rb_ratio="-"
    else
        rb=$(rebuild_median "$name")
        rb_ratio=$(ratio "$rb" "$envy_rebuild")
    fi
    printf '%-22s %9s %7s %7s %10s %7s %12s %7s\n' "$name" "$cold" "$(ratio "$cold" "$envy_cold")" \
        "${crates[$name]}" "$rb" "$rb_ratio" "${size[$name]}" "$(ratio3 "${size[$name]}" "$envy_size")"
done
echo
if has declared-set; then
    echo "twelve-config (default) / declared-set cold: $(ratio "$(cold_median twelve-config)" "$(cold_median declared-set)") (target <= 1.10)"
    echo "twelve-config (default) / deps-only cold:    $(ratio "$(cold_median twelve-config)" "$(cold_median deps-only)") (no target: the stricter floor)"
    echo "twelve-config / envy rebuild:                $(ratio "$(rebuild_median twelve-config)" "$envy_rebuild") (target <= 1.00)"
fi
echo "twelve-config-no-url / envy cold:            $(ratio "$(cold_median twelve-config-no-url)" "$envy_cold") (no target: the marginal cost below is the measure)"
echo "twelve-config-no-url / envy size:            $(ratio3 "${size[twelve-config-no-url]}" "$envy_size") (target <= 1.05)"
if has no-url-from-env; then
    echo "no-url-from-env / envy size:                 $(ratio3 "${size[no-url-from-env]}" "$envy_size") (from_env and its own print, as envy's)"
    echo "no-url-cli / envy size:                      $(ratio3 "${size[no-url-cli]}" "$envy_size") (no target: load_or_exit with its flags)"
fi

# What adding the crate costs a service that already builds its base: the
# medians' difference, and the ratio of the two additions in each run.
added() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
marginal_ratio() { # $1 base, $2 twelve-config service, $3 envy service
    local base tc envy per_run=() run
    base=$(cold_median "$1")
    tc=$(added "$(cold_median "$2")" "$base")
    envy=$(added "$(cold_median "$3")" "$base")
    for run in $(seq "$RUNS"); do
        per_run+=("$(ratio "$(added "${cold_runs[$2,$run]}" "${cold_runs[$1,$run]}")" \
            "$(added "${cold_runs[$3,$run]}" "${cold_runs[$1,$run]}")")")
    done
    local range
    # A run where envy added nothing measurable has no ratio ("-").
    range=$(printf '%s\n' "${per_run[@]}" | grep -vx -- - | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo " to " hi }')
    echo "+${tc}s against envy's +${envy}s over ${base}s: $(ratio "$tc" "$envy") (runs: $range)"
}
echo
echo "Added to a service that builds serde's derive (cold release build):"
echo "  twelve-config, default-features = false: $(marginal_ratio serde-base serde+twelve-config serde+envy) (target <= 1.50)"
echo "Added to a service that builds serde's derive and url:"
echo "  twelve-config, default features:         $(marginal_ratio url-base url+twelve-config url+envy) (target <= 3.00)"
