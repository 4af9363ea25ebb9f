# Shared by the benchmark scripts that run a service copy of their own (import, export, search-scale,
# matching-scale): psql, the build, the benchmark database, and starting and stopping the copy on
# PORT (management on PORT + 1000) against DB with alias ALIAS, its first admin bench-admin. The
# script sets ROOT (and cd's there), DB, ALIAS, PORT and OUT before sourcing this; on exit the copy
# is stopped and the alias's indices are deleted.
# shellcheck shell=bash
APP=http://127.0.0.1:$PORT
ES=${ES:-http://127.0.0.1:9200}
ADMIN_PASSWORD=bench-admin-password
# the harnesses and loaders run from the test classes, on the service's own libraries
CP="target/test-classes:target/classes:target/quarkus-app/lib/main/*"
APP_PID=""
mkdir -p "$OUT"

export PGPASSWORD=joinedup
sql() { psql -h 127.0.0.1 -p 5442 -U joinedup -v ON_ERROR_STOP=1 -qAt "$@"; }

bench_build() {
  echo "==> building (./mvnw -B -q -DskipTests package; test classes included)"
  ./mvnw -B -q -DskipTests package
}

# the benchmark database, created when missing; only names ending in _bench, so no run touches another
bench_database() {
  [[ $DB == *_bench ]] || { echo "refusing $DB: the benchmark database's name ends in _bench" >&2; exit 1; }
  if [[ $(sql -d postgres -c "select count(*) from pg_database where datname = '$DB'") == 0 ]]; then
    echo "==> creating database $DB"
    sql -d postgres -c "create database $DB"
  fi
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$APP/") == 000 ]] || { echo "something already answers on port $PORT" >&2; exit 1; }
}

# bench_start JAR LOG [ENV=VALUE ...]: the copy, in a session of its own (setsid) so only this script stops
# it, with $APP_JAVA_OPTS (default $BENCH_APP_JAVA_OPTS) as its JVM options; returns once it is ready, or stops the script
bench_start() {
  local jar=$1 log=$2; shift 2
  # shellcheck disable=SC2086 # the JVM options are several words
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5442/$DB" QUARKUS_HTTP_PORT="$PORT" \
    JOINEDUP_ELASTICSEARCH_INDEX_ALIAS="$ALIAS" JOINEDUP_DEMO_LOAD_ON_EMPTY=false \
    QUARKUS_MANAGEMENT_PORT=$((PORT + 1000)) JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY=bench-only-key-encryption-secret-not-for-production \
    JOINEDUP_ADMIN_USERNAME=bench-admin JOINEDUP_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$@" \
    setsid java ${APP_JAVA_OPTS:-${BENCH_APP_JAVA_OPTS:-}} -jar "$jar" </dev/null >>"$log" 2>&1 &
  APP_PID=$!
  local ready="http://127.0.0.1:$((PORT + 1000))/q/health/ready"
  for _ in $(seq 240); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$ready") == 200 ]] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$log" >&2; exit 1; }
    sleep 1
  done
  echo "the service is not ready after 240 s (log: $log)" >&2
  exit 1
}

# bench_start_emptied NAME: BENCH_SKIP_BUILD=1 skips the build; this tree's copy on the benchmark database
# emptied (Flyway clean at start) and a new index, taking import files up to 200 MB; its log target/bench/NAME-app.log
bench_start_emptied() {
  [[ ${BENCH_SKIP_BUILD:-0} == 1 ]] || bench_build
  bench_database
  echo "==> starting the service on port $PORT against $DB (emptied first), alias $ALIAS${APP_JAVA_OPTS:+, java $APP_JAVA_OPTS} (log: $OUT/$1-app.log)"
  bench_start target/quarkus-app/quarkus-run.jar "$OUT/$1-app.log" \
    QUARKUS_FLYWAY_CLEAN_DISABLED=false QUARKUS_FLYWAY_CLEAN_AT_START=true JOINEDUP_ELASTICSEARCH_RECREATE_AT_START=true \
    JOINEDUP_IMPORT_MAX_SIZE=200M
}

bench_stop() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "==> stopping the service (pid $APP_PID)"
    kill "$APP_PID"
    for _ in $(seq 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

bench_cleanup() {
  bench_stop
  # the shared node has a small heap: leave no benchmark index behind (the next run builds its own)
  for index in $(curl -s "$ES/_cat/indices/$ALIAS-*?h=index" || true); do
    [[ $index == "$ALIAS"-* ]] && curl -s -o /dev/null -X DELETE "$ES/$index" && echo "==> deleted index $index"
  done
}
trap bench_cleanup EXIT
