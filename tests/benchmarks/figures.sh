#!/usr/bin/env bash
# figures.sh REPO_ROOT — the "before/after" performance figures of docs/benchmarks.md, measured the same way on any
# checkout. Uses only: the benchmark console's command line (tests/benchmarks/Scrutiny.Benchmarks: `sqlite`,
# `postgres`, `live W R`) and its printed lines, the silo and dashboard executables (`seed-demo`, no arguments), and
# GET /health/ready. Nothing about grains or the runtime underneath.
#
# Environment:
#   SCRUTINY_TEST_POSTGRES  Npgsql connection string of a PostgreSQL server on which the benchmark may create and drop
#                           databases (e.g. Host=127.0.0.1;Port=55600;Username=postgres;Database=postgres).
#                           Unset: the PostgreSQL figures are printed as NA.
#   RUNS=3                  runs of each measurement; the median is printed with every raw value and the 1-minute
#                           load average (/proc/loadavg) read just before each run.
#   ONLY="sqlite postgres live seed startup"   which measurements to make.
#   BUILD=1                 0 skips the Release build (the binaries must exist).
#   LIVE_ARGS="200 200"     watchers and returns for the live run.
#   DASH_PORT=5191 SILO_PORT=5192
#   SILO_DLL, DASH_DLL      default ROOT/silo/bin/Release/net10.0/Scrutiny.Silo.dll and
#                           ROOT/dashboard/bin/Release/net10.0/Scrutiny.Dashboard.dll
#   FIGURES_WORK            folder for logs and scratch databases (default: a new /tmp/scrutiny-figures.XXXXXX)
#
# Output: a few header lines, then one line per figure:
#   <figure> <median> <unit>  runs=<r1,r2,r3>  load1=<l1,l2,l3>
set -euo pipefail

ROOT=$(cd "${1:?usage: figures.sh REPO_ROOT}" && pwd)
RUNS=${RUNS:-3}
ONLY=${ONLY:-"sqlite postgres live seed startup"}
BUILD=${BUILD:-1}
LIVE_ARGS=${LIVE_ARGS:-"200 200"}
DASH_PORT=${DASH_PORT:-5191}
SILO_PORT=${SILO_PORT:-5192}
SILO_DLL=${SILO_DLL:-$ROOT/silo/bin/Release/net10.0/Scrutiny.Silo.dll}
DASH_DLL=${DASH_DLL:-$ROOT/dashboard/bin/Release/net10.0/Scrutiny.Dashboard.dll}
BENCH=$ROOT/tests/benchmarks/Scrutiny.Benchmarks
WORK=${FIGURES_WORK:-$(mktemp -d /tmp/scrutiny-figures.XXXXXX)}
mkdir -p "$WORK"
SEED_LOG_ENV=Logging__LogLevel__Scrutiny.Silo.Seeding.DemoSeeder=Information

wants() { [[ " $ONLY " == *" $1 "* ]]; }
load1() { cut -d' ' -f1 /proc/loadavg; }
say() { echo "# $*" >&2; }

# ---------------------------------------------------------------- results: name -> "v1,v2,..." and loads
declare -A VALS LOADS UNITS
ORDER=()
record() { # name unit value load
    local name=$1 unit=$2 value=${3:-NA} load=$4
    [[ -n "${UNITS[$name]+x}" ]] || { ORDER+=("$name"); UNITS[$name]=$unit; VALS[$name]=; LOADS[$name]=; }
    VALS[$name]+="${VALS[$name]:+,}${value:-NA}"
    LOADS[$name]+="${LOADS[$name]:+,}$load"
}
median() { # comma-separated values; NA ignored
    tr ',' '\n' <<<"$1" | grep -E '^-?[0-9.]+$' | sort -g | awk '{v[NR]=$1} END {
        if (NR == 0) { print "NA"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
flush() { # print the figures recorded so far (in order) and forget them
    local name
    for name in "${ORDER[@]}"; do
        printf '%-30s %10s %-4s  runs=%s  load1=%s\n' "$name" "$(median "${VALS[$name]}")" "${UNITS[$name]}" "${VALS[$name]}" "${LOADS[$name]}"
    done
    ORDER=(); VALS=(); LOADS=(); UNITS=()
}

# Pieces of the benchmark console's lines.
field() { sed -nE "s/$2/\1/p" "$1" | head -n 1 | tr -d ','; }  # file, regex with one group
wall_seconds() { # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:05.31" in /usr/bin/time -v output
    sed -nE 's/.*Elapsed \(wall clock\) time.*: ([0-9:.]+)$/\1/p' "$1" | awk -F: '{s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f\n", s}'
}
max_rss_mb() { sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+)/\1/p' "$1" | awk '{printf "%.0f\n", $1 / 1024}'; }

# ---------------------------------------------------------------- header and build
echo "repo      $ROOT @ $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (+local changes)')"
echo "date      $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "machine   $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), dotnet SDK $(dotnet --version)"
echo "runs      $RUNS; logs in $WORK"
if [[ "$BUILD" == 1 ]]; then
    say "building (Release)"
    {
        dotnet build -c Release "$BENCH" -nologo
        for project in "$ROOT/silo" "$ROOT/dashboard"; do
            [[ -d "$project" ]] && dotnet build -c Release "$project" -nologo
        done
    } >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log" >&2; echo "build FAILED (see $WORK/build.log)"; exit 1; }
fi

# ---------------------------------------------------------------- 1, 2. 100,000-row import
import_runs() { # engine
    local engine=$1 i log load rc
    for ((i = 1; i <= RUNS; i++)); do
        log="$WORK/import-$engine-$i.log"; load=$(load1)
        say "$engine import, run $i (load $load)"
        rc=0; (cd "$ROOT" && timeout 1800 dotnet run -c Release --no-build --project "$BENCH" -- "$engine") >"$log" 2>&1 || rc=$?
        [[ $rc == 0 ]] || say "  exit $rc, see $log"
        record "$engine.status" "" "$(field "$log" '^status +([0-9]+).*')" "$load"
        record "$engine.staged" s "$(field "$log" '^staged\+committed +([0-9.]+) s.*')" "$load"
        record "$engine.answered" s "$(field "$log" '^answered +([0-9.]+) s.*')" "$load"
        record "$engine.rows_per_s" rows "$(field "$log" '^answered .*\(([0-9,]+) rows\/s.*')" "$load"
        record "$engine.heap_peak" MB "$(field "$log" '^managed heap.* ([0-9]+) MB peak.*')" "$load"
        record "$engine.heap_live_after" MB "$(field "$log" '^managed heap.* ([0-9]+) MB live after.*')" "$load"
        record "$engine.working_set_peak" MB "$(field "$log" '^working set.* ([0-9]+) MB peak.*')" "$load"
    done
    flush
}
if wants sqlite; then import_runs sqlite; fi
if wants postgres; then
    if [[ -n "${SCRUTINY_TEST_POSTGRES:-}" ]]; then
        export SCRUTINY_TEST_POSTGRES
        import_runs postgres
    else
        echo "postgres.*                             NA        (SCRUTINY_TEST_POSTGRES not set)"
    fi
fi

# ---------------------------------------------------------------- 3. live updates
if wants live; then
    for ((i = 1; i <= RUNS; i++)); do
        log="$WORK/live-$i.log"; load=$(load1)
        say "live $LIVE_ARGS, run $i (load $load)"
        rc=0; (cd "$ROOT" && timeout 1800 dotnet run -c Release --no-build --project "$BENCH" -- live $LIVE_ARGS) >"$log" 2>&1 || rc=$?
        [[ $rc == 0 ]] || say "  exit $rc, see $log"
        for what in "post:^API answered" "push:^delivered" "render:^place page render"; do
            name=${what%%:*}; label=${what#*:}
            record "live.$name.p50" ms "$(field "$log" "$label.*p50 +([0-9.]+) ms.*")" "$load"
            record "live.$name.p95" ms "$(field "$log" "$label.*p95 +([0-9.]+) ms.*")" "$load"
            record "live.$name.max" ms "$(field "$log" "$label.*max +([0-9.]+) ms.*")" "$load"
        done
        record "live.push.missing" "" "$(field "$log" '^delivered.* ([0-9]+) missing.*')" "$load"
    done
    flush
fi

# ---------------------------------------------------------------- 4. demo seed, new embedded SQLite database
seed_into() { # folder log — `silo seed-demo` under /usr/bin/time -v, in folder (its data/scrutiny.db)
    (cd "$1" && /usr/bin/time -v env "$SEED_LOG_ENV" dotnet "$SILO_DLL" seed-demo) >"$2" 2>&1
}
if wants seed; then
    for ((i = 1; i <= RUNS; i++)); do
        dir="$WORK/seed-$i"; rm -rf "$dir"; mkdir -p "$dir"; load=$(load1)
        say "seed-demo into a new database, run $i (load $load)"
        seed_into "$dir" "$dir/first.log" || say "  seed failed, see $dir/first.log"
        record "seed.first.wall" s "$(wall_seconds "$dir/first.log")" "$load"
        record "seed.first.max_rss" MB "$(max_rss_mb "$dir/first.log")" "$load"
        # The seeder's own stopwatch, when it logs one ("Demo seeded in N ms"); NA otherwise.
        record "seed.first.seeder_log" ms "$(field "$dir/first.log" '.*seeded in ([0-9]+) ms.*')" "$load"
        load=$(load1)
        seed_into "$dir" "$dir/again.log" || say "  second seed failed, see $dir/again.log"
        record "seed.again.wall" s "$(wall_seconds "$dir/again.log")" "$load"
    done
    flush
fi

# ---------------------------------------------------------------- 5. start-up until /health/ready answers 200
ready_ms() { # name dll port folder — start, poll every 50 ms, print ms to the first 200 (NA after 120 s), stop
    local name=$1 dll=$2 port=$3 dir=$4 url="http://127.0.0.1:$3/health/ready" t0 code pid ms=NA
    if curl -s -o /dev/null --max-time 1 "$url"; then say "  something already answers on port $port"; echo NA; return; fi
    t0=$(date +%s%N)
    (cd "$dir" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll") >>"$WORK/startup-$name.log" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)
        if [[ "$code" == 200 ]]; then ms=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
        (( $(date +%s%N) - t0 > 120000000000 )) && break
        sleep 0.05
    done
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$ms"
}
if wants startup; then
    dir="$WORK/startup-db"; rm -rf "$dir"; mkdir -p "$dir"
    say "seeding the database the start-ups open"
    seed_into "$dir" "$dir/seed.log" || { say "seed failed, see $dir/seed.log"; }
    for ((i = 1; i <= RUNS; i++)); do
        load=$(load1); say "dashboard start-up, run $i (load $load)"
        record "startup.dashboard" ms "$(ready_ms dashboard "$DASH_DLL" "$DASH_PORT" "$dir")" "$load"
    done
    for ((i = 1; i <= RUNS; i++)); do
        load=$(load1); say "headless silo start-up, run $i (load $load)"
        record "startup.silo" ms "$(ready_ms silo "$SILO_DLL" "$SILO_PORT" "$dir")" "$load"
    done
    flush
fi
