#!/usr/bin/env bash
# Single-instance crash safety (issue 20): one Waypoint on embedded Derby with the demo data, its
# e-mail sent to a local SMTP server (bench/SmtpSink.java), CLIENTS loops submitting referrals as
# bench/submit.lua does (a client, a draft, consent, submit) while the server JVM is killed with
# kill -9 after a random 5-15 s, CRASHES times, and restarted each time on the same data folder.
# Once the last e-mail has left the outbox it checks: every submission acknowledged (200 with its
# reference) exists with that reference and has exactly one submission e-mail, no reference is on two
# referrals, no e-mail (Message-ID) arrived twice; and that a submission whose answer the crash cut
# off either did not happen or has its one e-mail too. Prints the counts and the restart times; exits
# 1 if a check fails (the run's folder is then kept).
# Usage: bench/crash.sh [--no-build]   (env: CRASHES=20 CLIENTS=4 PORT=8094, the SMTP server on PORT+1;
#        DRAIN_MAX=120 seconds for the outbox to empty: each restart frees the leases the killed JVM
#        left, so nothing waits out the dispatcher's 5-minute lease; READY_WAIT=120 seconds for each start)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8094}
crashes=${CRASHES:-20}
clients=${CLIENTS:-4}
smtp_port=$((port + 1))
export WAYPOINT_MAIL_HOST=127.0.0.1 WAYPOINT_MAIL_PORT=$smtp_port WAYPOINT_MAIL_TLS=none
. bench/server.sh

run=$(mktemp -d)
java bench/SmtpSink.java "$smtp_port" "$run/mail" & sink=$!
workers=()
finish() {
    # The run's folder is gone after a run that passed (removed at the end below).
    if [[ -d $run ]]; then touch "$run/stop"; fi
    kill "${workers[@]}" "$sink" 2>/dev/null || true
    stop
}
trap finish EXIT
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.2; done
ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" == 200 ]]; }
ready || { echo "the server did not start: see ${TMPDIR:-/tmp}/waypoint-bench-server.log"; exit 1; }
[[ -n "$service" ]] || { echo "the demo service Harbour Counselling is not listed"; exit 1; }
admin=$(bench/admin-token.sh "$base" "$data/admin")

# One submission; prints one line to the outcomes: "ack <referral> <reference>", "died <step> <curl exit>
# <referral>" when the connection failed (the server was killed), or "refused <step> <status>".
submission() {
    local tmp=$1 step path code rc id=""
    local -a body
    for step in client draft consent submit; do
        case $step in
            client) path=/api/v1/clients
                body=(-H 'Content-Type: application/json' -d '{"givenName":"Crash","familyName":"Test","dateOfBirth":"1990-01-01","gender":"NOT_SAID"}') ;;
            draft) path=/api/v1/referrals
                body=(-H 'Content-Type: application/json' -d "{\"clientId\":\"$id\",\"serviceId\":\"$service\",\"needs\":{\"needs\":[\"COUNSELLING\"],\"riskLevel\":\"STANDARD\",\"urgency\":\"ROUTINE\"}}") ;;
            consent) path=/api/v1/referrals/$id/consent
                body=(-H 'Content-Type: application/json' -d '{"basis":"GIVEN_BY_PERSON","shareContactDetails":true,"shareCaseDetails":true,"method":"IN_PERSON"}') ;;
            submit) path=/api/v1/referrals/$id/submit
                body=() ;;
        esac
        rc=0
        code=$(curl -s -o "$tmp.body" -D "$tmp.head" -w '%{http_code}' --max-time 60 -X POST "$base$path" \
            -H "Authorization: Bearer $token" "${body[@]}") || rc=$?
        if (( rc != 0 )); then
            echo "died $step $rc $id"
            return
        fi
        if [[ "$code" != 2* ]]; then
            echo "refused $step $code"
            return
        fi
        case $step in
            client | draft) id=$(tr -d '\r' < "$tmp.head" | sed -n 's|^[Ll]ocation: .*/||p') ;;
        esac
    done
    echo "ack $id $(grep -o '"reference":"[^"]*"' "$tmp.body" | head -n 1 | cut -d'"' -f4)"
}
# Submits until told to stop, pausing (between submissions) while the server is down.
worker() {
    while [[ ! -e "$run/stop" ]]; do
        if [[ -e "$run/down" ]]; then sleep 0.2; continue; fi
        submission "$run/worker.$1" >> "$run/outcomes"
    done
}
: > "$run/outcomes"
for n in $(seq 1 "$clients"); do worker "$n" & workers+=($!); done

echo "== $clients clients submitting; kill -9 after a random 5-15 s, $crashes times, restarting on the same data"
for crash in $(seq 1 "$crashes"); do
    sleep $((5 + RANDOM % 11))
    kill -9 "$java_pid"
    touch "$run/down"
    wait "$server" 2>/dev/null || true
    started=$(date +%s%N)
    start_server
    ready || { echo "the server did not come back after crash $crash: see ${TMPDIR:-/tmp}/waypoint-bench-server.log"; exit 1; }
    restart_ms=$((($(date +%s%N) - started) / 1000000))
    echo "$restart_ms" >> "$run/restarts"
    rm -f "$run/down"
    echo "   crash $crash: $(grep -c '^ack' "$run/outcomes") acknowledged so far, restarted in $restart_ms ms"
done
sleep $((5 + RANDOM % 11))
touch "$run/stop"
wait "${workers[@]}"

# The outbox is empty and no e-mail came for 15 s. A message the killed JVM was sending was freed by the
# restart (embedded Derby: no other process can hold its lease) and goes again at once.
echo "== waiting for the outbox to drain (at most ${DRAIN_MAX:-120} s)"
outbox() { curl -s "$base/api/v1/admin/outbox?status=$1&size=1" -H "Authorization: Bearer $admin" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
mails() { find "$run/mail" -name '*.eml' | wc -l; }
drain_start=$SECONDS last=-1 quiet_since=$SECONDS
while (( SECONDS - drain_start < ${DRAIN_MAX:-120} )); do
    count=$(mails)
    [[ "$count" != "$last" ]] && last=$count && quiet_since=$SECONDS
    [[ "$(outbox PENDING)" == 0 ]] && (( SECONDS - quiet_since >= 15 )) && break
    sleep 3
done
echo "   $(mails) e-mails received after $((SECONDS - drain_start)) s; outbox: $(outbox PENDING) pending, $(outbox FAILED) failed"

# Each e-mail as "<Message-ID> <referral reference, or -> <kind>", the kind "submission" for the new-referral e-mail.
for f in $(find "$run/mail" -name '*.eml'); do
    awk '{sub(/\r$/, "")}
         tolower($1) == "message-id:" && !id {id = $2}
         /^Subject: Waypoint: a new referral is waiting/ {kind = "submission"}
         $1 == "Reference:" && !ref {ref = $2}
         END {print id, (ref ? ref : "-"), (kind ? kind : "other")}' "$f"
done > "$run/mail.txt"
awk '$3 == "submission" {print $2}' "$run/mail.txt" | sort | uniq -c | awk '{print $2, $1}' > "$run/submission-mails"
mails_for() { awk -v r="$1" '$1 == r {print $2}' "$run/submission-mails"; }

failures=0
check() { # name, count of failures, detail
    printf '   %-72s %s\n' "$1" "$([[ "$2" == 0 ]] && echo ok || echo "FAILED: $2 $3")"
    [[ "$2" == 0 ]] || failures=$((failures + 1))
}
missing=0 wrong_mails=0
while read -r _ id reference; do
    found=$(curl -s "$base/api/v1/referrals/$id" -H "Authorization: Bearer $token" | grep -o '"reference":"[^"]*"' | head -n 1 | cut -d'"' -f4) || true
    [[ -n "$reference" && "$found" == "$reference" ]] || { missing=$((missing + 1)); echo "      $id: acknowledged as '$reference', found '$found'"; }
    [[ "$(mails_for "$reference")" == 1 ]] || { wrong_mails=$((wrong_mails + 1)); echo "      $reference: $(mails_for "$reference") submission e-mails"; }
done < <(grep '^ack' "$run/outcomes")
# A submission whose answer the crash cut off may have happened: if it did, it too has one e-mail.
cut_off=0 cut_off_done=0 cut_off_wrong=0
while read -r _ _ _ id; do
    cut_off=$((cut_off + 1))
    reference=$(curl -s "$base/api/v1/referrals/$id" -H "Authorization: Bearer $token" | grep -o '"reference":"[^"]*"' | head -n 1 | cut -d'"' -f4) || true
    [[ -n "$reference" ]] || continue
    cut_off_done=$((cut_off_done + 1))
    [[ "$(mails_for "$reference")" == 1 ]] || { cut_off_wrong=$((cut_off_wrong + 1)); echo "      $reference (cut off): $(mails_for "$reference") submission e-mails"; }
done < <(grep '^died submit' "$run/outcomes")

acked=$(grep -c '^ack' "$run/outcomes" || true)
echo "== checks"
check "every acknowledged referral exists with its reference" "$missing" "of $acked"
check "every acknowledged referral has exactly one submission e-mail" "$wrong_mails" "of $acked"
check "no reference on two acknowledged referrals" "$(grep '^ack' "$run/outcomes" | cut -d' ' -f3 | sort | uniq -d | wc -l)" "references"
check "no reference on two different submission e-mails" "$(awk '$3 == "submission" {print $1, $2}' "$run/mail.txt" | sort -u | cut -d' ' -f2 | sort | uniq -d | wc -l)" "references"
check "no e-mail received twice (Message-ID)" "$(cut -d' ' -f1 "$run/mail.txt" | sort | uniq -d | wc -l)" "Message-IDs"
check "every cut-off submission that happened has exactly one e-mail" "$cut_off_wrong" "of $cut_off_done"
check "no e-mail left in the outbox (pending or failed)" "$(( $(outbox PENDING) + $(outbox FAILED) ))" "messages"

echo "== figures"
echo "   crashes:                     $crashes (kill -9 after 5-15 s each), $clients clients"
echo "   submissions attempted:       $(wc -l < "$run/outcomes")"
echo "   acknowledged:                $acked"
echo "   failed, server died:         $(grep -c '^died' "$run/outcomes" || true) (connection errors; at submit, answer cut off: $cut_off, of which had happened: $cut_off_done)"
echo "   failed, refused (HTTP):      $(grep -c '^refused' "$run/outcomes" || true) $(grep '^refused' "$run/outcomes" | cut -d' ' -f2,3 | sort | uniq -c | awk '{printf "(%s at %s: %d) ", $3, $2, $1}')"
echo "   submission e-mails:          $(grep -c ' submission$' "$run/mail.txt" || true) of $(wc -l < "$run/mail.txt") e-mails received"
sort -n "$run/restarts" | awk '{v[NR] = $1} END {printf "   restart to /health/ready:    p50 %.1f s, max %.1f s\n", v[int(NR * 0.5 + 0.999)] / 1000, v[NR] / 1000}'
if (( failures > 0 )); then
    echo "$failures checks failed; outcomes and e-mails kept in $run"
    exit 1
fi
rm -rf "$run"
