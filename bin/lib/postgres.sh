# PostgreSQL: our own cluster in the state directory, on 127.0.0.1:5442, run as the postgres OS user.
# shellcheck shell=bash
# Sourced by bin/joinedup.

PG_PORT=5442
PG_HOST=127.0.0.1
PG_DIR="$JOINEDUP_HOME/pg"
PG_DATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"          # unix socket directory (/var/run/postgresql may not exist)
PG_LOG="$PG_DIR/postgresql.log"
PG_BIN=""

# Binaries matching the cluster's version if it exists, else the newest installed.
pg_find_bin() {
  local version=""
  [[ -s $PG_DATA/PG_VERSION ]] && version=$(<"$PG_DATA/PG_VERSION")
  if [[ -n $version ]]; then
    [[ -x /usr/lib/postgresql/$version/bin/initdb ]] && PG_BIN="/usr/lib/postgresql/$version/bin"
  else
    local initdb
    initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $initdb ]] && PG_BIN=$(dirname "$initdb")
  fi
  [[ -n $PG_BIN ]]
}

pg_install() {
  if ! pg_find_bin; then
    if [[ -s $PG_DATA/PG_VERSION ]]; then
      local version; version=$(<"$PG_DATA/PG_VERSION")
      say "PostgreSQL $version binaries missing for the existing cluster in $PG_DATA; installing postgresql-$version"
      apt_install "postgresql-$version"
    else
      say "PostgreSQL not installed; installing it"
      apt_install postgresql
    fi
    pg_find_bin || die "PostgreSQL installed but no /usr/lib/postgresql/*/bin/initdb found"
  fi
}

pg_as_postgres() { as_user postgres "$@"; }

pg_owned_running() {
  [[ -n $PG_BIN && -s $PG_DATA/postmaster.pid ]] && pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_ready() {
  local isready=${PG_BIN:+$PG_BIN/pg_isready}
  "${isready:-pg_isready}" -q -h "$PG_HOST" -p "$PG_PORT" -t 3 >/dev/null 2>&1
}

pg_init() {
  [[ -s $PG_DATA/PG_VERSION ]] && return 0
  say "initialising PostgreSQL cluster in $PG_DATA"
  mkdir -p "$PG_DATA" "$PG_RUN"
  chown -R postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DATA"
  pg_as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=reject >/dev/null \
    || die "initdb failed for $PG_DATA"
}

# Settings are (re)written before each start, so a moved state dir or changed script takes effect.
pg_configure() {
  mkdir -p "$PG_RUN"
  chown postgres:postgres "$PG_DIR" "$PG_RUN"
  grep -q "^include_if_exists = 'joinedup.conf'" "$PG_DATA/postgresql.conf" \
    || printf "\n# Settings for JoinedUp, written by bin/lib/postgres.sh\ninclude_if_exists = 'joinedup.conf'\n" >>"$PG_DATA/postgresql.conf"
  cat >"$PG_DATA/joinedup.conf" <<CONF
# Written by bin/lib/postgres.sh: edits here are overwritten at the next start.
listen_addresses = '$PG_HOST'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
password_encryption = 'scram-sha-256'
CONF
  cat >"$PG_DATA/pg_hba.conf" <<CONF
# Written by bin/lib/postgres.sh: edits here are overwritten at the next start.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  peer
host    all       all   127.0.0.1/32   scram-sha-256
CONF
  chown postgres:postgres "$PG_DATA/joinedup.conf" "$PG_DATA/pg_hba.conf" "$PG_DATA/postgresql.conf"
}

pg_start() {
  say "starting PostgreSQL on $PG_HOST:$PG_PORT (log: $PG_LOG)"
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  if ! pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 90 start >/dev/null; then
    tail -n 30 "$PG_LOG" >&2 || true
    die "PostgreSQL did not start"
  fi
}

pg_psql() {
  pg_as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres -d postgres "$@"
}

# Role joinedup/joinedup and databases joinedup, joinedup_test; safe to repeat.
pg_provision() {
  pg_psql >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'joinedup') THEN
    CREATE ROLE joinedup LOGIN CREATEDB PASSWORD 'joinedup';
    RAISE NOTICE 'created role joinedup';
  ELSE
    ALTER ROLE joinedup LOGIN CREATEDB PASSWORD 'joinedup';
  END IF;
END
$$;
SELECT format('CREATE DATABASE %I OWNER joinedup', d)
  FROM unnest(ARRAY['joinedup', 'joinedup_test']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
SQL
  say "PostgreSQL ready: role joinedup, databases joinedup and joinedup_test on $PG_HOST:$PG_PORT"
}

pg_up() {
  require_root
  pg_find_bin || true
  if pg_owned_running; then
    say "PostgreSQL already running (data $PG_DATA)"
  elif pg_ready; then
    die "something else answers on $PG_HOST:$PG_PORT, not the cluster in $PG_DATA; stop it or free the port"
  else
    pg_install
    pg_init
    pg_configure
    pg_start
  fi
  local i
  for ((i = 0; i < 60; i++)); do pg_ready && break; sleep 1; done
  pg_ready || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT (log: $PG_LOG)"
  pg_provision
}

pg_down() {
  pg_find_bin || true
  if pg_owned_running; then
    say "stopping PostgreSQL (data $PG_DATA)"
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  else
    say "PostgreSQL not running (from $PG_DATA)"
  fi
}

pg_status() {
  pg_find_bin || true
  if [[ -z $PG_BIN ]]; then
    echo "PostgreSQL:    not installed"
  elif pg_owned_running && pg_ready; then
    echo "PostgreSQL:    running on $PG_HOST:$PG_PORT, data $PG_DATA"
  elif pg_owned_running; then
    echo "PostgreSQL:    running but not ready on $PG_HOST:$PG_PORT, data $PG_DATA (log $PG_LOG)"
  elif pg_ready; then
    echo "PostgreSQL:    something not started by these scripts answers on $PG_HOST:$PG_PORT"
  else
    echo "PostgreSQL:    stopped"
  fi
}
