# The offline check of the Kubernetes manifests (docs/operations.md, "Checking the manifests").
# shellcheck shell=bash
# Sourced by bin/joinedup. Needs ES_VERSION (bin/lib/elasticsearch.sh).

MANIFESTS_CHECKER="$ROOT/src/test/kubernetes"
# installed once per package-lock.json, outside the repository, so a rebuild does not reinstall it
MANIFESTS_WORK="$JOINEDUP_HOME/manifest-check"
MANIFESTS=("$ROOT/target/kubernetes/kubernetes.yml" "$ROOT"/src/main/kubernetes/engines/*.yml "$ROOT"/src/main/kubernetes/restore/*.yml)

manifests_check() {
  ensure_npm
  [[ -f ${MANIFESTS[0]} ]] || die "${MANIFESTS[0]} is missing: build first (./mvnw -B -DskipTests package)"
  mkdir -p "$MANIFESTS_WORK"
  local sum
  sum=$(cat "$MANIFESTS_CHECKER/package.json" "$MANIFESTS_CHECKER/package-lock.json" | sha256sum | cut -d' ' -f1)
  if [[ ! -d $MANIFESTS_WORK/node_modules || $(cat "$MANIFESTS_WORK/.installed" 2>/dev/null) != "$sum" ]]; then
    say "installing the manifest checker: npm ci in $MANIFESTS_WORK (src/test/kubernetes/package-lock.json)"
    cp "$MANIFESTS_CHECKER/package.json" "$MANIFESTS_CHECKER/package-lock.json" "$MANIFESTS_WORK/"
    (cd "$MANIFESTS_WORK" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
    echo "$sum" >"$MANIFESTS_WORK/.installed"
  fi
  cp "$MANIFESTS_CHECKER/check-manifests.mjs" "$MANIFESTS_WORK/"
  say "checking the Kubernetes manifests: ${MANIFESTS[*]#"$ROOT/"}"
  (cd "$MANIFESTS_WORK" && node check-manifests.mjs --es-version "$ES_VERSION" "${MANIFESTS[@]}")
}
