# The local inbox: maildev (npm) on loopback, SMTP port 1125, web inbox 1180. The app sends every mail to it
# (docs/mail.md, "Local inbox"); nothing leaves the machine. Installed once, pinned, under $JOINEDUP_HOME/tools.
# shellcheck shell=bash
# Sourced by bin/joinedup; expects common.sh.

MAILDEV_VERSION=3.0.0
MAILDEV_DIR="$JOINEDUP_HOME/tools/maildev-$MAILDEV_VERSION"
MAILDEV="$MAILDEV_DIR/node_modules/.bin/maildev"
MAIL_SMTP_PORT="${JOINEDUP_MAILDEV_SMTP_PORT:-1125}"
MAIL_WEB_PORT="${JOINEDUP_MAILDEV_WEB_PORT:-1180}"
MAIL_WEB_URL="http://127.0.0.1:$MAIL_WEB_PORT"
MAIL_LOG="$JOINEDUP_HOME/maildev.log"
MAIL_PID="$JOINEDUP_HOME/maildev.pid"

mail_pid_alive() { pid_alive "$MAIL_PID" maildev; }
mail_ready() { [[ $(http_code "$MAIL_WEB_URL/api/email") == 200 ]]; }

ensure_maildev() {
  [[ -x $MAILDEV ]] && return 0
  ensure_npm
  say "installing maildev@$MAILDEV_VERSION into $MAILDEV_DIR"
  mkdir -p "$MAILDEV_DIR"
  (cd "$MAILDEV_DIR" && npm i -E --no-audit --no-fund --prefix . "maildev@$MAILDEV_VERSION" >/dev/null) \
    || die "npm could not install maildev"
}

mail_up() {
  if mail_ready; then
    mail_pid_alive || say "a mail inbox already answers on $MAIL_WEB_URL (not started by these scripts); using it"
    return 0
  fi
  ensure_maildev
  say "starting the local inbox: maildev, SMTP 127.0.0.1:$MAIL_SMTP_PORT, web $MAIL_WEB_URL (log: $MAIL_LOG)"
  (exec setsid "$MAILDEV" --smtp "$MAIL_SMTP_PORT" --web "$MAIL_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    </dev/null >>"$MAIL_LOG" 2>&1 9>&-) &
  echo $! >"$MAIL_PID"
  local i
  for ((i = 0; i < 60; i++)); do
    mail_ready && return 0
    mail_pid_alive || { tail -n 20 "$MAIL_LOG" >&2 || true; die "maildev exited at start"; }
    sleep 0.5
  done
  die "maildev did not answer on $MAIL_WEB_URL within 30s (log: $MAIL_LOG)"
}

# Where the app (bin/lib/app.sh) and ./mvnw quarkus:dev send mail; a deployment sets its own.
mail_env() {
  export JOINEDUP_SMTP_HOST="${JOINEDUP_SMTP_HOST:-127.0.0.1}"
  export JOINEDUP_SMTP_PORT="${JOINEDUP_SMTP_PORT:-$MAIL_SMTP_PORT}"
  export JOINEDUP_SMTP_START_TLS="${JOINEDUP_SMTP_START_TLS:-DISABLED}"
}

mail_down() {
  if mail_pid_alive; then
    local pid; pid=$(<"$MAIL_PID")
    say "stopping the local inbox (maildev, pid $pid)"
    stop_pid "$pid" maildev 10
  else
    say "the local inbox is not running (no live $MAIL_PID)"
  fi
  rm -f "$MAIL_PID"
}

mail_print_url() {
  echo "Mail inbox: $MAIL_WEB_URL (every mail the app sends lands here; SMTP 127.0.0.1:$MAIL_SMTP_PORT)"
}

mail_status() {
  if mail_pid_alive && mail_ready; then
    echo "Mail inbox:    running, pid $(<"$MAIL_PID"), at $MAIL_WEB_URL"
  elif mail_ready; then
    echo "Mail inbox:    at $MAIL_WEB_URL, but not started by these scripts"
  else
    echo "Mail inbox:    stopped"
  fi
}
