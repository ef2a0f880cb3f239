#!/usr/bin/env bash
# Fuzzing: replays the committed corpus of every fuzz target, then fuzzes
# each target for a bounded time. Fails on any finding (a panic, a failed
# property, a hang over 10 s or more than 2 GiB of memory for one input).
#
#   .ci/fuzz.sh            30 s per target
#   FUZZ_SECONDS=600 .ci/fuzz.sh
#   .ci/fuzz.sh loader     only the targets named
#
# cargo-fuzz needs a nightly compiler; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain build the sanitizer-instrumented targets. New inputs found
# during the run are left in tests/fuzz/corpus/<target>; minimise them with
# `cargo fuzz cmin` before committing. Findings go to tests/fuzz/artifacts.
set -euo pipefail
cd "$(dirname "$0")/../tests/fuzz"

export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=never
seconds="${FUZZ_SECONDS:-30}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi

cargo fuzz build -O
for target in "${targets[@]}"; do
  printf '\n==> fuzz %s for %ss\n' "$target" "$seconds"
  mkdir -p "corpus/$target"
  cargo fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | grep -Ev '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' || {
    echo "fuzz target $target failed; see tests/fuzz/artifacts/$target" >&2
    exit 1
  }
done
