#!/usr/bin/env bash
# Mutation testing with cargo-mutants: each mutant is a small change to the
# code (a condition negated, a result replaced by a default, an operator
# swapped) that a test should notice. A mutant that builds and passes every
# test "survives": a bug of that shape would ship with a green CI.
#
#   .ci/mutants.sh full              the runtime, its lean build and the derive
#   .ci/mutants.sh runtime [K/N]     the runtime (shard K of N, round-robin)
#   .ci/mutants.sh lean              the runtime's code without the `cli` feature
#   .ci/mutants.sh derive [K/N]      the derive, against the behaviour suite
#   .ci/mutants.sh files PATH...     the runtime's mutants in these files only
#   .ci/mutants.sh ci                the bounded slice `.ci/run` calls (below)
#   .ci/mutants.sh tally RUN         the outcome of a run, counted (below)
#
# The tests run for a mutant: the runtime's unit tests (`--lib`) and the
# behaviour suite (`tests/behaviour`). The UI tests (trybuild) are left out:
# they check compile errors, which no runtime mutant changes, and each run
# costs minutes. Doc tests are left out too: they are examples, and each is
# a program to compile.
#
# Exclusions of equivalent and untestable mutants are in .cargo/mutants.toml,
# each with its reason. Code behind a platform `cfg` that is off here (such
# as `cfg(not(unix))`) is excluded by line below, since its mutants bear the
# same names as those of the function that is compiled. Code behind
# `cfg(not(feature = "cli"))` is compiled only without that feature: the
# `lean` run builds it so, and tests it through the examples' end-to-end
# tests of the quick start, which run it as a child process.
#
# The `ci` slice: the mutants in the runtime's lines changed since the
# merge base with main (`git merge-base HEAD main`), at most MUTANTS_CI_MAX
# (default 4) of them. When there are more, it takes a rotating shard, chosen by the day of
# the year, so that successive days cover all of them. On main itself, or
# when nothing mutable changed, it takes the day's shard of the whole
# runtime, cut to the same size. It fails when a mutant is missed. Each
# mutant costs one incremental build and one test run: 10 to 40 s on two
# cores shared with other builds, so the slice takes one to three minutes.
#
# Settings: MUTANTS_JOBS (default 1: the machine is shared; with more,
# each job builds in a target directory of its own), MUTANTS_OUT
# (default $CARGO_TARGET_DIR/mutants, so target/mutants), MUTANTS_TIMEOUT
# (seconds per test run, default 120; the tests take under 30 s, so a
# mutant that runs longer hangs), MUTANTS_BASE (default main),
# MUTANTS_CI_MAX (default 4), MUTANTS_RESUME (below).
#
# Results are in $MUTANTS_OUT/<run>/mutants.out: caught.txt, missed.txt,
# timeout.txt, unviable.txt, and a diff and log per mutant.
#
# A run can be stopped and resumed: with MUTANTS_RESUME=1 the runtime's
# runs skip the mutants that an earlier run of the same name, on the same
# sources, caught or found unviable (cargo-mutants' `--iterate`), and try
# the rest again. The whole runtime takes hours on two cores; resumed
# run after run, it is one full run, since a mutant's outcome depends only
# on the sources and the tests. What each earlier run caught is kept in
# $MUTANTS_OUT/<run>/earlier/, and `tally RUN` counts the whole.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never
# Each mutant is built in a copy of the tree; building it in the tree's own
# target directory reuses the dependencies that `cargo test` built.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
jobs="${MUTANTS_JOBS:-1}"
out="${MUTANTS_OUT:-$CARGO_TARGET_DIR/mutants}"
timeout="${MUTANTS_TIMEOUT:-120}"
base="${MUTANTS_BASE:-main}"

# cargo-mutants builds each job's mutants in its own copy of the tree. In a
# shared target directory cargo would build one copy at a time, so with
# more than one job each copy gets its own target directory (its first
# build compiles the dependencies once, a minute or two).
own_targets=()
if [ "$jobs" -gt 1 ]; then
  own_targets=(env -u CARGO_TARGET_DIR)
fi

if ! cargo mutants --version >/dev/null 2>&1; then
  cargo install --locked cargo-mutants
fi

# An awk function: the regex matching the names of the mutants in lines
# `from` to `to` of `file` (names start with `path:line:column:`).
awk_lines='
  function lines(file, from, to,   i, re) {
    re = "^" file ":(" from
    for (i = from + 1; i <= to; i++) re = re "|" i
    return re "):"
  }
'

# `--exclude-re` options for the items behind a `cfg` that is off on this
# platform, or off with the default features these runs build with
# (`not(feature = "dotenv")`, tested by `.ci/run` in a build without it),
# in the runtime's sources: a regex per item matching the names of the
# mutants in its lines (`path:line:`).
platform_gated() {
  local file
  for file in $(git ls-files 'twelve-config-core/src/*.rs'); do
    awk -v file="$file" "$awk_lines"'
      /^[[:space:]]*#\[cfg\((not\(unix\)|windows|target_os = "windows"|not\(feature = "dotenv"\))\)\]/ { start = NR; depth = 0; open = 0 }
      # A statement without a block ends at its `;`.
      start && !open && NR > start && !/\{/ && /;/ { printf "--exclude-re\n%s\n", lines(file, start, NR); start = 0 }
      start && !open && /\{/ { open = 1 }
      start && open {
        n = gsub(/\{/, "{"); m = gsub(/\}/, "}"); depth += n - m
        if (depth <= 0) { printf "--exclude-re\n%s\n", lines(file, start, NR); start = 0 }
      }
    ' "$file"
  done
}

# `--re` options for the items in cli/mod.rs behind a `cfg` attribute that
# the regex `$1` matches.
cfg_items() {
  awk -v file=twelve-config-core/src/cli/mod.rs -v attr="$1" "$awk_lines"'
    $0 ~ "^[[:space:]]*#\\[cfg\\(" attr { start = NR; depth = 0; open = 0 }
    start && !open && /\{/ { open = 1 }
    start && open {
      n = gsub(/\{/, "{"); m = gsub(/\}/, "}"); depth += n - m
      if (depth <= 0) { printf "--re\n%s\n", lines(file, start, NR); start = 0 }
    }
  ' twelve-config-core/src/cli/mod.rs
}

# `--re` options for the items behind `cfg(not(feature = "cli"))`.
lean_only() {
  cfg_items 'not\\(feature = "cli"\\)\\)\\]'
}

# Every item that needs the `cli` feature off, `cfg(not(feature = "cli"))`
# or `cfg(all(feature = "dotenv", not(feature = "cli")))`, as `--exclude-re`
# options for the runs with the default features, where none is compiled.
# (The second is compiled in no run: the lean build has no `dotenv`.)
lean_excluded() {
  cfg_items '.*not\\(feature = "cli"\\)' | sed 's/^--re$/--exclude-re/'
}

# cargo-mutants' own baseline (the tests on the unmutated tree, which also
# set the timeouts) runs only the mutated package's tests, ignoring
# `--test-package`, and fails on `--test behaviour`, a target of another
# package. So each run skips it, with a fixed timeout, and this runs the
# same tests on the unmutated tree first (`ci` relies on `.ci/run`, which
# has just run every test).
#
# Every mutant is built in the shared target directory, so a run that was
# killed leaves the build of its last mutant there, newer than the restored
# sources, and cargo would take it as up to date; a resumed run first
# cleans the workspace's own crates (the baseline then fails otherwise).
baseline() {
  if [ "${MUTANTS_RESUME:-0}" = 1 ]; then
    cargo clean --quiet --package twelve-config-core --package twelve-config-derive \
      --package twelve-config --package twelve-config-tests
  fi
  nice cargo test --package twelve-config-core --package twelve-config-tests \
    --lib --test behaviour
}

# cargo-mutants on the runtime with the default features: its unit tests
# and the behaviour suite. Extra arguments go to cargo-mutants.
runtime() {
  local name="$1"
  shift
  local exclude=() resume=()
  mapfile -t exclude < <(platform_gated; lean_excluded)
  if [ "${MUTANTS_RESUME:-0}" = 1 ]; then
    resume=(--iterate)
    keep_earlier "$out/$name"
  fi
  checked "$name" "${own_targets[@]}" nice cargo mutants --jobs "$jobs" --timeout "$timeout" \
    --baseline skip --copy-target=false --package twelve-config-core \
    --test-package twelve-config-core --test-package twelve-config-tests \
    --output "$out/$name" "${exclude[@]}" "${resume[@]}" "$@" \
    -- --lib --test behaviour
}

# Before a resumed run: cargo-mutants moves the last run's results aside
# (mutants.out.old) and keeps only the names it skips, caught and unviable
# together; this keeps what the last run caught and found unviable apart.
keep_earlier() {
  local dir="$1" kind
  [ -d "$dir/mutants.out" ] || return 0
  mkdir -p "$dir/earlier"
  for kind in caught unviable; do
    if [ -f "$dir/mutants.out/$kind.txt" ]; then
      cat "$dir/mutants.out/$kind.txt" >>"$dir/earlier/$kind.txt"
    fi
  done
}

# The outcome of a run and the runs it resumed: what any of them caught or
# found unviable, and what the last one missed or saw time out (each run
# tries those again).
tally() {
  local dir="$out/$1" kind
  for kind in caught unviable; do
    cat "$dir/earlier/$kind.txt" "$dir/mutants.out/$kind.txt" 2>/dev/null |
      sort -u >"$dir/$kind.all"
  done
  local caught unviable missed timeout
  caught=$(wc -l <"$dir/caught.all")
  unviable=$(wc -l <"$dir/unviable.all")
  missed=$(wc -l <"$dir/mutants.out/missed.txt")
  timeout=$(wc -l <"$dir/mutants.out/timeout.txt")
  local viable=$((caught + timeout + missed))
  echo "mutants: $((viable + unviable)) tried: $caught caught, $timeout timed out," \
    "$missed missed, $unviable unviable"
  if [ "$viable" -gt 0 ]; then
    echo "mutants: score $(((caught + timeout) * 1000 / viable / 10)).$(((caught + timeout) * 1000 / viable % 10)) %" \
      "($((caught + timeout)) of $viable viable)"
  fi
  if [ "$missed" -gt 0 ]; then
    echo "mutants: missed:"
    cat "$dir/mutants.out/missed.txt"
  fi
}

# Runs cargo-mutants (the command after the run's name, writing to
# $out/<name>) and fails when a mutant was missed. A mutant that made
# the tests hang until the timeout was noticed, so a timeout alone passes
# (cargo-mutants exits 3 then), with the list shown.
checked() {
  local run="$1" status=0
  shift
  "$@" || status=$?
  case "$status" in
    0) ;;
    3)
      echo "mutants: some mutants made the tests hang (noticed, by timeout):"
      cat "$out/$run/mutants.out/timeout.txt"
      ;;
    2)
      echo "mutants: missed mutants, listed in $out/$run/mutants.out/missed.txt:" >&2
      cat "$out/$run/mutants.out/missed.txt" >&2
      echo "mutants: add a test that fails for each" >&2
      return 2
      ;;
    *) return "$status" ;;
  esac
}

# The runtime built without the `cli` feature, as the examples build it
# with `--no-default-features`; only the code compiled that way alone.
lean() {
  local only=()
  mapfile -t only < <(lean_only)
  if [ ${#only[@]} -eq 0 ]; then
    echo "mutants: no code behind cfg(not(feature = \"cli\"))"
    return
  fi
  nice cargo test --package twelve-config-examples --no-default-features --test cli the_quickstart
  checked lean nice cargo mutants --jobs "$jobs" --timeout "$timeout" --baseline skip \
    --package twelve-config-core \
    --test-package twelve-config-examples --no-default-features \
    --output "$out/lean" --file twelve-config-core/src/cli/mod.rs "${only[@]}" \
    -- --test cli the_quickstart
}

# The derive: its unit tests and the behaviour suite, which compiles every
# attribute it accepts.
derive() {
  nice cargo test --package twelve-config-derive --package twelve-config-tests \
    --lib --test behaviour
  checked derive nice cargo mutants --jobs "$jobs" --timeout "$timeout" --baseline skip \
    --package twelve-config-derive \
    --test-package twelve-config-derive --test-package twelve-config-tests \
    --output "$out/derive" "$@" \
    -- --lib --test behaviour
}

# The bounded slice for `.ci/run`.
ci_slice() {
  local max="${MUTANTS_CI_MAX:-4}" day merge
  day=$((10#$(date -u +%j)))
  merge="$(git merge-base HEAD "$base" 2>/dev/null || true)"
  local scope=()
  if [ -n "$merge" ] && [ "$merge" != "$(git rev-parse HEAD)" ]; then
    git diff "$merge" -- twelve-config-core/src >"$out/ci.diff"
    if [ -s "$out/ci.diff" ]; then
      scope=(--in-diff "$out/ci.diff")
    fi
  fi
  if [ ${#scope[@]} -eq 0 ]; then
    echo "mutants: no runtime line changed since the merge base with $base"
  fi
  local exclude=()
  mapfile -t exclude < <(platform_gated; lean_excluded)
  local count
  count="$(cargo mutants --list --package twelve-config-core "${exclude[@]}" "${scope[@]}" | wc -l)"
  if [ "$count" -eq 0 ] && [ ${#scope[@]} -gt 0 ]; then
    echo "mutants: no mutant in the changed lines; the day's shard of the runtime instead"
    scope=()
    count="$(cargo mutants --list --package twelve-config-core "${exclude[@]}" | wc -l)"
  fi
  if [ "$count" -eq 0 ]; then
    echo "mutants: no mutant to try"
    return
  fi
  local shards=$(((count + max - 1) / max))
  local shard=$((day % shards))
  echo "mutants: $count mutants in scope; shard $shard of $shards (day $day), at most $max"
  runtime ci "${scope[@]}" --shard "$shard/$shards" --sharding round-robin
}

mkdir -p "$out"
mode="${1:-full}"
shift || true
case "$mode" in
  full)
    # Every run, even after one with a missed mutant; then the verdict.
    status=0
    baseline
    runtime runtime || status=$?
    lean || status=$?
    derive || status=$?
    exit "$status"
    ;;
  runtime)
    baseline
    if [ $# -gt 0 ]; then
      runtime "runtime-${1//\//-of-}" --shard "$1" --sharding round-robin
    else
      runtime runtime
    fi
    ;;
  lean) lean ;;
  derive)
    if [ $# -gt 0 ]; then
      derive --shard "$1" --sharding round-robin
    else
      derive
    fi
    ;;
  files)
    files=()
    for file in "$@"; do files+=(--file "$file"); done
    baseline
    runtime files "${files[@]}"
    ;;
  ci) ci_slice ;;
  tally) tally "${1:?the run to count, such as runtime}" ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2
    exit 64
    ;;
esac
