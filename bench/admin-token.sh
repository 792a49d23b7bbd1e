#!/usr/bin/env bash
# Prints a personal API token for the demo administrator, got as a person gets one: sign in on the pages,
# give the authenticator app's code (setting the app up first, at the first sign-in), then ask the API for
# a token with the browser's session. Administrators always sign in with a second factor (ADR 0020), so
# POST /api/v1/auth/token with a password alone is refused for them.
#   bench/admin-token.sh BASE_URL FOLDER   (FOLDER keeps the cookie jar and the app's key between calls)
set -euo pipefail
base=$1 folder=$2
jar="$folder/admin-jar" key_file="$folder/admin-totp-key" email=admin@example.org
mkdir -p "$folder"
rm -f "$jar"

# The code of the app whose base32 key is $1, for this 30-second step (RFC 6238, HMAC-SHA1, 6 digits).
code() {
    python3 - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1].replace(" ", "").upper() + "=" * (-len(sys.argv[1].replace(" ", "")) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 0x0F
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -n 1 | sed 's/.*value="//;s/"$//'; }
state() { grep -o 'ViewState:0" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }

page=$(curl -s -c "$jar" -b "$jar" "$base/sign-in")
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/sign-in" --data-urlencode "sign-in=sign-in" \
    --data-urlencode "csrf=$(field csrf <<< "$page")" --data-urlencode "email=$email" \
    --data-urlencode "password=Demo-Password-1" --data-urlencode "sign-in-button=Sign in" \
    --data-urlencode "jakarta.faces.ViewState=$(state <<< "$page")"

if [[ -s "$key_file" ]]; then
    # A code is accepted once: the step after the last one used, if this call comes within its step.
    last_step_file="$folder/admin-totp-step"
    while [[ -s "$last_step_file" && "$(cat "$last_step_file")" -ge $(( $(date +%s) / 30 )) ]]; do sleep 1; done
    form=second-factor button=second-factor-button
else
    form=set-up-second-factor button=set-up-button
fi
page=$(curl -s -c "$jar" -b "$jar" "$base/$form")
if [[ $form == set-up-second-factor ]]; then
    grep -o 'id="totp-secret">[^<]*' <<< "$page" | sed 's/.*>//' > "$key_file"
    [[ -s "$key_file" ]] || { echo "no set-up page for $email: is its app set up already (then keep $key_file)?" >&2; exit 1; }
fi
curl -s -o /dev/null -c "$jar" -b "$jar" "$base/$form" --data-urlencode "$form=$form" \
    --data-urlencode "csrf=$(field csrf <<< "$page")" --data-urlencode "code=$(code "$(cat "$key_file")")" \
    --data-urlencode "$button=Continue" --data-urlencode "jakarta.faces.ViewState=$(state <<< "$page")"
echo $(( $(date +%s) / 30 )) > "$folder/admin-totp-step"

session=$(awk '$6 == "waypoint_session" {print $7}' "$jar")
token=$(curl -s -X POST "$base/api/v1/me/tokens" -H "Cookie: waypoint_session=$session" -H 'Sec-Fetch-Site: same-origin' \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[[ -n "$token" ]] || { echo "could not get a token for $email" >&2; exit 1; }
echo "$token"
