#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `make test-matrix`: run a clean clone's `make test` and `make demo` on other Debian releases.
#
# For each release (default: trixie = QGIS 3.40, sid = QGIS 3.44) a minimal Debian root is built
# once with debootstrap from the mirror apt on this machine uses, and kept in a cache outside the
# repository (DG_MATRIX_CACHE, default /var/cache/double-guarantee/matrix; DG_MATRIX_FRESH=1
# builds it again).  Each run clones the committed HEAD of this checkout into the root, puts a
# read-only view of ../shared beside it, binds /proc, /sys, /dev, /dev/pts and /dev/shm and the
# host's CA trust store (PyPI through this machine's TLS setup), and runs `make test` then
# `make demo` there as root, exactly as a new user would on that release.  The mounts live in a
# private mount namespace (unshare), so they vanish with the run whatever happens.
# Prints a table release → QGIS version → make test / make demo, and exits 1 if anything failed.
#
# Usage: bash scripts/test_matrix.sh [release …]          (needs root and debootstrap)
#        bash scripts/test_matrix.sh --in RELEASE CMD …   runs CMD in that root with the same mounts and
#            environment (cwd /work; the last run's clone is /work/double_guarantee), to reproduce a failure
# Everything runs from main(), which bash reads whole before starting: editing this file while a
# run goes on cannot change that run.
set -euo pipefail
CACHE="${DG_MATRIX_CACHE:-/var/cache/double-guarantee/matrix}"
LOGS="$CACHE/logs"

# The Debian mirror apt uses here: the first URI of a non-security suite in sources.list(.d).
apt_mirror() {
  local file
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    # deb822 stanzas: remember URIs, print it at the Suites line unless the suite is *-security
    awk 'tolower($1)=="uris:"{uri=$2} tolower($1)=="suites:"{if ($0 !~ /-security/ && uri != "") {print uri; exit}}' "$file"
  done
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
    awk '$1=="deb"{i=2; if ($2 ~ /^\[/) {while ($i !~ /\]$/) i++; i++} if ($(i+1) !~ /-security/) print $i}'
}
build_root() {
  local release="$1" root="$CACHE/$1" mirror
  mirror="$(apt_mirror 2>/dev/null | head -n1 || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  if [ "${DG_MATRIX_FRESH:-0}" = 1 ]; then rm -rf "$root"; fi
  if [ -f "$root/.dg-root-ready" ]; then return 0; fi
  echo "test-matrix: building the $release root from $mirror (once; cached in $root)"
  rm -rf "$root.partial"
  debootstrap --variant=minbase --include=ca-certificates,git,make "$release" "$root.partial" "$mirror" \
    > "$LOGS/$release-debootstrap.log" 2>&1 || {
      echo "test-matrix: debootstrap $release failed, see $LOGS/$release-debootstrap.log" >&2; return 1; }
  # services of packages installed in the root (postgresql) must not start: the tests run their own
  printf '#!/bin/sh\nexit 101\n' > "$root.partial/usr/sbin/policy-rc.d"
  chmod 755 "$root.partial/usr/sbin/policy-rc.d"
  rm -rf "$root"
  mv "$root.partial" "$root"
  touch "$root/.dg-root-ready"
}

# Inside the private mount namespace: bind what the root needs, then run "$@" there as root.
in_root() {
  local root="$1"; shift
  local mountpoint
  for mountpoint in proc sys dev dev/pts dev/shm; do
    mkdir -p "$root/$mountpoint"
    mount --bind "/$mountpoint" "$root/$mountpoint"
  done
  # the host's trust store, read-only and beside the root's own (which dpkg triggers may rewrite)
  mkdir -p "$root/etc/ssl/host-certs"
  mount --bind /etc/ssl/certs "$root/etc/ssl/host-certs"
  mount -o remount,bind,ro "$root/etc/ssl/host-certs"
  mkdir -p "$root/work/shared"
  mount --bind "$SHARED" "$root/work/shared"
  mount -o remount,bind,ro "$root/work/shared"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  cp -L /etc/hosts "$root/etc/hosts"
  # apt in the root judges Release dates as apt here does (the mirror may be a dated snapshot)
  apt-config dump | grep -E '^Acquire::(Check-Valid-Until|Check-Date) ' > "$root/etc/apt/apt.conf.d/99dg-host-acquire" || true

  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    SSL_CERT_DIR=/etc/ssl/host-certs SSL_CERT_FILE=/etc/ssl/host-certs/ca-certificates.crt \
    PIP_CERT=/etc/ssl/host-certs/ca-certificates.crt REQUESTS_CA_BUNDLE=/etc/ssl/host-certs/ca-certificates.crt \
    GIT_SSL_CAINFO=/etc/ssl/host-certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_DEFAULT_TIMEOUT=180 DEBIAN_FRONTEND=noninteractive \
    /bin/bash -c 'cd /work && exec "$@"' in-root "$@"
}

# in_root in a private mount namespace: the mounts vanish with the command, whatever happens.
run_namespaced() {
  export -f in_root
  export SHARED
  unshare --mount --propagation private /bin/bash -c 'in_root "$@"' run-namespaced "$@"
}

# The matrix run inside the root: the clean clone's make test, then make demo, then the QGIS version.
MATRIX_RUN='
  dpkg --configure -a   # finish what an interrupted earlier run left half-installed in the cached root
  cd /work/double_guarantee
  make test > /work/make-test.log 2>&1; echo $? > /work/make-test.rc
  make demo > /work/make-demo.log 2>&1; echo $? > /work/make-demo.rc
  .venv/bin/python -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)" > /work/qgis-version 2>/dev/null \
    || echo "not installed" > /work/qgis-version'

# Processes left in the root after the run (a server a crashed test did not stop): end them by id.
end_leftovers() {
  local root proc pid
  root="$(realpath "$1")"
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && kill -9 "$pid" 2>/dev/null || true
  done
}

summary_of() {
  # pytest's closing line, e.g. "=== 401 passed, 2 skipped in 612.3s ===" → "401 passed, 2 skipped"
  grep -E '^=+ .*(passed|failed|error).* in [0-9.]+s' "$1" 2>/dev/null | tail -n1 |
    sed -E 's/^=+ //; s/ in [0-9.]+s.*$//' || true
}

main() {
  cd "$(dirname "$0")/.."
  REPO="$(pwd)"
  SHARED="$(cd "$REPO/.." && realpath -e shared 2>/dev/null || true)"
  if [ "$(id -u)" != 0 ]; then
    echo "test-matrix: needs root (debootstrap, chroot, mounts)" >&2
    exit 1
  fi
  if [ -z "$SHARED" ]; then
    echo "test-matrix: ../shared not found beside $REPO (the tests read its data)" >&2
    exit 1
  fi
  if ! command -v debootstrap >/dev/null; then
    echo "test-matrix: installing debootstrap"
    apt-get -o DPkg::Lock::Timeout=900 install -y -q debootstrap >/dev/null
  fi
  mkdir -p "$CACHE" "$LOGS"
  if [ "${1:-}" = "--in" ]; then
    local release="${2:?--in needs a release}"
    shift 2
    build_root "$release"
    run_namespaced "$CACHE/$release" "$@"
    return
  fi
  local RELEASES
  if [ "$#" -gt 0 ]; then RELEASES=("$@"); else read -r -a RELEASES <<< "${DG_MATRIX_RELEASES:-trixie sid}"; fi
  local HEAD release root started qgis_version test_rc demo_rc test_summary kind failed
  HEAD="$(git -C "$REPO" rev-parse HEAD)"
  if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]; then
    echo "test-matrix: note: uncommitted changes are not tested (the clone is of HEAD ${HEAD:0:10})"
  fi
  local -A RESULT_QGIS RESULT_TEST RESULT_DEMO
  failed=0
  for release in "${RELEASES[@]}"; do
    root="$CACHE/$release"
    if ! build_root "$release"; then
      RESULT_QGIS[$release]="-"; RESULT_TEST[$release]="failed (no root)"; RESULT_DEMO[$release]="-"
      failed=1; continue
    fi
    rm -rf "$root/work"
    mkdir -p "$root/work"
    git clone -q --no-local --no-checkout "$REPO" "$root/work/double_guarantee"
    git -C "$root/work/double_guarantee" checkout -q --detach "$HEAD"
    echo "test-matrix: $release: make test and make demo in a clean clone of ${HEAD:0:10} (logs: $LOGS/$release-*.log)"
    started=$SECONDS
    run_namespaced "$root" /bin/bash -c "$MATRIX_RUN" || true
    end_leftovers "$root"
    for kind in test demo; do
      cp "$root/work/make-$kind.log" "$LOGS/$release-make-$kind.log" 2>/dev/null || true
    done
    qgis_version="$(cat "$root/work/qgis-version" 2>/dev/null || echo unknown)"
    test_rc="$(cat "$root/work/make-test.rc" 2>/dev/null || echo none)"
    demo_rc="$(cat "$root/work/make-demo.rc" 2>/dev/null || echo none)"
    test_summary="$(summary_of "$LOGS/$release-make-test.log")"
    if [ "$test_rc" = 0 ]; then RESULT_TEST[$release]="passed (${test_summary})"
    else RESULT_TEST[$release]="FAILED rc $test_rc (${test_summary:-no summary})"; failed=1; fi
    if [ "$demo_rc" = 0 ]; then RESULT_DEMO[$release]="passed"
    else RESULT_DEMO[$release]="FAILED rc $demo_rc"; failed=1; fi
    RESULT_QGIS[$release]="$qgis_version"
    echo "test-matrix: $release done in $(( (SECONDS - started) / 60 )) min"
  done

  echo
  printf '%-10s | %-22s | %-46s | %s\n' "release" "QGIS" "make test" "make demo"
  printf '%-10s-+-%-22s-+-%-46s-+-%s\n' "----------" "----------------------" \
    "----------------------------------------------" "----------"
  for release in "${RELEASES[@]}"; do
    printf '%-10s | %-22s | %-46s | %s\n' "$release" "${RESULT_QGIS[$release]}" "${RESULT_TEST[$release]}" \
      "${RESULT_DEMO[$release]}"
  done
  exit "$failed"
}

main "$@"
