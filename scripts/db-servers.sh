#!/usr/bin/env bash
# Throw-away PostgreSQL and MariaDB servers on 127.0.0.1 for `npm run test:db`, which applies
# generated scripts with the databases' own clients (psql, mariadb, sqlite3) as a DBA would.
# sqlgen itself never needs any of this.
#
#   bash scripts/db-servers.sh install   # apt packages, only those missing (root)
#   bash scripts/db-servers.sh start     # fresh data folders, both servers up, writes $SQLGEN_DB_DIR/env
#   bash scripts/db-servers.sh status    # exit 0 when both servers answer
#   bash scripts/db-servers.sh stop      # stop both, remove the data folders
#
# Settings (environment): SQLGEN_DB_DIR (default /tmp/sqlgen-db), SQLGEN_PG_PORT (55432),
# SQLGEN_MARIADB_PORT (53306), SQLGEN_DB_WAIT_SECONDS (60: longest wait for a server to start or stop).
set -euo pipefail

export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export LC_ALL=C

DB_DIR=${SQLGEN_DB_DIR:-/tmp/sqlgen-db}
PG_PORT=${SQLGEN_PG_PORT:-55432}
MARIADB_PORT=${SQLGEN_MARIADB_PORT:-53306}
WAIT_SECONDS=${SQLGEN_DB_WAIT_SECONDS:-60}
HOST=127.0.0.1
MARIADB_TEST_USER=sqlgen

PG_DIR=$DB_DIR/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/server.log
MARIADB_DIR=$DB_DIR/mariadb
MARIADB_DATA=$MARIADB_DIR/data
MARIADB_SOCKET=$MARIADB_DIR/mariadb.sock
MARIADB_PID=$MARIADB_DIR/mariadbd.pid
MARIADB_LOG=$MARIADB_DIR/server.log
ENV_FILE=$DB_DIR/env

# alembic: Debian's Alembic (python3-alembic, SQLAlchemy), the oracle of test-db/alembic-oracle.test.ts.
PACKAGES=(postgresql postgresql-client mariadb-server mariadb-client sqlite3 alembic)
HINT="run 'bash scripts/db-servers.sh install && bash scripts/db-servers.sh start'"

log() { echo "db-servers: $*"; }
die() {
  echo "db-servers: error: $*" >&2
  exit 1
}
# The last lines of a server log, so a failed start says why.
die_with_log() {
  local message=$1 logfile=$2
  if [[ -f $logfile ]]; then
    echo "---- last lines of $logfile ----" >&2
    tail -n 30 "$logfile" >&2 || true
    echo "----" >&2
  fi
  die "$message"
}

# ---------------------------------------------------------------------------------------- install

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -qx 'install ok installed'; then
      echo "$pkg"
    fi
  done
}

cmd_install() {
  local missing
  mapfile -t missing < <(missing_packages)
  if ((${#missing[@]} == 0)); then
    log "installed already: ${PACKAGES[*]}"
    return
  fi
  [[ $(id -u) == 0 ]] || die "installing ${missing[*]} needs root (apt-get)"
  log "installing ${missing[*]}"
  # The packages' own init scripts would start servers on the default ports; Debian's
  # policy-rc.d hook (exit 101 = "action forbidden") stops that. Put one only where none is.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  local apt=(apt-get -q -o DPkg::Lock::Timeout=300 -o Acquire::Retries=3 -o Acquire::http::Timeout=30)
  DEBIAN_FRONTEND=noninteractive timeout 600 "${apt[@]}" update
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]} == 0)) || die "still missing after apt-get install: ${missing[*]}"
}

# ------------------------------------------------------------------------------------ helpers

# True when something accepts TCP connections on 127.0.0.1:PORT (bash's /dev/tcp: no extra tools).
port_in_use() {
  timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

as_user() {
  local user=$1
  shift
  (cd / && runuser -u "$user" -- "$@")
}

pg_bindir() {
  local candidates=() dir
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x $dir/initdb ]] && candidates+=("$dir")
  done
  ((${#candidates[@]} > 0)) || die "no PostgreSQL server under /usr/lib/postgresql: $HINT"
  printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1
}

# The data folders are owned by the servers' OS users, who must be able to reach them.
prepare_db_dir() {
  mkdir -p "$DB_DIR"
  chmod 755 "$DB_DIR"
  local user
  for user in postgres mysql; do
    id "$user" >/dev/null 2>&1 || die "OS user '$user' is missing: $HINT"
    as_user "$user" test -x "$DB_DIR" ||
      die "$DB_DIR is not reachable by OS user '$user': set SQLGEN_DB_DIR to a folder under /tmp"
  done
}

wait_until() {
  local what=$1 logfile=$2
  shift 2
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@"; do
    ((SECONDS < deadline)) || die_with_log "$what did not answer within ${WAIT_SECONDS}s" "$logfile"
    sleep 0.5
  done
}

# ----------------------------------------------------------------------------------- postgres

pg_running() {
  [[ -f $PG_DATA/postmaster.pid ]] && as_user postgres "$(pg_bindir)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

start_postgres() {
  if pg_running; then
    log "PostgreSQL already running on $HOST:$PG_PORT"
    return
  fi
  ! port_in_use "$PG_PORT" || die "port $PG_PORT on $HOST is taken by another program: set SQLGEN_PG_PORT"
  local bin
  bin=$(pg_bindir)
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DATA" "$PG_DIR/run"
  chown -R postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DATA"
  as_user postgres "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync \
    >"$PG_DIR/initdb.log" 2>&1 || die_with_log "initdb failed" "$PG_DIR/initdb.log"
  # No passwords; TCP only from 127.0.0.1, the socket (in our folder) only for the OS user postgres.
  cat >"$PG_DATA/pg_hba.conf" <<'EOF'
local all postgres          peer
host  all all 127.0.0.1/32  trust
EOF
  # Throw-away data: durability settings off for speed.
  cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '$HOST'
port = $PG_PORT
unix_socket_directories = '$PG_DIR/run'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  as_user postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$WAIT_SECONDS" start >/dev/null ||
    die_with_log "PostgreSQL did not start (pg_ctl gave up)" "$PG_LOG"
  wait_until "PostgreSQL on $HOST:$PG_PORT" "$PG_LOG" \
    psql -X -w -q -h "$HOST" -p "$PG_PORT" -U postgres -d postgres -c 'SELECT 1' -o /dev/null
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $HOST:$PG_PORT"
}

stop_postgres() {
  [[ -f $PG_DATA/postmaster.pid ]] || return 0
  local pid
  pid=$(head -n 1 "$PG_DATA/postmaster.pid")
  as_user postgres "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w -t "$WAIT_SECONDS" stop >/dev/null 2>&1 ||
    kill_pid "PostgreSQL" "$pid"
  log "PostgreSQL stopped"
}

# ------------------------------------------------------------------------------------ mariadb

mariadb_pid() {
  [[ -s $MARIADB_PID ]] && cat "$MARIADB_PID"
}

mariadb_ping() {
  mariadb-admin --no-defaults --connect-timeout=2 --socket="$MARIADB_SOCKET" -u root ping >/dev/null 2>&1
}

mariadb_tcp_answers() {
  mariadb --no-defaults --connect-timeout=2 -h "$HOST" -P "$MARIADB_PORT" -u "$MARIADB_TEST_USER" \
    -e 'SELECT 1' >/dev/null 2>&1
}

mariadb_running() {
  local pid
  pid=$(mariadb_pid) && kill -0 "$pid" 2>/dev/null && mariadb_ping
}

start_mariadb() {
  if mariadb_running; then
    log "MariaDB already running on $HOST:$MARIADB_PORT"
    return
  fi
  stop_mariadb
  ! port_in_use "$MARIADB_PORT" || die "port $MARIADB_PORT on $HOST is taken by another program: set SQLGEN_MARIADB_PORT"
  command -v mariadbd >/dev/null || die "mariadbd not found: $HINT"
  rm -rf "$MARIADB_DIR"
  mkdir -p "$MARIADB_DATA" "$MARIADB_DIR/tmp"
  chown -R mysql:mysql "$MARIADB_DIR"
  # --no-defaults everywhere: nothing from /etc/mysql or ~/.my.cnf leaks into the test server.
  mariadb-install-db --no-defaults --user=mysql --datadir="$MARIADB_DATA" --skip-test-db \
    --auth-root-authentication-method=normal --skip-name-resolve >"$MARIADB_DIR/install-db.log" 2>&1 ||
    die_with_log "mariadb-install-db failed" "$MARIADB_DIR/install-db.log"
  setsid mariadbd --no-defaults --user=mysql --datadir="$MARIADB_DATA" --tmpdir="$MARIADB_DIR/tmp" \
    --socket="$MARIADB_SOCKET" --pid-file="$MARIADB_PID" --log-error="$MARIADB_LOG" \
    --bind-address="$HOST" --port="$MARIADB_PORT" --skip-name-resolve \
    --character-set-server=utf8mb4 --innodb-buffer-pool-size=64M --innodb-log-file-size=32M \
    --innodb-flush-log-at-trx-commit=0 --skip-log-bin \
    </dev/null >>"$MARIADB_LOG" 2>&1 &
  local launched=$!
  local deadline=$((SECONDS + WAIT_SECONDS))
  until mariadb_ping; do
    kill -0 "$launched" 2>/dev/null || die_with_log "mariadbd exited during start" "$MARIADB_LOG"
    ((SECONDS < deadline)) || die_with_log "MariaDB did not answer within ${WAIT_SECONDS}s" "$MARIADB_LOG"
    sleep 0.5
  done
  # A passwordless test user that may connect only over TCP from 127.0.0.1.
  mariadb --no-defaults --socket="$MARIADB_SOCKET" -u root -e "
    CREATE USER IF NOT EXISTS '$MARIADB_TEST_USER'@'$HOST';
    GRANT ALL PRIVILEGES ON *.* TO '$MARIADB_TEST_USER'@'$HOST' WITH GRANT OPTION;"
  wait_until "MariaDB on $HOST:$MARIADB_PORT" "$MARIADB_LOG" mariadb_tcp_answers
  log "MariaDB $(mariadbd --version | awk '{print $3}') on $HOST:$MARIADB_PORT"
}

stop_mariadb() {
  local pid
  pid=$(mariadb_pid) || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill_pid "MariaDB" "$pid"
  log "MariaDB stopped"
}

# TERM, a bounded wait, then KILL.
kill_pid() {
  local what=$1 pid=$2
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + WAIT_SECONDS))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      log "$what (pid $pid) still running after ${WAIT_SECONDS}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 0.2
  done
}

# ----------------------------------------------------------------------------------- commands

write_env_file() {
  local tmp=$ENV_FILE.tmp
  cat >"$tmp" <<EOF
# Written by scripts/db-servers.sh start; read by test-db/harness.ts. Plain KEY=VALUE lines.
SQLGEN_TEST_PG_HOST=$HOST
SQLGEN_TEST_PG_PORT=$PG_PORT
SQLGEN_TEST_PG_USER=postgres
SQLGEN_TEST_PG_URL=postgresql://postgres@$HOST:$PG_PORT/postgres
PGHOST=$HOST
PGPORT=$PG_PORT
PGUSER=postgres
SQLGEN_TEST_MARIADB_HOST=$HOST
SQLGEN_TEST_MARIADB_PORT=$MARIADB_PORT
SQLGEN_TEST_MARIADB_USER=$MARIADB_TEST_USER
SQLGEN_TEST_MARIADB_SOCKET=$MARIADB_SOCKET
EOF
  mv "$tmp" "$ENV_FILE"
  chmod 644 "$ENV_FILE"
}

cmd_start() {
  [[ $(id -u) == 0 ]] || die "start needs root (servers run as the OS users postgres and mysql)"
  command -v psql >/dev/null && command -v mariadb >/dev/null && command -v sqlite3 >/dev/null ||
    die "database clients missing: $HINT"
  prepare_db_dir
  start_postgres
  start_mariadb
  write_env_file
  log "connection settings in $ENV_FILE"
}

cmd_stop() {
  stop_postgres
  stop_mariadb
  # Only what start made: SQLGEN_DB_DIR may point at a folder that holds other things.
  rm -rf "$PG_DIR" "$MARIADB_DIR" "$ENV_FILE" "$ENV_FILE.tmp"
  rmdir "$DB_DIR" 2>/dev/null || true
  log "stopped; data removed"
}

cmd_status() {
  local status=0
  if pg_running; then
    log "PostgreSQL running on $HOST:$PG_PORT"
  else
    log "PostgreSQL not running"
    status=1
  fi
  if mariadb_running; then
    log "MariaDB running on $HOST:$MARIADB_PORT"
  else
    log "MariaDB not running"
    status=1
  fi
  return "$status"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: bash scripts/db-servers.sh install|start|status|stop" >&2
    exit 2
    ;;
esac
