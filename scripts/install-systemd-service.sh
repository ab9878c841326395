#!/usr/bin/env bash
# Installs the LeeQ EPII daemon as the systemd template leeq-epii@<setup>.service.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source-path=SCRIPTDIR source=lib/leeq-epii-common.sh
. "$SCRIPT_DIR/lib/leeq-epii-common.sh"
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)

usage() {
    cat <<EOF
Usage: $PROG [options]

Publishes the leeq-epii host and its plugins (ReadyToRun) and installs them as the
systemd template unit leeq-epii@<setup>.service:

  /opt/leeq/bin/                   the executable, its libraries and plugins/ (root, read-only)
  /opt/leeq/scripts/               management, backup, restore, verify and uninstall scripts
  /opt/leeq/share/doc/leeq-epii/   the operations manual
  /etc/leeq-epii/                  setup files (directory 755, files root:leeq 640)
  /var/lib/leeq-epii/              state (leeq:leeq 750)
  /var/log/leeq-epii/              file logs (leeq:leeq 750)
  /etc/systemd/system/leeq-epii@.service, /etc/logrotate.d/leeq-epii (root 644)

Running it again is safe: unchanged files are left alone and existing setup files are
never overwritten (a newer sample is written beside it as <name>.json.example).

Options:
  --destdir DIR   Install into DIR instead of / (also \$DESTDIR). The service account is
                  then created in DIR/etc/passwd and DIR/etc/group, and files are owned by
                  its ids there. Does not need root, but owners are only set when run as root.
  --from DIR      Install an already published tree (DIR holds leeq-epii and plugins/)
                  instead of publishing; implies --skip-build.
  --skip-build    Do not publish; requires --from.
  --runtime RID   Runtime identifier to publish for (default: this machine's, e.g. linux-x64).
  --no-user       Do not create the leeq group and user. Files get leeq ownership only if
                  the account already exists on the target; otherwise they stay root-owned
                  and the intended owners are listed in /opt/leeq/share/leeq-epii/ownership.
  --no-validate   Do not validate the installed setup files with the new executable.
  -h, --help      Show this help.

Needs root unless --destdir is given. Runs 'systemctl daemon-reload' only when installing
into the real root while systemd is running.
EOF
}

DEST=${DESTDIR:-}
FROM=""
SKIP_BUILD=0
RID=""
CREATE_USER=1
VALIDATE=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --destdir) [[ $# -ge 2 ]] || usage_error "--destdir needs a directory"; DEST=$2; shift 2 ;;
        --destdir=*) DEST=${1#*=}; shift ;;
        --from) [[ $# -ge 2 ]] || usage_error "--from needs a directory"; FROM=$2; SKIP_BUILD=1; shift 2 ;;
        --from=*) FROM=${1#*=}; SKIP_BUILD=1; shift ;;
        --skip-build) SKIP_BUILD=1; shift ;;
        --runtime) [[ $# -ge 2 ]] || usage_error "--runtime needs a runtime identifier"; RID=$2; shift 2 ;;
        --runtime=*) RID=${1#*=}; shift ;;
        --no-user) CREATE_USER=0; shift ;;
        --no-validate) VALIDATE=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown argument '$1'" ;;
    esac
done

if [[ $SKIP_BUILD -eq 1 && -z "$FROM" ]]; then
    usage_error "--skip-build needs --from DIR naming the published tree to install"
fi
set_root "$DEST"
require_root_or_destdir

CONFIG_SAMPLES_DIR="$REPO_ROOT/configs/epii"
UNIT_SOURCE="$SCRIPT_DIR/systemd/$LEEQ_UNIT_NAME"
LOGROTATE_SOURCE="$SCRIPT_DIR/logrotate/leeq-epii"
DOC_SOURCE="$REPO_ROOT/docs/operations.md"
for needed in "$UNIT_SOURCE" "$LOGROTATE_SOURCE" "$CONFIG_SAMPLES_DIR"; do
    [[ -e "$needed" ]] || die "'$needed' is missing; run this script from a checkout of the repository"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/leeq-epii-install.XXXXXX")
trap 'rm -rf -- "$WORK"' EXIT
CHANGED=0

# --- 1. The published tree -------------------------------------------------------------
if [[ $SKIP_BUILD -eq 1 ]]; then
    [[ -d "$FROM" ]] || die "--from '$FROM' is not a directory"
    PUBLISHED=$(cd -- "$FROM" && pwd -P)
else
    command -v dotnet >/dev/null || die "dotnet is not on PATH; install the .NET 10 SDK, or pass --from DIR with a published tree"
    if [[ -z "$RID" ]]; then
        case "$(uname -m)" in
            x86_64) RID=linux-x64 ;;
            aarch64 | arm64) RID=linux-arm64 ;;
            *) die "no runtime identifier known for machine '$(uname -m)'; pass --runtime RID" ;;
        esac
    fi
    PUBLISHED="$WORK/publish"
    info "publishing the host and plugins for $RID (ReadyToRun); this takes a minute or two"
    dotnet publish "$REPO_ROOT/src/Host" -c Release -r "$RID" --self-contained false \
        -p:PublishReadyToRun=true -o "$PUBLISHED" -nologo -v quiet \
        || die "dotnet publish failed (see the output above)"
fi
[[ -f "$PUBLISHED/leeq-epii.dll" && -x "$PUBLISHED/leeq-epii" ]] \
    || die "'$PUBLISHED' is not a published host: leeq-epii and leeq-epii.dll are missing"
[[ -d "$PUBLISHED/plugins" ]] || die "'$PUBLISHED' has no plugins/ directory beside the executable"

# --- 2. The service account --------------------------------------------------------------
create_account() {
    if is_real_root; then
        getent group "$LEEQ_GROUP" >/dev/null || { groupadd --system "$LEEQ_GROUP" && CHANGED=1; }
        getent passwd "$LEEQ_USER" >/dev/null || {
            useradd --system --gid "$LEEQ_GROUP" --shell /bin/false --home-dir "$LEEQ_PREFIX" \
                --no-create-home --comment "LeeQ EPII daemon user" "$LEEQ_USER" && CHANGED=1
        }
        return
    fi
    # A destination tree gets the account in its own databases (as an image root would);
    # the build machine's accounts are never touched.
    if ! is_superuser; then
        warn "not root: the $LEEQ_USER account is not created in $ROOT/etc (owners cannot be set anyway)"
        return
    fi
    mkdir -p -- "$ROOT/etc"
    local f
    for f in passwd group shadow gshadow; do
        [[ -e "$ROOT/etc/$f" ]] || { : >"$ROOT/etc/$f" && chmod 644 "$ROOT/etc/$f"; }
    done
    chmod 640 "$ROOT/etc/shadow" "$ROOT/etc/gshadow"
    grep -q "^$LEEQ_GROUP:" "$ROOT/etc/group" || { groupadd --prefix "$ROOT" --system "$LEEQ_GROUP" && CHANGED=1; }
    grep -q "^$LEEQ_USER:" "$ROOT/etc/passwd" || {
        useradd --prefix "$ROOT" --system --gid "$LEEQ_GROUP" --shell /bin/false --home-dir "$LEEQ_PREFIX" \
            --no-create-home --comment "LeeQ EPII daemon user" "$LEEQ_USER" && CHANGED=1
    }
    rm -f -- "$ROOT"/etc/passwd- "$ROOT"/etc/group- "$ROOT"/etc/shadow- "$ROOT"/etc/gshadow-
}
if [[ $CREATE_USER -eq 1 ]]; then
    create_account
fi

# --- 3. Directories ------------------------------------------------------------------------
OWNERSHIP_MANIFEST="$WORK/ownership"
: >"$OWNERSHIP_MANIFEST"

make_dir() { # path user group mode
    [[ -d "$ROOT$1" ]] || { mkdir -p -- "$ROOT$1" && CHANGED=1; }
    apply_owner_mode "$ROOT$1" "$2" "$3" "$4"
}
make_dir "$LEEQ_PREFIX" root root 755
make_dir "$LEEQ_PREFIX/share" root root 755
make_dir "$LEEQ_PREFIX/share/doc" root root 755
make_dir "$LEEQ_DOC_DIR" root root 755
make_dir "$LEEQ_SHARE_DIR" root root 755
make_dir "$LEEQ_SCRIPTS_DIR" root root 755
make_dir "$LEEQ_SCRIPTS_DIR/lib" root root 755
make_dir "$LEEQ_SCRIPTS_DIR/systemd" root root 755
make_dir "$LEEQ_CONF_DIR" root "$LEEQ_GROUP" 755
make_dir "$LEEQ_STATE_DIR" "$LEEQ_USER" "$LEEQ_GROUP" 750
make_dir "$LEEQ_LOG_DIR" "$LEEQ_USER" "$LEEQ_GROUP" 750
make_dir "$LEEQ_UNIT_DIR" root root 755
make_dir "$(dirname "$LEEQ_LOGROTATE_FILE")" root root 755

# Copies one file unless the target already has the same content; always applies mode and owner.
install_file() { # source target user group mode
    local src=$1 dst=$ROOT$2
    if [[ ! -f "$dst" ]] || ! cmp -s -- "$src" "$dst"; then
        cp -- "$src" "$dst.new.$$"
        mv -f -- "$dst.new.$$" "$dst"
        CHANGED=1
        info "installed $2"
    fi
    apply_owner_mode "$dst" "$3" "$4" "$5"
}

# --- 4. The executable tree --------------------------------------------------------------
# Replaced as a whole, and only when its content differs, so a second run changes nothing.
BIN=$ROOT$LEEQ_BIN_DIR
if [[ -d "$BIN" ]] && diff -r -q -- "$PUBLISHED" "$BIN" >/dev/null 2>&1; then
    info "$LEEQ_BIN_DIR is up to date"
else
    rm -rf -- "$BIN.new"
    cp -R -- "$PUBLISHED" "$BIN.new"
    chmod -R u=rwX,go=rX -- "$BIN.new"
    chmod 755 -- "$BIN.new/leeq-epii"
    if is_superuser; then chown -R 0:0 -- "$BIN.new"; fi
    if [[ -d "$BIN" ]]; then
        rm -rf -- "$BIN.old"
        mv -- "$BIN" "$BIN.old"
    fi
    mv -- "$BIN.new" "$BIN"
    rm -rf -- "$BIN.old"
    CHANGED=1
    info "installed $LEEQ_BIN_DIR from $PUBLISHED"
fi
apply_owner_mode "$BIN" root root 755

# --- 5. Scripts, manual, unit, log rotation ------------------------------------------------
for script in leeq-epii-service.sh backup-leeq-epii.sh restore-leeq-epii.sh uninstall-systemd-service.sh verify-systemd-unit.sh; do
    install_file "$SCRIPT_DIR/$script" "$LEEQ_SCRIPTS_DIR/$script" root root 755
done
install_file "$SCRIPT_DIR/systemd/$LEEQ_UNIT_NAME" "$LEEQ_SCRIPTS_DIR/systemd/$LEEQ_UNIT_NAME" root root 644
install_file "$SCRIPT_DIR/lib/leeq-epii-common.sh" "$LEEQ_SCRIPTS_DIR/lib/leeq-epii-common.sh" root root 644
if [[ -f "$DOC_SOURCE" ]]; then
    install_file "$DOC_SOURCE" "$LEEQ_DOC_DIR/operations.md" root root 644
fi
install_file "$UNIT_SOURCE" "$LEEQ_UNIT_DIR/$LEEQ_UNIT_NAME" root root 644
install_file "$LOGROTATE_SOURCE" "$LEEQ_LOGROTATE_FILE" root root 644

# --- 6. Sample setups: never overwrite ------------------------------------------------------
for sample in "$CONFIG_SAMPLES_DIR"/*.json; do
    name=$(basename "$sample")
    target="$LEEQ_CONF_DIR/$name"
    if [[ ! -e "$ROOT$target" ]]; then
        install_file "$sample" "$target" root "$LEEQ_GROUP" 640
    else
        # An existing setup is the administrator's: neither its content nor its mode changes.
        record_owner_mode "$ROOT$target" root "$LEEQ_GROUP" 640
        if ! cmp -s -- "$sample" "$ROOT$target"; then
            info "keeping $target (it differs from the sample)"
            install_file "$sample" "$target.example" root "$LEEQ_GROUP" 640
        fi
    fi
done

# --- 7. Ownership record -----------------------------------------------------------------
sort -u -k4 "$OWNERSHIP_MANIFEST" >"$WORK/ownership.sorted"
install_file "$WORK/ownership.sorted" "$LEEQ_SHARE_DIR/ownership" root root 644
if [[ $OWNERSHIP_SKIPPED -eq 1 ]]; then
    if is_superuser; then
        warn "the $LEEQ_USER account does not exist on the target, so files it should own are root-owned;" \
            "create it and apply the owners listed in $LEEQ_SHARE_DIR/ownership"
    else
        warn "not root: owners were not set; the intended owners are listed in $LEEQ_SHARE_DIR/ownership"
    fi
fi

# --- 8. Check the installed setups with the new executable ---------------------------------
if [[ $VALIDATE -eq 1 ]]; then
    shopt -s nullglob
    for config in "$ROOT$LEEQ_CONF_DIR"/*.json; do
        if output=$(LEEQ_EPII_CONFIG_DIR="$ROOT$LEEQ_CONF_DIR" "$BIN/leeq-epii" --config "$config" --validate 2>&1); then
            info "valid: ${config#"$ROOT"}"
        else
            warn "${config#"$ROOT"} does not validate with the installed version:"
            printf '%s\n' "$output" | sed 's/^/    /' >&2
        fi
    done
    shopt -u nullglob
fi

# --- 9. Tell systemd --------------------------------------------------------------------
if is_real_root && systemd_running && command -v "${LEEQ_EPII_SYSTEMCTL:-systemctl}" >/dev/null; then
    systemctl_cmd daemon-reload
    info "systemd reloaded its units"
elif is_real_root; then
    info "systemd is not running; run 'systemctl daemon-reload' once it is"
fi

if [[ $CHANGED -eq 0 ]]; then
    info "nothing to change: ${ROOT:-/} already has this version"
else
    info "installed into ${ROOT:-/}"
fi
cat <<EOF

Next steps:
  $LEEQ_SCRIPTS_DIR/leeq-epii-service.sh list
  $LEEQ_SCRIPTS_DIR/leeq-epii-service.sh validate simulation_2q
  $LEEQ_SCRIPTS_DIR/leeq-epii-service.sh start simulation_2q
EOF
