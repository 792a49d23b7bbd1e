#!/usr/bin/env bash
# Makes the base image Jib puts Payara Micro and the WAR on, as a one-layer image tarball in the
# format `docker save` writes: a Java runtime made with jlink from the JDK that runs the build, the
# shared libraries that runtime loads, copied from this machine, the few files of /etc a process
# expects, /tmp, and the data folder owned by the user the server runs as. No base image is pulled:
# no registry is reachable where the image is built (docs/adr/0017).
#
# Usage: make-root.sh JAVA_HOME OUT_DIR   (writes OUT_DIR/base.tar)
set -euo pipefail

java_home=$1
out=$2
root="$out/root"
rm -rf "$out"
mkdir -p "$root/opt"

# The modules Payara Micro 6 and Waypoint load: found by booting the application and using it with
# -Xlog:class+load, plus what Payara's manifest and the drivers name (jdk.naming.dns in Payara's
# Add-Exports; GSS and SASL for the PostgreSQL driver; jdk.zipfs, jdk.security.auth).
# Nothing that builds code: no jdk.compiler (javac), jdk.jartool (jar), jdk.jshell, jdk.jlink.
modules=java.base,java.xml,java.management,java.desktop,java.sql,java.naming,java.net.http,java.logging
modules+=,java.rmi,java.instrument,java.transaction.xa,java.xml.crypto,java.security.sasl,java.security.jgss
modules+=,java.scripting,java.prefs
modules+=,jdk.charsets,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.jfr,jdk.management.jfr,jdk.net
modules+=,jdk.localedata,jdk.unsupported,jdk.security.jgss,jdk.security.auth,jdk.naming.dns,jdk.zipfs

"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en \
    --strip-debug --no-man-pages --no-header-files --output "$root/opt/java"
# The launcher is all the image runs; jlink also brings keytool, jfr, jrunscript and rmiregistry.
find "$root/opt/java/bin" -type f ! -name java -delete
# java.desktop is there for java.beans, which Payara's expression language and JSON binding use; the
# server is headless, so its display, sound, font and image libraries (and the X11, ALSA, FreeType
# and codec libraries they link) stay out.
rm "$root"/opt/java/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound,libfontmanager,libjavajpeg,liblcms}.so

# Every shared library the runtime's programs and libraries link, as this machine's loader resolves
# them (ldd), copied to the path the loader looks in. They come from the same Debian packages as the
# JDK the runtime was made from, so they are the versions it was built against.
mapfile -t elves < <(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/java' -o -name jspawnhelper \))
mapfile -t libraries < <(for elf in "${elves[@]}"; do ldd "$elf"; done \
    | awk '/=> \// { print $3 } /^\s*\/lib64\// { print $1 }' | sort -u)
for library in "${libraries[@]}"; do
    case "$library" in
        "$root"/*) continue ;;
    esac
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
    chmod 755 "$root$library"
done

# The one user the server runs as (uid and gid 10001, no shell), and how names are looked up (files,
# then DNS; glibc has both built in).
mkdir -p "$root/etc" "$root/tmp" "$root/data"
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/nonexistent:/sbin/nologin
waypoint:x:10001:10001:Waypoint:/data:/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
waypoint:x:10001:
GROUP
echo 'hosts: files dns' >"$root/etc/nsswitch.conf"
chmod -R go-w "$root"
chmod 1777 "$root/tmp"
chmod 700 "$root/data"

# The layer: everything root's and read-only to the server but /tmp and the data folder. Fixed times
# and order, so the same inputs give the same layer.
layer="$out/layer.tar"
tar_options=(--sort=name --numeric-owner --mtime=@1 --format=gnu)
tar --create --file "$layer" -C "$root" "${tar_options[@]}" --owner=0 --group=0 --exclude=./data .
tar --append --file "$layer" -C "$root" "${tar_options[@]}" --owner=10001 --group=10001 ./data
layer_digest=sha256:$(sha256sum "$layer" | cut -d' ' -f1)
printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["%s"]},"history":[{"created":"1970-01-01T00:00:01Z","created_by":"deploy/image/make-root.sh"}]}\n' \
    "$layer_digest" >"$out/config.json"
echo '[{"Config":"config.json","RepoTags":["waypoint-base:latest"],"Layers":["layer.tar"]}]' >"$out/manifest.json"
tar --create --file "$out/base.tar" -C "$out" --sort=name --mtime=@1 --owner=0 --group=0 --numeric-owner \
    manifest.json config.json layer.tar
rm "$layer"
# Jib reads the module's class folder even when, as here, the module has no classes.
mkdir -p "$out/../classes"
