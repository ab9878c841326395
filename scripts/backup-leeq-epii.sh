#!/usr/bin/env bash
# Backs up the LeeQ EPII setups, state and unit into one tar.gz.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib/leeq-epii-common.sh
. "$SCRIPT_DIR/lib/leeq-epii-common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--destdir DIR] [--output FILE] [--log-days N]

Writes a tar.gz holding, with paths relative to the root:
  etc/leeq-epii/                        every setup file
  var/lib/leeq-epii/                    the state (parameter and run stores) of every setup
  etc/systemd/system/leeq-epii@.service the unit, and local drop-ins leeq-epii@*.service.d/
  etc/logrotate.d/leeq-epii             the log rotation
  var/backups/leeq-epii/<stamp>.info    what was backed up, and how
  var/backups/leeq-epii/<stamp>.journal.txt
                                        the instances' journal of the last N days, when
                                        journalctl can read it (real root only)

SQLite stores are copied with sqlite3's online .backup, which is consistent while the
daemons run. Without sqlite3 the files are copied as they are, and only when no instance
is running (the script refuses otherwise).

Restore with restore-leeq-epii.sh ARCHIVE; in a disaster, 'tar -xzf ARCHIVE -C /' on a
freshly installed machine puts every file back in place too.

Options:
  --destdir DIR   Back up a tree installed with --destdir DIR (also \$DESTDIR).
  --output FILE   Archive to write (default: /var/backups/leeq-epii/leeq-epii-<stamp>.tar.gz
                  under the root). Written with mode 600: setups may hold credentials.
  --log-days N    Days of journal to include (default 7; 0 for none).
  -h, --help      Show this help.

Needs root unless --destdir is given.
EOF
}

DEST=${DESTDIR:-}
OUTPUT=""
LOG_DAYS=7
while [[ $# -gt 0 ]]; do
    case "$1" in
        --destdir) [[ $# -ge 2 ]] || usage_error "--destdir needs a directory"; DEST=$2; shift 2 ;;
        --destdir=*) DEST=${1#*=}; shift ;;
        --output | -o) [[ $# -ge 2 ]] || usage_error "--output needs a file name"; OUTPUT=$2; shift 2 ;;
        --output=*) OUTPUT=${1#*=}; shift ;;
        --log-days) [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage_error "--log-days needs a number of days"; LOG_DAYS=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown argument '$1'" ;;
    esac
done
[[ -z "$DEST" || -d "$DEST" ]] || die "--destdir '$DEST' is not a directory"
set_root "$DEST"
require_root_or_destdir

[[ -d "$ROOT$LEEQ_CONF_DIR" || -d "$ROOT$LEEQ_STATE_DIR" ]] \
    || die "nothing to back up: neither $ROOT$LEEQ_CONF_DIR nor $ROOT$LEEQ_STATE_DIR exists"

STAMP=$(date -u +%Y%m%d-%H%M%S)
if [[ -z "$OUTPUT" ]]; then
    OUTPUT="$ROOT/var/backups/leeq-epii/leeq-epii-$STAMP.tar.gz"
fi
mkdir -p -- "$(dirname -- "$OUTPUT")" || die "cannot create the directory of '$OUTPUT'"
OUTPUT=$(cd -- "$(dirname -- "$OUTPUT")" && pwd -P)/$(basename -- "$OUTPUT")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/leeq-epii-backup.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
STAGE=$WORK/root
mkdir -p "$STAGE/etc" "$STAGE/var/lib" "$STAGE/var/backups/leeq-epii"
INFO=$STAGE/var/backups/leeq-epii/$STAMP.info

# Instances that are running: by systemd, or by a live PID in the runtime directory.
running_instances() {
    if is_real_root && systemd_running; then
        systemctl_cmd list-units --state=active --plain --no-legend 'leeq-epii@*.service' 2>/dev/null | awk '{ print $1 }'
    fi
    local pidfile pid
    shopt -s nullglob
    for pidfile in "$ROOT$LEEQ_RUN_DIR"/*.pid "$ROOT$LEEQ_RUN_DIR"/*/*.pid; do
        pid=$(tr -dc '0-9' <"$pidfile")
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            printf '%s (pid %s)\n' "${pidfile#"$ROOT"}" "$pid"
        fi
    done
    shopt -u nullglob
}

# --- Setups, unit, rotation ------------------------------------------------------------
if [[ -d "$ROOT$LEEQ_CONF_DIR" ]]; then
    cp -a -- "$ROOT$LEEQ_CONF_DIR" "$STAGE/etc/"
fi
if [[ -f "$ROOT$LEEQ_UNIT_DIR/$LEEQ_UNIT_NAME" ]]; then
    mkdir -p "$STAGE$LEEQ_UNIT_DIR"
    cp -a -- "$ROOT$LEEQ_UNIT_DIR/$LEEQ_UNIT_NAME" "$STAGE$LEEQ_UNIT_DIR/"
    shopt -s nullglob
    for dropin in "$ROOT$LEEQ_UNIT_DIR"/leeq-epii@*.service.d; do
        cp -a -- "$dropin" "$STAGE$LEEQ_UNIT_DIR/"
    done
    shopt -u nullglob
fi
if [[ -f "$ROOT$LEEQ_LOGROTATE_FILE" ]]; then
    mkdir -p "$STAGE/etc/logrotate.d"
    cp -a -- "$ROOT$LEEQ_LOGROTATE_FILE" "$STAGE/etc/logrotate.d/"
fi

# --- State ------------------------------------------------------------------------------
sqlite_method="none found"
if [[ -d "$ROOT$LEEQ_STATE_DIR" ]]; then
    SQLITE3=$(sqlite3_cmd || true)
    mapfile -d '' databases < <(find "$ROOT$LEEQ_STATE_DIR" -type f -print0 | while IFS= read -r -d '' f; do
        if is_sqlite_file "$f"; then printf '%s\0' "$f"; fi
    done)
    if [[ ${#databases[@]} -gt 0 && -z "$SQLITE3" ]]; then
        running=$(running_instances)
        if [[ -n "$running" ]]; then
            die "sqlite3 is not installed, and copying a SQLite store while its daemon writes it can give a corrupt backup." \
                "Install sqlite3 (apt-get install sqlite3) or stop the instances first. Running: $(printf '%s' "$running" | tr '\n' ' ')"
        fi
        sqlite_method="copied as files (sqlite3 not installed; no instance was running)"
        info "sqlite3 is not installed: copying the SQLite stores as files, which is safe because no instance is running"
    elif [[ ${#databases[@]} -gt 0 ]]; then
        sqlite_method="sqlite3 .backup (online, consistent)"
    fi

    # Directories and ordinary files first, with owners and modes.
    (cd "$ROOT/var/lib" && find leeq-epii -print0) | while IFS= read -r -d '' rel; do
        src="$ROOT/var/lib/$rel"
        dst="$STAGE/var/lib/$rel"
        if [[ -d "$src" && ! -L "$src" ]]; then
            mkdir -p -- "$dst"
            chmod --reference="$src" -- "$dst"
            if is_superuser; then chown --reference="$src" -- "$dst"; fi
        elif [[ -n "$SQLITE3" ]] && is_sqlite_file "$src"; then
            "$SQLITE3" "$src" ".backup '${dst//\'/\'\'}'" || die "sqlite3 could not back up $src"
            chmod --reference="$src" -- "$dst"
            if is_superuser; then
                chown --reference="$src" -- "$dst"
                # Opening the store may have created its -wal and -shm files as root; the
                # daemon must still be able to open them.
                for side in "$src-wal" "$src-shm"; do
                    if [[ -e "$side" ]]; then chown --reference="$src" -- "$side"; fi
                done
            fi
        elif [[ -n "$SQLITE3" && "$src" =~ -(wal|shm|journal)$ ]] && is_sqlite_file "${src%-*}"; then
            : # the online backup above already holds what the write-ahead log had
        else
            cp -a -- "$src" "$dst"
        fi
    done
fi

# --- Journal --------------------------------------------------------------------------
journal_note="not included"
if [[ $LOG_DAYS -gt 0 ]] && is_real_root && command -v journalctl >/dev/null; then
    journal=$STAGE/var/backups/leeq-epii/$STAMP.journal.txt
    if journalctl --no-pager -u 'leeq-epii@*.service' --since "$LOG_DAYS days ago" >"$journal" 2>/dev/null \
        && grep -qv -- '-- No entries --' "$journal"; then
        journal_note="last $LOG_DAYS days, var/backups/leeq-epii/$STAMP.journal.txt"
    else
        rm -f -- "$journal"
        journal_note="journalctl found no entries"
    fi
fi

version="unknown"
if [[ -x "$ROOT$LEEQ_BIN_DIR/leeq-epii" ]]; then
    version=$("$ROOT$LEEQ_BIN_DIR/leeq-epii" --version 2>/dev/null || echo unknown)
fi
{
    printf 'LeeQ EPII backup\n'
    printf 'created: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf 'host: %s\n' "$(hostname 2>/dev/null || echo unknown)"
    printf 'root: %s\n' "${ROOT:-/}"
    printf 'version: %s\n' "$version"
    printf 'sqlite: %s\n' "$sqlite_method"
    printf 'journal: %s\n' "$journal_note"
    printf 'files:\n'
    (cd "$STAGE" && find . -type f ! -path "./var/backups/*" | sed 's|^\./|  |' | sort)
} >"$INFO"

# Only our own paths are members: no entry for etc/, var/ or the archive root, so that
# 'tar -xzf ARCHIVE -C /' can never change the modes of system directories.
members=()
for member in "${LEEQ_CONF_DIR#/}" "${LEEQ_STATE_DIR#/}" "${LEEQ_UNIT_DIR#/}" "${LEEQ_LOGROTATE_FILE#/}" var/backups/leeq-epii; do
    if [[ "$member" == "${LEEQ_UNIT_DIR#/}" ]]; then
        for unit_file in "$STAGE$LEEQ_UNIT_DIR"/leeq-epii@*; do
            [[ -e "$unit_file" ]] && members+=("${unit_file#"$STAGE/"}")
        done
    elif [[ -e "$STAGE/$member" ]]; then
        members+=("$member")
    fi
done
umask 077
tar -czf "$OUTPUT.partial" --numeric-owner -C "$STAGE" -- "${members[@]}" || die "could not write $OUTPUT"
mv -f -- "$OUTPUT.partial" "$OUTPUT"
chmod 600 -- "$OUTPUT"
info "wrote $OUTPUT (sqlite: $sqlite_method; journal: $journal_note)"
