# The JoinedUp Quarkus app: built with Maven, run from target/quarkus-app in the background.
# shellcheck shell=bash
# Sourced by bin/joinedup.

APP_URL=http://127.0.0.1:8080
APP_PUBLIC_URL=http://localhost:8080
# health and metrics are on the management interface (loopback, port 9000), not on the public port
APP_MANAGEMENT_URL=http://127.0.0.1:9000
APP_READY="$APP_MANAGEMENT_URL/q/health/ready"
# the interface the app listens on: loopback unless JOINEDUP_BIND opens it (then the demo accounts are refused)
APP_BIND="${JOINEDUP_BIND:-127.0.0.1}"
APP_SECRET="$JOINEDUP_HOME/secrets/key-encryption-key"
APP_LOG="$JOINEDUP_HOME/app.log"
APP_PID="$JOINEDUP_HOME/app.pid"
APP_JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
DEMO_PASSWORD_DEFAULT=joinedup-local-demo

app_pid_alive() { pid_alive "$APP_PID" quarkus-run.jar; }
app_ready() { [[ $(http_code "$APP_READY") == 200 ]]; }

# Local defaults; a deployment that sets these keeps its own values.
app_env() {
  export QUARKUS_DATASOURCE_JDBC_URL="${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://$PG_HOST:$PG_PORT/joinedup}"
  export QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-joinedup}"
  export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-joinedup}"
  export JOINEDUP_ELASTICSEARCH_HOSTS="${JOINEDUP_ELASTICSEARCH_HOSTS:-$ES_URL}"
  export QUARKUS_HTTP_HOST="$APP_BIND"
  # production logs are JSON lines for a log collector; a local run keeps them readable
  export JOINEDUP_LOG_JSON="${JOINEDUP_LOG_JSON:-false}"
  # Demo data and the password of the demo accounts, loaded at the first start on an empty
  # database. Local use only: the service refuses the accounts unless it listens on loopback.
  export JOINEDUP_DEMO_LOAD_ON_EMPTY="${JOINEDUP_DEMO_LOAD_ON_EMPTY:-true}"
  export JOINEDUP_DEMO_PASSWORD="${JOINEDUP_DEMO_PASSWORD:-$DEMO_PASSWORD_DEFAULT}"
  # mail goes to the local inbox (bin/lib/mail.sh) unless a deployment names its SMTP server
  mail_env
  app_secret
  export JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY_FILE="${JOINEDUP_SECURITY_KEYS_ENCRYPTION_KEY_FILE:-$APP_SECRET}"
}

# The deployment secret that encrypts the token signing keys at rest: made once for local use,
# readable by root only. A real deployment provides its own (see docs/security.md).
app_secret() {
  [[ -s $APP_SECRET ]] && return 0
  say "making the local key-encryption secret $APP_SECRET"
  mkdir -p "$(dirname "$APP_SECRET")"
  (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$APP_SECRET")
}

app_print_urls() {
  echo "JoinedUp:   $APP_PUBLIC_URL (listening on $APP_BIND)"
  echo "Swagger UI: $APP_PUBLIC_URL/q/swagger-ui"
  echo "Health:     $APP_READY, metrics $APP_MANAGEMENT_URL/q/metrics (management interface, loopback)"
  echo "Demo accounts (local use only): demo-leader, demo-commissioner, demo-programme, demo-admin;"
  echo "  password: \$JOINEDUP_DEMO_PASSWORD at first start (default $DEMO_PASSWORD_DEFAULT)"
}

app_build() {
  resolve_maven
  ensure_npm
  say "building: ${MVN[*]} -B -q -DskipTests package"
  (cd "$ROOT" && "${MVN[@]}" -B -q -DskipTests package) || die "build failed"
  [[ -f $APP_JAR ]] || die "build finished but $APP_JAR is missing"
}

app_start() {
  ensure_java
  app_env
  [[ -f $APP_LOG ]] && mv -f "$APP_LOG" "$APP_LOG.1"
  say "starting the app: java -jar target/quarkus-app/quarkus-run.jar (log: $APP_LOG)"
  # setsid: the app outlives this shell and a Ctrl-C in it. Runs from the repo root, where
  # Quarkus also reads an optional .env or config/application.properties.
  (cd "$ROOT" && exec setsid java -jar "$APP_JAR" </dev/null >>"$APP_LOG" 2>&1 9>&-) &
  echo $! >"$APP_PID"
}

app_wait() {
  local timeout=${JOINEDUP_APP_TIMEOUT:-180}
  local deadline=$((SECONDS + timeout))
  say "waiting for $APP_READY (up to ${timeout}s)"
  until app_ready; do
    if ! app_pid_alive; then
      echo "---- last 50 lines of $APP_LOG ----" >&2
      tail -n 50 "$APP_LOG" >&2 || true
      die "the app exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      echo "---- last 50 lines of $APP_LOG ----" >&2
      tail -n 50 "$APP_LOG" >&2 || true
      die "the app was not ready after ${timeout}s (it is still running, pid $(<"$APP_PID"); bin/joinedup down stops it)"
    fi
    sleep 2
  done
}

app_up() {
  if app_ready; then
    say "the app is already running and ready"
    app_print_urls
    return 0
  fi
  if app_pid_alive; then
    say "the app (pid $(<"$APP_PID")) is running but not ready yet"
  else
    [[ $(http_code "$APP_URL/") == 000 ]] || die "something else answers on $APP_URL; free port 8080"
    app_build
    app_start
  fi
  app_wait
  say "the app is ready"
  app_print_urls
}

app_down() {
  if app_pid_alive; then
    local pid; pid=$(<"$APP_PID")
    say "stopping the app (pid $pid)"
    stop_pid "$pid" app 30
  else
    say "the app is not running (no live $APP_PID)"
  fi
  rm -f "$APP_PID"
}

app_status() {
  if app_pid_alive && app_ready; then
    echo "App:           running, pid $(<"$APP_PID"), ready at $APP_PUBLIC_URL (Swagger UI /q/swagger-ui)"
  elif app_pid_alive; then
    echo "App:           running, pid $(<"$APP_PID"), not ready (log $APP_LOG)"
  elif app_ready; then
    echo "App:           ready at $APP_PUBLIC_URL, but not started by these scripts"
  else
    echo "App:           stopped"
  fi
}
