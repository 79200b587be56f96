#!/usr/bin/env bash
# Runs N dashboard nodes as plain processes on 127.0.0.1, one Orleans cluster over one PostgreSQL, the way
# compose.yaml and k8s/ run them in containers.
#
#   export ConnectionStrings__Scrutiny='Host=127.0.0.1;Port=5432;Database=scrutiny;Username=scrutiny;Password=...'
#   deploy/local-cluster.sh [N] [--azure]
#
# N (default 3) nodes, published once (Release) to .testdata/cluster/app. Node i listens on
# http://127.0.0.1:(5080+i), its silo on 11110+i and its gateway on 29999+i, is named node-i
# (Scrutiny__Silo__NodeName) and logs to .testdata/cluster/node-i.log. Membership and reminders:
#   default   Scrutiny__Cluster__Provider=PostgreSql, in the PostgreSQL that holds the data;
#   --azure   Scrutiny__Cluster__Provider=AzureTables, in Azurite (Azure Table Storage emulator, in memory), which
#             this script starts from tests/cluster's npm install (log .testdata/cluster/azurite.log).
# The first node starts alone (it brings the store's schema up to date), then the others.
# A node that dies is reported and the others keep running; Ctrl-C stops them all (SIGTERM, as an orchestrator does).
# Env: SCRUTINY_CLUSTER_BASE_PORT (5081), SCRUTINY_CLUSTER_SILO_BASE_PORT (11111),
# SCRUTINY_CLUSTER_GATEWAY_BASE_PORT (30000), SCRUTINY_CLUSTER_AZURITE_PORT (10002),
# SCRUTINY_CLUSTER_NO_BUILD=1 to reuse the last publish. Other Scrutiny__* settings in the environment reach every node.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/.testdata/cluster"
APP="$OUT/app"
AZURITE_APP="$REPO/tests/cluster"

say() { echo "local-cluster: $*" >&2; }
die() { say "error: $*"; exit 1; }

NODES=3
AZURE=0
for arg in "$@"; do
    case "$arg" in
        --azure) AZURE=1 ;;
        *) [[ "$arg" =~ ^[1-9][0-9]*$ ]] || die "usage: $0 [N] [--azure]   (N = number of nodes, default 3)"; NODES="$arg" ;;
    esac
done
BASE_PORT="${SCRUTINY_CLUSTER_BASE_PORT:-5081}"
SILO_BASE_PORT="${SCRUTINY_CLUSTER_SILO_BASE_PORT:-11111}"
GATEWAY_BASE_PORT="${SCRUTINY_CLUSTER_GATEWAY_BASE_PORT:-30000}"
AZURITE_PORT="${SCRUTINY_CLUSTER_AZURITE_PORT:-10002}"

if [ -z "${ConnectionStrings__Scrutiny:-}" ]; then
    die "ConnectionStrings__Scrutiny is not set. Point it at the shared PostgreSQL, e.g.
  export ConnectionStrings__Scrutiny='Host=127.0.0.1;Port=5432;Database=scrutiny;Username=scrutiny;Password=...'"
fi
export ConnectionStrings__Scrutiny
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for ((i = 0; i < NODES; i++)); do
    for port in $((BASE_PORT + i)) $((SILO_BASE_PORT + i)) $((GATEWAY_BASE_PORT + i)); do
        ! port_in_use "$port" || die "port $port is already in use on 127.0.0.1"
    done
done
[ "$AZURE" -eq 0 ] || ! port_in_use "$AZURITE_PORT" || die "port $AZURITE_PORT (Azurite) is already in use; set SCRUTINY_CLUSTER_AZURITE_PORT"

mkdir -p "$OUT"
if [ "${SCRUTINY_CLUSTER_NO_BUILD:-}" != "1" ] || [ ! -f "$APP/Scrutiny.Dashboard.dll" ]; then
    say "publishing the dashboard to $APP"
    rm -rf "$APP"
    dotnet publish "$REPO/dashboard/Scrutiny.Dashboard.csproj" -c Release -o "$APP" -nologo >"$OUT/publish.log" 2>&1 \
        || { cat "$OUT/publish.log" >&2; die "publish failed"; }
fi

PIDS=()
AZURITE_PID=""
stop_all() {
    trap - EXIT INT TERM
    local running=()
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && running+=("$pid"); done
    if [ "${#running[@]}" -gt 0 ]; then
        say "stopping ${#running[@]} node(s)"
        kill -TERM "${running[@]}" 2>/dev/null || true
        # Up to 40 s to leave the cluster and finish requests, as the containers' stop grace period.
        for _ in $(seq 1 80); do
            alive=0
            for pid in "${running[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
            [ "$alive" -eq 0 ] && break
            sleep 0.5
        done
        kill -KILL "${running[@]}" 2>/dev/null || true
    fi
    if [ -n "$AZURITE_PID" ]; then kill -TERM "$AZURITE_PID" 2>/dev/null || true; fi
    wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export Scrutiny__Cluster__Provider=PostgreSql
if [ "$AZURE" -eq 1 ]; then
    command -v npm >/dev/null 2>&1 || die "npm is missing: --azure runs Azurite from npm (Node.js 20 or later)"
    if [ ! -x "$AZURITE_APP/node_modules/.bin/azurite-table" ] \
        || [ "$AZURITE_APP/package-lock.json" -nt "$AZURITE_APP/node_modules/.package-lock.json" ]; then
        say "npm ci in tests/cluster (Azurite)"
        (cd "$AZURITE_APP" && npm ci --ignore-scripts --no-audit --no-fund) >"$OUT/azurite-npm.log" 2>&1 \
            || { cat "$OUT/azurite-npm.log" >&2; die "npm ci for Azurite failed"; }
    fi
    # A session of its own, so that Ctrl-C in the terminal does not reach it: the nodes still need it to leave the cluster.
    (cd "$AZURITE_APP" && exec setsid node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" \
        --inMemoryPersistence --skipApiVersionCheck) >"$OUT/azurite.log" 2>&1 &
    AZURITE_PID=$!
    for _ in $(seq 1 60); do
        port_in_use "$AZURITE_PORT" && break
        kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$OUT/azurite.log" >&2; die "Azurite exited while starting"; }
        sleep 0.5
    done
    port_in_use "$AZURITE_PORT" || die "Azurite did not open port $AZURITE_PORT within 30 s (see $OUT/azurite.log)"
    say "Azurite (Table service, in memory): 127.0.0.1:$AZURITE_PORT, pid $AZURITE_PID"
    export Scrutiny__Cluster__Provider=AzureTables
    # Azurite's well-known development account (EMULATOR_ACCOUNT_KEY_STR in its source; no secret).
    export ConnectionStrings__ScrutinyCluster="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;"
fi
# Every silo on this machine, reached by the others at the loopback address.
export Scrutiny__Cluster__AdvertisedAddress=127.0.0.1

ready() { # ready PORT: /health/ready answers 200
    if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null -m 3 "http://127.0.0.1:$1/health/ready" 2>/dev/null
    else port_in_use "$1"; fi
}

start_node() { # start_node I
    local i=$1 log="$OUT/node-$1.log"
    # Content root = the publish folder (wwwroot, appsettings.json), as in the container. Each node its own name (they
    # share one machine name; a restarted node takes over its own name's work) and its own silo and gateway ports.
    (cd "$APP" && Scrutiny__Silo__NodeName="node-$i" \
        Scrutiny__Cluster__SiloPort=$((SILO_BASE_PORT + i - 1)) Scrutiny__Cluster__GatewayPort=$((GATEWAY_BASE_PORT + i - 1)) \
        exec dotnet Scrutiny.Dashboard.dll --urls "http://127.0.0.1:$((BASE_PORT + i - 1))") >>"$log" 2>&1 &
    PIDS[i - 1]=$!
    say "node $i: pid $!, http://127.0.0.1:$((BASE_PORT + i - 1)), silo $((SILO_BASE_PORT + i - 1)), gateway $((GATEWAY_BASE_PORT + i - 1)), log $log"
}

wait_ready() { # wait_ready I
    local i=$1 port=$((BASE_PORT + $1 - 1))
    for _ in $(seq 1 180); do
        ready "$port" && return 0
        kill -0 "${PIDS[i - 1]}" 2>/dev/null || { tail -n 30 "$OUT/node-$i.log" >&2; die "node $i exited during start-up"; }
        sleep 0.5
    done
    die "node $i was not ready within 90 s (see $OUT/node-$i.log)"
}

start_node 1
wait_ready 1
for ((i = 2; i <= NODES; i++)); do start_node "$i"; done
for ((i = 2; i <= NODES; i++)); do wait_ready "$i"; done
say "all $NODES node(s) ready ($Scrutiny__Cluster__Provider): $(for ((i = 0; i < NODES; i++)); do printf 'http://127.0.0.1:%d ' $((BASE_PORT + i)); done)"
say "health: /health/live and /health/ready on each; Ctrl-C stops them all"

# Run until Ctrl-C. A node that exits is reported; the others keep running (the cluster declares it dead and its
# grains come back on the others). When none is left, stop.
REPORTED=()
while :; do
    left=0
    for ((i = 1; i <= NODES; i++)); do
        pid="${PIDS[i - 1]}"
        if kill -0 "$pid" 2>/dev/null; then left=$((left + 1)); continue; fi
        [ -z "${REPORTED[i]:-}" ] || continue
        REPORTED[i]=1
        set +e; { wait "$pid"; } 2>/dev/null; rc=$?; set -e
        say "node $i (pid $pid) exited with code $rc; see $OUT/node-$i.log. The other nodes keep running."
    done
    [ "$left" -gt 0 ] || { say "no node is left running"; exit 1; }
    sleep 1
done
