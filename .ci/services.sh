#!/usr/bin/env bash
# Runs the `services` tests of twelve-config-tests against a throwaway
# PostgreSQL cluster and Redis server on the loopback interface.
#
# Installs postgresql and redis-server with apt-get when they are missing,
# creates everything under $TC_SERVICES_DIR (default /tmp/twelve-config-services),
# and stops the servers and removes that directory on exit, whatever happens.
# Ports: $TC_PG_PORT (default 54329) and $TC_REDIS_PORT (default 63799).
# When run as root, PostgreSQL runs as the `postgres` user (it refuses root).
# Extra arguments go to `cargo test` (e.g. a test name filter).
set -euo pipefail

cd "$(dirname "$0")/.."
started=$(date +%s)

base=${TC_SERVICES_DIR:-/tmp/twelve-config-services}
pg_port=${TC_PG_PORT:-54329}
redis_port=${TC_REDIS_PORT:-63799}
# Both passwords hold every character that must be percent-encoded in a URL.
pg_user=tc_app
pg_password='p@ss:w/rd% 1'
pg_database='tc db'
redis_user=tc_app
redis_password='r@di:s/pw% 2'

log() { printf 'services: %s\n' "$*" >&2; }

pg_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

install_missing() {
    local packages=()
    pg_bin >/dev/null || packages+=(postgresql)
    command -v psql >/dev/null 2>&1 || packages+=(postgresql-client)
    command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
    command -v redis-cli >/dev/null 2>&1 || packages+=(redis-tools)
    if [ ${#packages[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        log "missing ${packages[*]} and not root: install them first"
        exit 1
    fi
    log "installing ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

# Runs a PostgreSQL server command as a user it accepts.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_servers() {
    if [ -n "${bin:-}" ] && [ -f "$base/pg/postmaster.pid" ]; then
        as_pg "$bin/pg_ctl" -D "$base/pg" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -f "$base/redis.pid" ]; then
        local pid
        pid=$(cat "$base/redis.pid")
        if kill "$pid" 2>/dev/null; then
            for _ in $(seq 50); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
        fi
    fi
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_servers
    rm -rf "$base"
    log "finished in $(($(date +%s) - started))s (status $status)"
    exit "$status"
}

install_missing
bin=$(pg_bin)

# A previous run that was killed may have left servers behind.
stop_servers
rm -rf "$base"
trap cleanup EXIT INT TERM

mkdir -p "$base/pg" "$base/sock"
chmod 700 "$base/pg"
chmod 755 "$base"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$base/pg" "$base/sock"
fi

log "starting PostgreSQL ($bin) on 127.0.0.1:$pg_port and $base/sock"
as_pg "$bin/initdb" -D "$base/pg" -U postgres -E UTF8 --auth-local=trust \
    --auth-host=scram-sha-256 >"$base/initdb.log" 2>&1 || {
    cat "$base/initdb.log" >&2
    exit 1
}
# The superuser sets up over the socket without a password; the test role
# must give its password over both the socket and TCP.
as_pg tee "$base/pg/pg_hba.conf" >/dev/null <<HBA
local all postgres trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
HBA
as_pg "$bin/pg_ctl" -D "$base/pg" -l "$base/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$base/sock -c fsync=off" \
    start >/dev/null || {
    cat "$base/pg/server.log" >&2
    exit 1
}
psql -X -q -h "$base/sock" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v user="$pg_user" -v password="$pg_password" -v database="$pg_database" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"user";
SQL

log "starting Redis on 127.0.0.1:$redis_port and $base/redis.sock"
redis-server --bind 127.0.0.1 --port "$redis_port" --unixsocket "$base/redis.sock" \
    --unixsocketperm 700 --daemonize yes --pidfile "$base/redis.pid" \
    --logfile "$base/redis.log" --dir "$base" --save '' --appendonly no
for _ in $(seq 100); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
done
# The test user needs its password; the default user is turned off.
redis-cli -p "$redis_port" ACL SETUSER "$redis_user" on ">$redis_password" '~*' '&*' '+@all' >/dev/null
redis-cli -p "$redis_port" ACL SETUSER default off >/dev/null

log "running the services tests"
TC_PG_HOST=127.0.0.1 \
    TC_PG_PORT="$pg_port" \
    TC_PG_SOCKET_DIR="$base/sock" \
    TC_PG_USER="$pg_user" \
    TC_PG_PASSWORD="$pg_password" \
    TC_PG_DATABASE="$pg_database" \
    TC_REDIS_HOST=127.0.0.1 \
    TC_REDIS_PORT="$redis_port" \
    TC_REDIS_SOCKET="$base/redis.sock" \
    TC_REDIS_USER="$redis_user" \
    TC_REDIS_PASSWORD="$redis_password" \
    cargo test -p twelve-config-tests --features services --test services "$@"
