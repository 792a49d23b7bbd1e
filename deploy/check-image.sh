#!/usr/bin/env bash
# Checks Waypoint's image as a registry or a node would get it, without Docker: the OCI image tarball
# that `./mvnw -Pimage -pl deploy/image package` writes. It reads the image's configuration and every
# layer, then (unless --no-run) starts the image's root file system as a container runtime would:
# read-only, as the image's user, with /data and /tmp writable, in its own network, on embedded
# Derby, and waits for /health/ready. Needs root (for chroot and the namespaces), jq, curl, ip.
#
# Usage: deploy/check-image.sh [--no-run] [deploy/image/target/waypoint-image.tar]
set -euo pipefail

run=true
if [[ "${1:-}" == "--no-run" ]]; then
    run=false
    shift
fi
image=$(realpath "${1:-$(dirname "$0")/image/target/waypoint-image.tar}")
work=$(mktemp -d)
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
failures=0
fail() {
    echo "check-image: FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() {
    echo "check-image: ok: $*"
}

mkdir "$work/oci"
tar -xf "$image" -C "$work/oci"
blob() {
    echo "$work/oci/blobs/${1/://}"
}
[[ $(jq -r .imageLayoutVersion "$work/oci/oci-layout") == 1.0.0 ]] || fail "not an OCI image layout"
manifest=$(blob "$(jq -r '.manifests[0].digest' "$work/oci/index.json")")
config=$(blob "$(jq -r .config.digest "$manifest")")

# The user: a number, not root. A name would need the runtime to read /etc/passwd; Kubernetes'
# runAsNonRoot only accepts a numeric one.
user=$(jq -r '.config.User // ""' "$config")
uid=${user%%:*}
if [[ $uid =~ ^[0-9]+$ && $uid != 0 ]]; then
    pass "runs as uid $uid ($user)"
else
    fail "User is '$user': not a numeric non-root uid"
fi

# The entry point: the image's java running Payara Micro with the WAR, no shell in between.
mapfile -t entrypoint < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$config")
command_line=" ${entrypoint[*]} "
if [[ ${entrypoint[0]:-} == /opt/java/bin/java && $command_line == *" -jar /opt/waypoint/payara-micro.jar "* \
    && $command_line == *" --deploy /opt/waypoint/waypoint.war "* && $command_line == *" --nocluster "* ]]; then
    pass "entry point: ${entrypoint[*]:0:1} … -jar /opt/waypoint/payara-micro.jar … --deploy /opt/waypoint/waypoint.war"
else
    fail "entry point is not java running Payara Micro with the WAR: ${entrypoint[*]}"
fi

# No secret in the configuration: no variable that names a key, password or secret, set or empty.
secrets=$(jq -r '(.config.Env // [])[] | select(test("^[^=]*(KEY|PASSWORD|SECRET|TOKEN)[^=]*="; "i"))' "$config")
if [[ -z $secrets ]]; then
    pass "no key, password or secret in the environment ($(jq -r '(.config.Env // []) | map(sub("=.*"; "")) | join(", ")' "$config"))"
else
    fail "the image's environment holds secrets: ${secrets//=*/=…}"
fi

# OCI's image configuration has no health check (Docker's own format's Healthcheck is not part of
# it); health is checked by whatever runs the image: deploy/compose.yaml's HAProxy and the
# Kubernetes probes in deploy/kubernetes/, on /health/ready and /health/live.
healthcheck=$(jq -c '.config.Healthcheck // empty' "$config")
if [[ -z $healthcheck ]]; then
    pass "no Healthcheck in the configuration (OCI has none): the probes are in deploy/compose.yaml and deploy/kubernetes/"
else
    pass "Healthcheck: $healthcheck"
fi

# Every layer's files, in order, with owner and mode.
mkdir "$work/root"
: >"$work/files"
: >"$work/paths"
while read -r digest; do
    tar --warning=no-unknown-keyword -tvzf "$(blob "$digest")" | grep -v '^l' >>"$work/files" || true
    tar --warning=no-unknown-keyword -tzf "$(blob "$digest")" >>"$work/paths"
    tar --warning=no-unknown-keyword -xzf "$(blob "$digest")" -C "$work/root" --same-owner --numeric-owner
done < <(jq -r '.layers[].digest' "$manifest")
paths=$(sed 's|^\./||' "$work/paths")

# Nothing that builds or installs software, and no shell: the server needs none, and an intruder
# would find none to use.
tools=$(grep -E '(^|/)(javac|jar|jshell|jlink|jdeps|jdb|mvn|mvnw|gcc|cc|g\+\+|make|ld|as|apt|apt-get|dpkg|rpm|pip|npm|sh|bash|dash|ash|busybox|su|sudo|curl|wget)$' <<<"$paths" || true)
if [[ -z $tools ]]; then
    pass "no compiler, build tool, package manager, shell or downloader among $(wc -l <<<"$paths") entries"
else
    fail "tools in the image: $(tr '\n' ' ' <<<"$tools")"
fi
if [[ -e $work/root/opt/java/lib/modules ]] && "$work/root/opt/java/bin/java" --list-modules | grep -qE '^jdk\.(compiler|jartool|jshell|jlink)@'; then
    fail "the runtime holds a module that builds code: $("$work/root/opt/java/bin/java" --list-modules | grep -E '^jdk\.(compiler|jartool|jshell|jlink)@' | tr '\n' ' ')"
else
    pass "the runtime has no jdk.compiler, jdk.jartool, jdk.jshell or jdk.jlink"
fi

# No key material: no private key or key store file, no Waypoint key file, no PEM private key inside
# any file. (The runtime's cacerts holds public certificates only.)
key_files=$(grep -iE '\.(key|pem|p12|pfx|jks)$|(^|/)keys\.properties$|(^|/)id_(rsa|ecdsa|ed25519)$' <<<"$paths" || true)
pem_keys=$(grep -rlI -- '-----BEGIN [A-Z ]*PRIVATE KEY-----' "$work/root" 2>/dev/null || true)
if [[ -z $key_files && -z $pem_keys ]]; then
    pass "no key files and no PEM private keys"
else
    fail "key material in the image: $key_files ${pem_keys//$work\/root/}"
fi

# Only /tmp and the data folder are writable by the user; everything else (symbolic links aside) is
# root's and not writable by others.
writable=$(awk '$1 ~ /^.....w|^........w/ && $NF !~ /^\.?\/?tmp\/?$/ { print $1, $2, $NF }' "$work/files" || true)
data_owner=$(awk '$NF ~ /^\.?\/?data\/?$/ { print $2 }' "$work/files")
not_root=$(awk '$2 !~ /^0\/0$/ && $NF !~ /^\.?\/?data\/?$/ { print $2, $NF }' "$work/files" || true)
if [[ -z $writable && -z $not_root && $data_owner == "${user/://}" ]]; then
    pass "every file is root's and read-only to others; /data is $data_owner's"
else
    fail "ownership or modes: writable by group or others: ${writable:-none}; not root's: ${not_root:-none}; /data owned by ${data_owner:-nobody}"
fi

if [[ $run == true ]]; then
    # Start it: the layers' root read-only (as `docker run --read-only` or readOnlyRootFilesystem),
    # a fresh tmpfs on /tmp and an empty data folder owned by the user (as the compose file and the
    # Kubernetes Deployment mount them), /proc, /dev, a host name and /etc/hosts as a runtime
    # provides them, and a network namespace of its own, so that the image's fixed port 8080 meets
    # nothing else on this machine.
    mkdir -p "$work/root/proc" "$work/root/dev" "$work/data"
    touch "$work/root/etc/hosts"
    printf '127.0.0.1 localhost waypoint-check\n::1 localhost\n' >"$work/hosts"
    chown "$user" "$work/data"
    chmod 700 "$work/data"
    mapfile -t environment < <(jq -r '(.config.Env // [])[]' "$config")
    chroot=$(command -v chroot)
    export work user chroot
    status=0
    flock /tmp/it.lock unshare --mount --net --uts --pid --fork --kill-child bash -euo pipefail -c '
        ip link set lo up
        hostname waypoint-check
        mount --make-rprivate /
        mount --bind "$work/root" "$work/root"
        mount -o remount,bind,ro "$work/root"
        mount --bind "$work/hosts" "$work/root/etc/hosts"
        mount -t tmpfs -o mode=1777 tmpfs "$work/root/tmp"
        mount --bind "$work/data" "$work/root/data"
        mount -t proc proc "$work/root/proc"
        mount --rbind /dev "$work/root/dev"
        cd "$work/root"
        env -i "${@:2:$1}" WAYPOINT_DEMO=true \
            "$chroot" --userspec="$user" "$work/root" "${@:$(($1 + 2))}" >"$work/server.log" 2>&1 &
        server=$!
        ready=false
        for _ in $(seq 1 120); do
            if curl -sf -o /dev/null http://127.0.0.1:8080/health/ready; then
                ready=true
                break
            fi
            kill -0 "$server" 2>/dev/null || break
            sleep 1
        done
        echo "ready=$ready"
        echo "seconds=$SECONDS"
        echo "uid=$(awk "/^Uid:/ { print \$2 }" "$work/root/proc/$server/status" 2>/dev/null)"
        echo "start_page=$(curl -s http://127.0.0.1:8080/ | grep -c Waypoint || true)"
        echo "live=$(curl -s -o /dev/null -w "%{http_code}" http://127.0.0.1:8080/health/live)"
        echo "written_tmp=$(ls "$work/root/tmp" | tr "\n" " ")"
        kill -TERM "$server"
        for _ in $(seq 1 30); do
            kill -0 "$server" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$server" 2>/dev/null && echo "stopped=false" || echo "stopped=true"
        echo "left_in_tmp=$(ls "$work/root/tmp" | tr "\n" " ")"
    ' check "${#environment[@]}" "${environment[@]}" "${entrypoint[@]}" >"$work/run" || status=$?
    cat "$work/run"
    if grep -qx 'ready=true' "$work/run" && grep -qx "uid=$uid" "$work/run" && grep -qx 'live=200' "$work/run" \
        && ! grep -qx 'start_page=0' "$work/run" && grep -qx 'stopped=true' "$work/run" && [[ $status == 0 ]]; then
        pass "started read-only as uid $uid, ready in $(sed -n 's/^seconds=//p' "$work/run") s with the start page, stopped at SIGTERM; it wrote $(ls "$work/data" | tr '\n' ' ')in /data"
    else
        fail "the image did not start, answer and stop (exit $status); the server's output:"
        tail -n 60 "$work/server.log" >&2 || true
    fi
    grep -iE 'read-only file system|AccessDenied|Permission denied' "$work/server.log" >&2 \
        && fail "the server tried to write outside /data and /tmp (above)"
fi

if ((failures > 0)); then
    echo "check-image: $failures check(s) failed" >&2
    exit 1
fi
echo "check-image: the image passed"
