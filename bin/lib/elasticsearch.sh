# Elasticsearch 8.19.21 from Elastic's integration-test zip on Maven Central, on 127.0.0.1:9200,
# shellcheck shell=bash
# run as the system user joinedup-es (it refuses to run as root). Sourced by bin/joinedup.

ES_VERSION=8.19.21
# The current major, which the 8.19 client reaches through REST compatibility; drills/09-elasticsearch-9
# proves it. Not listed in Maven Central's metadata: asked for by exact version. Needs Java 21+.
ES_NEXT_VERSION=9.5.3
ES_NEXT_JAVA_HOME=${JOINEDUP_ES_NEXT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ES_USER=joinedup-es
ES_URL=http://127.0.0.1:9200
ES_DIR="$JOINEDUP_HOME/es"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"
ES_DATA="$ES_DIR/data"
ES_LOGS="$ES_DIR/logs"
ES_RUN="$ES_DIR/run"
ES_PID="$ES_RUN/elasticsearch.pid"
M2_REPO="${JOINEDUP_M2_REPO:-$HOME/.m2/repository}"

# es_artifact VERSION / es_zip VERSION: Elastic's integration-test zip of that version, and where Maven keeps it.
es_artifact() { echo "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$1:zip"; }
es_zip() { echo "$M2_REPO/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$1/elasticsearch-$1.zip"; }

# True if something on the port answers as Elasticsearch.
es_answers() {
  curl -s -m 5 "$ES_URL/_cluster/health" 2>/dev/null | grep -q '"cluster_name"'
}

es_healthy() {
  curl -s -m 10 "$ES_URL/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null \
    | grep -q '"status":"\(green\|yellow\)"'
}

es_pid_alive() { pid_alive "$ES_PID" org.elasticsearch; }

# es_fetch [VERSION]: the zip into the local Maven repository, unless it is there already.
es_fetch() {
  local version=${1:-$ES_VERSION} artifact zip
  artifact=$(es_artifact "$version")
  zip=$(es_zip "$version")
  [[ -s $zip ]] && return 0
  say "downloading $artifact from Maven Central (100-130 MB)"
  mkdir -p "$ES_DIR"
  if command -v mvn >/dev/null 2>&1; then
    # From a neutral directory, so a half-written project pom cannot break the download.
    (cd "$ES_DIR" && mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" dependency:get -Dartifact="$artifact" -Dtransitive=false)
  elif [[ -x $ROOT/mvnw ]]; then
    (cd "$ROOT" && ./mvnw -B -q -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" dependency:get -Dartifact="$artifact" -Dtransitive=false)
  else
    apt_install maven
    (cd "$ES_DIR" && mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$M2_REPO" dependency:get -Dartifact="$artifact" -Dtransitive=false)
  fi
  [[ -s $zip ]] || die "download finished but $zip is missing"
}

# es_unpack VERSION: the distribution of that version in $ES_DIR/elasticsearch-VERSION, fetched and
# unzipped unless it is there already.
es_unpack() {
  local version=$1 home="$ES_DIR/elasticsearch-$1" zip tmp
  if [[ ! -x $home/bin/elasticsearch ]]; then
    es_fetch "$version"
    ensure_cmd unzip unzip
    zip=$(es_zip "$version")
    say "unpacking Elasticsearch $version into $home"
    tmp="$ES_DIR/.unpack.$$"
    rm -rf "$tmp" && mkdir -p "$tmp"
    unzip -q "$zip" -d "$tmp"
    [[ -x $tmp/elasticsearch-$version/bin/elasticsearch ]] || die "unexpected layout in $zip"
    rm -rf "$home"
    mv "$tmp/elasticsearch-$version" "$home"
    rm -rf "$tmp"
  fi
}

# The system user every Elasticsearch of ours runs as (it refuses to run as root).
es_user() {
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    say "creating system user $ES_USER"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  fi
}

es_install() {
  mkdir -p "$ES_DIR"
  es_unpack "$ES_VERSION"
  es_user
}

# The analysis plugin (es-plugin/, docs/stemming.md): English stemming, ASCII folding, synonym and synonym_graph
# under analysis-common's names, which Elastic's integration-test zip lacks and index-mappings/ uses.
ES_PLUGIN_NAME=joinedup-analysis

# es_plugin_flavour VERSION: es8 or es9, the build of es-plugin/ that a node of that version takes
# (a stable plugin needs the node's major version).
es_plugin_flavour() { echo "es${1%%.*}"; }

es_plugin_zip() { echo "$ROOT/es-plugin/target/$(es_plugin_flavour "$1")/$ES_PLUGIN_NAME-$(es_plugin_flavour "$1").zip"; }

# es_plugin_build VERSION [JAVA_HOME]: builds the plugin for that major unless the zip is newer than its
# source. The 9.x build needs a JDK 21+ (compiled with --release 21).
es_plugin_build() {
  local version=$1 java=${2:-} zip flavour
  zip=$(es_plugin_zip "$version")
  flavour=$(es_plugin_flavour "$version")
  if [[ -s $zip ]] && [[ -z $(find "$ROOT/es-plugin/src" "$ROOT/es-plugin/pom.xml" -newer "$zip" -print -quit) ]]; then
    return 0
  fi
  say "building the analysis plugin for Elasticsearch $version ($flavour)"
  local profile=()
  [[ $flavour == es8 ]] || profile=("-P$flavour")
  (cd "$ROOT/es-plugin" && env ${java:+JAVA_HOME=$java} "$ROOT/mvnw" -B -q -Dstyle.color=never "${profile[@]}" package)
  [[ -s $zip ]] || die "plugin build finished but $zip is missing"
}

# es_plugin_current HOME VERSION: true if the node in HOME has the plugin from today's zip.
es_plugin_current() {
  local home=$1 zip
  zip=$(es_plugin_zip "$2")
  [[ -d $home/plugins/$ES_PLUGIN_NAME && -s $zip && -s $home/$ES_PLUGIN_NAME.sha256 ]] \
    && [[ $(sha256sum "$zip" | cut -d' ' -f1) == "$(<"$home/$ES_PLUGIN_NAME.sha256")" ]]
}

# es_plugin_install HOME VERSION JAVA_HOME: builds the plugin if needed and (re)installs it into the stopped
# node in HOME when the zip changed. Never into a full distribution, whose analysis-common has the same names.
es_plugin_install() {
  local home=$1 version=$2 java=$3 zip
  if [[ -d $home/modules/analysis-common ]]; then
    say "note: $home has Elastic's analysis-common; the analysis plugin is not installed there (same names)"
    return 0
  fi
  es_plugin_build "$version" "$java"
  es_plugin_current "$home" "$version" && return 0
  chown -R "$ES_USER:" "$home"
  zip=$(es_plugin_zip "$version")
  say "installing the analysis plugin $(basename "$zip") into $home"
  if [[ -d $home/plugins/$ES_PLUGIN_NAME ]]; then
    as_user "$ES_USER" env ES_JAVA_HOME="$java" "$home/bin/elasticsearch-plugin" remove "$ES_PLUGIN_NAME" >/dev/null
  fi
  # elasticsearch-plugin reads the zip as the node's user; a copy it can read
  local copy="$home/$ES_PLUGIN_NAME.zip"
  cp "$zip" "$copy" && chown "$ES_USER:" "$copy"
  # it warns about an empty policy file: harmless
  as_user "$ES_USER" env ES_JAVA_HOME="$java" "$home/bin/elasticsearch-plugin" install --batch "file://$copy" >/dev/null 2>&1 \
    || { as_user "$ES_USER" env ES_JAVA_HOME="$java" "$home/bin/elasticsearch-plugin" install --batch "file://$copy" 2>&1 | tail -n 20 >&2
         die "could not install the analysis plugin into $home"; }
  sha256sum "$zip" | cut -d' ' -f1 >"$home/$ES_PLUGIN_NAME.sha256"
  rm -f "$copy"
}

es_configure() {
  mkdir -p "$ES_DATA" "$ES_LOGS" "$ES_RUN" "$ES_DIR/tmp"
  # The geoip setting exists only where the ingest-geoip module does; this zip lacks it and
  # rejects unknown settings at startup.
  local geoip=""
  [[ -d $ES_HOME/modules/ingest-geoip ]] && geoip="ingest.geoip.downloader.enabled: false"
  cat >"$ES_HOME/config/elasticsearch.yml" <<YML
# Written by bin/lib/elasticsearch.sh: edits here are overwritten at the next start.
cluster.name: joinedup
node.name: joinedup-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: 9200
transport.port: 9300
xpack.security.enabled: false
path.data: $ES_DATA
path.logs: $ES_LOGS
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
$geoip
YML
  chown -R "$ES_USER:" "$ES_DIR"
}

es_tail_logs() {
  echo "---- last lines of $ES_LOGS/joinedup.log ----" >&2
  tail -n 40 "$ES_LOGS/joinedup.log" >&2 2>/dev/null || echo "(no log yet)" >&2
}

es_start() {
  ensure_java
  local java_home=${ES_JAVA_HOME:-$(java_home_of_path)}
  local heap=${JOINEDUP_ES_HEAP:-768m}
  rm -f "$ES_PID"
  say "starting Elasticsearch $ES_VERSION on $ES_URL as $ES_USER (heap $heap, java $java_home, logs $ES_LOGS)"
  # The launcher echoes the whole startup log; keep it in a file and show it only on failure.
  if ! as_user "$ES_USER" env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms$heap -Xmx$heap" \
        ES_TMPDIR="$ES_DIR/tmp" "$ES_HOME/bin/elasticsearch" -d -p "$ES_PID" >"$ES_DIR/startup.out" 2>&1; then
    echo "---- output of bin/elasticsearch ----" >&2
    tail -n 40 "$ES_DIR/startup.out" >&2
    die "Elasticsearch did not start"
  fi
}

es_wait() {
  local deadline=$((SECONDS + ${JOINEDUP_ES_TIMEOUT:-120}))
  es_healthy || say "waiting for Elasticsearch cluster health yellow or green"
  until es_healthy; do
    if ((SECONDS >= deadline)); then
      es_tail_logs
      die "Elasticsearch not ready at $ES_URL after ${JOINEDUP_ES_TIMEOUT:-120}s"
    fi
    if [[ -s $ES_PID ]] && ! es_pid_alive; then
      es_tail_logs
      die "Elasticsearch exited during startup"
    fi
    sleep 2
  done
  say "Elasticsearch ready at $ES_URL"
}

es_up() {
  require_root
  ensure_java
  es_plugin_build "$ES_VERSION"
  if es_answers && es_pid_alive && ! es_plugin_current "$ES_HOME" "$ES_VERSION"; then
    # the plugin is read at start only: a new build means a restart
    say "the analysis plugin changed: restarting Elasticsearch to install it"
    es_down
  fi
  if es_answers; then
    es_pid_alive || say "note: the Elasticsearch on $ES_URL was not started by these scripts (no live $ES_PID)"
    es_plugin_current "$ES_HOME" "$ES_VERSION" \
      || say "note: the analysis plugin is not installed in the node on $ES_URL; index creation will fail (docs/stemming.md)"
    say "Elasticsearch already running at $ES_URL"
  elif [[ $(http_code "$ES_URL/") != 000 ]]; then
    die "something that is not Elasticsearch answers on $ES_URL; free port 9200"
  elif es_pid_alive; then
    say "Elasticsearch (pid $(<"$ES_PID")) is still starting"
  else
    es_install
    es_plugin_install "$ES_HOME" "$ES_VERSION" "${ES_JAVA_HOME:-$(java_home_of_path)}"
    es_configure
    es_start
  fi
  es_wait
}

es_down() {
  local pid=""
  if es_pid_alive; then
    pid=$(<"$ES_PID")
  elif id -u "$ES_USER" >/dev/null 2>&1; then
    # Pidfile lost: any java process of our dedicated user is ours.
    pid=$(pgrep -u "$ES_USER" -f org.elasticsearch.bootstrap || true)
  fi
  if [[ -n $pid ]]; then
    say "stopping Elasticsearch (pid $pid)"
    local p
    for p in $pid; do stop_pid "$p" Elasticsearch 60; done
    rm -f "$ES_PID"
  else
    say "Elasticsearch not running (no live $ES_PID)"
    es_answers && say "note: an Elasticsearch not started by these scripts still answers on $ES_URL; left alone"
  fi
  return 0
}

es_status() {
  local health
  health=$(curl -s -m 5 "$ES_URL/_cluster/health" 2>/dev/null | grep -o '"status":"[a-z]*"' | cut -d'"' -f4 || true)
  if [[ -n $health ]] && es_pid_alive; then
    echo "Elasticsearch: running at $ES_URL, pid $(<"$ES_PID"), cluster health $health"
  elif [[ -n $health ]]; then
    echo "Elasticsearch: running at $ES_URL (not started by these scripts), cluster health $health"
  elif es_pid_alive; then
    echo "Elasticsearch: starting or unhealthy, pid $(<"$ES_PID") (logs $ES_LOGS)"
  elif [[ -x $ES_HOME/bin/elasticsearch ]]; then
    echo "Elasticsearch: stopped"
  else
    echo "Elasticsearch: not installed"
  fi
}
