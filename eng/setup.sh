#!/usr/bin/env bash
# Idempotent machine set-up for this repository (called by the README's run and test commands).
#
# Makes sure these are present, installing what is missing:
#   - .NET SDK (checked only; it is a prerequisite we do not install)
#   - Java 17+                      (apt: openjdk-17-jre-headless)
#   - redis-server                  (apt: redis-server)
#   - chromium                      (apt: chromium; the dashboard's headless browser test drives it)
#   - Node.js and npm               (apt: nodejs npm; npm fetches DynamoDB Local, jsii runs the CDK app's JavaScript)
#   - DynamoDB Local 1.25.x         (from the npm package amplify-dynamodb-simulator, into <repo>/.tools/dynamodb-local)
#   - s3rver 3.7.1                  (npm; an S3-compatible local server for the audit archive's S3 test, into <repo>/.tools/s3rver)
#
# A second run finds everything in place and does no network or apt work.
# When something is missing and cannot be installed here, it prints what to install by hand and exits 1.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

# --- DynamoDB Local pin -------------------------------------------------------------------------
# amplify-dynamodb-simulator is simply a convenient, versioned, checksummed (by npm) carrier of
# AWS's DynamoDB Local distribution; we only take emulator/DynamoDBLocal.jar and
# emulator/DynamoDBLocal_lib/ (Java deps + sqlite4java native libraries) out of it.
# 2.9.30 ships DynamoDB Local 1.25.1 (`java -jar DynamoDBLocal.jar -version` prints 1.25.1).
# To bump: pick a version, `npm pack` it, check `-version`, then update all three values below.
DDB_NPM_PACKAGE="amplify-dynamodb-simulator"
DDB_NPM_VERSION="2.9.30"
DDB_JAR_VERSION="1.25.1"
DDB_JAR_SHA256="454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7"

TOOLS_DIR="$REPO_ROOT/.tools"          # git-ignored
DDB_DIR="$TOOLS_DIR/dynamodb-local"
DDB_STAMP="$DDB_DIR/.installed"
DDB_STAMP_CONTENT="$DDB_NPM_PACKAGE@$DDB_NPM_VERSION
DynamoDBLocal $DDB_JAR_VERSION
sha256 $DDB_JAR_SHA256"

# --- s3rver pin ---------------------------------------------------------------------------------
# The audit archive's S3 sink is tested against a real local S3 (tests/IntegrationTests/Events). npm installs the
# package with its dependencies (package-lock.json pins them, npm checks their integrity hashes).
S3RVER_NPM_VERSION="3.7.1"
S3RVER_DIR="$TOOLS_DIR/s3rver"
S3RVER_STAMP="$S3RVER_DIR/.installed"
S3RVER_STAMP_CONTENT="s3rver@$S3RVER_NPM_VERSION"

MIN_JAVA_MAJOR=17

log() { echo "setup: $*"; }

# Things we could not do automatically; printed together at the end.
MANUAL=()
manual() { MANUAL+=("$*"); }

# --- privileges for apt-get ---------------------------------------------------------------------
# Root: run directly. Otherwise use sudo, but only if it will not hang waiting for a password
# when there is no terminal (CI runs us with no stdin).
SUDO=""
CAN_ROOT=0
if [[ "$(id -u)" -eq 0 ]]; then
    CAN_ROOT=1
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [[ -t 0 ]]; }; then
    SUDO="sudo"
    CAN_ROOT=1
fi
HAVE_APT=0
command -v apt-get >/dev/null 2>&1 && HAVE_APT=1

APT_UPDATED=0
apt_install() {
    if [[ "$APT_UPDATED" -eq 0 ]]; then
        log "apt-get update"
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
        APT_UPDATED=1
    fi
    log "apt-get install -y $*"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "$@" || return 1
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | awk '{print $1}'
    else
        shasum -a 256 "$1" | awk '{print $1}'
    fi
}

# Prints the major version of `java` on PATH, or nothing if there is no usable java.
# Handles both `"17.0.15"` and the old `"1.8.0_402"` style.
java_major() {
    command -v java >/dev/null 2>&1 || return 0
    local v
    v="$(java -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
    [[ -n "$v" ]] || return 0
    if [[ "$v" == 1.* ]]; then v="${v#1.}"; fi
    echo "${v%%[.+_-]*}"
}

# `redis-server --version` prints e.g. "Redis server v=7.0.15 sha=... malloc=jemalloc-5.3.0 ...".
redis_version() { redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

# --- .NET SDK (prerequisite, never installed by this script) ------------------------------------
if command -v dotnet >/dev/null 2>&1; then
    if dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        log "dotnet present ($(command -v dotnet), SDK $(dotnet --list-sdks | awk '/^10\./{v=$1} END{print v}'))"
    else
        log "dotnet present but no .NET 10 SDK found"
        manual ".NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0  (or: curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0, then add ~/.dotnet to PATH)"
    fi
else
    log "dotnet missing"
    manual ".NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0  (or: curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0, then add ~/.dotnet to PATH)"
fi

# --- Java, redis-server, Node.js and chromium (apt) ----------------------------------------------------------------
APT_PKGS=()

JAVA_MAJOR="$(java_major)"
if [[ -n "$JAVA_MAJOR" && "$JAVA_MAJOR" -ge "$MIN_JAVA_MAJOR" ]]; then
    log "java present ($JAVA_MAJOR)"
else
    log "java ${MIN_JAVA_MAJOR}+ missing${JAVA_MAJOR:+ (found $JAVA_MAJOR)}"
    APT_PKGS+=(openjdk-17-jre-headless)
fi

REDIS_WAS_INSTALLED=1
if command -v redis-server >/dev/null 2>&1; then
    log "redis-server present ($(redis_version))"
else
    log "redis-server missing"
    REDIS_WAS_INSTALLED=0
    APT_PKGS+=(redis-server)
fi

# Node.js and npm: npm fetches DynamoDB Local below, and the CDK's jsii runs the stack's JavaScript in tests/DeployTests.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    log "node present ($(node --version 2>/dev/null)), npm present"
else
    log "node or npm missing"
    APT_PKGS+=(nodejs npm)
fi

# Debian's chromium: the dashboard test drives it headless over the DevTools protocol (no browser download).
chromium_path() { command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true; }
if [[ -n "$(chromium_path)" ]]; then
    log "chromium present ($(chromium_path))"
else
    log "chromium missing"
    APT_PKGS+=(chromium)
fi

if [[ "${#APT_PKGS[@]}" -gt 0 ]]; then
    if [[ "$HAVE_APT" -eq 1 && "$CAN_ROOT" -eq 1 ]]; then
        apt_install "${APT_PKGS[@]}" || log "apt-get failed (see above)"
    else
        manual "apt packages (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y ${APT_PKGS[*]}"
    fi
fi

# The Debian package enables and starts a system redis on 6379. The AppHost starts its own
# redis-server processes on random ports, so a stray system service is just noise (and holds
# 6379); stop it, but only if it was our install that started it. Best effort.
if [[ "$REDIS_WAS_INSTALLED" -eq 0 ]] && command -v redis-server >/dev/null 2>&1; then
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet redis-server 2>/dev/null; then
        log "stopping and disabling the redis-server system service started by the package install"
        $SUDO systemctl stop redis-server || true
        $SUDO systemctl disable --quiet redis-server || true
    elif pgrep -x redis-server >/dev/null 2>&1; then
        log "stopping the redis-server service started by the package install"
        $SUDO service redis-server stop >/dev/null 2>&1 || $SUDO /etc/init.d/redis-server stop >/dev/null 2>&1 || true
    fi
fi

# Re-check what we tried to install (also catches an older default java kept by update-alternatives).
if [[ "${#APT_PKGS[@]}" -gt 0 && "$HAVE_APT" -eq 1 && "$CAN_ROOT" -eq 1 ]]; then
    if [[ " ${APT_PKGS[*]} " == *" openjdk-17-jre-headless "* ]]; then
        JAVA_MAJOR="$(java_major)"
        if [[ -n "$JAVA_MAJOR" && "$JAVA_MAJOR" -ge "$MIN_JAVA_MAJOR" ]]; then
            log "java installed ($JAVA_MAJOR)"
        else
            manual "java ${MIN_JAVA_MAJOR}+ as the default 'java' (apt: sudo apt-get install -y openjdk-17-jre-headless; then check: sudo update-alternatives --config java)"
        fi
    fi
    if [[ " ${APT_PKGS[*]} " == *" chromium "* ]]; then
        if [[ -n "$(chromium_path)" ]]; then
            log "chromium installed ($(chromium_path))"
        else
            manual "apt package: sudo apt-get install -y chromium  (the dashboard's browser test; Ubuntu: a chromium that is not a snap, or set CHROMIUM_PATH)"
        fi
    fi
    if [[ " ${APT_PKGS[*]} " == *" redis-server "* ]]; then
        if command -v redis-server >/dev/null 2>&1; then
            log "redis-server installed ($(command -v redis-server), $(redis_version))"
        else
            manual "apt package: sudo apt-get install -y redis-server"
        fi
    fi
fi

# --- DynamoDB Local (npm tarball -> .tools/dynamodb-local) --------------------------------------
ddb_is_installed() {
    [[ -f "$DDB_STAMP" && -f "$DDB_DIR/DynamoDBLocal.jar" && -d "$DDB_DIR/DynamoDBLocal_lib" ]] &&
        [[ "$(cat "$DDB_STAMP")" == "$DDB_STAMP_CONTENT" ]]
}

install_ddb() {
    local pack_dir stage
    mkdir -p "$TOOLS_DIR"
    pack_dir="$(mktemp -d)"
    # Stage next to the destination so the final `mv` is a rename on the same filesystem.
    stage="$(mktemp -d "$TOOLS_DIR/.dynamodb-local.tmp.XXXXXX")"
    # shellcheck disable=SC2064  # expand now: the locals are gone when the trap fires
    trap "rm -rf '$pack_dir' '$stage'" EXIT

    log "downloading $DDB_NPM_PACKAGE@$DDB_NPM_VERSION (~57 MB) with npm pack"
    # npm verifies the tarball against the registry's integrity hash; we verify the jar below.
    (cd "$pack_dir" && npm pack "$DDB_NPM_PACKAGE@$DDB_NPM_VERSION" --loglevel=error --no-update-notifier >/dev/null)
    local tgz
    tgz="$(ls "$pack_dir"/*.tgz)"

    tar -xzf "$tgz" -C "$stage" \
        package/emulator/DynamoDBLocal.jar \
        package/emulator/DynamoDBLocal_lib \
        package/emulator/LICENSE.txt \
        package/emulator/THIRD-PARTY-LICENSES.txt
    local actual
    actual="$(sha256_of "$stage/package/emulator/DynamoDBLocal.jar")"
    if [[ "$actual" != "$DDB_JAR_SHA256" ]]; then
        echo "setup: ERROR: DynamoDBLocal.jar from $DDB_NPM_PACKAGE@$DDB_NPM_VERSION has SHA-256 $actual," >&2
        echo "setup: ERROR: expected $DDB_JAR_SHA256 (pinned in eng/setup.sh). Nothing was installed." >&2
        exit 1
    fi

    mv "$stage/package/emulator" "$stage/dynamodb-local"
    printf '%s\n' "$DDB_STAMP_CONTENT" >"$stage/dynamodb-local/.installed"
    rm -rf "$DDB_DIR"   # a partial or older install
    mv "$stage/dynamodb-local" "$DDB_DIR"
    rm -rf "$pack_dir" "$stage"
    trap - EXIT
    log "DynamoDB Local $DDB_JAR_VERSION installed in ${DDB_DIR#"$REPO_ROOT"/}"
}

if ddb_is_installed; then
    log "DynamoDB Local $DDB_JAR_VERSION present (${DDB_DIR#"$REPO_ROOT"/})"
elif [[ -f "$DDB_DIR/DynamoDBLocal.jar" && -d "$DDB_DIR/DynamoDBLocal_lib" ]] &&
    [[ "$(sha256_of "$DDB_DIR/DynamoDBLocal.jar")" == "$DDB_JAR_SHA256" ]]; then
    # Installed by hand (see the manual instructions below): accept it and write the stamp.
    printf '%s\n' "$DDB_STAMP_CONTENT" >"$DDB_STAMP"
    log "DynamoDB Local $DDB_JAR_VERSION present (${DDB_DIR#"$REPO_ROOT"/}, stamp written)"
elif command -v npm >/dev/null 2>&1; then
    install_ddb
else
    log "DynamoDB Local missing and npm not found"
    manual "npm (Debian/Ubuntu: sudo apt-get install -y npm), then re-run eng/setup.sh; or by hand, from the repo root:
      tmp=\$(mktemp -d) && (cd \$tmp && npm pack $DDB_NPM_PACKAGE@$DDB_NPM_VERSION && tar -xzf $DDB_NPM_PACKAGE-$DDB_NPM_VERSION.tgz) \\
        && mkdir -p .tools && rm -rf .tools/dynamodb-local && mv \$tmp/package/emulator .tools/dynamodb-local
      (DynamoDBLocal.jar must have SHA-256 $DDB_JAR_SHA256)"
fi

# --- s3rver (npm install -> .tools/s3rver) -------------------------------------------------------
s3rver_is_installed() {
    [[ -f "$S3RVER_STAMP" && -f "$S3RVER_DIR/node_modules/s3rver/bin/s3rver.js" ]] &&
        [[ "$(cat "$S3RVER_STAMP")" == "$S3RVER_STAMP_CONTENT" ]]
}

install_s3rver() {
    local stage
    mkdir -p "$TOOLS_DIR"
    stage="$(mktemp -d "$TOOLS_DIR/.s3rver.tmp.XXXXXX")"
    # shellcheck disable=SC2064  # expand now: the local is gone when the trap fires
    trap "rm -rf '$stage'" EXIT
    log "installing s3rver@$S3RVER_NPM_VERSION with npm"
    (cd "$stage" && npm install "s3rver@$S3RVER_NPM_VERSION" --save-exact --no-audit --no-fund --loglevel=error --no-update-notifier >/dev/null)
    local installed
    installed="$(node -p "require('$stage/node_modules/s3rver/package.json').version")"
    if [[ "$installed" != "$S3RVER_NPM_VERSION" ]]; then
        echo "setup: ERROR: npm installed s3rver $installed, expected $S3RVER_NPM_VERSION. Nothing was installed." >&2
        exit 1
    fi
    printf '%s\n' "$S3RVER_STAMP_CONTENT" >"$stage/.installed"
    chmod 755 "$stage"   # mktemp made it private
    rm -rf "$S3RVER_DIR"   # a partial or older install
    mv "$stage" "$S3RVER_DIR"
    trap - EXIT
    log "s3rver $S3RVER_NPM_VERSION installed in ${S3RVER_DIR#"$REPO_ROOT"/}"
}

if s3rver_is_installed; then
    log "s3rver $S3RVER_NPM_VERSION present (${S3RVER_DIR#"$REPO_ROOT"/})"
elif command -v npm >/dev/null 2>&1; then
    install_s3rver
else
    log "s3rver missing and npm not found"
    manual "npm (Debian/Ubuntu: sudo apt-get install -y npm), then re-run eng/setup.sh; or by hand, from the repo root:
      mkdir -p .tools/s3rver && (cd .tools/s3rver && npm install s3rver@$S3RVER_NPM_VERSION --save-exact) && echo s3rver@$S3RVER_NPM_VERSION > .tools/s3rver/.installed"
fi

# --- result -------------------------------------------------------------------------------------
if [[ "${#MANUAL[@]}" -gt 0 ]]; then
    echo "setup: cannot finish automatically; please install by hand and re-run eng/setup.sh:" >&2
    if [[ "$CAN_ROOT" -eq 0 ]]; then
        echo "setup: (not root and no usable sudo, so apt-get could not be run)" >&2
    elif [[ "$HAVE_APT" -eq 0 ]]; then
        echo "setup: (apt-get not found; use your platform's equivalent packages)" >&2
    fi
    for m in "${MANUAL[@]}"; do
        echo "  - $m" >&2
    done
    exit 1
fi
log "ok"
