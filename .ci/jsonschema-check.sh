#!/usr/bin/env bash
# The quick start's JSON Schema (--print-schema=json-schema), checked with a
# real validator: it must be a valid draft 2020-12 schema, accept a good
# environment and reject a bad one for the reasons the program would.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import jsonschema' 2>/dev/null; then
  apt-get install -y python3-jsonschema >/dev/null 2>&1 ||
    python3 -m pip install --quiet jsonschema
fi

schema=$(mktemp)
trap 'rm -f "$schema"' EXIT
cargo run -q -p twelve-config-examples --bin quickstart -- --print-schema=json-schema >"$schema"

python3 - "$schema" <<'PY'
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

good = {
    "BILLING_DATABASE_URL": "postgres://billing@localhost/billing",
    "BILLING_API_KEY_FILE": "/run/secrets/api-key",
    "PORT": "+8080",
    "BILLING_LOG_FORMAT": "JSON",
    "BILLING_WORKERS_THREADS": "8",
    "PATH": "/usr/bin",
}
errors = list(validator.iter_errors(good))
assert not errors, [e.message for e in errors]

bad = {
    "PORT": "80a",
    "BILLING_WORKERS_THREADS": "-1",
    "BILLING_API_KEY": "sk_test",
    "BILLING_API_KEY_FILE": "/run/secrets/api-key",
}
errors = list(validator.iter_errors(bad))
messages = [e.message for e in errors]
# Where and which keyword failed; the messages would quote the values.
print("\n".join(sorted(f"{e.json_path}: {e.validator}" for e in errors)))
assert any("BILLING_DATABASE_URL" in m for m in messages), messages
assert any("'80a' does not match" in m for m in messages), messages
assert any("'-1' does not match" in m for m in messages), messages
assert any("should not be valid" in m for m in messages), messages
print("json-schema: the good environment passes, the bad one fails 4 ways")
PY
