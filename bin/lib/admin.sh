# Admin commands against a running JoinedUp: sign in as an admin, start a job, follow it to its end.
# shellcheck shell=bash
# Sourced by bin/joinedup, after app.sh.

JOB_URL="${JOINEDUP_URL:-$APP_URL}"

# admin_token: an admin's bearer token, printed. In order: $JOINEDUP_TOKEN as it is; else signs in as
# $JOINEDUP_ADMIN_USERNAME with $JOINEDUP_ADMIN_PASSWORD (the first admin the service makes); else as the
# local demo admin, demo-admin, with $JOINEDUP_DEMO_PASSWORD or the local default.
admin_token() {
  if [[ -n ${JOINEDUP_TOKEN:-} ]]; then
    printf '%s\n' "$JOINEDUP_TOKEN"
    return 0
  fi
  local user password answer
  if [[ -n ${JOINEDUP_ADMIN_USERNAME:-} ]]; then
    user=$JOINEDUP_ADMIN_USERNAME
    password=${JOINEDUP_ADMIN_PASSWORD:?JOINEDUP_ADMIN_USERNAME is set: set JOINEDUP_ADMIN_PASSWORD too, or JOINEDUP_TOKEN}
  else
    user=demo-admin
    password=${JOINEDUP_DEMO_PASSWORD:-$DEMO_PASSWORD_DEFAULT}
  fi
  # the password goes on standard input, not the command line, where ps would show it
  answer=$(jq -n --arg u "$user" --arg p "$password" '{username: $u, password: $p}' \
    | api_call POST /api/auth/token "" --data-binary @-)
  [[ ${answer%%$'\n'*} == 200 ]] || die "signing in as $user at $JOB_URL: $(problem_of "$answer")"
  jq -r .accessToken <<<"${answer#*$'\n'}"
}

# api_call METHOD PATH TOKEN [CURL ARGS]: the status on the first line, then the body. The token goes
# to curl as a header file, so it is not on any command line either.
api_call() {
  local method=$1 path=$2 token=$3
  shift 3
  local out
  out=$(curl -sS -m 30 -X "$method" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -H @<([[ -z $token ]] || printf 'Authorization: Bearer %s\n' "$token") -w '\n%{http_code}' "$@" "$JOB_URL$path") \
    || die "no answer from $JOB_URL (is the app running? bin/joinedup status)"
  printf '%s\n%s\n' "${out##*$'\n'}" "${out%$'\n'*}"
}

# problem_of ANSWER: "409 a reindex job is already running: ..." from an api_call answer.
problem_of() {
  local status=${1%%$'\n'*} body=${1#*$'\n'}
  printf '%s %s' "$status" "$(jq -r '.detail // empty' <<<"$body" 2>/dev/null || true)"
}

# One line of progress: "12:00:03 running  loading documents  45,000 of 100,000 documents (45%), 3,100/s, about 18 s left".
JOB_LINE='def n: tostring | [while(length > 0; .[:-3]) | .[-3:]] | reverse | join(",");
  ([.state, .phase // empty] | join("  ")) + "  \(.done | n)\(if .total then " of \(.total | n)" else "" end) \(.unit)"
  + (if .percent then " (\(.percent)%)" else "" end)
  + (if .ratePerSecond then ", \(.ratePerSecond | floor | n)/s" else "" end)
  + (if .secondsLeft then ", about \(.secondsLeft) s left" else "" end)
  + (if .errorCount > 0 then ", \(.errorCount) errors" else "" end)'

# follow_job ID TOKEN: prints a line whenever the job moves, until it ends; 0 if it succeeded.
follow_job() {
  local id=$1 token=$2 answer job line last=""
  trap 'echo; say "stopped following; the job goes on in the service: $JOB_URL/admin/jobs/$id"; exit 130' INT
  while true; do
    answer=$(api_call GET "/api/admin/jobs/$id" "$token")
    [[ ${answer%%$'\n'*} == 200 ]] || die "reading job $id: $(problem_of "$answer")"
    job=${answer#*$'\n'}
    line=$(jq -r "$JOB_LINE" <<<"$job")
    if [[ $line != "$last" ]]; then
      printf '%s %s\n' "$(date +%T)" "$line"
      last=$line
    fi
    case $(jq -r .state <<<"$job") in
      succeeded)
        jq -r 'if .result.index then "rebuilt: \(.result.index) is live with \(.result.documents) documents in \(.result.millis) ms;"
               + " check against PostgreSQL: \(if .result.check.inStep then "in step" else "\(.result.check.missing) missing,"
               + " \(.result.check.stale) stale, \(.result.check.extra) extra, queued for indexing" end)" else "succeeded" end' <<<"$job"
        jq -r '.errors[] | "  carried on past: \(.)"' <<<"$job"
        return 0 ;;
      failed)
        printf 'failed: %s\n' "$(jq -r '.failure // "no reason given"' <<<"$job")" >&2
        jq -r '.errors[] | "  error: \(.)"' <<<"$job" >&2
        return 1 ;;
    esac
    sleep 1
  done
}

# reindex: starts a rebuild of the search index and follows it; exit 0 when it succeeded, 1 otherwise.
reindex() {
  ensure_cmd curl curl
  ensure_cmd jq jq
  local token answer id
  token=$(admin_token)
  say "starting a rebuild of the search index at $JOB_URL"
  answer=$(api_call POST /api/admin/reindex "$token")
  [[ ${answer%%$'\n'*} == 202 ]] || die "the rebuild did not start: $(problem_of "$answer")"
  id=$(jq -r .id <<<"${answer#*$'\n'}")
  say "job $id: $JOB_URL/api/admin/jobs/$id (page: $JOB_URL/admin/jobs/$id)"
  follow_job "$id" "$token"
}
