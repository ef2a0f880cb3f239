#!/usr/bin/env bash
# Runs the `services` tests of twelve-config-tests against a throwaway
# PostgreSQL cluster, Redis server, MariaDB server and RabbitMQ node on the
# loopback interface.
#
# Installs what is missing with apt-get (postgresql, redis-server,
# mariadb-server, rabbitmq-server), creates everything under
# $TC_SERVICES_DIR (default /tmp/twelve-config-services), and stops the
# servers and removes that directory on exit, whatever happens.
# Ports: $TC_PG_PORT (default 54329), $TC_REDIS_PORT (63799),
# $TC_MYSQL_PORT (33069), $TC_AMQP_PORT (56729), and for RabbitMQ's Erlang
# distribution $TC_EPMD_PORT (43699) and $TC_AMQP_DIST_PORT (25679).
# When run as root, PostgreSQL, MariaDB and RabbitMQ run as their own users
# (`postgres`, `mysql`, `rabbitmq`).
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
mysql_port=${TC_MYSQL_PORT:-33069}
mysql_user=tc_app
mysql_password='m@ria:db/pw% 3'
mysql_database='tc shop'
amqp_port=${TC_AMQP_PORT:-56729}
amqp_user=tc_app
amqp_password='r@bbit:mq/pw% 4'
amqp_vhost=tc-billing
export ERL_EPMD_PORT=${TC_EPMD_PORT:-43699}
export ERL_EPMD_ADDRESS=127.0.0.1
rabbit_node=tc-rabbit@localhost

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
    command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || packages+=(mariadb-server)
    command -v mariadb >/dev/null 2>&1 || packages+=(mariadb-client)
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || packages+=(rabbitmq-server)
    if [ ${#packages[@]} -eq 0 ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        log "missing ${packages[*]} and not root: install them first"
        exit 1
    fi
    log "installing ${packages[*]}"
    apt-get update -qq
    # The packages' own services are not wanted: these run under $base.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    if command -v service >/dev/null 2>&1; then
        service mariadb stop >/dev/null 2>&1 || true
        service rabbitmq-server stop >/dev/null 2>&1 || true
    fi
    # rabbitmq-server's installation leaves an epmd on the default port,
    # listening on every interface.
    if [[ " ${packages[*]} " == *" rabbitmq-server "* ]] && command -v epmd >/dev/null 2>&1; then
        ERL_EPMD_PORT=4369 epmd -kill >/dev/null 2>&1 || true
    fi
}

# Runs a command as a server's own user when root (the servers refuse root
# or keep their files under their user), with HOME under $base.
as_user() {
    local user=$1
    shift
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$user" -- env HOME="$base/$user-home" "$@"
    else
        env HOME="$base/$user-home" "$@"
    fi
}

# RabbitMQ's scripts, with every file and port of the node under $base.
rabbit() {
    local script=$1
    shift
    as_user rabbitmq env \
        RABBITMQ_NODENAME="$rabbit_node" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$amqp_port" \
        RABBITMQ_DIST_PORT="${TC_AMQP_DIST_PORT:-25679}" \
        RABBITMQ_MNESIA_BASE="$base/rabbitmq/mnesia" \
        RABBITMQ_LOG_BASE="$base/rabbitmq/log" \
        RABBITMQ_PID_FILE="$base/rabbitmq/pid" \
        RABBITMQ_CONFIG_FILE="$base/rabbitmq/rabbitmq.conf" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$base/rabbitmq/advanced.config" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$base/rabbitmq/enabled_plugins" \
        RABBITMQ_CONF_ENV_FILE="$base/rabbitmq/rabbitmq-env.conf" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        ERL_EPMD_PORT="$ERL_EPMD_PORT" ERL_EPMD_ADDRESS=127.0.0.1 \
        "/usr/lib/rabbitmq/bin/$script" "$@"
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
    if [ -f "$base/rabbitmq/pid" ]; then
        rabbit rabbitmqctl -n "$rabbit_node" stop >/dev/null 2>&1 || true
    fi
    local pidfile pid
    for pidfile in "$base/redis.pid" "$base/mysql/mysqld.pid" "$base/rabbitmq/pid"; do
        [ -f "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
            for _ in $(seq 100); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
        fi
    done
    # The node started its own epmd on $ERL_EPMD_PORT; it outlives the node.
    if [ -d "$base/rabbitmq" ] && command -v epmd >/dev/null 2>&1; then
        as_user rabbitmq epmd -kill >/dev/null 2>&1 || true
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

mkdir -p "$base/pg" "$base/sock" "$base/mysql" "$base/mysql-home" \
    "$base/rabbitmq/mnesia" "$base/rabbitmq/log" "$base/rabbitmq-home"
chmod 700 "$base/pg"
chmod 755 "$base"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$base/pg" "$base/sock"
    chown -R mysql: "$base/mysql" "$base/mysql-home"
    chown -R rabbitmq: "$base/rabbitmq" "$base/rabbitmq-home"
fi

# MariaDB and RabbitMQ start slowest: they boot while PostgreSQL and Redis
# are set up.
log "starting MariaDB on 127.0.0.1:$mysql_port and $base/mysql/mysqld.sock"
as_user mysql mariadb-install-db --no-defaults --datadir="$base/mysql/data" \
    --auth-root-authentication-method=socket --skip-test-db >"$base/mysql-install.log" 2>&1 || {
    cat "$base/mysql-install.log" >&2
    exit 1
}
as_user mysql /usr/sbin/mariadbd --no-defaults --datadir="$base/mysql/data" \
    --bind-address=127.0.0.1 --port="$mysql_port" --socket="$base/mysql/mysqld.sock" \
    --pid-file="$base/mysql/mysqld.pid" --log-error="$base/mysql/error.log" \
    --skip-name-resolve --innodb-buffer-pool-size=16M --innodb-flush-log-at-trx-commit=0 \
    </dev/null >/dev/null 2>&1 &

log "starting RabbitMQ on 127.0.0.1:$amqp_port"
echo "[]." >"$base/rabbitmq/enabled_plugins"
echo "[]." >"$base/rabbitmq/advanced.config"
: >"$base/rabbitmq/rabbitmq-env.conf"
cat >"$base/rabbitmq/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$amqp_port
loopback_users = none
CONF
if [ "$(id -u)" -eq 0 ]; then
    chown -R rabbitmq: "$base/rabbitmq"
fi
rabbit rabbitmq-server </dev/null >"$base/rabbitmq-server.log" 2>&1 &

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

log "setting up MariaDB"
# The socket file appears before the server accepts connections on it.
for _ in $(seq 300); do
    as_user mysql mariadb --no-defaults -S "$base/mysql/mysqld.sock" -e 'SELECT 1' \
        >/dev/null 2>&1 && break
    sleep 0.1
done
# The test user logs in with its password over TCP and the socket.
# mariadb-install-db lets the system user it ran as in over the socket.
as_user mysql mariadb --no-defaults -S "$base/mysql/mysqld.sock" <<SQL || exit 1
CREATE DATABASE \`$mysql_database\`;
CREATE USER '$mysql_user'@'127.0.0.1' IDENTIFIED BY '$mysql_password';
CREATE USER '$mysql_user'@'localhost' IDENTIFIED BY '$mysql_password';
GRANT ALL ON \`$mysql_database\`.* TO '$mysql_user'@'127.0.0.1';
GRANT ALL ON \`$mysql_database\`.* TO '$mysql_user'@'localhost';
SQL

log "setting up RabbitMQ"
# `await_startup` fails at once while the node has not yet registered with
# epmd, which takes a while on a loaded machine: try again until it answers.
for _ in $(seq 60); do
    rabbit rabbitmqctl -n "$rabbit_node" --timeout 120 await_startup >/dev/null 2>&1 && break
    sleep 2
done
rabbit rabbitmqctl -n "$rabbit_node" --timeout 120 await_startup >/dev/null || {
    cat "$base/rabbitmq-server.log" "$base"/rabbitmq/log/*.log >&2 2>/dev/null
    exit 1
}
rabbit rabbitmqctl -n "$rabbit_node" add_user "$amqp_user" "$amqp_password" >/dev/null
rabbit rabbitmqctl -n "$rabbit_node" add_vhost "$amqp_vhost" >/dev/null
for vhost in / "$amqp_vhost"; do
    rabbit rabbitmqctl -n "$rabbit_node" set_permissions -p "$vhost" "$amqp_user" '.*' '.*' '.*' >/dev/null
done

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
    TC_MYSQL_HOST=127.0.0.1 \
    TC_MYSQL_PORT="$mysql_port" \
    TC_MYSQL_SOCKET="$base/mysql/mysqld.sock" \
    TC_MYSQL_USER="$mysql_user" \
    TC_MYSQL_PASSWORD="$mysql_password" \
    TC_MYSQL_DATABASE="$mysql_database" \
    TC_AMQP_HOST=127.0.0.1 \
    TC_AMQP_PORT="$amqp_port" \
    TC_AMQP_USER="$amqp_user" \
    TC_AMQP_PASSWORD="$amqp_password" \
    TC_AMQP_VHOST="$amqp_vhost" \
    cargo test -p twelve-config-tests --features services --test services "$@"
