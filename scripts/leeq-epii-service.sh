#!/usr/bin/env bash
# Day-to-day management of leeq-epii@<setup> instances.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib/leeq-epii-common.sh
. "$SCRIPT_DIR/lib/leeq-epii-common.sh"

usage() {
    cat <<EOF
Usage: $PROG [--destdir DIR] COMMAND [ARGS]

Manages the systemd instances leeq-epii@<setup>.service, one per setup file
/etc/leeq-epii/<setup>.json.

Commands:
  list                      Each setup file with its port, description and unit state.
  start SETUP               Validate the setup, then enable and start its instance.
  stop SETUP [--disable]    Stop the instance (and disable it at boot with --disable).
  restart SETUP             Validate the setup, then restart its instance.
  reload SETUP              Ask the running instance to re-read its log level (SIGHUP).
  status [SETUP]            systemd status of one instance, or of all of them.
  logs SETUP [-f] [-n N]    The instance's journal (-f follows it, -n shows the last N lines).
  validate SETUP|--all      Check setup files with the installed executable, as the daemon will.
  health SETUP              Run the daemon's start-up health checks for the setup.
  diagnose SETUP            Print the daemon's diagnostic report for the setup.
  help                      Show this help.

SETUP is a setup name (the file name without .json). start, stop, restart, reload and
status need a running systemd; list, validate, health and diagnose do not.

Options:
  --destdir DIR   Work on a tree installed with install-systemd-service.sh --destdir DIR.

Environment:
  LEEQ_EPII_BIN         The executable (default: /opt/leeq/bin/leeq-epii under --destdir).
  LEEQ_EPII_CONFIG_DIR  The setup directory (default: /etc/leeq-epii under --destdir).
  LEEQ_EPII_JQ          jq command used by 'list' (default: jq; 'none' to use the executable).

Exit codes: 0 success, 1 failure, 2 usage error.
EOF
}

DEST=${DESTDIR:-}
if [[ "${1:-}" == --destdir ]]; then
    [[ $# -ge 2 ]] || usage_error "--destdir needs a directory"
    DEST=$2
    shift 2
elif [[ "${1:-}" == --destdir=* ]]; then
    DEST=${1#*=}
    shift
fi
[[ -z "$DEST" || -d "$DEST" ]] || die "--destdir '$DEST' is not a directory"
set_root "$DEST"

BIN=${LEEQ_EPII_BIN:-$ROOT$LEEQ_BIN_DIR/leeq-epii}
CONFIG_DIR=${LEEQ_EPII_CONFIG_DIR:-$ROOT$LEEQ_CONF_DIR}

unit_of() { printf 'leeq-epii@%s.service' "$1"; }

# A setup name must be a plain file name: it becomes part of a unit name and a path.
check_setup_name() {
    local name=${1:-}
    [[ -n "$name" ]] || usage_error "a setup name is required"
    [[ "$name" =~ ^[A-Za-z0-9_.-]+$ && "$name" != .* ]] \
        || usage_error "'$name' is not a setup name (letters, digits, '_', '-' and '.'; no path)"
    [[ "$name" != *.json ]] || usage_error "give the setup name without .json: '${name%.json}'"
}

config_of() { printf '%s/%s.json' "$CONFIG_DIR" "$1"; }

require_config() {
    local config
    config=$(config_of "$1")
    [[ -f "$config" ]] || die "no setup file $config (setups found: $(setup_names | tr '\n' ' '))"
}

setup_names() {
    local f
    shopt -s nullglob
    for f in "$CONFIG_DIR"/*.json; do
        basename "$f" .json
    done
    shopt -u nullglob
}

require_executable() {
    [[ -x "$BIN" ]] || die "the executable $BIN is missing; install with install-systemd-service.sh or set LEEQ_EPII_BIN"
}

require_systemd() {
    systemd_running || die "systemd is not running on this machine, so '$1' cannot act on $2; use 'validate' to check a setup without it"
    command -v "${LEEQ_EPII_SYSTEMCTL:-systemctl}" >/dev/null || die "systemctl is not installed"
}

# Runs the daemon executable for a setup. As root on the real system, it runs as the
# service account, so file permissions are checked as the daemon will meet them.
run_daemon() {
    local setup=$1
    shift
    local config
    config=$(config_of "$setup")
    require_executable
    if is_real_root && is_superuser && [[ -z "${LEEQ_EPII_BIN:-}" ]] && getent passwd "$LEEQ_USER" >/dev/null \
        && command -v runuser >/dev/null; then
        LEEQ_EPII_CONFIG_DIR="$CONFIG_DIR" runuser -u "$LEEQ_USER" -- "$BIN" --config "$config" "$@"
    else
        LEEQ_EPII_CONFIG_DIR="$CONFIG_DIR" "$BIN" --config "$config" "$@"
    fi
}

# Port and description of a setup file: with jq when it is there, else from the
# executable's validation (port) and the file's top-level "description" line.
describe_setup() {
    local config=$1 jq=${LEEQ_EPII_JQ:-jq} port="" description="" line
    if [[ "$jq" != none ]] && command -v "$jq" >/dev/null; then
        if line=$("$jq" -r '[(.port // .grpc.port // "-" | tostring), (.description // "")] | @tsv' "$config" 2>/dev/null); then
            port=${line%%$'\t'*}
            description=${line#*$'\t'}
        else
            port="?"
            description="(not valid JSON)"
        fi
    else
        if [[ -x "$BIN" ]] && line=$(LEEQ_EPII_CONFIG_DIR="$CONFIG_DIR" "$BIN" --config "$config" --validate 2>/dev/null); then
            port=$(printf '%s\n' "$line" | sed -n -E 's/.*Configuration is valid .*port ([0-9]+)\).*/\1/p')
        fi
        port=${port:-?}
        description=$(sed -n -E 's/^[[:space:]]{0,4}"description"[[:space:]]*:[[:space:]]*"(([^"\\]|\\.)*)".*/\1/p' "$config" | head -n 1)
    fi
    printf '%s\t%s\n' "$port" "$description"
}

cmd_list() {
    local names name port description state enabled
    names=$(setup_names)
    if [[ -z "$names" ]]; then
        info "no setup files in $CONFIG_DIR"
        return 0
    fi
    printf '%-24s %-6s %-9s %-9s %s\n' SETUP PORT ENABLED ACTIVE DESCRIPTION
    while read -r name; do
        IFS=$'\t' read -r port description < <(describe_setup "$(config_of "$name")")
        if systemd_running; then
            enabled=$(systemctl_cmd is-enabled "$(unit_of "$name")" 2>/dev/null || true)
            state=$(systemctl_cmd is-active "$(unit_of "$name")" 2>/dev/null || true)
        else
            enabled="-"
            state="-"
        fi
        printf '%-24s %-6s %-9s %-9s %s\n' "$name" "$port" "${enabled:-unknown}" "${state:-unknown}" "$description"
    done <<<"$names"
    if ! systemd_running; then
        info "systemd is not running: unit states are not shown"
    fi
}

cmd_validate() {
    local target=${1:-} name failed=0
    if [[ "$target" == --all ]]; then
        local names
        names=$(setup_names)
        [[ -n "$names" ]] || die "no setup files in $CONFIG_DIR"
        while read -r name; do
            info "validating $(config_of "$name")"
            run_daemon "$name" --validate || failed=1
        done <<<"$names"
        return $failed
    fi
    check_setup_name "$target"
    require_config "$target"
    run_daemon "$target" --validate
}

validate_quietly() {
    local output
    if ! output=$(run_daemon "$1" --validate 2>&1); then
        printf '%s\n' "$output" >&2
        die "$(config_of "$1") is not valid; fix it before starting $(unit_of "$1")"
    fi
}

cmd_start() {
    check_setup_name "${1:-}"
    require_config "$1"
    require_systemd start "$(unit_of "$1")"
    validate_quietly "$1"
    # Type=notify: this returns once the daemon reports it is serving, or fails.
    systemctl_cmd enable --now "$(unit_of "$1")" || {
        systemctl_cmd status --no-pager --lines=20 "$(unit_of "$1")" >&2 || true
        die "$(unit_of "$1") did not start; see 'journalctl -u $(unit_of "$1")'"
    }
    info "$(unit_of "$1") is running"
}

cmd_stop() {
    local setup=${1:-} disable=0
    check_setup_name "$setup"
    shift
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --disable) disable=1; shift ;;
            *) usage_error "stop: unknown argument '$1'" ;;
        esac
    done
    require_systemd stop "$(unit_of "$setup")"
    systemctl_cmd stop "$(unit_of "$setup")"
    if [[ $disable -eq 1 ]]; then
        systemctl_cmd disable "$(unit_of "$setup")"
        info "$(unit_of "$setup") is stopped and will not start at boot"
    else
        info "$(unit_of "$setup") is stopped"
    fi
}

cmd_restart() {
    check_setup_name "${1:-}"
    require_config "$1"
    require_systemd restart "$(unit_of "$1")"
    validate_quietly "$1"
    systemctl_cmd restart "$(unit_of "$1")" || {
        systemctl_cmd status --no-pager --lines=20 "$(unit_of "$1")" >&2 || true
        die "$(unit_of "$1") did not restart; see 'journalctl -u $(unit_of "$1")'"
    }
    info "$(unit_of "$1") restarted"
}

cmd_reload() {
    check_setup_name "${1:-}"
    require_systemd reload "$(unit_of "$1")"
    systemctl_cmd reload "$(unit_of "$1")"
    info "$(unit_of "$1") reloaded its log level"
}

cmd_status() {
    if [[ $# -eq 0 ]]; then
        require_systemd status "the leeq-epii instances"
        systemctl_cmd status --no-pager 'leeq-epii@*.service'
        return
    fi
    check_setup_name "$1"
    require_systemd status "$(unit_of "$1")"
    systemctl_cmd status --no-pager "$(unit_of "$1")"
}

cmd_logs() {
    local setup=${1:-}
    check_setup_name "$setup"
    shift
    local args=(-u "$(unit_of "$setup")" --no-pager)
    while [[ $# -gt 0 ]]; do
        case "$1" in
            -f | --follow) args+=(-f); shift ;;
            -n | --lines) [[ $# -ge 2 ]] || usage_error "$1 needs a number"; args+=(-n "$2"); shift 2 ;;
            *) usage_error "logs: unknown argument '$1'" ;;
        esac
    done
    command -v "${LEEQ_EPII_JOURNALCTL:-journalctl}" >/dev/null \
        || die "journalctl is not installed; the daemon logs to the systemd journal"
    "${LEEQ_EPII_JOURNALCTL:-journalctl}" "${args[@]}"
}

cmd_health() {
    check_setup_name "${1:-}"
    require_config "$1"
    run_daemon "$1" --health-check
}

cmd_diagnose() {
    check_setup_name "${1:-}"
    require_config "$1"
    run_daemon "$1" --diagnostic-report
}

[[ $# -ge 1 ]] || { usage >&2; exit 2; }
command=$1
shift
case "$command" in
    list | ls) [[ $# -eq 0 ]] || usage_error "list takes no arguments"; cmd_list ;;
    start) [[ $# -eq 1 ]] || usage_error "start takes one setup name"; cmd_start "$1" ;;
    stop) cmd_stop "$@" ;;
    restart) [[ $# -eq 1 ]] || usage_error "restart takes one setup name"; cmd_restart "$1" ;;
    reload) [[ $# -eq 1 ]] || usage_error "reload takes one setup name"; cmd_reload "$1" ;;
    status) [[ $# -le 1 ]] || usage_error "status takes at most one setup name"; cmd_status "$@" ;;
    logs) cmd_logs "$@" ;;
    validate) [[ $# -eq 1 ]] || usage_error "validate takes one setup name or --all"; cmd_validate "$1" ;;
    health) [[ $# -eq 1 ]] || usage_error "health takes one setup name"; cmd_health "$1" ;;
    diagnose) [[ $# -eq 1 ]] || usage_error "diagnose takes one setup name"; cmd_diagnose "$1" ;;
    help | -h | --help) usage ;;
    *) usage_error "unknown command '$command'" ;;
esac
