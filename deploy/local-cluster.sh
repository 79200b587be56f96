#!/usr/bin/env bash
# Runs the dashboard node as a plain process on 127.0.0.1:5081 against PostgreSQL, the way
# compose.yaml / k8s run it in a container. N (nodes) may only be 1 until nodes share Orleans membership.
#
#   export ConnectionStrings__Scrutiny='Host=127.0.0.1;Port=5432;Database=scrutiny;Username=scrutiny;Password=...'
#   deploy/local-cluster.sh [N]
#
# Publishes the dashboard (Release) to .testdata/cluster/app, starts the nodes with
# `--urls http://127.0.0.1:PORT`, logs to .testdata/cluster/node-I.log, and stops every node on
# Ctrl-C (or when any node exits). Env: SCRUTINY_CLUSTER_BASE_PORT (default 5081),
# SCRUTINY_CLUSTER_NO_BUILD=1 to reuse the last publish.
set -euo pipefail

NODES="${1:-1}"
BASE_PORT="${SCRUTINY_CLUSTER_BASE_PORT:-5081}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO/.testdata/cluster"
APP="$OUT/app"

say() { echo "local-cluster: $*" >&2; }
die() { say "error: $*"; exit 1; }

[[ "$NODES" =~ ^[1-9][0-9]*$ ]] || die "usage: $0 [N]   (N = number of nodes, default 1)"
# Each node is an Orleans silo on localhost clustering: two would be two clusters over one store (deploy/README.md).
[ "$NODES" = 1 ] || die "only one node for now: nodes do not share Orleans membership yet (see deploy/README.md)"
if [ -z "${ConnectionStrings__Scrutiny:-}" ]; then
    die "ConnectionStrings__Scrutiny is not set. Point it at the shared PostgreSQL, e.g.
  export ConnectionStrings__Scrutiny='Host=127.0.0.1;Port=5432;Database=scrutiny;Username=scrutiny;Password=...'"
fi
export ConnectionStrings__Scrutiny
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for ((i = 0; i < NODES; i++)); do
    port=$((BASE_PORT + i))
    ! port_in_use "$port" || die "port $port is already in use on 127.0.0.1"
done

mkdir -p "$OUT"
if [ "${SCRUTINY_CLUSTER_NO_BUILD:-}" != "1" ] || [ ! -f "$APP/Scrutiny.Dashboard.dll" ]; then
    say "publishing the dashboard to $APP"
    rm -rf "$APP"
    dotnet publish "$REPO/dashboard/Scrutiny.Dashboard.csproj" -c Release -o "$APP" -nologo >"$OUT/publish.log" 2>&1 \
        || { cat "$OUT/publish.log" >&2; die "publish failed"; }
fi

PIDS=()
stop_all() {
    trap - EXIT INT TERM
    if [ "${#PIDS[@]}" -gt 0 ]; then
        say "stopping ${#PIDS[@]} node(s)"
        kill -TERM "${PIDS[@]}" 2>/dev/null || true
        for _ in $(seq 1 30); do
            alive=0
            for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
            [ "$alive" -eq 0 ] && break
            sleep 0.5
        done
        kill -KILL "${PIDS[@]}" 2>/dev/null || true
        wait 2>/dev/null || true
    fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for ((i = 1; i <= NODES; i++)); do
    port=$((BASE_PORT + i - 1))
    log="$OUT/node-$i.log"
    # Content root = the publish folder (wwwroot, appsettings.json), as in the container.
    # Each node its own name: the nodes share one machine name, and a node's restart takes over its own name's work.
    (cd "$APP" && Scrutiny__Silo__NodeName="node-$i" exec dotnet Scrutiny.Dashboard.dll --urls "http://127.0.0.1:$port") >"$log" 2>&1 &
    PIDS+=($!)
    say "node $i: pid $!, http://127.0.0.1:$port, log $log"
done

# Wait until every node accepts connections.
for ((i = 1; i <= NODES; i++)); do
    port=$((BASE_PORT + i - 1))
    for _ in $(seq 1 120); do
        port_in_use "$port" && break
        kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || { tail -n 30 "$OUT/node-$i.log" >&2; die "node $i exited during start-up"; }
        sleep 0.5
    done
    port_in_use "$port" || die "node $i did not open port $port within 60 s (see $OUT/node-$i.log)"
done
say "all $NODES node(s) up: $(for ((i = 0; i < NODES; i++)); do printf 'http://127.0.0.1:%d ' $((BASE_PORT + i)); done)"
say "health: /health/live and /health/ready on each; Ctrl-C stops them"

# Run until Ctrl-C, or until one node dies (then stop the others).
set +e
wait -n "${PIDS[@]}"
rc=$?
set -e
say "a node exited (code $rc); stopping the rest"
exit 1
