# Shared helpers for bin/joinedup. Sourced, not run; expects ROOT to be set.
# shellcheck shell=bash

# runuser, useradd and pg tools live in sbin; a CI environment may not have it on PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

JOINEDUP_HOME="${JOINEDUP_HOME:-/var/lib/joinedup}"
APT_UPDATED=0

say()  { printf '==> %s\n' "$*"; }
warn() { printf 'joinedup: warning: %s\n' "$*" >&2; }
die()  { printf 'joinedup: error: %s\n' "$*" >&2; exit 1; }

require_root() {
  [[ $(id -u) -eq 0 ]] || die "this needs root (it installs packages, creates users and runs services as them)"
}

# apt-get update at most once per run, and only when something is to be installed.
apt_install() {
  require_root
  if [[ $APT_UPDATED -eq 0 ]]; then
    say "apt-get update"
    apt-get update -q
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# ensure_cmd COMMAND PACKAGE: install PACKAGE if COMMAND is not on PATH.
ensure_cmd() {
  command -v "$1" >/dev/null 2>&1 || apt_install "$2"
}

# Run a command as another OS user, from / so a private working directory does not get in the way.
# Fd 9 (our lock) is closed so that daemons started this way do not hold it.
as_user() {
  local user=$1; shift
  (cd / && runuser -u "$user" -- "$@") 9>&-
}

# The state directory must be reachable by the service users (postgres, joinedup-es).
ensure_state_dir() {
  require_root
  if [[ ! -d $JOINEDUP_HOME ]]; then
    say "creating state directory $JOINEDUP_HOME"
    mkdir -p "$JOINEDUP_HOME"
  fi
  chmod 755 "$JOINEDUP_HOME"
  case "$(readlink -f "$JOINEDUP_HOME")/" in
    "$(readlink -f "$ROOT")"/*) die "JOINEDUP_HOME ($JOINEDUP_HOME) must be outside the repository" ;;
  esac
}

# Serialise commands that start or stop things, so two terminals cannot start a server twice.
take_lock() {
  ensure_state_dir
  exec 9>"$JOINEDUP_HOME/.lock"
  if ! flock -n 9; then
    say "another bin/joinedup is starting or stopping services; waiting for it"
    flock -w 900 9 || die "gave up waiting for the lock on $JOINEDUP_HOME/.lock"
  fi
}

release_lock() { exec 9>&-; }

ensure_java() {
  ensure_cmd java openjdk-17-jdk-headless
}

# The build installs the pages' front-end packages with npm ci (src/main/web/package-lock.json).
ensure_npm() {
  ensure_cmd npm npm
}

# JDK home of the java on PATH, e.g. /usr/lib/jvm/java-17-openjdk-amd64.
java_home_of_path() {
  local java
  java=$(readlink -f "$(command -v java)")
  echo "${java%/bin/java}"
}

# Maven for the project: the wrapper if the repo has one, else mvn (installed from apt if missing).
MVN=()
resolve_maven() {
  if [[ -x $ROOT/mvnw ]]; then
    MVN=("$ROOT/mvnw")
  else
    ensure_cmd mvn maven
    MVN=(mvn)
  fi
}

# http_code URL: the HTTP status, or 000 when nothing answers.
http_code() {
  curl -s -o /dev/null -m "${2:-5}" -w '%{http_code}' "$1" 2>/dev/null || true
}

# pid_alive PIDFILE [PATTERN]: true if the pidfile names a live process whose command line contains PATTERN.
pid_alive() {
  local pidfile=$1 pattern=${2:-} pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z $pattern ]] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"
}

# stop_pid PID NAME [SECONDS]: TERM, wait, then KILL.
stop_pid() {
  local pid=$1 name=$2 secs=${3:-60} i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < secs * 2; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  warn "$name (pid $pid) did not stop within ${secs}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}
