#!/usr/bin/env bash
# Checks the leeq-epii@.service template with systemd-analyze, without a running systemd
# and without installing anything on this machine.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib/leeq-epii-common.sh
. "$SCRIPT_DIR/lib/leeq-epii-common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--destdir DIR] [--unit FILE] [--instance NAME] [--security]

Runs 'systemd-analyze verify' on the LeeQ EPII unit inside a scratch root, so the check
sees the unit exactly where systemd would load it (/etc/systemd/system) and checks that
every command it runs exists and is executable there.

The scratch root gets:
  - systemd's own units from this machine (so targets such as network-online.target and
    sysinit.target resolve),
  - the unit under test as /etc/systemd/system/leeq-epii@.service,
  - /opt/leeq/bin/leeq-epii: the installed executable from --destdir, or else a stub,
  - every other absolute command named by an Exec*= line, copied from this machine.

Fails when systemd-analyze exits non-zero or prints anything at all: it is silent for a
unit without problems, and prints unknown keys and bad values only as warnings.

Options:
  --destdir DIR    Verify the unit and executable installed in DIR (by
                   install-systemd-service.sh --destdir DIR); '--destdir /' checks
                   this machine's installation.
  --unit FILE      Unit file to verify (default: the one beside this script, or the one
                   installed in --destdir).
  --instance NAME  Instance to verify (default: simulation_2q).
  --security       Also print systemd-analyze's offline security exposure score.
  -h, --help       Show this help.
EOF
}

DEST=""
DEST_GIVEN=0
UNIT=""
INSTANCE=simulation_2q
SECURITY=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --destdir) [[ $# -ge 2 ]] || usage_error "--destdir needs a directory"; DEST=$2; shift 2 ;;
        --unit) [[ $# -ge 2 ]] || usage_error "--unit needs a file"; UNIT=$2; shift 2 ;;
        --instance) [[ $# -ge 2 ]] || usage_error "--instance needs a name"; INSTANCE=$2; shift 2 ;;
        --security) SECURITY=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown argument '$1'" ;;
    esac
done

command -v systemd-analyze >/dev/null \
    || die "systemd-analyze is not installed (Debian and Ubuntu: apt-get install systemd)"

if [[ -n "$DEST" ]]; then
    DEST_GIVEN=1
    [[ -d "$DEST" ]] || die "--destdir '$DEST' is not a directory"
    DEST=$(cd -- "$DEST" && pwd -P)
    [[ "$DEST" == / ]] && DEST=""
    UNIT=${UNIT:-$DEST$LEEQ_UNIT_DIR/$LEEQ_UNIT_NAME}
    EXECUTABLE=$DEST$LEEQ_BIN_DIR/leeq-epii
    [[ -x "$EXECUTABLE" ]] || die "'$EXECUTABLE' is missing or not executable; is '${DEST:-/}' an installed tree?"
else
    UNIT=${UNIT:-$SCRIPT_DIR/systemd/$LEEQ_UNIT_NAME}
    EXECUTABLE=""
fi
[[ -f "$UNIT" ]] || die "unit file '$UNIT' does not exist"

SYSTEM_UNITS=""
for candidate in /usr/lib/systemd/system /lib/systemd/system; do
    if [[ -f "$candidate/sysinit.target" ]]; then
        SYSTEM_UNITS=$candidate
        break
    fi
done
[[ -n "$SYSTEM_UNITS" ]] || die "systemd's own units (sysinit.target) were not found in /usr/lib/systemd/system"

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/leeq-epii-verify.XXXXXX")
trap 'rm -rf -- "$SCRATCH"' EXIT
mkdir -p "$SCRATCH/usr/lib/systemd" "$SCRATCH$LEEQ_UNIT_DIR" "$SCRATCH$LEEQ_BIN_DIR"
cp -a -- "$SYSTEM_UNITS" "$SCRATCH/usr/lib/systemd/system"
cp -- "$UNIT" "$SCRATCH$LEEQ_UNIT_DIR/$LEEQ_UNIT_NAME"

if [[ $DEST_GIVEN -eq 1 ]]; then
    cp -- "$EXECUTABLE" "$SCRATCH$LEEQ_BIN_DIR/leeq-epii"
    executable_note="installed executable from ${DEST:-/}"
else
    printf '#!/bin/sh\nexit 0\n' >"$SCRATCH$LEEQ_BIN_DIR/leeq-epii"
    chmod 755 "$SCRATCH$LEEQ_BIN_DIR/leeq-epii"
    executable_note="stub executable"
fi

# Other commands the unit runs (ExecReload's kill, for example) come from this machine.
while read -r command; do
    [[ "$command" == /* && "$command" != "$LEEQ_BIN_DIR/leeq-epii" ]] || continue
    [[ -x "$command" ]] || die "the unit runs '$command', which does not exist on this machine either"
    mkdir -p -- "$SCRATCH$(dirname -- "$command")"
    cp -L -- "$command" "$SCRATCH$command"
done < <(sed -n -E 's/^Exec[A-Za-z]*=[-@:+!]*([^ ]+).*/\1/p' "$UNIT")

unit="leeq-epii@$INSTANCE.service"
set +e
output=$(cd "$SCRATCH" && systemd-analyze verify --root="$SCRATCH" "$unit" 2>&1)
status=$?
set -e
if [[ $status -ne 0 || -n "$output" ]]; then
    printf '%s\n' "$output" >&2
    die "systemd-analyze verify rejected $unit from $UNIT (exit $status)"
fi
info "systemd-analyze verify accepts $unit from $UNIT ($executable_note)"

if [[ $SECURITY -eq 1 ]]; then
    (cd "$SCRATCH" && systemd-analyze security --offline=yes --root="$SCRATCH" "$unit" 2>&1) \
        | grep -E 'Overall exposure' || warn "systemd-analyze security printed no exposure score"
fi
