#!/usr/bin/env bash
# Installs the system tools the deployment tests run: shellcheck (script lint), logrotate
# (the rotation file), sqlite3 (consistent backups), systemd-analyze (unit verification)
# and jq (the management script's listing). Does nothing when they are all present.
set -euo pipefail

usage() {
    cat <<EOF2
Usage: $(basename "$0") [--check]

Installs the Debian packages that provide shellcheck, logrotate, sqlite3, systemd-analyze
and jq, when any of them is missing. Needs root (apt-get).

  --check     Only report what is missing; exit 1 if anything is.
  -h, --help  Show this help.
EOF2
}

check_only=0
case "${1:-}" in
    --check) check_only=1 ;;
    -h | --help) usage; exit 0 ;;
    "") ;;
    *) printf '%s: unknown argument %s (see --help)\n' "$(basename "$0")" "$1" >&2; exit 2 ;;
esac

declare -A package_of=([shellcheck]=shellcheck [logrotate]=logrotate [sqlite3]=sqlite3 [systemd-analyze]=systemd [jq]=jq)
missing=()
for tool in "${!package_of[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin:/sbin" command -v "$tool" >/dev/null 2>&1 \
        || missing+=("${package_of[$tool]}")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
if [[ $check_only -eq 1 ]]; then
    printf 'missing packages: %s\n' "${missing[*]}" >&2
    exit 1
fi
[[ "$(id -u)" -eq 0 ]] || { printf 'installing %s needs root\n' "${missing[*]}" >&2; exit 1; }
command -v apt-get >/dev/null || { printf 'apt-get is not available; install %s by hand\n' "${missing[*]}" >&2; exit 1; }
printf 'installing %s\n' "${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
