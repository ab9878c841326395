#!/usr/bin/env bash
# Restores setups, state and unit from an archive written by backup-leeq-epii.sh.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib/leeq-epii-common.sh
. "$SCRIPT_DIR/lib/leeq-epii-common.sh"

usage() {
    cat <<EOF
Usage: $PROG ARCHIVE [--destdir DIR] [--no-config] [--no-state] [--no-unit]

Puts back what backup-leeq-epii.sh saved, with the installed layout's owners and modes:
  /etc/leeq-epii          setup files: directory root:leeq 755, files root:leeq 640;
                          files in the archive replace those of the same name, others stay
  /var/lib/leeq-epii      state: each setup's directory in the archive replaces the current
                          one whole (so no stale SQLite journal survives), leeq:leeq 750/640
  /etc/systemd/system     the unit and its drop-ins, root 644
  /etc/logrotate.d        the log rotation, root 644

Refuses while an instance is running: stop them first (leeq-epii-service.sh stop SETUP).
On a new machine, install first (install-systemd-service.sh), then restore, then start.

Options:
  --destdir DIR   Restore into a tree installed with --destdir DIR (also \$DESTDIR).
  --no-config     Leave /etc/leeq-epii as it is.
  --no-state      Leave /var/lib/leeq-epii as it is.
  --no-unit       Leave the unit, drop-ins and log rotation as they are.
  -h, --help      Show this help.

Needs root unless --destdir is given.
EOF
}

DEST=${DESTDIR:-}
ARCHIVE=""
DO_CONFIG=1
DO_STATE=1
DO_UNIT=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --destdir) [[ $# -ge 2 ]] || usage_error "--destdir needs a directory"; DEST=$2; shift 2 ;;
        --destdir=*) DEST=${1#*=}; shift ;;
        --no-config) DO_CONFIG=0; shift ;;
        --no-state) DO_STATE=0; shift ;;
        --no-unit) DO_UNIT=0; shift ;;
        -h | --help) usage; exit 0 ;;
        -*) usage_error "unknown argument '$1'" ;;
        *) [[ -z "$ARCHIVE" ]] || usage_error "only one archive can be restored at a time"; ARCHIVE=$1; shift ;;
    esac
done
[[ -n "$ARCHIVE" ]] || usage_error "name the archive to restore"
[[ -f "$ARCHIVE" && -r "$ARCHIVE" ]] || die "cannot read the archive '$ARCHIVE'"
[[ -z "$DEST" || -d "$DEST" ]] || die "--destdir '$DEST' is not a directory"
set_root "$DEST"
require_root_or_destdir

# --- The archive must be ours and harmless --------------------------------------------
listing=$(tar -tzf "$ARCHIVE" 2>/dev/null) || die "'$ARCHIVE' is not a readable tar.gz archive"
while IFS= read -r entry; do
    entry=${entry#./}
    [[ -z "$entry" ]] && continue
    case "$entry" in
        /* | ../* | */../* | *"/.." | "..")
            die "'$ARCHIVE' holds the unsafe path '$entry'; refusing to restore it" ;;
        etc/leeq-epii | etc/leeq-epii/* | var/lib/leeq-epii | var/lib/leeq-epii/* \
            | etc/systemd/system/leeq-epii@* | etc/logrotate.d/leeq-epii | var/backups/leeq-epii | var/backups/leeq-epii/*) ;;
        *) die "'$ARCHIVE' holds '$entry', which a LeeQ EPII backup never contains; refusing to restore it" ;;
    esac
done <<<"$listing"
grep -q -E '^(\./)?(etc/leeq-epii|var/lib/leeq-epii)(/|$)' <<<"$listing" \
    || die "'$ARCHIVE' holds neither setups nor state; is it a LeeQ EPII backup?"

# --- Nothing may be running -------------------------------------------------------------
running=""
if is_real_root && systemd_running; then
    running=$(systemctl_cmd list-units --state=active --plain --no-legend 'leeq-epii@*.service' 2>/dev/null | awk '{ print $1 }')
fi
shopt -s nullglob
for pidfile in "$ROOT$LEEQ_RUN_DIR"/*.pid "$ROOT$LEEQ_RUN_DIR"/*/*.pid; do
    pid=$(tr -dc '0-9' <"$pidfile")
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        running+=$'\n'"${pidfile#"$ROOT"} (pid $pid)"
    fi
done
shopt -u nullglob
if [[ -n "${running//$'\n'/}" ]]; then
    die "instances are running; stop them before restoring:$(printf '%s' "$running" | tr '\n' ' ')"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/leeq-epii-restore.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
tar -xzf "$ARCHIVE" -C "$WORK" --no-same-owner --no-same-permissions || die "could not unpack '$ARCHIVE'"

if ! account_ids >/dev/null; then
    warn "the $LEEQ_USER account does not exist on ${ROOT:-this system}; restored files stay root-owned." \
        "Install first (install-systemd-service.sh), then restore again"
fi

# Applies owners and modes to a restored tree: directories get dir_mode, files file_mode.
fix_tree() { # path user group dir_mode file_mode
    local path=$1 f
    while IFS= read -r -d '' f; do
        if [[ -d "$f" ]]; then
            apply_owner_mode "$f" "$2" "$3" "$4"
        else
            apply_owner_mode "$f" "$2" "$3" "$5"
        fi
    done < <(find "$path" -print0)
}

restored=()

# --- Setups --------------------------------------------------------------------------------
if [[ $DO_CONFIG -eq 1 && -d "$WORK$LEEQ_CONF_DIR" ]]; then
    mkdir -p -- "$ROOT$LEEQ_CONF_DIR"
    cp -R -- "$WORK$LEEQ_CONF_DIR/." "$ROOT$LEEQ_CONF_DIR/"
    fix_tree "$ROOT$LEEQ_CONF_DIR" root "$LEEQ_GROUP" 755 640
    restored+=("$LEEQ_CONF_DIR")
fi

# --- State -------------------------------------------------------------------------------
if [[ $DO_STATE -eq 1 && -d "$WORK$LEEQ_STATE_DIR" ]]; then
    mkdir -p -- "$ROOT$LEEQ_STATE_DIR"
    shopt -s nullglob dotglob
    for item in "$WORK$LEEQ_STATE_DIR"/*; do
        name=$(basename -- "$item")
        rm -rf -- "${ROOT:?}$LEEQ_STATE_DIR/$name"
        cp -R -- "$item" "$ROOT$LEEQ_STATE_DIR/$name"
    done
    shopt -u nullglob dotglob
    fix_tree "$ROOT$LEEQ_STATE_DIR" "$LEEQ_USER" "$LEEQ_GROUP" 750 640
    restored+=("$LEEQ_STATE_DIR")
fi

# --- Unit and rotation ---------------------------------------------------------------------
if [[ $DO_UNIT -eq 1 ]]; then
    shopt -s nullglob
    for unit_item in "$WORK$LEEQ_UNIT_DIR"/leeq-epii@*; do
        name=$(basename -- "$unit_item")
        mkdir -p -- "$ROOT$LEEQ_UNIT_DIR"
        rm -rf -- "${ROOT:?}$LEEQ_UNIT_DIR/$name"
        cp -R -- "$unit_item" "$ROOT$LEEQ_UNIT_DIR/$name"
        fix_tree "$ROOT$LEEQ_UNIT_DIR/$name" root root 755 644
        restored+=("$LEEQ_UNIT_DIR/$name")
    done
    shopt -u nullglob
    if [[ -f "$WORK$LEEQ_LOGROTATE_FILE" ]]; then
        mkdir -p -- "$ROOT$(dirname "$LEEQ_LOGROTATE_FILE")"
        cp -- "$WORK$LEEQ_LOGROTATE_FILE" "$ROOT$LEEQ_LOGROTATE_FILE"
        apply_owner_mode "$ROOT$LEEQ_LOGROTATE_FILE" root root 644
        restored+=("$LEEQ_LOGROTATE_FILE")
    fi
    if is_real_root && systemd_running; then
        systemctl_cmd daemon-reload
    fi
fi

[[ ${#restored[@]} -gt 0 ]] || die "nothing was restored (the archive held nothing that was asked for)"
info "restored ${restored[*]} into ${ROOT:-/} from $ARCHIVE"
info "start the instances again, for example: $LEEQ_SCRIPTS_DIR/leeq-epii-service.sh start simulation_2q"
