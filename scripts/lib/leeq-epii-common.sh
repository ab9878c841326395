# shellcheck shell=bash disable=SC2034  # the layout variables are used by the scripts that source this file
# Shared by the LeeQ EPII deployment scripts: the installed layout, messages, the DESTDIR
# root, the service account and systemd detection. Sourced, never run.

# The installed layout. Every path is absolute on the target system; prefix it with
# "$ROOT" (empty for the real system, the --destdir directory otherwise) to touch it.
readonly LEEQ_USER=leeq
readonly LEEQ_GROUP=leeq
readonly LEEQ_PREFIX=/opt/leeq
readonly LEEQ_BIN_DIR=/opt/leeq/bin
readonly LEEQ_SCRIPTS_DIR=/opt/leeq/scripts
readonly LEEQ_DOC_DIR=/opt/leeq/share/doc/leeq-epii
readonly LEEQ_SHARE_DIR=/opt/leeq/share/leeq-epii
readonly LEEQ_CONF_DIR=/etc/leeq-epii
readonly LEEQ_STATE_DIR=/var/lib/leeq-epii
readonly LEEQ_LOG_DIR=/var/log/leeq-epii
readonly LEEQ_CACHE_DIR=/var/cache/leeq-epii
readonly LEEQ_RUN_DIR=/run/leeq-epii
readonly LEEQ_UNIT_DIR=/etc/systemd/system
readonly LEEQ_UNIT_NAME=leeq-epii@.service
readonly LEEQ_LOGROTATE_FILE=/etc/logrotate.d/leeq-epii

PROG=$(basename "$0")
ROOT=""

info() { printf '%s: %s\n' "$PROG" "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$PROG" "$*" >&2
    exit 1
}
usage_error() {
    printf '%s: %s (see %s --help)\n' "$PROG" "$*" "$PROG" >&2
    exit 2
}

# Sets ROOT from a --destdir value (or $DESTDIR): absolute, without a trailing slash,
# empty for the real root.
set_root() {
    local dir=${1:-}
    if [[ -z "$dir" || "$dir" == / ]]; then
        ROOT=""
        return
    fi
    mkdir -p -- "$dir" || die "cannot create the destination root '$dir'"
    ROOT=$(cd -- "$dir" && pwd -P) || die "cannot enter the destination root '$dir'"
    [[ "$ROOT" == / ]] && ROOT=""
    return 0
}

is_real_root() { [[ -z "$ROOT" ]]; }

is_superuser() { [[ "$(id -u)" -eq 0 ]]; }

# The real system may be changed only by root; a destination tree by anyone who can write it.
require_root_or_destdir() {
    if is_real_root && ! is_superuser; then
        die "installing into the real system needs root; run with sudo, or pass --destdir DIR to work in a separate tree"
    fi
}

# True when systemd is the running service manager (sd_booted), so systemctl can act.
# LEEQ_EPII_ASSUME_SYSTEMD=yes|no overrides the detection (tests use it with a stub systemctl).
systemd_running() {
    case "${LEEQ_EPII_ASSUME_SYSTEMD:-}" in
        yes) return 0 ;;
        no) return 1 ;;
    esac
    [[ -d /run/systemd/system ]]
}

systemctl_cmd() { "${LEEQ_EPII_SYSTEMCTL:-systemctl}" "$@"; }

# Prints "uid gid" of the service account as the target system sees it: from the
# destination tree's own /etc/passwd and /etc/group, or from the system's databases for
# the real root. Prints nothing (and fails) when the account does not exist there.
account_ids() {
    local uid gid
    if is_real_root; then
        uid=$(getent passwd "$LEEQ_USER" | cut -d: -f3) || return 1
        gid=$(getent group "$LEEQ_GROUP" | cut -d: -f3) || return 1
    else
        [[ -r "$ROOT/etc/passwd" && -r "$ROOT/etc/group" ]] || return 1
        uid=$(awk -F: -v n="$LEEQ_USER" '$1 == n { print $3; exit }' "$ROOT/etc/passwd")
        gid=$(awk -F: -v n="$LEEQ_GROUP" '$1 == n { print $3; exit }' "$ROOT/etc/group")
    fi
    [[ -n "$uid" && -n "$gid" ]] || return 1
    printf '%s %s\n' "$uid" "$gid"
}

# Numeric owner for a name used in the layout ("root" or the service account).
# Sets OWNER_UID and OWNER_GID from the names in $1 (user) and $2 (group); returns 1 when
# the service account cannot be resolved on the target.
OWNER_UID=""
OWNER_GID=""
resolve_owner() {
    local user=$1 group=$2 ids=""
    if [[ "$user" == "$LEEQ_USER" || "$group" == "$LEEQ_GROUP" ]]; then
        ids=$(account_ids) || return 1
    fi
    if [[ "$user" == root ]]; then OWNER_UID=0; else OWNER_UID=${ids% *}; fi
    if [[ "$group" == root ]]; then OWNER_GID=0; else OWNER_GID=${ids#* }; fi
    return 0
}

# Applies mode and owner to one path (not recursively) and records the intent in the
# ownership manifest, so a tree staged without the account can be fixed up later.
# Owners are applied numerically from the target's account database: a destination tree
# gets the ids of its own leeq account, never the build machine's.
OWNERSHIP_MANIFEST=""
OWNERSHIP_SKIPPED=0
record_owner_mode() {
    if [[ -n "$OWNERSHIP_MANIFEST" ]]; then
        printf '%s %s %s %s\n' "$4" "$2" "$3" "${1#"$ROOT"}" >>"$OWNERSHIP_MANIFEST"
    fi
}
apply_owner_mode() {
    local path=$1 user=$2 group=$3 mode=$4
    chmod "$mode" -- "$path"
    record_owner_mode "$@"
    if ! is_superuser; then
        OWNERSHIP_SKIPPED=1
        return 0
    fi
    if resolve_owner "$user" "$group"; then
        chown -h "$OWNER_UID:$OWNER_GID" -- "$path"
    else
        OWNERSHIP_SKIPPED=1
    fi
}

# True when SQLite's file header is at the start of the file.
is_sqlite_file() {
    [[ -f "$1" ]] && [[ "$(head -c 15 -- "$1" 2>/dev/null | tr -d '\0')" == "SQLite format 3" ]]
}

# The sqlite3 shell, unless LEEQ_EPII_SQLITE3=none says to behave as if it were missing.
sqlite3_cmd() {
    local cmd=${LEEQ_EPII_SQLITE3:-sqlite3}
    [[ "$cmd" == none ]] && return 1
    command -v "$cmd" 2>/dev/null
}
