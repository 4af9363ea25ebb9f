# Shared by the drill scripts: start and stop service copies against a drill database and index
# of their own, run the Java drill driver, and check the index against PostgreSQL.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd -P)"
source "$ROOT/bin/lib/common.sh"
source "$ROOT/bin/lib/postgres.sh"
source "$ROOT/bin/lib/elasticsearch.sh"
source "$ROOT/bin/lib/app.sh"

DRILL_DB=${DRILL_DB:-joinedup_drill}
DRILL_ALIAS=${DRILL_ALIAS:-drill-leaders}
DRILL_PASSWORD=drill-demo-password
DRILL_LOGS="$ROOT/target/drills"
APP_JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
STARTED_PIDS=()
STARTED_NODES=()

mkdir -p "$DRILL_LOGS"

# Always stop the copies and Elasticsearch nodes this drill started, however it ends.
cleanup() {
  local pid name
  for pid in "${STARTED_PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  for name in "${STARTED_NODES[@]}"; do
    es_node_stop "$name"
  done
}
trap cleanup EXIT

# Builds the service and the drill driver when either is missing, when a source is newer than the service's jar (a
# drill run after a change must not test the build before it), or when DRILL_REBUILD is set.
drill_build() {
  resolve_maven
  local newer=""
  [[ -f $APP_JAR ]] && newer=$(find "$ROOT/src" "$ROOT/index-mappings" "$ROOT/seed-data" "$ROOT/pom.xml" -name node_modules -prune \
    -o -newer "$APP_JAR" -print -quit)
  if [[ ! -f $APP_JAR || ! -d $ROOT/target/test-classes/org/joinedup/drills || -n ${DRILL_REBUILD:-} || -n $newer ]]; then
    say "building the service and the drill driver${newer:+ ($newer is newer than the jar)}"
    (cd "$ROOT" && "${MVN[@]}" -B -q -DskipTests package test-compile) || die "build failed"
  fi
}

# A fresh drill database and index: the demo data is loaded at the first start.
drill_reset() {
  say "fresh database $DRILL_DB and index $DRILL_ALIAS"
  pg_find_bin || true
  pg_psql -c "drop database if exists $DRILL_DB with (force)" -c "create database $DRILL_DB owner joinedup" >/dev/null
  curl -s -X DELETE "$ES_URL/$DRILL_ALIAS-v*" >/dev/null || true
}

# drill_start [--servers-if-down]: how every drill begins: the shared PostgreSQL and Elasticsearch (and the
# mail inbox) up, the service and the drill driver built, a fresh drill database and index. With
# --servers-if-down, `bin/joinedup services` runs only when PostgreSQL or Elasticsearch does not answer (a
# drill with a mail inbox of its own).
drill_start() {
  if [[ ${1:-} == --servers-if-down ]]; then
    pg_find_bin || true
    pg_ready && [[ $(http_code "$ES_URL") == 200 ]] || "$ROOT/bin/joinedup" services >/dev/null
  else
    "$ROOT/bin/joinedup" services >/dev/null
  fi
  drill_build
  drill_reset
}

# A copy's management interface (health, metrics) is on its HTTP port + 1000.
management_port() { echo $(($1 + 1000)); }

# app_copy PORT [ENV=VALUE ...]: starts a service copy in the background; its pid is remembered.
app_copy() {
  local port=$1; shift
  local log="$DRILL_LOGS/app-$port.log"
  app_secret
  env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$(management_port "$port")" \
    JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY_FILE="$APP_SECRET" JOINEDUP_DEMO_LOAD_ON_EMPTY=true \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DRILL_DB" \
    JOINEDUP_ELASTICSEARCH_INDEX_ALIAS="$DRILL_ALIAS" \
    JOINEDUP_ELASTICSEARCH_HOSTS="${JOINEDUP_ELASTICSEARCH_HOSTS:-$ES_URL}" \
    JOINEDUP_DEMO_PASSWORD="$DRILL_PASSWORD" JOINEDUP_LOG_JSON="${JOINEDUP_LOG_JSON:-false}" \
    "$@" java -Xmx1g -jar "$APP_JAR" >>"$log" 2>&1 &
  STARTED_PIDS+=($!)
  echo $!
}

# wait_ready PORT [SECONDS]: until /q/health/ready answers 200.
wait_ready() {
  local port=$1 deadline=$((SECONDS + ${2:-120}))
  until [[ $(http_code "http://127.0.0.1:$(management_port "$port")/q/health/ready") == 200 ]]; do
    ((SECONDS < deadline)) || { tail -n 30 "$DRILL_LOGS/app-$port.log" >&2; die "copy on port $port not ready"; }
    sleep 1
  done
}

# drill_copy_ready PORT [ENV=VALUE ...]: a copy started (app_copy) and ready, with the demo data it loads at
# its first start searchable (the index equal to the database) before the drill begins.
drill_copy_ready() {
  local port=$1
  app_copy "$@" >/dev/null
  wait_ready "$port" 180
  drill_driver verify --base "http://127.0.0.1:$port" --timeout 120 >/dev/null
}

# drill_token PORT: a bearer token of demo-admin, from the copy on PORT
drill_token() {
  curl -s -X POST "http://127.0.0.1:$1/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\": \"demo-admin\", \"password\": \"$DRILL_PASSWORD\"}" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}

outbox_rows() { pg_psql -d "$DRILL_DB" -At -c "select count(*) from search_outbox"; }

# drain_begun PENDING: waits (up to a minute) until a copy has taken the first of PENDING outbox rows,
# and prints how many are left: the moment to kill or stop it mid-drain
drain_begun() {
  local pending=$1 left=$1 i
  for ((i = 0; i < 1200 && left >= pending; i++)); do
    sleep 0.05
    left=$(outbox_rows)
  done
  echo "$left"
}

# The drill driver (Java, in the test classes): drill_driver SUBCOMMAND ARGS...
drill_driver() {
  local subcommand=$1; shift
  java -cp "$ROOT/target/test-classes:$ROOT/target/quarkus-app/lib/main/*" org.joinedup.drills.DrillDriver \
    "$subcommand" --password "$DRILL_PASSWORD" "$@"
}

pg_restart_fast() {
  pg_find_bin || true
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 restart -l "$PG_LOG" >/dev/null
}

# A drill's own Elasticsearch node(s), beside the shared one, so stopping them disturbs nobody.
# es_node NAME HTTP_PORT TRANSPORT_PORT CLUSTER SEED_TRANSPORT_PORTS INITIAL_MASTERS [ES_HOME [JAVA_HOME]]: starts
# the node as the Elasticsearch user, with its own config, data and logs under $JOINEDUP_HOME/drills/NAME; by
# default from the shared install ($ES_HOME) on the java on PATH.
es_node() {
  local name=$1 http=$2 transport=$3 cluster=$4 seeds=$5 masters=$6 home=${7:-$ES_HOME} java=${8:-$(java_home_of_path)}
  local dir="$JOINEDUP_HOME/drills/$name"
  mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp"
  cp -r "$home/config/." "$dir/config/"
  cat >"$dir/config/elasticsearch.yml" <<YML
cluster.name: $cluster
node.name: $name
network.host: 127.0.0.1
http.port: $http
transport.port: $transport
xpack.security.enabled: false
path.data: $dir/data
path.logs: $dir/logs
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
discovery.seed_hosts: [$seeds]
cluster.initial_master_nodes: [$masters]
YML
  chown -R "$ES_USER:" "$dir"
  as_user "$ES_USER" env ES_JAVA_HOME="$java" ES_JAVA_OPTS="-Xms${DRILL_ES_HEAP:-384m} -Xmx${DRILL_ES_HEAP:-384m}" \
    ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" "$home/bin/elasticsearch" -d -p "$dir/pid" >"$dir/startup.out" 2>&1 \
    || { tail -n 30 "$dir/startup.out" >&2; die "Elasticsearch node $name did not start"; }
  STARTED_NODES+=("$name")
}

es_node_pid() { cat "$JOINEDUP_HOME/drills/$1/pid" 2>/dev/null || true; }

# es_node_stop NAME [SIGNAL]: stops the node (TERM by default, KILL to crash it).
es_node_stop() {
  local pid; pid=$(es_node_pid "$1")
  [[ -n $pid ]] && kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
}

es_node_wipe() { rm -rf "$JOINEDUP_HOME/drills/$1"; }

# es_wait_health URL STATUS [SECONDS]
es_wait_health() {
  local url=$1 status=$2 deadline=$((SECONDS + ${3:-120}))
  until curl -s -m 5 "$url/_cluster/health?wait_for_status=$status&timeout=2s" 2>/dev/null | grep -q "\"status\":\"\\($status\\|green\\)\""; do
    ((SECONDS < deadline)) || die "Elasticsearch at $url not $status in time"
    sleep 1
  done
}
