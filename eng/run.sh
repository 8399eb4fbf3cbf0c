#!/usr/bin/env bash
# The README's run command: set up the machine (idempotent, seconds when done), then start the AppHost.
#
#   ./eng/run.sh [AppHost arguments, e.g. --Gateway:Port=9090]
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

"$REPO_ROOT/eng/setup.sh"
cd "$REPO_ROOT"
exec dotnet run --project AppHost -- "$@"
