#!/usr/bin/env bash
# The quick start's JSON Schema (--print-schema=json-schema), checked with a
# real validator: it must be a valid draft 2020-12 schema, and accept a good
# environment and reject a bad one as the program itself does
# (--check-config exits 0 and 78).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import jsonschema' 2>/dev/null; then
  apt-get install -y python3-jsonschema >/dev/null 2>&1 ||
    python3 -m pip install --quiet jsonschema
fi

cargo build -q -p twelve-config-examples --bin quickstart
quickstart="${CARGO_TARGET_DIR:-target}/debug/quickstart"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$quickstart" --print-schema=json-schema >"$work/schema.json"
printf 'sk_test_123' >"$work/api-key"

good=(
  BILLING_DATABASE_URL=postgres://billing@localhost/billing
  BILLING_API_KEY_FILE="$work/api-key"
  PORT=+8080
  BILLING_LOG_FORMAT=JSON
  BILLING_WORKERS_THREADS=8
)
bad=(
  PORT=80a
  BILLING_WORKERS_THREADS=-1
  BILLING_API_KEY=sk_test_123
  BILLING_API_KEY_FILE="$work/api-key"
)

# The program's verdicts.
env -i "${good[@]}" "$quickstart" --check-config >/dev/null
set +e
env -i "${bad[@]}" "$quickstart" --check-config >/dev/null 2>&1
status=$?
set -e
test "$status" -eq 78

# The validator's, on the same environments as JSON objects.
to_json() { python3 -c 'import json, sys; print(json.dumps(dict(a.split("=", 1) for a in sys.argv[1:])))' "$@"; }
to_json "${good[@]}" >"$work/good.json"
to_json "${bad[@]}" >"$work/bad.json"
python3 - "$work" <<'PY'
import json, sys
import jsonschema

work = sys.argv[1]
schema = json.load(open(f"{work}/schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)


def where(error):
    # Built by hand: ValidationError.json_path is missing from older releases.
    return "".join(["$"] + [f".{part}" for part in error.absolute_path])


good = json.load(open(f"{work}/good.json"))
errors = list(validator.iter_errors(good))
assert not errors, [f"{where(e)}: {e.validator}" for e in errors]

errors = list(validator.iter_errors(json.load(open(f"{work}/bad.json"))))
# Where and which keyword failed; the messages would quote the values.
found = sorted(f"{where(e)}: {e.validator}" for e in errors)
print("\n".join(found))
assert found == sorted([
    "$: not",  # the key set twice, as a value and as a file
    "$: required",  # BILLING_DATABASE_URL
    "$.BILLING_WORKERS_THREADS: pattern",
    "$.PORT: pattern",
]), found
print("json-schema: the program and the validator agree on both environments")
PY
