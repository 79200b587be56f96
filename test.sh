#!/usr/bin/env bash
# Runs every test of the solution on this machine or a fresh one.
#
#   ./test.sh                      # everything
#   ./test.sh --filter Category=X  # extra arguments go to `dotnet test`
#
# Longer reliability runs (docs/reliability.md): SCRUTINY_CRASH_ROUNDS (kill -9 rounds, default 1),
# SCRUTINY_FUZZ_CASES (hostile requests per engine, default 2,500; SCRUTINY_FUZZ_SEED replays a run),
# SCRUTINY_OUTAGE_SECONDS (how long PostgreSQL is cut off mid-traffic, default 5).
# SCRUTINY_SCREENSHOTS=1 saves a full-page screenshot of each page the browser tests audit (off by default: nothing
# checks them and they cost CPU time).
#
# What it does:
#   1. installs PostgreSQL and Chromium (its headless shell) with apt-get if they are missing (as root, or through sudo);
#   2. starts a throwaway PostgreSQL cluster under .testdata/pg on 127.0.0.1:55432 (or the next free port to 55452)
#      (SCRUTINY_TEST_PG_PORT overrides the port), password auth for superuser `scrutiny`;
#   3. exports SCRUTINY_TEST_POSTGRES (Npgsql connection string; tests create their own databases)
#      and SCRUTINY_CHROMIUM (the browser for Playwright);
#   4. installs Azurite from npm (tests/cluster/package-lock.json) and starts its Table service on a free
#      127.0.0.1 port, in memory, log in .testdata/azurite; exports SCRUTINY_TEST_AZURITE (a connection
#      string for Azurite's well-known development account) for the cluster tests' AzureTables provider;
#   5. builds the solution once and runs `dotnet test --no-build` on each test project, TRX results in
#      .testdata/results, in two streams side by side: the dashboard tests; and the grains, silo and cluster tests
#      one after another, then the load tool's quick mode (tests/load/Scrutiny.Load, `all --quick`), which prints one
#      JSON line and counts as one test;
#   6. stops PostgreSQL and Azurite and ends with one line `N passed, M failed` summed over all test projects and the load run.
# Exit status is non-zero if the build or any test failed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"

CONFIGURATION="Debug"
TESTDATA="$REPO/.testdata"
RESULTS="$TESTDATA/results"
PG_LINK="$TESTDATA/pg"
PG_USER="scrutiny"
PG_PASSWORD="scrutiny-test"
# Chromium's headless shell, as Playwright itself uses for headless runs: the browser the tests drive costs about a
# third of the full browser's CPU time (docs/benchmarks.md, "The whole suite").
CHROMIUM="/usr/bin/chromium-headless-shell"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "test.sh: $*" >&2; }
die() { say "error: $*"; exit 1; }

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

as_root() {
    if [ "$IS_ROOT" -eq 1 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root or sudo to run: $*"
    fi
}

# ---------------------------------------------------------------- 1. packages
find_pg_bin() {
    local p
    p="$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$p" ]; then dirname "$p"; fi
}

missing=()
[ -n "$(find_pg_bin)" ] || missing+=(postgresql)
[ -x "$CHROMIUM" ] || missing+=(chromium-headless-shell fonts-liberation)
if [ "${#missing[@]}" -gt 0 ]; then
    say "installing ${missing[*]} (apt-get)"
    t0=$SECONDS
    if as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
        && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            -o DPkg::Lock::Timeout=120 "${missing[@]}"; then
        say "installed in $((SECONDS - t0)) s"
    elif [ ! -x "$CHROMIUM" ] && [ -x /usr/bin/chromium ]; then
        # A machine with the full browser already but no way to the package archive: the same tests, at more CPU time.
        say "warning: could not install the headless shell; the tests use /usr/bin/chromium"
        CHROMIUM=/usr/bin/chromium
    else
        die "apt-get could not install ${missing[*]}"
    fi
fi

PG_BIN="$(find_pg_bin)"
[ -n "$PG_BIN" ] || die "no postgres binary under /usr/lib/postgresql/*/bin after install"
[ -x "$CHROMIUM" ] || die "$CHROMIUM missing after install"

# ---------------------------------------------------------------- 2. PostgreSQL
# As root the server must run as the `postgres` OS user (initdb refuses root); from / so that
# a working directory the postgres user cannot enter does not matter (all paths are absolute).
pg_as_owner() {
    if [ "$IS_ROOT" -eq 1 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
if [ "$IS_ROOT" -eq 1 ]; then
    getent passwd postgres >/dev/null || die "the postgres OS user does not exist (is the postgresql package installed?)"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stop and remove whatever a previous run left (a crashed or killed run may leave the server up).
clean_old_cluster() {
    local root
    root="$(readlink -f "$PG_LINK" 2>/dev/null || true)"
    if [ -n "$root" ] && [ -f "$root/data/postmaster.pid" ]; then
        say "stopping a cluster left by a previous run in $root"
        pg_as_owner "$PG_BIN/pg_ctl" -D "$root/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [ -n "$root" ] && [ "$root" != "$PG_LINK" ]; then rm -rf "$root"; fi
    rm -rf "$PG_LINK"
}

mkdir -p "$TESTDATA"
clean_old_cluster

PG_PORT="${SCRUTINY_TEST_PG_PORT:-55432}"
if port_in_use "$PG_PORT"; then
    [ -z "${SCRUTINY_TEST_PG_PORT:-}" ] || die "port $PG_PORT (SCRUTINY_TEST_PG_PORT) is already in use on 127.0.0.1"
    for p in $(seq 55433 55452); do
        if ! port_in_use "$p"; then say "port $PG_PORT is in use (another run?); using $p"; PG_PORT=$p; break; fi
    done
    ! port_in_use "$PG_PORT" || die "ports 55432-55452 are all in use; set SCRUTINY_TEST_PG_PORT"
fi

# The cluster lives in .testdata/pg unless the postgres user cannot reach the checkout
# (e.g. under a 0700 home directory) or the socket path would pass the 107-byte limit:
# then it lives in /tmp and .testdata/pg is a symlink to it.
PG_ROOT="$PG_LINK"
mkdir -p "$PG_ROOT"
if [ "$IS_ROOT" -eq 1 ]; then chown postgres: "$PG_ROOT"; fi
if ! pg_as_owner test -w "$PG_ROOT" || [ "${#PG_ROOT}" -gt 80 ]; then
    rmdir "$PG_ROOT"
    PG_ROOT="/tmp/scrutiny-test-pg-$(printf '%s' "$REPO" | cksum | cut -d' ' -f1)"
    rm -rf "$PG_ROOT"
    mkdir -p "$PG_ROOT"
    if [ "$IS_ROOT" -eq 1 ]; then chown postgres: "$PG_ROOT"; fi
    ln -s "$PG_ROOT" "$PG_LINK"
    say "cluster directory is $PG_ROOT (linked from .testdata/pg)"
fi
PG_DATA="$PG_ROOT/data"
PG_SOCKET="$PG_ROOT/socket"
PG_LOG="$PG_ROOT/postgres.log"

AZURITE_PID=""
stop_azurite() {
    if [ -n "$AZURITE_PID" ]; then
        kill -TERM "$AZURITE_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.25; done
        kill -KILL "$AZURITE_PID" 2>/dev/null || true
        rm -f "$AZURITE_DIR/pid"
        AZURITE_PID=""
    fi
}

PG_STARTED=0
stop_pg() {
    if [ "$PG_STARTED" -eq 1 ]; then
        PG_STARTED=0
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >>"$PG_LOG" 2>&1 \
            || pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >>"$PG_LOG" 2>&1 \
            || say "warning: could not stop PostgreSQL (data dir $PG_DATA)"
    fi
}
stop_services() { stop_azurite; stop_pg; }
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_as_owner mkdir -p "$PG_SOCKET"
(umask 077; printf '%s\n' "$PG_PASSWORD" | pg_as_owner tee "$PG_ROOT/pwfile" >/dev/null)
say "initdb $PG_DATA"
pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" --username="$PG_USER" --pwfile="$PG_ROOT/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C --no-sync >"$PG_ROOT/initdb.log" 2>&1 \
    || { cat "$PG_ROOT/initdb.log" >&2; die "initdb failed"; }
rm -f "$PG_ROOT/pwfile"
pg_as_owner tee -a "$PG_DATA/postgresql.conf" >/dev/null <<EOF

# --- throwaway test cluster (test.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_SOCKET'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
PG_STARTED=1
# Nothing listening when the port was checked does not make it free when PostgreSQL binds it (once here it could not:
# "Address already in use"): then the next port is tried, unless one was asked for.
until pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -o "-p $PG_PORT" start >/dev/null; do
    if [ -n "${SCRUTINY_TEST_PG_PORT:-}" ] || [ "$PG_PORT" -ge 55452 ] || ! grep -q "Address already in use" "$PG_LOG"; then
        cat "$PG_LOG" >&2; die "PostgreSQL did not start"
    fi
    PG_PORT=$((PG_PORT + 1))
    say "that port was taken; starting PostgreSQL on 127.0.0.1:$PG_PORT"
    pg_as_owner truncate -s 0 "$PG_LOG"
done
for _ in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.5
done
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || { cat "$PG_LOG" >&2; die "PostgreSQL is not ready"; }
# Password login over TCP, exactly as the tests will connect.
PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres \
    -tAc 'select 1' >/dev/null || die "cannot log in to PostgreSQL as $PG_USER"

export SCRUTINY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=postgres"
export SCRUTINY_CHROMIUM="$CHROMIUM"

# ---------------------------------------------------------------- 3. Azurite
# Azure Table Storage for the cluster tests' AzureTables provider: Azurite from npm, pinned by the committed lock file.
# Installed again only when the lock file is newer than the install (npm ci writes node_modules/.package-lock.json).
AZURITE_APP="$REPO/tests/cluster"
AZURITE_DIR="$TESTDATA/azurite"
command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js 20 or later (the dashboard's build needs it too)"
mkdir -p "$AZURITE_DIR"
if [ ! -x "$AZURITE_APP/node_modules/.bin/azurite-table" ] \
    || [ "$AZURITE_APP/package-lock.json" -nt "$AZURITE_APP/node_modules/.package-lock.json" ]; then
    say "npm ci in tests/cluster (Azurite)"
    (cd "$AZURITE_APP" && npm ci --ignore-scripts --no-audit --no-fund) >"$AZURITE_DIR/npm-ci.log" 2>&1 \
        || { cat "$AZURITE_DIR/npm-ci.log" >&2; die "npm ci for Azurite failed (tests/cluster/package-lock.json)"; }
fi
# One a previous run left running (a killed run cannot stop it).
if [ -f "$AZURITE_DIR/pid" ]; then
    old_pid="$(cat "$AZURITE_DIR/pid")"
    if grep -qs azurite-table "/proc/$old_pid/cmdline"; then say "stopping Azurite left by a previous run"; kill -KILL "$old_pid" || true; fi
    rm -f "$AZURITE_DIR/pid"
fi
AZURITE_PORT="${SCRUTINY_TEST_AZURITE_PORT:-10002}"
while port_in_use "$AZURITE_PORT"; do
    [ -z "${SCRUTINY_TEST_AZURITE_PORT:-}" ] || die "port $AZURITE_PORT (SCRUTINY_TEST_AZURITE_PORT) is already in use on 127.0.0.1"
    AZURITE_PORT=$((AZURITE_PORT + 1))
    [ "$AZURITE_PORT" -lt 10100 ] || die "ports 10002-10099 are all in use; set SCRUTINY_TEST_AZURITE_PORT"
done
say "starting Azurite (Table service) on 127.0.0.1:$AZURITE_PORT"
# exec: the process id is Azurite's own, to stop. In memory: nothing to clean up after a run.
(cd "$AZURITE_APP" && exec node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" \
    --inMemoryPersistence --skipApiVersionCheck) >"$AZURITE_DIR/azurite.log" 2>&1 &
AZURITE_PID=$!
echo "$AZURITE_PID" >"$AZURITE_DIR/pid"
for _ in $(seq 1 60); do
    port_in_use "$AZURITE_PORT" && break
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$AZURITE_DIR/azurite.log" >&2; die "Azurite exited while starting"; }
    sleep 0.5
done
port_in_use "$AZURITE_PORT" || { cat "$AZURITE_DIR/azurite.log" >&2; die "Azurite did not open port $AZURITE_PORT within 30 s"; }
# Azurite's well-known development account (EMULATOR_ACCOUNT_KEY_STR in its source; no secret).
export SCRUTINY_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"

# ---------------------------------------------------------------- 4. build and test
# Stops PostgreSQL and Azurite first so that the summary line is the last thing printed.
finish() { # finish EXIT_CODE PASSED FAILED [SKIPPED]
    stop_services
    local summary="$2 passed, $3 failed"
    if [ "${4:-0}" -gt 0 ]; then summary="$summary, $4 skipped"; fi
    echo "$summary"
    exit "$1"
}

say "dotnet build Scrutiny.sln -c $CONFIGURATION"
BUILD_LOG="$TESTDATA/build.log"
set +e
dotnet build Scrutiny.sln -c "$CONFIGURATION" -nologo 2>&1 | tee "$BUILD_LOG"
build_rc=${PIPESTATUS[0]}
set -e
if [ "$build_rc" -ne 0 ]; then
    echo
    echo "BUILD FAILED (exit $build_rc); no test ran. Errors:"
    grep -E ': error [A-Z]+[0-9]+' "$BUILD_LOG" | sort -u || true
    finish 1 0 0
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
LOAD_RC="$TESTDATA/load.rc"
rm -f "$LOAD_RC"

run_tests() { # run_tests PROJECT [extra dotnet test arguments]; one TRX file per project, named after it
    local project=$1
    shift
    say "dotnet test tests/$project --no-build -c $CONFIGURATION $*"
    dotnet test "tests/$project/$project.csproj" --no-build -c "$CONFIGURATION" --logger "trx;LogFileName=$project.trx" \
        --results-directory "$RESULTS" --blame-hang-timeout 10m "$@"
}

# The others in turn: grains and silo tests, the cluster tests (three node processes per cluster), then the load tool's
# quick run (docs/benchmarks.md, "England scale"): the product as its own process on a fresh database on this
# PostgreSQL, in this build's configuration. Its one JSON line goes to the output; a broken run (the product not
# starting, an error status, a missing delivery, never a slow figure) is one failure in the summary, a sound one one pass.
run_others() {
    local rc=0 load=0
    run_tests Scrutiny.Grains.Tests "$@" || rc=$?
    run_tests Scrutiny.Silo.Tests "$@" || rc=$?
    run_tests Scrutiny.Cluster.Tests "$@" || rc=$?
    say "dotnet run --no-build -c $CONFIGURATION --project tests/load/Scrutiny.Load -- all --quick"
    timeout --kill-after=30 600 dotnet run --no-build -c "$CONFIGURATION" --project tests/load/Scrutiny.Load -- all --quick || load=$?
    echo "$load" >"$LOAD_RC"
    return "$rc"
}

set +e
# Two streams side by side, one a core: the dashboard tests (a browser and a host for most tests) take about as long as
# everything else together, so they run from the start while the rest run one after another beside them.
run_tests Scrutiny.Dashboard.Tests "$@" &
dashboard_pid=$!
run_others "$@" &
others_pid=$!
wait "$dashboard_pid"
test_rc=$?
wait "$others_pid"
others_rc=$?
[ "$test_rc" -ne 0 ] || test_rc=$others_rc
load_rc="$(cat "$LOAD_RC" 2>/dev/null || echo 1)"
set -e

# Sum <Counters .../> over the TRX files (one per test project, each named after its project, so none overwrites
# another; a project that wrote none has exited non-zero, which fails the run below).
attr() { local v; v="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"; echo "${v:-0}"; }
passed=0 failed=0 skipped=0
for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    [ -n "$counters" ] || continue
    passed=$((passed + $(attr passed "$counters")))
    failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
    skipped=$((skipped + $(attr notExecuted "$counters")))
done

if [ "$load_rc" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

if [ "$failed" -gt 0 ]; then
    finish 1 "$passed" "$failed" "$skipped"
fi
if [ "$test_rc" -ne 0 ]; then
    echo "dotnet test exited with code $test_rc although no test failed (a test host crashed or an argument was wrong; see above)"
    finish "$test_rc" "$passed" "$failed" "$skipped"
fi
finish 0 "$passed" "$failed" "$skipped"
