#!/usr/bin/env bash
# Three instances behind a real load balancer (issue 20). Starts a database of its own on the PostgreSQL
# at 127.0.0.1:5432 (trust, user postgres), three Waypoint instances on it with the demo data and the same
# keys, each with its own port and data folder, their e-mail going to a local SMTP server
# (bench/SmtpSink.java), and HAProxy from Debian in front of them with a configuration of its own:
# round-robin, /health/ready checked every second, no stickiness, a refused connection retried on another
# instance. Through HAProxy, for DURATION seconds: CLIENTS loops submit referrals through the API as
# bench/crash.sh does (a client, a draft, consent, submit), and BROWSERS loops sign in on the pages as the
# demo caseworker once and then keep opening their referrals and the new-referral wizard's first step and
# posting it, counting every answer that is the sign-in page. One instance is killed with kill -9 every
# KILL_EVERY seconds, in turn, and started again on the same settings; never two at once: when a restart
# takes longer, the next kill comes 5 s after it is ready (the load then goes on until it is, so that all
# three are up at the end). The three start together on the empty database, which also shows that they
# do not race to load the demo data (StartupLock). Every DIRECTORY_EVERY seconds an
# administrator changes a service's waiting time on one instance, and each other instance's matching is
# asked directly until it shows the change.
# At the end, once the outbox is empty, it checks: every acknowledged referral is in the database once
# with its reference, with exactly one submission e-mail; no e-mail (Message-ID) came twice; nobody had to
# sign in again; no 5xx but those HAProxy logged as answered for an instance killed while they were in
# flight (each request carries an id HAProxy logs beside the instance); no connection failed but during
# a kill; every directory change seen by every other instance within 2 s. Prints the figures; exits 1 if
# a check fails (the run's folder is then kept; it is removed after a run that passed).
# Usage: bench/cluster.sh [--no-build]   (env: DURATION=180 CLIENTS=4 BROWSERS=3 KILL_EVERY=30
#        DIRECTORY_EVERY=40; ports: EDGE_PORT=28180, the instances the next three, SMTP_PORT=28185;
#        CLUSTER_DB=waypoint_cluster, dropped and made again; READY_WAIT=300 seconds for each start (a
#        restart under this load on two cores has taken two minutes and more);
#        DRAIN_MAX=420 seconds for the outbox to empty: on PostgreSQL a restart cannot free the leases a
#        killed instance held, as another instance may hold them too, so its messages wait out the
#        dispatcher's 5-minute lease)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-180}
clients=${CLIENTS:-4}
browsers=${BROWSERS:-3}
kill_every=${KILL_EVERY:-30}
directory_every=${DIRECTORY_EVERY:-40}
edge_port=${EDGE_PORT:-28180}
ports=("$((edge_port + 1))" "$((edge_port + 2))" "$((edge_port + 3))")
smtp_port=${SMTP_PORT:-28185}
database=${CLUSTER_DB:-waypoint_cluster}
edge="http://127.0.0.1:$edge_port"
psql_cluster() { psql -h 127.0.0.1 -p 5432 -U postgres -d "$database" -v ON_ERROR_STOP=1 -qtA "$@"; }
now_us() { echo "${EPOCHREALTIME/./}"; }

if [[ "${1:-}" != "--no-build" ]]; then
    ./mvnw --batch-mode --quiet -DskipTests package
fi
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)"; exit 1; }
# HAProxy may be on its way in from another apt run: apt waits for that run's lock.
command -v haproxy >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -qq haproxy >/dev/null
psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1 || {
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$version" ]] && pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
    psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SELECT 1' >/dev/null || { echo "PostgreSQL does not answer at 127.0.0.1:5432"; exit 1; }
}
for port in "$edge_port" "${ports[@]}" "$smtp_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken: set EDGE_PORT and SMTP_PORT"; exit 1; fi
done

run=$(mktemp -d -t waypoint-cluster.XXXXXX)
pids=() workers=() instance_pid=("" "" "")
finish() {
    if [[ -d $run ]]; then touch "$run/stop"; fi
    kill "${workers[@]}" "${pids[@]}" 2>/dev/null || true
    for pid in "${instance_pid[@]}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
    for pid in "${instance_pid[@]}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
}
trap finish EXIT

PGOPTIONS='--client-min-messages=warning' psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
java bench/SmtpSink.java "$smtp_port" "$run/mail" & pids+=($!)

# One set of keys for the three: each instance must read what another wrote. Made for this run, never printed.
WAYPOINT_CRYPTO_KEYS="k1:$(head -c 32 /dev/urandom | base64)"
WAYPOINT_CRYPTO_HMAC_KEY=$(head -c 32 /dev/urandom | base64)
export WAYPOINT_CRYPTO_KEYS WAYPOINT_CRYPTO_HMAC_KEY
export WAYPOINT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" WAYPOINT_DB_USER=postgres
export WAYPOINT_MAIL_HOST=127.0.0.1 WAYPOINT_MAIL_PORT=$smtp_port WAYPOINT_MAIL_TLS=none
export WAYPOINT_PUBLIC_URL="$edge" WAYPOINT_DEMO=true WAYPOINT_TOTP_REQUIRED=administrators
# Behind the edge every request comes from its one address; the load is far past production's limits.
export WAYPOINT_RATE_LIMIT_PER_TOKEN_PER_MINUTE=100000000 WAYPOINT_RATE_LIMIT_PER_ADDRESS_PER_MINUTE=100000000

# Starts instance $1 (0-2) on its port and data folder. bin/waypoint ends by exec'ing the JVM, so the
# pid started here is the JVM's own: the only process kill -9 is sent to.
start_instance() {
    WAYPOINT_DATA_DIR="$run/instance-$1" WAYPOINT_HTTP_PORT="${ports[$1]}" bin/waypoint --no-build >> "$run/instance-$1.log" 2>&1 &
    instance_pid[$1]=$!
    echo "$!" > "$run/instance-$1.pid"
}
ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${ports[$1]}/health/ready")" == 200 ]]; }
wait_ready() {
    local started=$SECONDS
    until ready "$1"; do
        kill -0 "${instance_pid[$1]}" 2>/dev/null || { echo "   instance $1 exited: see $run/instance-$1.log"; return 1; }
        (( SECONDS - started < ${READY_WAIT:-300} )) || { echo "   instance $1 not ready after ${READY_WAIT:-300} s: see $run/instance-$1.log"; return 1; }
        sleep 0.2
    done
}

# All three start at once on the empty database: migrating and loading the demo data run on one
# instance at a time (StartupLock), so the others wait, then find it there.
echo "== PostgreSQL database $database; three instances at ports ${ports[*]}, HAProxy at $edge_port, SMTP at $smtp_port"
started=$(now_us)
start_instance 0
start_instance 1
start_instance 2
wait_ready 0 || exit 1
wait_ready 1 || exit 1
wait_ready 2 || exit 1
echo "   all three ready after $((($(now_us) - started) / 1000000)) s"

cat > "$run/haproxy.cfg" <<EOF
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout http-keep-alive 10s
    retries 3
    option redispatch
    retry-on conn-failure
frontend cluster
    bind 127.0.0.1:$edge_port
    log stdout format raw local0
    http-request capture req.hdr(X-Bench-Request) len 80
    log-format "%Ts%ms %s %ST %tsc %Tr %Tt %[capture.req.hdr(0)] %HM %HU"
    default_backend waypoint
backend waypoint
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
    server instance-0 127.0.0.1:${ports[0]}
    server instance-1 127.0.0.1:${ports[1]}
    server instance-2 127.0.0.1:${ports[2]}
EOF
haproxy -c -q -f "$run/haproxy.cfg"
haproxy -db -f "$run/haproxy.cfg" > "$run/haproxy.log" 2>&1 & pids+=($!)
for _ in $(seq 1 50); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$edge/health/ready")" == 200 ]] && break; sleep 0.2; done
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.2; done

api_token() {
    curl -s -X POST "$edge/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"Demo-Password-1\",\"tokenName\":\"cluster\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
token=$(api_token caseworker@example.org)
admin=$(bench/admin-token.sh "$edge" "$run/admin")
# The API writes an object's keys in alphabetical order: an item's id comes before its name.
service_id() { curl -s "$edge/api/v1/services?size=100" | sed 's/"id":"/\n/g' | grep "\"name\":\"$1\"" | cut -d'"' -f1 | head -n 1; }
service=$(service_id "Harbour Counselling")
changed=$(service_id "Willow Therapy")
[[ -n "$token" && -n "$admin" && -n "$service" && -n "$changed" ]] || { echo "the demo accounts or services are missing"; exit 1; }

# Every request the clients make is one line in their log: "<start µs> <end µs> <status> <curl exit> <what>
# <id>"; the id goes in a header HAProxy logs beside the instance that answered.
# request LOG WHAT CURL-ARGUMENTS...: sets code (000 when the connection failed) and rc.
request() {
    local log=$1 what=$2 start id
    shift 2
    start=$(now_us)
    id="${log##*/}-$start"
    rc=0
    code=$(curl -s --max-time 60 -w '%{http_code}' -H "X-Bench-Request: $id" "$@") || rc=$?
    echo "$start $(now_us) $code $rc $what $id" >> "$log"
}

# One submission, as bench/crash.sh makes it; prints "ack <referral> <reference>", "died <step> <curl exit>
# <referral>" (no answer) or "refused <step> <status> <referral>".
submission() {
    local tmp=$1 step path id=""
    local -a body
    for step in client draft consent submit; do
        case $step in
            client) path=/api/v1/clients
                body=(-H 'Content-Type: application/json' -d '{"givenName":"Cluster","familyName":"Test","dateOfBirth":"1990-01-01","gender":"NOT_SAID"}') ;;
            draft) path=/api/v1/referrals
                body=(-H 'Content-Type: application/json' -d "{\"clientId\":\"$id\",\"serviceId\":\"$service\",\"needs\":{\"needs\":[\"COUNSELLING\"],\"riskLevel\":\"STANDARD\",\"urgency\":\"ROUTINE\"}}") ;;
            consent) path=/api/v1/referrals/$id/consent
                body=(-H 'Content-Type: application/json' -d '{"basis":"GIVEN_BY_PERSON","shareContactDetails":true,"shareCaseDetails":true,"method":"IN_PERSON"}') ;;
            submit) path=/api/v1/referrals/$id/submit
                body=() ;;
        esac
        request "$tmp.requests" "api-$step" -o "$tmp.body" -D "$tmp.head" -X POST "$edge$path" \
            -H "Authorization: Bearer $token" "${body[@]}"
        if (( rc != 0 )); then echo "died $step $rc $id"; return; fi
        if [[ "$code" != 2* ]]; then echo "refused $step $code $id"; return; fi
        case $step in
            client | draft) id=$(tr -d '\r' < "$tmp.head" | sed -n 's|^[Ll]ocation: .*/||p') ;;
        esac
    done
    echo "ack $id $(grep -o '"reference":"[^"]*"' "$tmp.body" | head -n 1 | cut -d'"' -f4)"
}
submitter() {
    while [[ ! -e "$run/stop" ]]; do
        submission "$run/submitter-$1" >> "$run/outcomes"
    done
    echo "submitter $1" >> "$run/loops-ended"
}

# A browser: one cookie jar, signed in once on the pages as the demo caseworker.
# page LOG WHAT CURL-ARGUMENTS...: like request, with the page in $page_file; sets page_kind to
# "sign-in" (a redirect to the sign-in page, or the page itself), "5xx", "failed" (no answer) or "ok".
page() {
    local log=$1 what=$2
    shift 2
    request "$log" "$what" -o "$page_file" -D "$page_file.head" -b "$jar" -c "$jar" "$@"
    if (( rc != 0 )); then page_kind=failed
    elif [[ "$code" == 5* ]]; then page_kind=5xx
    elif [[ "$code" == 30[23] ]] && tr -d '\r' < "$page_file.head" | grep -qi '^location: .*/sign-in'; then page_kind=sign-in
    elif grep -q '<title>Sign in ' "$page_file"; then page_kind=sign-in
    else page_kind=ok
    fi
}
# A form field's value on the page, empty when it has none (an error page, the sign-in page).
field() { { grep -o "name=\"$1\" value=\"[^\"]*\"" "$page_file" || true; } | head -n 1 | sed 's/.*value="//;s/"$//'; }
sign_in() {
    local log=$1 csrf
    rm -f "$jar"
    page "$log" sign-in-form "$edge/sign-in"
    csrf=$(field csrf)
    page "$log" sign-in "$edge/sign-in" --data-urlencode "sign-in=sign-in" --data-urlencode "csrf=$csrf" \
        --data-urlencode "email=caseworker@example.org" --data-urlencode "password=Demo-Password-1" \
        --data-urlencode "sign-in-button=Sign in" --data-urlencode "jakarta.faces.ViewState=stateless"
    [[ "$code" == 302 ]] && tr -d '\r' < "$page_file.head" | grep -qi '^location: .*/referrals'
}
# Records the outcome of one page request in the browser's tally: "<what> <kind> <status>".
tally() { echo "$1 $page_kind $code" >> "$run/pages"; }
browser() {
    local log="$run/browser-$1.requests" csrf step
    jar="$run/browser-$1.jar" page_file="$run/browser-$1.page"
    until sign_in "$log"; do
        [[ -e "$run/stop" ]] && return
        sleep 1
    done
    echo "signed-in" >> "$run/browser-$1.sign-ins"
    while [[ ! -e "$run/stop" ]]; do
        page "$log" list "$edge/referrals"
        [[ "$page_kind" == ok ]] && ! grep -q "<title>Your organisation's referrals" "$page_file" && page_kind=unexpected
        tally list
        page "$log" wizard "$edge/referrals/new"
        [[ "$page_kind" == ok ]] && ! grep -q 'name="wizardStep" value="FIND"' "$page_file" && page_kind=unexpected
        tally wizard
        if [[ "$page_kind" == ok ]]; then
            csrf=$(field csrf)
            page "$log" find "$edge/referrals/new" --data-urlencode "new-referral=new-referral" --data-urlencode "csrf=$csrf" \
                --data-urlencode "wizardStep=FIND" --data-urlencode "wizardReferral=" --data-urlencode "wizardClient=" \
                --data-urlencode "wizardClientVersion=0" --data-urlencode "wizardCandidates=" \
                --data-urlencode "givenName=Rowan" --data-urlencode "familyName=Example" --data-urlencode "dob-day=2" \
                --data-urlencode "dob-month=3" --data-urlencode "dob-year=1991" --data-urlencode "find=Continue" \
                --data-urlencode "jakarta.faces.ViewState=stateless"
            step=$(field wizardStep)
            [[ "$page_kind" == ok && "$step" != ADD && "$step" != CHOOSE ]] && page_kind=unexpected
            tally find
        fi
        # Signed out after all: counted above; sign in again to go on.
        if [[ "$page_kind" == sign-in ]]; then
            until sign_in "$log" || [[ -e "$run/stop" ]]; do sleep 1; done
            echo "signed-in" >> "$run/browser-$1.sign-ins"
        fi
    done
    echo "browser $1" >> "$run/loops-ended"
}

# A directory change on one instance (a new waiting time for Willow Therapy), then each other instance's
# matching asked directly, every 50 ms, until it shows it: "<round> <changed on> <instance> <ms, or - when
# the instance went down while asked>" in $run/directory.
waiting_weeks() {
    curl -s --max-time 2 -H "Authorization: Bearer $token" \
        "http://127.0.0.1:${ports[$1]}/api/v1/services/match?need=THERAPY&postcode=M14&age=30&gender=NOT_SAID&risk=STANDARD&crime=SEXUAL_ASSAULT" \
        | sed 's/"service":{/\n/g' | grep "\"id\":\"$changed\"" | grep -o '"waitWeeks":[0-9]*' | cut -d: -f2
}
watch_change() { # round, changer, instance, weeks, start µs
    local seen
    while true; do
        seen=$(waiting_weeks "$3" || true)
        if [[ "$seen" == "$4" ]]; then echo "$1 $2 $3 $((($(now_us) - $5) / 1000))" >> "$run/directory"; return; fi
        if [[ -z "$seen" ]] && ! ready "$3"; then echo "$1 $2 $3 -" >> "$run/directory"; return; fi
        if (( $(now_us) - $5 > 30000000 )); then echo "$1 $2 $3 30000+" >> "$run/directory"; return; fi
        sleep 0.05
    done
}
directory_changes() {
    local round=0 changer others weeks start code i
    : > "$run/directory"
    sleep 10
    while [[ ! -e "$run/stop" ]]; do
        changer=$((round % 3))
        if ready "$changer"; then
            weeks=$((10 + round))
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X PUT -H "Authorization: Bearer $admin" \
                -H 'Content-Type: application/json' -d "{\"capacity\":\"WAITING_LIST\",\"waitWeeks\":$weeks}" \
                "http://127.0.0.1:${ports[$changer]}/api/v1/services/$changed/capacity") || code=000
            start=$(now_us)
            if [[ "$code" == 200 ]]; then
                others=()
                for i in 0 1 2; do
                    (( i == changer )) && continue
                    if ready "$i"; then watch_change "$round" "$changer" "$i" "$weeks" "$start" & others+=($!)
                    else echo "$round $changer $i down" >> "$run/directory"; fi
                done
                wait "${others[@]}" 2>/dev/null || true
            else
                echo "$round $changer - refused $code" >> "$run/directory"
            fi
            round=$((round + 1))
        fi
        for _ in $(seq 1 "$directory_every"); do [[ -e "$run/stop" ]] && break; sleep 1; done
    done
}

: > "$run/outcomes"; : > "$run/pages"; : > "$run/kills"; : > "$run/restarts"; : > "$run/loops-ended"; : > "$run/not-back"
for n in $(seq 1 "$clients"); do submitter "$n" & workers+=($!); done
for n in $(seq 1 "$browsers"); do browser "$n" & workers+=($!); done
directory_changes & workers+=($!)

echo "== $clients API clients and $browsers browsers through HAProxy for $duration s; kill -9 every $kill_every s, in turn"
load_started=$(now_us)
end=$((SECONDS + duration))
next_kill=$((SECONDS + kill_every))
victim=0
while (( next_kill < end )); do
    (( SECONDS < next_kill )) && sleep $((next_kill - SECONDS))
    # A request is in flight on the killed instance from the kill until the kernel has closed the
    # process's sockets (a connection it accepted meanwhile is reset too): until wait has reaped it.
    before=$(now_us)
    kill -9 "${instance_pid[$victim]}"
    wait "${instance_pid[$victim]}" 2>/dev/null || true
    after=$(now_us)
    echo "$before $after $victim" >> "$run/kills"
    start_instance "$victim"
    # One instance down at a time: one that does not come back ends the killing, and the run fails.
    if ! wait_ready "$victim"; then
        echo "$victim" >> "$run/not-back"
        break
    fi
    restart_ms=$((($(now_us) - after) / 1000))
    echo "$restart_ms" >> "$run/restarts"
    echo "   killed instance $victim at $(((before - load_started) / 1000000)) s; ready again after $restart_ms ms; $(grep -c '^ack' "$run/outcomes" || true) referrals acknowledged so far"
    victim=$(((victim + 1) % 3))
    next_kill=$((next_kill + kill_every))
    (( next_kill < SECONDS + 5 )) && next_kill=$((SECONDS + 5))
done
(( SECONDS < end )) && sleep $((end - SECONDS))
touch "$run/stop"
wait "${workers[@]}" 2>/dev/null || true
workers=()
load_s=$((($(now_us) - load_started) / 1000000))

# Messages a killed instance had claimed wait out its lease (5 minutes) and are then sent by any instance.
echo "== waiting for the outbox to drain (at most ${DRAIN_MAX:-420} s)"
outbox() { psql_cluster -c "SELECT count(*) FROM outbox WHERE status = '$1'"; }
mails() { find "$run/mail" -name '*.eml' | wc -l; }
drain_start=$SECONDS last=-1 quiet_since=$SECONDS
while (( SECONDS - drain_start < ${DRAIN_MAX:-420} )); do
    count=$(mails)
    [[ "$count" != "$last" ]] && last=$count && quiet_since=$SECONDS
    [[ "$(outbox PENDING)" == 0 ]] && (( SECONDS - quiet_since >= 10 )) && break
    sleep 3
done
echo "   $(mails) e-mails received after $((SECONDS - drain_start)) s; outbox: $(outbox PENDING) pending, $(outbox FAILED) failed"
for i in 0 1 2; do kill "${instance_pid[$i]}" 2>/dev/null || true; done
for i in 0 1 2; do wait "${instance_pid[$i]}" 2>/dev/null || true; instance_pid[$i]=""; done

# Each e-mail as "<Message-ID> <referral reference, or -> <kind>", the kind "submission" for the new-referral e-mail.
for f in $(find "$run/mail" -name '*.eml'); do
    awk '{sub(/\r$/, "")}
         tolower($1) == "message-id:" && !id {id = $2}
         /^Subject: Waypoint: a new referral is waiting/ {kind = "submission"}
         $1 == "Reference:" && !ref {ref = $2}
         END {print id, (ref ? ref : "-"), (kind ? kind : "other")}' "$f"
done > "$run/mail.txt"
awk '$3 == "submission" {print $2}' "$run/mail.txt" | sort | uniq -c | awk '{print $2, $1}' > "$run/submission-mails"
# Every referral in the database that has a reference, as "<reference> <id>".
psql_cluster -F ' ' -c "SELECT reference, id FROM referral WHERE reference IS NOT NULL" | sort > "$run/referrals"

failures=0
check() { # name, count of failures, detail
    printf '   %-72s %s\n' "$1" "$([[ "$2" == 0 ]] && echo ok || echo "FAILED: $2 $3")"
    [[ "$2" == 0 ]] || failures=$((failures + 1))
}
missing=0 wrong_mails=0
while read -r _ id reference; do
    rows=$(awk -v r="$reference" '$1 == r' "$run/referrals" | wc -l)
    row_id=$(awk -v r="$reference" '$1 == r {print $2}' "$run/referrals" | head -n 1)
    [[ -n "$reference" && "$rows" == 1 && "$row_id" == "$id" ]] || { missing=$((missing + 1)); echo "      $id: acknowledged as '$reference', in the database $rows times"; }
    n=$(awk -v r="$reference" '$1 == r {print $2}' "$run/submission-mails")
    [[ "$n" == 1 ]] || { wrong_mails=$((wrong_mails + 1)); echo "      $reference: ${n:-0} submission e-mails"; }
done < <(grep '^ack' "$run/outcomes")
# A submission whose answer was cut off may have happened: if it did, it too has one e-mail.
cut_off=0 cut_off_done=0 cut_off_wrong=0
while read -r _ _ _ id; do
    cut_off=$((cut_off + 1))
    reference=$(psql_cluster -c "SELECT reference FROM referral WHERE id = '$id' AND reference IS NOT NULL")
    [[ -n "$reference" ]] || continue
    cut_off_done=$((cut_off_done + 1))
    n=$(awk -v r="$reference" '$1 == r {print $2}' "$run/submission-mails")
    [[ "$n" == 1 ]] || { cut_off_wrong=$((cut_off_wrong + 1)); echo "      $reference (cut off): ${n:-0} submission e-mails"; }
done < <(grep -E '^(died|refused) submit' "$run/outcomes" | awk '{print $1, $2, $3, $4}')

# A 5xx is explained when HAProxy logged it as answered for the instance killed while the request was in
# flight (begun before the process was reaped, answered after the kill). HAProxy's own 503 when no instance
# is up names none, and so is never explained. A connection the client saw fail (HAProxy itself never
# should) is explained by the time alone.
cat "$run"/*.requests > "$run/requests"
awk 'FILENAME == ARGV[1] {kb[FNR] = $1; ka[FNR] = $2; kv[FNR] = "instance-" $3; n = FNR; next}
     FILENAME == ARGV[2] {if ($1 ~ /^[0-9]+$/ && NF >= 7) server[$7] = $2; next}
     {in_flight = 0; on_killed = 0; answered_by = ($6 in server) ? server[$6] : "unlogged"
      for (k = 1; k <= n; k++) if ($1 <= ka[k] && $2 >= kb[k]) {in_flight = 1; if (answered_by == kv[k]) on_killed = 1}}
     $3 ~ /^5/ {print (on_killed ? "in-flight-5xx" : "other-5xx"), $3, $5, answered_by}
     $4 != 0 {print (in_flight ? "in-flight-failed" : "other-failed"), "curl-" $4, $5, "-"}' \
    "$run/kills" "$run/haproxy.log" "$run/requests" > "$run/errors"
errors_of() { awk -v k="$1" '$1 == k' "$run/errors" | wc -l; }
errors_detail() { awk -v k="$1" '$1 == k {print $3 " " $2}' "$run/errors" | sort | uniq -c | awk '{printf "%s%s %s: %d", (NR > 1 ? ", " : ""), $2, $3, $1}'; }

signed_out=$(awk '$2 == "sign-in"' "$run/pages" | wc -l)
unexpected=$(awk '$2 == "unexpected"' "$run/pages" | wc -l)
# Not counted: an instance down when the change was made or killed while asked, a changer killed mid-change.
late=$(awk '$4 == "30000+" || ($4 ~ /^[0-9]+$/ && $4 > 2000) || ($4 == "refused" && $5 != "000")' "$run/directory" | wc -l)
measured=$(awk '$4 ~ /^[0-9]+$/' "$run/directory" | wc -l)
acked=$(grep -c '^ack' "$run/outcomes" || true)
echo "== checks"
check "every acknowledged referral is in the database once, with its reference" "$missing" "of $acked"
check "every acknowledged referral has exactly one submission e-mail" "$wrong_mails" "of $acked"
check "no reference on two acknowledged referrals" "$(grep '^ack' "$run/outcomes" | cut -d' ' -f3 | sort | uniq -d | wc -l)" "references"
check "no e-mail received twice (Message-ID)" "$(cut -d' ' -f1 "$run/mail.txt" | sort | uniq -d | wc -l)" "Message-IDs"
check "every cut-off submission that happened has exactly one e-mail" "$cut_off_wrong" "of $cut_off_done"
check "no e-mail left in the outbox (pending or failed)" "$(( $(outbox PENDING) + $(outbox FAILED) ))" "messages"
check "nobody had to sign in again" "$signed_out" "sign-in pages answered to signed-in browsers"
check "every page answered as expected (list, wizard, its first step)" "$unexpected" "other answers"
check "no 5xx but for requests in flight on a killed instance" "$(errors_of other-5xx)" "($(errors_detail other-5xx))"
check "no failed connection but for requests in flight on a killed instance" "$(errors_of other-failed)" "($(errors_detail other-failed))"
check "every directory change matched on every other instance within 2 s" "$late" "of $measured (see $run/directory)"
check "every killed instance ready again within ${READY_WAIT:-300} s" "$(wc -l < "$run/not-back")" "instances"
check "every load loop ran until told to stop" "$((clients + browsers - $(wc -l < "$run/loops-ended")))" "loops ended early (a fault of this script)"
check "at least one directory change measured" "$(( measured > 0 ? 0 : 1 ))" ""

echo "== figures"
echo "   run:                          $load_s s of load, $clients API clients, $browsers browsers, through HAProxy to 3 instances on PostgreSQL"
echo "   instances killed (kill -9):   $(wc -l < "$run/kills")$(awk 'NR == 1 {first = $1} {last = $1} END {if (NR > 1) printf ", one every %.0f s", (last - first) / (NR - 1) / 1000000}' "$run/kills")$(sort -n "$run/restarts" | awk '{v[NR] = $1} END {if (NR) printf ", ready again after p50 %.1f s, max %.1f s", v[int(NR * 0.5 + 0.999)] / 1000, v[NR] / 1000}')"
echo "   submissions attempted:        $(wc -l < "$run/outcomes"), acknowledged $acked ($(awk -v a="$acked" -v s="$load_s" 'BEGIN {printf "%.1f", a / s}')/s)"
echo "   submissions not acknowledged: $(grep -c '^died' "$run/outcomes" || true) without an answer, $(grep -c '^refused' "$run/outcomes" || true) refused$(grep '^refused' "$run/outcomes" | cut -d' ' -f2,3 | sort | uniq -c | awk '{printf " (%s at %s: %d)", $3, $2, $1}'); cut off at submit: $cut_off, of which had happened: $cut_off_done"
echo "   API request time (all steps): $(awk '$5 ~ /^api-/ && $4 == 0 {print ($2 - $1) / 1000}' "$run/requests" | sort -n | awk '{v[NR] = $1} END {if (NR) printf "p50 %.0f ms, p99 %.0f ms over %d requests", v[int(NR * 0.5 + 0.999)], v[int(NR * 0.99 + 0.999)], NR}')"
echo "   e-mails:                      $(wc -l < "$run/mail.txt") received, $(grep -c ' submission$' "$run/mail.txt" || true) of them submission e-mails"
echo "   page requests:                $(wc -l < "$run/pages") ($(awk '{print $1}' "$run/pages" | sort | uniq -c | awk '{printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1}')); signed in: $(cat "$run"/browser-*.sign-ins 2>/dev/null | wc -l) times by $browsers browsers; sign-in page answered: $signed_out"
echo "   5xx seen by clients:          $(errors_of in-flight-5xx) in flight at a kill$( [[ $(errors_of in-flight-5xx) == 0 ]] || echo " ($(errors_detail in-flight-5xx))"), $(errors_of other-5xx) other"
echo "   connections failed:           $(errors_of in-flight-failed) in flight at a kill, $(errors_of other-failed) other"
echo "   directory change matched:     $(awk '{printf "%s%s", (NR > 1 ? ", " : ""), "round " $1 " on " $2 ": instance " $3 " " $4 ($4 ~ /^[0-9]+$/ ? " ms" : "")}' "$run/directory")"
if (( failures > 0 )); then
    echo "$failures checks failed; logs, outcomes and e-mails kept in $run"
    exit 1
fi
rm -rf "$run"
