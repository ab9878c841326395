#!/usr/bin/env bash
# Removes what install-systemd-service.sh installed; keeps setups and state unless --purge.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib/leeq-epii-common.sh
. "$SCRIPT_DIR/lib/leeq-epii-common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--destdir DIR] [--purge]

Stops and disables every leeq-epii@<setup> instance (when systemd is running), then removes
the unit, its enablement links, the logrotate file and /opt/leeq.

Kept unless --purge: the setup files in /etc/leeq-epii, the state in /var/lib/leeq-epii, the
file logs in /var/log/leeq-epii, local unit drop-ins (leeq-epii@*.service.d) and the leeq
account. Reinstalling later picks them up unchanged.

Options:
  --destdir DIR   Uninstall from a tree installed with --destdir DIR (also \$DESTDIR).
  --purge         Also delete setups, state, logs, caches, drop-ins and the leeq account.
                  Take a backup first: backup-leeq-epii.sh.
  -h, --help      Show this help.

Needs root unless --destdir is given.
EOF
}

DEST=${DESTDIR:-}
PURGE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --destdir) [[ $# -ge 2 ]] || usage_error "--destdir needs a directory"; DEST=$2; shift 2 ;;
        --destdir=*) DEST=${1#*=}; shift ;;
        --purge) PURGE=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown argument '$1'" ;;
    esac
done
[[ -z "$DEST" || -d "$DEST" ]] || die "--destdir '$DEST' is not a directory"
set_root "$DEST"
require_root_or_destdir

remove() { # path (absolute on the target)
    if [[ -e "$ROOT$1" || -L "$ROOT$1" ]]; then
        rm -rf -- "$ROOT$1"
        info "removed $1"
    fi
}

# 1. Stop and disable the instances.
if is_real_root && systemd_running; then
    mapfile -t units < <(
        {
            systemctl_cmd list-units --all --plain --no-legend 'leeq-epii@*.service' 2>/dev/null | awk '{ print $1 }'
            find "$LEEQ_UNIT_DIR" -mindepth 2 -maxdepth 2 -name 'leeq-epii@*.service' -printf '%f\n' 2>/dev/null
        } | grep -E '^leeq-epii@.+\.service$' | sort -u
    )
    for unit in "${units[@]}"; do
        systemctl_cmd disable --now "$unit" || warn "could not stop and disable $unit"
        info "stopped and disabled $unit"
    done
elif is_real_root; then
    info "systemd is not running: no instance to stop"
fi

# 2. Enablement links (systemctl disable removed them already on a running system).
shopt -s nullglob
for link in "$ROOT$LEEQ_UNIT_DIR"/*.wants/leeq-epii@*.service; do
    remove "${link#"$ROOT"}"
done
shopt -u nullglob

# 3. What the installer put in place.
remove "$LEEQ_UNIT_DIR/$LEEQ_UNIT_NAME"
remove "$LEEQ_LOGROTATE_FILE"
remove "$LEEQ_PREFIX"

# 4. Data, only when asked.
if [[ $PURGE -eq 1 ]]; then
    shopt -s nullglob
    for dropin in "$ROOT$LEEQ_UNIT_DIR"/leeq-epii@*.service.d; do
        remove "${dropin#"$ROOT"}"
    done
    shopt -u nullglob
    remove "$LEEQ_CONF_DIR"
    remove "$LEEQ_STATE_DIR"
    remove "$LEEQ_LOG_DIR"
    remove "$LEEQ_CACHE_DIR"
    remove "$LEEQ_RUN_DIR"
    if is_real_root; then
        if getent passwd "$LEEQ_USER" >/dev/null; then userdel "$LEEQ_USER" && info "removed user $LEEQ_USER"; fi
        if getent group "$LEEQ_GROUP" >/dev/null; then groupdel "$LEEQ_GROUP" && info "removed group $LEEQ_GROUP"; fi
    elif is_superuser; then
        if grep -q "^$LEEQ_USER:" "$ROOT/etc/passwd" 2>/dev/null; then
            userdel --prefix "$ROOT" "$LEEQ_USER" && info "removed user $LEEQ_USER from $ROOT/etc/passwd"
        fi
        if grep -q "^$LEEQ_GROUP:" "$ROOT/etc/group" 2>/dev/null; then
            groupdel --prefix "$ROOT" "$LEEQ_GROUP" && info "removed group $LEEQ_GROUP from $ROOT/etc/group"
        fi
        rm -f -- "$ROOT"/etc/passwd- "$ROOT"/etc/group- "$ROOT"/etc/shadow- "$ROOT"/etc/gshadow-
    fi
else
    kept=()
    for path in "$LEEQ_CONF_DIR" "$LEEQ_STATE_DIR" "$LEEQ_LOG_DIR"; do
        [[ -e "$ROOT$path" ]] && kept+=("$path")
    done
    if [[ ${#kept[@]} -gt 0 ]]; then
        info "kept ${kept[*]} and the $LEEQ_USER account (remove them with --purge)"
    fi
fi

# 5. Tell systemd.
if is_real_root && systemd_running; then
    systemctl_cmd daemon-reload
    systemctl_cmd reset-failed 'leeq-epii@*.service' 2>/dev/null || true
fi
info "uninstalled from ${ROOT:-/}"
