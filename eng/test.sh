#!/usr/bin/env bash
# The README's test command: set up the machine, run every test in Aspire.sln, print a summary.
#
#   ./eng/test.sh [extra dotnet test arguments...]
#
# TRX results go to artifacts/test-results/ (emptied first). The very last line is always
# "N passed, N failed" (plus ", N skipped" when some were skipped), counted from all TRX files.
# Exit code is non-zero if setup or `dotnet test` failed, any test failed, or no TRX was produced.
#
# Sourcing this file (`source eng/test.sh`) only defines the functions, so the counting can be
# checked on its own: `summarize_trx <folder>`.

# No `set -e`: we want to reach the summary even when dotnet test fails.
set -uo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"

# Value of attribute $2 in the <Counters .../> element given as $1 (0 if absent).
# The leading space keeps `passed=` from matching `passedButRunAborted=`.
counter_attr() {
    local v
    v="$(printf '%s\n' "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")"
    echo "${v:-0}"
}

# Sums the <Counters> of every .trx under folder $1 and prints the summary line.
# Returns 0 if at least one TRX was found and none has failures, 1 otherwise.
summarize_trx() {
    local dir="$1" files=0 broken=0 passed=0 failed=0 skipped=0
    local trx counters total executed p f err timeout aborted
    while IFS= read -r -d '' trx; do
        files=$((files + 1))
        # Join lines first, in case a writer ever wraps the element's attributes.
        counters="$(tr '\r\n' '  ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1)"
        if [[ -z "$counters" ]]; then
            echo "test: warning: no <Counters> in ${trx#"$REPO_ROOT"/} (test run aborted?)" >&2
            broken=$((broken + 1))   # makes the run fail rather than being silently ignored
            continue
        fi
        total="$(counter_attr "$counters" total)"
        executed="$(counter_attr "$counters" executed)"
        p="$(counter_attr "$counters" passed)"
        f="$(counter_attr "$counters" failed)"
        # error/timeout/aborted are 0 in normal runs, but they are failures too.
        err="$(counter_attr "$counters" error)"
        timeout="$(counter_attr "$counters" timeout)"
        aborted="$(counter_attr "$counters" aborted)"
        passed=$((passed + p))
        failed=$((failed + f + err + timeout + aborted))
        # Skipped tests are in `total` but not in `executed` (TRX outcome NotExecuted).
        if ((total > executed)); then skipped=$((skipped + total - executed)); fi
    done < <(find "$dir" -type f -name '*.trx' -print0 2>/dev/null)

    echo "test: $files TRX file(s) in ${dir#"$REPO_ROOT"/}" >&2
    local line="$passed passed, $failed failed"
    if ((skipped > 0)); then line+=", $skipped skipped"; fi
    echo "$line"
    ((files > 0 && broken == 0 && failed == 0))
}

main() {
    cd "$REPO_ROOT" || exit 1

    "$SCRIPT_DIR/setup.sh"
    local setup_rc=$?
    if ((setup_rc != 0)); then
        echo "test: eng/setup.sh failed (exit $setup_rc); not running tests" >&2
        echo "0 passed, 0 failed"
        exit "$setup_rc"
    fi

    # Old results would be counted again otherwise.
    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"

    # No LogFileName: each test project then writes its own uniquely named .trx file.
    dotnet test Aspire.sln --logger "trx" --results-directory "$RESULTS_DIR" "$@"
    local test_rc=$?
    echo "test: dotnet test exited with $test_rc" >&2

    summarize_trx "$RESULTS_DIR"
    local summary_rc=$?

    if ((test_rc != 0)); then exit "$test_rc"; fi
    if ((summary_rc != 0)); then exit 1; fi
    exit 0
}

# Run only when executed, not when sourced.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
