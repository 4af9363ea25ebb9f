# The tools that check the API document (docs/api.md): Spectral from the npm registry, openapi-generator
# from Maven Central. Each is installed once, pinned, under $JOINEDUP_HOME/tools, and runs offline after.
# shellcheck shell=bash
# Sourced by src/test/api/check; expects common.sh.

SPECTRAL_VERSION=6.16.3
SPECTRAL_DIR="$JOINEDUP_HOME/tools/spectral-$SPECTRAL_VERSION"
SPECTRAL="$SPECTRAL_DIR/node_modules/.bin/spectral"
OPENAPI_GENERATOR_VERSION=7.17.0
OPENAPI_GENERATOR_JAR="$JOINEDUP_HOME/tools/openapi-generator-cli-$OPENAPI_GENERATOR_VERSION.jar"

ensure_spectral() {
  [[ -x $SPECTRAL ]] && return 0
  ensure_npm
  say "installing @stoplight/spectral-cli@$SPECTRAL_VERSION into $SPECTRAL_DIR"
  mkdir -p "$SPECTRAL_DIR"
  (cd "$SPECTRAL_DIR" && npm i -E --no-audit --no-fund --prefix . "@stoplight/spectral-cli@$SPECTRAL_VERSION" >/dev/null) \
    || die "npm could not install Spectral"
}

ensure_openapi_generator() {
  [[ -s $OPENAPI_GENERATOR_JAR ]] && return 0
  resolve_maven
  say "fetching openapi-generator-cli $OPENAPI_GENERATOR_VERSION from Maven Central into $(dirname "$OPENAPI_GENERATOR_JAR")"
  (cd "$ROOT" && "${MVN[@]}" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
    -Dartifact="org.openapitools:openapi-generator-cli:$OPENAPI_GENERATOR_VERSION" \
    -DoutputDirectory="$(dirname "$OPENAPI_GENERATOR_JAR")") || die "Maven could not fetch openapi-generator-cli"
}
