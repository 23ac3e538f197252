#!/usr/bin/env bash
# The benchmark suite: one command that builds (if needed), prepares a fresh database, starts the
# app on loopback, measures the baselines and the scenarios (peak = closed loop, latency = open loop
# at 60 % of peak), checks the ledger invariants and writes docs/BENCHMARKS.md.
#
#   bash bench/run.sh                 # whole suite, ~20 minutes with SettlementBenchmark
#   BENCH_SECONDS=8 bash bench/run.sh # shorter runs
#
# Everything runs on 127.0.0.1; every loop is bounded in count and time.
set -euo pipefail
cd "${BENCH_ROOT:-$(dirname "$0")/..}"
ROOT=$(pwd)

PGHOST=127.0.0.1
# BENCH_PGPORT: another PostgreSQL on this host, e.g. one started with
# shared_preload_libraries = pg_stat_statements, whose statements the report then lists per peak.
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=postgres
export PGHOST PGPORT PGUSER
DB=${BENCH_DB:-pm_bench}
PORT=${BENCH_PORT:-18080}
BASE="http://127.0.0.1:$PORT"
SECRET=${BENCH_JWT_SECRET:-pilimarket-bench-secret-0123456789abcdef}
SECS=${BENCH_SECONDS:-15}
WARM=${BENCH_WARMUP:-5}
WORKERS=${BENCH_WORKERS:-32}
USERS=${BENCH_USERS:-5000}
MARKETS=${BENCH_MARKETS:-1000}
# A fixed heap, as docs/OPERATIONS.md advises for production: with -Xms256m G1 kept the young generation
# near 150 MB and the reads paused for a young collection every ~2,300 requests (every ~9,000 with 1 GB).
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}
OUT=${BENCH_OUT:-"$ROOT/target/bench"}
REPORT=${BENCH_REPORT:-"$ROOT/docs/BENCHMARKS.md"}
rm -rf "$OUT"
mkdir -p "$OUT"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DB" "$@"; }

UPTIME_BEFORE=$(uptime)

# ------------------------------------------------------------------ build
JAR=${BENCH_JAR:-$(ls target/pilimarket-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
if [[ -z "$JAR" ]]; then
    log "building the jar"
    ./mvnw -B -q package -DskipTests -DskipFrontend -Djacoco.skip=true
    JAR=$(ls target/pilimarket-*.jar | grep -v plain | head -1)
fi
log "jar: $JAR"

# The load generator of the peaks is wrk (C, a few % of a core): the generator must not be the limit.
# Debian's wrk has no fixed-rate mode (and wrk2 is not packaged), so the open-loop latency runs use
# bench/openloop.c (C, one epoll thread; fixed arrival rate, no coordinated omission), compiled here.
# bench/LoadGen.java (a JVM) still signs the tokens and sends the unmeasured warm-ups; it needed about a
# core at 1,000+ requests/s, which on this machine the app and PostgreSQL need.
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (apt)"
    { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }; } \
        || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi
CLK_TCK=$(getconf CLK_TCK)
OPENLOOP="$OUT/openloop"
gcc -O2 -o "$OPENLOOP" "$ROOT/bench/openloop.c" -lm || { echo "gcc is needed for bench/openloop.c: apt-get install gcc" >&2; exit 1; }

# async-profiler (from Maven Central) for the placement peaks: CPU samples of every thread of the app —
# request threads, writers, listeners, but also the JIT compiler, GC and the kernel — which JFR's sampler
# (Java code only, a few threads per period) does not show. BENCH_PROFILER=off skips it.
AP_LIB=""
if [[ "${BENCH_PROFILER:-async}" == async && "$(uname -m)" == x86_64 ]]; then
    AP_DIR="$ROOT/target/bench-tools/async-profiler-4.2"
    if [[ ! -f "$AP_DIR/linux-x64/libasyncProfiler.so" ]]; then
        mkdir -p "$AP_DIR"
        curl -fsSL -o "$AP_DIR/async-profiler.jar" \
            https://repo1.maven.org/maven2/tools/profiler/async-profiler/4.2/async-profiler-4.2.jar \
            && (cd "$AP_DIR" && unzip -q -o async-profiler.jar 'linux-x64/*') || log "async-profiler unavailable; JFR only"
    fi
    [[ -f "$AP_DIR/linux-x64/libasyncProfiler.so" ]] && AP_LIB="$AP_DIR/linux-x64/libasyncProfiler.so"
fi
profiler() { # command
    [[ -n "$AP_LIB" ]] && timeout 30 java "$ROOT/bench/Profiler.java" "$APP_PID" "$AP_LIB" "$1" >/dev/null 2>&1 || true
}

# ------------------------------------------------------------------ database and app
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql -X -q -d postgres -c "CREATE DATABASE $DB"
# pg_stat_statements where the server preloads it (the machine's PostgreSQL does not; see BENCH_PGPORT):
# the statements of each placement peak, per placement, go into the report.
PGSS=""
if [[ "$(psql -X -At -d postgres -c "SHOW shared_preload_libraries")" == *pg_stat_statements* ]] &&
    psql -X -q -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" 2>/dev/null; then
    PGSS=1
fi
pgss_reset() { [[ -z "$PGSS" ]] || sql -c "SELECT pg_stat_statements_reset()" >/dev/null || true; }
pgss_top() { # name requests: statement time (µs), calls, WAL bytes and full-page images per request, top 15 by time
    [[ -n "$PGSS" && "$2" -gt 0 ]] || return 0
    sql -F ' | ' -c "SELECT round((total_exec_time * 1000 / $2)::numeric, 1), round(calls::numeric / $2, 2),
        round(wal_bytes / $2), round(wal_fpi::numeric / $2, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 120)
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY total_exec_time DESC LIMIT 15" >"$OUT/statements-$1.txt" 2>/dev/null || true
}

APP_PID=""
SAMPLER_PID=""
cleanup() {
    [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
    if [[ -n "$APP_PID" ]]; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

# The leaderboard job rebuilds every board from 1,000,000 settled forecasts (the boards are kept up to
# date by scoring; the rebuild is the hourly repair): started right after the data is seeded (and
# timed), then not again during the scenarios.
# Public streams are capped per client address (20 by default), and every SSE connection of the bench
# comes from 127.0.0.1: the cap is raised above BENCH_SSE so the SSE step holds all its streams (with
# the default it held 20 and was refused 1,980 times since 30 Nov, and the report measured nothing).
start_app() { # initial delay of the leaderboard job
    log "starting the app on $BASE"
    # shellcheck disable=SC2086
    SERVER_PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
        SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
        PILIMARKET_JWT_SECRET="$SECRET" PILIMARKET_RATE_LIMITS_ENABLED=false PILIMARKET_DEMO_DATA=false \
        PILIMARKET_PAYMENTS_SANDBOX=true PILIMARKET_DATA_DIR="$OUT/data" \
        PILIMARKET_FORECASTING_BATCH_ACROSS_MARKETS="${BENCH_ACROSS_MARKETS:-true}" \
        PILIMARKET_LEADERBOARD_INITIAL_DELAY="$1" PILIMARKET_LEADERBOARD_RECOMPUTE_INTERVAL=PT10H \
        PILIMARKET_STREAMS_MAX_PER_CLIENT=$(( ${BENCH_SSE:-2000} + 100 )) \
        ${BENCH_REDIS_URL:+SPRING_DATA_REDIS_URL=$BENCH_REDIS_URL} \
        java $JAVA_OPTS -XX:+UseG1GC -Xlog:safepoint:file="$OUT/safepoints-%p.log":timemillis \
        -jar "$JAR" >>"$OUT/app.log" 2>&1 &
    APP_PID=$!
    local limit=${BENCH_START_TIMEOUT:-600} # a loaded shared machine starts the app slowly
    for i in $(seq 1 "$limit"); do
        if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/app.log"; echo "app died" >&2; exit 1; }
        [[ $i == "$limit" ]] && { echo "app did not start in $limit s" >&2; exit 1; }
        sleep 1
    done
    log "app is up (pid $APP_PID)"
}
start_app PT10H # creates the schema

# ------------------------------------------------------------------ data (SQL, through ledger rows)
log "seeding $USERS users and $((MARKETS + 1)) markets"
sql <<SQL
BEGIN;
CREATE TEMP TABLE seed_users AS
    SELECT gen_random_uuid() AS id, i FROM generate_series(1, $USERS) AS i;
INSERT INTO users (id, email, password_hash, display_name)
    SELECT id, 'bench' || i || '@bench.invalid', 'not-a-hash', 'Bench user ' || i FROM seed_users;
-- Every chip comes from MINT in a balanced ledger transaction (one per user), with the balance after.
CREATE TEMP TABLE seed_tx AS
    SELECT u.id AS user_id, u.i, gen_random_uuid() AS tx FROM seed_users u;
INSERT INTO ledger_transactions (id, reference, reason)
    SELECT tx, 'bench-seed:' || user_id, 'grant' FROM seed_tx;
INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
    SELECT tx, 'MINT', NULL, -1000000,
           (SELECT balance FROM ledger_accounts WHERE code = 'MINT') - 1000000::bigint * i FROM seed_tx
    UNION ALL
    SELECT tx, 'user:' || user_id, user_id, 1000000, 1000000 FROM seed_tx;
UPDATE users u SET chips = chips + 1000000 FROM seed_tx t WHERE u.id = t.user_id;
UPDATE ledger_accounts SET balance = balance - 1000000::bigint * $USERS WHERE code = 'MINT';
-- Markets: one hot market plus $MARKETS others, two outcomes each, high stake cap.
CREATE TEMP TABLE seed_markets AS
    SELECT gen_random_uuid() AS id, i FROM generate_series(0, $MARKETS) AS i;
INSERT INTO markets (id, title, slug, description, category, closes_at, max_points_per_user)
    SELECT id, 'Bench market ' || i || ': will it rain in Manila?', 'bench-market-' || i,
           'A benchmark market.', (ARRAY['election','crypto','entertainment','sports','politics','other'])[1 + i % 6],
           now() + interval '30 days', 1000000000 FROM seed_markets;
INSERT INTO outcomes (market_id, name, position)
    SELECT id, 'Yes', 0 FROM seed_markets UNION ALL SELECT id, 'No', 1 FROM seed_markets;
INSERT INTO market_history (market_id, probabilities)
    SELECT m.id, jsonb_object_agg(o.id::text, 0.5) FROM seed_markets m JOIN outcomes o ON o.market_id = m.id GROUP BY m.id;
COMMIT;
ANALYZE;
CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL);
INSERT INTO bench_counter VALUES (1, 0);
SQL
sql -c "SELECT id FROM users WHERE email LIKE 'bench%@bench.invalid' ORDER BY email" >"$OUT/users.txt"
sql -c "SELECT m.id || ',' || string_agg(o.id::text, ',' ORDER BY o.position) FROM markets m JOIN outcomes o ON o.market_id = m.id WHERE m.slug = 'bench-market-0' GROUP BY m.id" >"$OUT/hot.txt"
sql -c "SELECT m.id || ',' || string_agg(o.id::text, ',' ORDER BY o.position) FROM markets m JOIN outcomes o ON o.market_id = m.id WHERE m.slug <> 'bench-market-0' AND m.slug LIKE 'bench-market-%' GROUP BY m.id" >"$OUT/spread.txt"
cut -d, -f1 "$OUT/spread.txt" >"$OUT/spread-ids.txt"
# "user_id jwt" per line for wrk's scripts, and an admin who resolves a market at the end.
java "$ROOT/bench/LoadGen.java" --print-jwts "$OUT/users.txt" --jwt-secret "$SECRET" >"$OUT/tokens.txt"
ADMIN_ID=$(sql -c "INSERT INTO users (email, password_hash, display_name, role) VALUES ('bench-admin@bench.invalid', 'not-a-hash', 'Bench admin', 'admin') RETURNING id")
ADMIN_TOKEN=$(java "$ROOT/bench/LoadGen.java" --print-jwt "$ADMIN_ID" --jwt-secret "$SECRET" --role admin)
log "users: $(wc -l <"$OUT/users.txt"), hot: $(cut -d, -f1 "$OUT/hot.txt"), spread: $(wc -l <"$OUT/spread.txt")"

# ------------------------------------------------------------------ leaderboard at scale
# The boards are computed from the reputation module's read model of settled forecasts
# (settled_forecasts); it is seeded here directly in SQL (settling through the ledger is what
# SettlementBenchmark measures). Synthetic forecasts: 2,000 settled markets over the last 120 days,
# every user in about 10 of them, half won, stakes 1..1,000, crowd probabilities 5..95 %.
LB_USERS=${BENCH_LB_USERS:-100000}
LB_FORECASTS=${BENCH_LB_FORECASTS:-1000000}
log "leaderboard: seeding $LB_USERS users and $LB_FORECASTS settled forecasts"
LB_SEED_START=$(date +%s)
sql <<SQL
INSERT INTO users (id, email, password_hash, display_name)
    SELECT gen_random_uuid(), 'lb' || i || '@bench.invalid', 'not-a-hash', 'Forecaster ' || i
    FROM generate_series(1, greatest(0, $LB_USERS - (SELECT count(*) FROM users))) AS i;
CREATE TEMP TABLE lb_users AS SELECT id, (row_number() OVER (ORDER BY id)) - 1 AS n FROM users;
CREATE UNIQUE INDEX ON lb_users (n);
CREATE TEMP TABLE lb_markets AS
    SELECT gen_random_uuid() AS id, i,
           (ARRAY['election','crypto','entertainment','sports','politics','other'])[1 + i % 6] AS category,
           now() - make_interval(days => i % 120, secs => i) AS settled_at
    FROM generate_series(0, 1999) AS i;
CREATE UNIQUE INDEX ON lb_markets (i);
INSERT INTO settled_forecasts (forecast_id, user_id, market_id, category, outcome_id, won, refunded, stake,
                               payout, crowd_probability, skill, placed_at, market_created_at, settled_at)
    SELECT gen_random_uuid(), u.id, m.id, m.category, gen_random_uuid(), f.won, false, f.stake,
           CASE WHEN f.won THEN round(f.stake / f.q) ELSE 0 END, f.q,
           CASE WHEN f.won THEN 100 * (1 - f.q) ELSE -100 * f.q END,
           m.settled_at - interval '3 days', m.settled_at - interval '10 days', m.settled_at
    FROM (SELECT g, random() < 0.5 AS won, 1 + floor(random() * 1000)::bigint AS stake,
                 0.05 + random() * 0.9 AS q
          FROM generate_series(0, $LB_FORECASTS - 1) AS g) f
    JOIN lb_users u ON u.n = f.g % (SELECT count(*) FROM lb_users)
    JOIN lb_markets m ON m.i = (f.g / 50) % 2000;
ANALYZE users;
ANALYZE settled_forecasts;
SQL
LB_SEED_SECONDS=$(( $(date +%s) - LB_SEED_START ))
LB_HAVE=$(sql -c "SELECT (SELECT count(*) FROM users) || ' users, ' || (SELECT count(*) FROM settled_forecasts) || ' settled forecasts of ' || (SELECT count(DISTINCT user_id) FROM settled_forecasts) || ' users'")
log "leaderboard: $LB_HAVE (seeded in ${LB_SEED_SECONDS}s); restarting the app to rank them once"
cleanup
start_app PT1S
# The job's timer, not its log line: Jobs logs a success under a second at DEBUG only.
recompute_seconds() {
    curl -fs "$BASE/actuator/prometheus" | awk '/^pilimarket_job_duration_seconds_sum\{.*job="leaderboard-recompute"/ {print $2}'
}
for _ in $(seq 1 600); do
    [[ -n "$(recompute_seconds)" ]] && break
    sleep 1
done
LB_RECOMPUTE_MS=$(python3 -c "print(round(float('$(recompute_seconds)' or 'nan') * 1000))" 2>/dev/null || echo "?")
LB_ENTRIES=$(sql -c "SELECT count(*) || ' user totals on ' || count(DISTINCT (period, period_key, category)) || ' boards (× 2 metrics)' FROM rank_totals")
LB_TOTAL=$(curl -fs "$BASE/api/v1/leaderboard?period=all_time" | python3 -c "import json,sys; print(json.load(sys.stdin)['pagination']['total'])" 2>/dev/null || echo "?")
log "leaderboard: recompute took ${LB_RECOMPUTE_MS} ms; $LB_ENTRIES; all-time board has $LB_TOTAL users"

# ------------------------------------------------------------------ helpers
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status"; }
heap_used_mb() {
    jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); printf "%d", v/1024}}'
}
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# Samples PostgreSQL wait events of this database and the top of `top` while a scenario runs.
sample_waits() { # name seconds
    local name=$1 n=$(($2 * 2))
    (
        for _ in $(seq 1 "$n"); do
            psql -X -At -d "$DB" -c "SELECT coalesce(wait_event_type,'CPU') || ':' || coalesce(wait_event,'running') FROM pg_stat_activity WHERE datname = '$DB' AND state = 'active' AND pid <> pg_backend_pid()" 2>/dev/null || true
            sleep 0.5
        done
    ) | sort | uniq -c | sort -rn | head -12 >"$OUT/waits-$name.txt" &
    SAMPLER_PID=$!
}

run_load() { # name mode rate method url body markets-file
    local name=$1 mode=$2 rate=$3 method=$4 url=$5 body=${6:-} markets=${7:-}
    if [[ "$mode" == open && "${BENCH_OPEN_GENERATOR:-openloop}" == openloop ]]; then
        # Same schedule as LoadGen's open mode: up to 2 × workers kept-alive connections, a bearer
        # token per user (the tokens file wrk uses), a fresh Idempotency-Key per POST.
        local ol=(--name "$name" --rate "$rate" --method "$method" --url "$url" --seconds "$SECS" --warmup "$WARM"
            --connections $((WORKERS * 2)) --tokens "$OUT/tokens.txt")
        [[ "$method" == POST ]] && ol+=(--idempotency-keys true)
        [[ -n "$body" ]] && ol+=(--body "$body")
        [[ -n "$markets" ]] && ol+=(--markets "$markets")
        timeout $((SECS + WARM + 90)) "$OPENLOOP" "${ol[@]}" | tail -1 | tee -a "$OUT/results.jsonl"
        return
    fi
    local args=(--name "$name" --mode "$mode" --rate "$rate" --method "$method" --url "$url" --workers "$WORKERS"
        --seconds "$SECS" --warmup "$WARM" --users "$OUT/users.txt" --jwt-secret "$SECRET")
    # POSTs carry an Idempotency-Key, as the web app's placements do.
    [[ "$method" == POST ]] && args+=(--idempotency-keys true)
    [[ -n "$body" ]] && args+=(--body "$body")
    [[ -n "$markets" ]] && args+=(--markets "$markets")
    timeout $((SECS + WARM + 90)) java -Xmx512m "$ROOT/bench/LoadGen.java" "${args[@]}" | tail -1 | tee -a "$OUT/results.jsonl"
}

# CPU time in ms: of the app's JVM, and of this database's backends (the app's pooled connections;
# PostgreSQL's shared processes — WAL writer, checkpointer — also serve other databases here and are
# left out). cpu_snapshot FILE; cpu_delta BEFORE AFTER -> "app_ms db_ms".
cpu_snapshot() {
    {
        echo "app $(awk '{print $14 + $15}' "/proc/$APP_PID/stat")"
        for pid in $(sql -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND backend_type = 'client backend' AND pid <> pg_backend_pid()"); do
            [[ -r /proc/$pid/stat ]] && echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)"
        done
    } >"$1"
}
cpu_delta() {
    python3 - "$1" "$2" "$CLK_TCK" <<'PY'
import sys
def read(p):
    d = {}
    for line in open(p):
        k, _, v = line.strip().partition(" ")
        if v: d[k] = int(v)
    return d
a, b, tck = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
app = (b.get("app", 0) - a.get("app", 0)) * 1000 / tck
db = sum(v - a[k] for k, v in b.items() if k != "app" and k in a) * 1000 / tck
print(f"{app:.0f} {db:.0f}")
PY
}

# Closed-loop peak with wrk: a warm-up run (not measured), then the measured one. Prints wrk's JSON line.
run_wrk() { # name method url markets-file
    local name=$1 method=$2 url=$3 markets=${4:--}
    local script="$ROOT/bench/wrk/get.lua"
    [[ "$method" == POST ]] && script="$ROOT/bench/wrk/placements.lua"
    url=${url//\{market\}/MARKET}
    wrk -t2 -c"$WORKERS" -d"${WARM}s" --timeout 10s -s "$script" "$url" -- "$OUT/tokens.txt" "$markets" "$name-warmup" >/dev/null 2>&1 || true
    pgss_reset
    cpu_snapshot "$OUT/cpu-$name-0.txt"
    jit_seconds >"$OUT/jit-$name-0.txt"
    timeout $((SECS + 30)) wrk -t2 -c"$WORKERS" -d"${SECS}s" --timeout 10s -s "$script" "$url" -- "$OUT/tokens.txt" "$markets" "$name" \
        | grep '^{' | tail -1 | tee -a "$OUT/results.jsonl"
    cpu_snapshot "$OUT/cpu-$name-1.txt"
    jit_seconds >"$OUT/jit-$name-1.txt"
}

# Seconds the JIT compilers have spent so far (jstat): compiling during a measured peak takes CPU from it.
jit_seconds() { jstat -compiler "$APP_PID" 2>/dev/null | awk 'NR == 2 {print $4}'; }
jit_delta() { # name
    python3 -c "print(f'{float(open(\"$OUT/jit-$1-1.txt\").read()) - float(open(\"$OUT/jit-$1-0.txt\").read()):.1f}')" 2>/dev/null || echo "?"
}

# "count sum" of placements per group-committed transaction so far (Prometheus).
batch_stats() {
    curl -fs "$BASE/actuator/prometheus" 2>/dev/null | awk '/^pilimarket_forecasts_batch_size_count/ {c=$2} /^pilimarket_forecasts_batch_size_sum/ {s=$2} END {printf "%d %d", c, s}'
}
batch_line() { # key
    read -r c0 s0 c1 s1 <"$OUT/batches-$1.txt" 2>/dev/null || { echo "n/a"; return; }
    python3 -c "c=$c1-$c0; s=$s1-$s0; print(f'{int(s)} placements in {int(c)} transactions = {s/c:.1f} per commit' if c else 'no batches')"
}

# Let the asynchronous event listeners catch up before measuring (bounded wait).
drain_events() {
    for _ in $(seq 1 240); do
        [[ $(sql -c "SELECT (SELECT count(*) FROM placement_feed) + (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)") == 0 ]] && return
        sleep 1
    done
    log "event listeners still busy after 240 s"
}
declare -A PEAK P50 P95 P99 OPEN_RATE ERRS APP_CPU DB_CPU GEN_CPU STOPS CKPT_SYNC
# PostgreSQL's time in the sync phase of checkpoints so far (ms). A checkpoint's fsyncs share the disk
# with the WAL's: on 2 Dec 2026 one that ended inside the hot market's 60 % run stalled commits for
# about 0.4 s (539 requests queued at 1,272/s, p99 423 ms; spread and reads in the same run: 6-34 ms).
ckpt_sync_ms() { sql -c "SELECT round(checkpoint_sync_time)::bigint FROM pg_stat_bgwriter" 2>/dev/null || echo 0; }
# The JVM's stops (safepoints: GC pauses, deoptimisation, the periodic cleanup) between two epoch ms,
# from the app's safepoint log: "count over 10 ms; longest (operation); total". A request that arrives
# during a stop waits for all of it, so a tail that a 60 % load should not have shows here first.
stops_between() { # from-ms to-ms
    python3 - "$OUT/safepoints-$APP_PID.log" "$1" "$2" <<'PY'
import re, sys
path, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stops = []
try:
    for line in open(path):
        m = re.match(r'\[(\d+)ms\] Safepoint "([^"]+)".*Total: (\d+) ns', line)
        if m and lo <= int(m.group(1)) <= hi:
            stops.append((int(m.group(3)) / 1e6, m.group(2)))
except OSError:
    print("no safepoint log"); sys.exit()
if not stops:
    print("none"); sys.exit()
longest = max(stops)
print(f"{sum(1 for t, _ in stops if t > 10)} over 10 ms of {len(stops)}; longest {longest[0]:.1f} ms ({longest[1]}); "
      f"{sum(t for t, _ in stops):.0f} ms in all")
PY
}
scenario() { # key method url body markets-file [profile]
    local key=$1 method=$2 url=$3 body=${4:-} markets=${5:-} profile=${6:-}
    log "scenario $key: closed loop ($WORKERS workers, ${SECS}s)"
    sample_waits "$key" $((SECS + WARM))
    if [[ -n "$profile" ]]; then
        (sleep $((WARM + SECS / 2)); top -b -n 1 -w 200 | head -20 >"$OUT/top-$key.txt"; rss_kb >"$OUT/rss-$key.txt"; heap_used_mb >"$OUT/heap-$key.txt") &
    fi
    local closed
    local before_batches
    before_batches=$(batch_stats)
    if [[ "${BENCH_PEAK_GENERATOR:-wrk}" == wrk ]]; then
        closed=$(run_wrk "$key-peak" "$method" "$url" "$markets")
        # CPU per request of the measured run (the snapshots frame it, not the warm-up).
        read -r cpu_app cpu_db <<<"$(cpu_delta "$OUT/cpu-$key-peak-0.txt" "$OUT/cpu-$key-peak-1.txt")"
        local n
        n=$(field "$closed" requests)
        pgss_top "$key" "$n"
        APP_CPU[$key]=$(python3 -c "print(f'{$cpu_app/$n:.2f}' if $n else 'n/a')")
        DB_CPU[$key]=$(python3 -c "print(f'{$cpu_db/$n:.2f}' if $n else 'n/a')")
    else
        closed=$(run_load "$key-peak" closed 0 "$method" "$url" "$body" "$markets")
    fi
    echo "$before_batches $(batch_stats)" >"$OUT/batches-$key.txt"
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
    PEAK[$key]=$(field "$closed" throughput)
    ERRS[$key]=$(field "$closed" errors)
    local rate
    rate=$(python3 -c "print(max(1, int(float('${PEAK[$key]}') * 0.6)))")
    OPEN_RATE[$key]=$rate
    # The peak leaves the asynchronous listeners a backlog; latency is measured without it.
    [[ "$method" == POST ]] && drain_events
    log "scenario $key: open loop at $rate/s"
    local open t0
    t0=$(date +%s%3N)
    local sync0
    sync0=$(ckpt_sync_ms)
    open=$(run_load "$key-60pct" open "$rate" "$method" "$url" "$body" "$markets")
    STOPS[$key]=$(stops_between $((t0 + WARM * 1000)) "$(date +%s%3N)")
    CKPT_SYNC[$key]=$(( $(ckpt_sync_ms) - sync0 ))
    P50[$key]=$(field "$open" p50_ms)
    P95[$key]=$(field "$open" p95_ms)
    P99[$key]=$(field "$open" p99_ms)
    # The open-loop generator's own CPU over the measured window (bench/openloop.c reports it).
    GEN_CPU[$key]=$(python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('cpu_pct_measured', '?'))" "$open")
    ERRS[$key]="${ERRS[$key]}/$(field "$open" errors)"
}

IDLE_RSS=$(rss_kb)
IDLE_HEAP=$(heap_used_mb)

# ------------------------------------------------------------------ B_hot: pgbench, one row, 32 clients
log "B_hot: pgbench UPDATE of one row, 32 clients, ${SECS}s"
echo 'UPDATE bench_counter SET n = n + 1 WHERE id = 1;' >"$OUT/hot.sql"
pgbench -n -c 32 -j 2 -T "$SECS" -f "$OUT/hot.sql" "$DB" >"$OUT/pgbench.txt" 2>&1 || true
B_HOT=$(awk -F'= ' '/^tps/ {split($2,a," "); printf "%.0f", a[1]; exit}' "$OUT/pgbench.txt")
B_HOT_LAT=$(awk -F'= ' '/latency average/ {split($2,a," "); print a[1]; exit}' "$OUT/pgbench.txt")
log "B_hot = $B_HOT tps (avg latency $B_HOT_LAT ms)"

# ------------------------------------------------------------------ scenarios
HOT_ID=$(cut -d, -f1 "$OUT/hot.txt")
FORECAST='{"market_id":"{market}","outcome_id":"{outcome}","points":1}'
# JIT warm-up, not measured: a fresh JVM runs interpreted and C1 code for its first minute, and the
# first scenario paid for it (B_json measured 0.44 × its own value a few minutes later).
JIT_WARMUP=${BENCH_JIT_WARMUP:-8}
log "warming up the JVM (${JIT_WARMUP}s per endpoint)"
warm() { # method url body markets-file
    local args=(--name warmup --mode closed --method "$1" --url "$2" --workers "$WORKERS" --seconds "$JIT_WARMUP"
        --warmup 0 --users "$OUT/users.txt" --jwt-secret "$SECRET")
    [[ -n "${3:-}" ]] && args+=(--body "$3" --idempotency-keys true)
    [[ -n "${4:-}" ]] && args+=(--markets "$4")
    timeout $((JIT_WARMUP + 60)) java -Xmx512m "$ROOT/bench/LoadGen.java" "${args[@]}" >/dev/null
}
warm GET "$BASE/api/v1/purchases/packages"
# Every user places one forecast on a spread market first, so that no scenario pays alone for the
# once-per-user work of a first forecast (the first_forecast badge, its notification and activity
# entry): otherwise the hot market, measured first, would.
log "one forecast per user ($USERS) before the scenarios"
timeout 600 java -Xmx512m "$ROOT/bench/LoadGen.java" --name first-forecasts --mode closed --method POST \
    --url "$BASE/api/v1/forecasts" --body "$FORECAST" --markets "$OUT/spread.txt" --market-pick round-robin \
    --workers "$WORKERS" --seconds 300 --warmup 0 --requests "$USERS" --users "$OUT/users.txt" \
    --jwt-secret "$SECRET" --idempotency-keys true | tail -1 >"$OUT/first-forecasts.json"
# Warm-up until the JIT has compiled what the scenarios run, measured rather than a fixed time: a fresh
# JVM kept compiling the placement path for minutes (C2 took a third to two thirds of the app's CPU in
# the peaks, and successive 20 s hot-market runs on one JVM went 380, 473, 475, 454, 554, 775, 853/s on
# 1 Dec). Rounds of unmeasured load (wrk, which costs little) until a round's JIT compile time falls
# below BENCH_JIT_SETTLED seconds of CPU (default 3, a tenth of a core over a 30 s round), at most
# BENCH_WARMUP_MAX seconds per path. Each round is logged in the report.
JIT_SETTLED=${BENCH_JIT_SETTLED:-3}
WARMUP_MAX=${BENCH_WARMUP_MAX:-420}
: >"$OUT/warmup.txt"
warm_until_compiled() { # path-name, then "script url markets seconds" per leg of a round
    local path=$1; shift
    local elapsed=0 round=0
    while (( elapsed < WARMUP_MAX )); do
        round=$((round + 1))
        local j0 j1 legs=""
        j0=$(jit_seconds)
        for leg in "$@"; do
            read -r script url markets secs <<<"$leg"
            local line
            line=$(wrk -t2 -c"$WORKERS" -d"${secs}s" --timeout 10s -s "$ROOT/bench/wrk/$script" "$url" \
                -- "$OUT/tokens.txt" "$markets" warmup 2>/dev/null | grep '^{' | tail -1)
            legs+=" $(python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(round(d['throughput']))" "$line" 2>/dev/null || echo '?')/s"
            elapsed=$((elapsed + secs))
        done
        j1=$(jit_seconds)
        local compiled
        compiled=$(python3 -c "print(f'{float(\"$j1\" or 0) - float(\"$j0\" or 0):.1f}')")
        echo "$path round $round (${elapsed}s):$legs; JIT compiled ${compiled} s of CPU" | tee -a "$OUT/warmup.txt" >&2
        if (( round >= 2 )) && python3 -c "import sys; sys.exit(0 if float('$compiled') < float('$JIT_SETTLED') else 1)"; then
            return
        fi
    done
    echo "$path: JIT still compiling after ${WARMUP_MAX}s" | tee -a "$OUT/warmup.txt" >&2
}
log "warming up until the JIT settles (rounds until one compiles < ${JIT_SETTLED} s of CPU, at most ${WARMUP_MAX}s per path)"
warm_until_compiled placements \
    "placements.lua $BASE/api/v1/forecasts $OUT/spread.txt 15" \
    "placements.lua $BASE/api/v1/forecasts $OUT/hot.txt 15"
warm_until_compiled reads \
    "get.lua $BASE/api/v1/purchases/packages - 6" \
    "get.lua $BASE/api/v1/markets?status=open&sort=volume&limit=20 - 6" \
    "get.lua $BASE/api/v1/markets/MARKET $OUT/spread-ids.txt 6" \
    "get.lua $BASE/api/v1/markets/$HOT_ID - 6" \
    "get.lua $BASE/api/v1/leaderboard?period=all_time&limit=20 - 6" \
    "get.lua $BASE/api/v1/leaderboard?period=monthly&category=sports&metric=profit&limit=20&page=250 - 6"
drain_events
# Autovacuum is off on this shared server (on by default, and in production): after the warm-ups the
# tables they grew (idempotency keys, forecasts, ledger, event publications, the placement feed) still
# carried the statistics of the empty seed and every dead row. Do once what autovacuum would have done.
if [[ $(sql -c "SHOW autovacuum") == off ]]; then
    log "autovacuum is off on this server: VACUUM ANALYZE after the warm-ups"
    sql -c "VACUUM ANALYZE"
fi

scenario json GET "$BASE/api/v1/purchases/packages"
scenario hot POST "$BASE/api/v1/forecasts" "$FORECAST" "$OUT/hot.txt" profile
drain_events
scenario spread POST "$BASE/api/v1/forecasts" "$FORECAST" "$OUT/spread.txt" profile
drain_events
# B_json again right before the reads: on a shared machine the load moves within minutes, so each
# ratio compares runs that are next to each other in time.
scenario json2 GET "$BASE/api/v1/purchases/packages"
scenario list GET "$BASE/api/v1/markets?status=open&sort=volume&limit=20"
scenario detail GET "$BASE/api/v1/markets/{market}" "" "$OUT/spread-ids.txt"
scenario detail_hot GET "$BASE/api/v1/markets/$HOT_ID" ""

scenario leaderboard GET "$BASE/api/v1/leaderboard?period=all_time&limit=20"
scenario leaderboard_deep GET "$BASE/api/v1/leaderboard?period=monthly&category=sports&metric=profit&limit=20&page=250"

# ------------------------------------------------------------------ profiles (not measured)
# Attaching JFR or async-profiler makes the JVM throw away compiled code and compile it again (JFR
# instruments the socket classes; in the run of 1 Dec 12:21 the JIT compiled 23 s of CPU during the
# profiled 15 s hot peak after the warm-up had settled at 1 s per 30 s round, and the peak fell to a
# third of the warm-up's rate). So the placement scenarios are profiled in extra runs after every
# measured one, and their numbers are not used.
profile_run() { # key markets-file
    local key=$1 markets=$2
    log "profiling $key placements (${SECS}s, not measured): JFR and async-profiler attached"
    jcmd "$APP_PID" JFR.start name="$key" duration="${SECS}s" filename="$OUT/$key.jfr" settings=profile >/dev/null 2>&1 || true
    profiler start,event=cpu,interval=2ms,threads
    wrk -t2 -c"$WORKERS" -d"${SECS}s" --timeout 10s -s "$ROOT/bench/wrk/placements.lua" "$BASE/api/v1/forecasts" \
        -- "$OUT/tokens.txt" "$markets" "$key-profiled" 2>/dev/null | grep '^{' | tail -1 >"$OUT/profiled-$key.json" || true
    profiler "stop,file=$OUT/$key.collapsed,collapsed"
    sleep 2
}
drain_events
profile_run hot "$OUT/hot.txt"
drain_events
profile_run spread "$OUT/spread.txt"
# ------------------------------------------------------------------ a resolution, until the leaderboards show it
# The hot market (thousands of forecasters) is resolved through the admin API; timed until it is paid
# out, until reputation has scored it (settled_forecasts) and until the all-time board counts its
# forecasts (rank_totals, which the API reads; pages are cached for at most 2 s on top). The CPU of the app and of this database's backends over that window is divided by the
# forecasts settled.
HOT_YES=$(cut -d, -f2 "$OUT/hot.txt")
HOT_N=$(sql -c "SELECT count(*) FROM forecasts WHERE market_id = '$HOT_ID'")
log "resolving the hot market ($HOT_N forecasts); waiting for the leaderboards"
drain_events
BOARD_BEFORE=$(sql -c "SELECT coalesce(sum(forecasts), 0) FROM rank_totals WHERE period = 'all_time' AND category = 'all'")
cpu_snapshot "$OUT/cpu-resolve-0.txt"
RESOLVE_START=$(date +%s%N)
RESOLVE_STATUS=$(curl -s -o "$OUT/resolve.json" -w '%{http_code}' -X POST "$BASE/api/v1/admin/markets/$HOT_ID/resolve" \
    -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"outcome_id\":\"$HOT_YES\",\"evidence_urls\":[\"https://example.ph/result\"],\"resolution_note\":\"Bench resolution\"}")
SETTLED_MS="" SCORED_MS="" BOARDS_MS=""
for _ in $(seq 1 1200); do
    now_ms=$(( ($(date +%s%N) - RESOLVE_START) / 1000000 ))
    [[ -z "$SETTLED_MS" && $(sql -c "SELECT settled_at IS NOT NULL FROM markets WHERE id = '$HOT_ID'") == t ]] && SETTLED_MS=$now_ms
    [[ -z "$SCORED_MS" && $(sql -c "SELECT count(*) FROM settled_forecasts WHERE market_id = '$HOT_ID'") == "$HOT_N" ]] && SCORED_MS=$now_ms
    [[ -z "$BOARDS_MS" && -n "$SCORED_MS" && $(sql -c "SELECT (SELECT coalesce(sum(forecasts), 0) FROM rank_totals WHERE period = 'all_time' AND category = 'all') >= $BOARD_BEFORE + (SELECT count(*) FROM settled_forecasts WHERE market_id = '$HOT_ID' AND NOT refunded AND NOT flagged)") == t ]] && BOARDS_MS=$now_ms
    [[ -n "$SETTLED_MS" && -n "$SCORED_MS" && -n "$BOARDS_MS" ]] && break
    (( now_ms > 180000 )) && break
    sleep 0.2
done
drain_events
cpu_snapshot "$OUT/cpu-resolve-1.txt"
read -r RES_APP RES_DB <<<"$(cpu_delta "$OUT/cpu-resolve-0.txt" "$OUT/cpu-resolve-1.txt")"
SETTLE_APP_CPU=$(python3 -c "print(f'{$RES_APP/$HOT_N:.2f}' if $HOT_N else 'n/a')")
SETTLE_DB_CPU=$(python3 -c "print(f'{$RES_DB/$HOT_N:.2f}' if $HOT_N else 'n/a')")
log "resolution: HTTP $RESOLVE_STATUS; paid out after ${SETTLED_MS:-?} ms, scored after ${SCORED_MS:-?} ms, leaderboards after ${BOARDS_MS:-?} ms"

LOAD_RSS=$(cat "$OUT/rss-hot.txt" 2>/dev/null || echo 0)
LOAD_HEAP=$(cat "$OUT/heap-hot.txt" 2>/dev/null || echo "?")

# ------------------------------------------------------------------ profile summary (JFR)
JFR_SUMMARY="(no JFR recording)"
if [[ -f "$OUT/hot.jfr" ]]; then
    # For each execution sample, the first frame in our code (or the top frame if none).
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$OUT/hot.jfr" >"$OUT/hot-samples.txt" 2>/dev/null || true
    JFR_SUMMARY=$(awk '
        /jdk.ExecutionSample/ {if (started && !found) top_count[top]++; started=1; found=0; top=""; next}
        /line:/ { f=$1; if (top=="") top=f; if (!found && f ~ /^com\.pilimarket/) {ours[f]++; found=1} }
        END { if (started && !found) top_count[top]++;
              for (k in ours) printf "%6d  %s\n", ours[k], k;
              for (k in top_count) printf "%6d  (outside our code) %s\n", top_count[k], k }' "$OUT/hot-samples.txt" \
        | sort -rn | head -15 || true)
    SAMPLES=$(grep -c 'jdk.ExecutionSample' "$OUT/hot-samples.txt" || echo 0)
    # Database round trips slower than JFR's threshold (10 ms), per thread group.
    SLOW_READS=$(jfr print --events jdk.SocketRead "$OUT/hot.jfr" 2>/dev/null | awk -v pgport="$PGPORT" '
        /duration/ {d=$3; u=$4} $0 ~ "port = " pgport {db=1}
        /eventThread/ {t=$3; gsub(/"/,"",t); sub(/-[0-9]+$/,"",t); if (db) {n[t]++; s[t]+= (u=="ms") ? d : (u=="s" ? d*1000 : 0)}; db=0}
        END {for (k in n) printf "%-32s %5d reads from PostgreSQL slower than 10 ms, %6.0f ms in total\n", k, n[k], s[k]}' || true)
    JFR_SUMMARY="$SAMPLES samples; first frame in com.pilimarket (or top frame):
$JFR_SUMMARY"
fi

# async-profiler's CPU samples of the placement peaks: share per thread group, then the frames (ours, and
# the framework's that a design choice decides) that the most samples pass through.
profile_summary() { # collapsed-file
    python3 - "$1" <<'PY'
import collections, re, sys
groups, through, total = collections.Counter(), collections.Counter(), 0
marks = re.compile(r"^com/pilimarket/.*\.(place|placeAll|placeIdempotently|applyAcross|applyAsSet|of|on|append|drainOnce|postAll|recordStakes|insertAll|execute|doFilterInternal)$"
                   r"|CompletionRegisteringAdvisor.*invoke$|DefaultEventPublicationRegistry\.(store|markProcessing|markCompleted)$"
                   r"|HikariProxyConnection\.commit$|NimbusJwtDecoder\.decode$|DispatcherServlet\.doDispatch$"
                   r"|AbstractJackson2HttpMessageConverter|JacksonJsonHttpMessageConverter.*write|ObjectMapper\.writeValue"
                   r"|^CompileBroker::compiler_thread_loop$|^G1|^GC")
for line in open(sys.argv[1]):
    stack, _, n = line.rstrip().rpartition(" ")
    n = int(n); total += n
    frames = stack.split(";")
    group = re.sub(r"(-\d+)?( tid=\d+)?\]$", "", frames[0]).lstrip("[")
    group = re.sub(r"(http-nio)-.*", r"\1 (request threads)", group)
    groups[group] += n
    for f in set(frames[1:]):
        if marks.search(f) and "$$" not in f:  # not the proxies' frames as well
            through[f] += n
if not total:
    sys.exit()
print(f"{total} samples (one per 2 ms of CPU)")
print("by thread:")
for g, c in groups.most_common(8):
    print(f"  {100 * c / total:5.1f} %  {g}")
print("through (inclusive):")
for f, c in through.most_common(24):
    print(f"  {100 * c / total:5.1f} %  {f}")
PY
}
PROFILES=""
for key in hot spread; do
    if [[ -s "$OUT/$key.collapsed" ]]; then
        PROFILES+="### $key peak"$'\n\n```\n'"$(profile_summary "$OUT/$key.collapsed")"$'\n```\n\n'
    fi
done
[[ -z "$PROFILES" ]] && PROFILES="(no async-profiler recording: BENCH_PROFILER=off, or it could not be fetched)"$'\n'

# ------------------------------------------------------------------ invariants (SQL equivalent of SystemInvariants)
log "checking invariants"
INV=$(sql <<'SQL'
SELECT 'ledger_sum_nonzero', count(*) FROM (SELECT 1 FROM ledger_entries HAVING coalesce(sum(amount),0) <> 0) x
UNION ALL
SELECT 'unbalanced_transactions', count(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0) x
UNION ALL
SELECT 'user_chips_mismatch', count(*) FROM users u
    LEFT JOIN (SELECT user_id, sum(amount) s FROM ledger_entries WHERE user_id IS NOT NULL GROUP BY user_id) e ON e.user_id = u.id
    WHERE u.chips <> coalesce(e.s, 0) OR u.chips < 0
UNION ALL
SELECT 'account_balance_mismatch', count(*) FROM ledger_accounts a
    LEFT JOIN (SELECT account, sum(amount) s FROM ledger_entries WHERE user_id IS NULL GROUP BY account) e ON e.account = a.code
    WHERE a.balance <> coalesce(e.s, 0)
UNION ALL
SELECT 'open_pool_mismatch', count(*) FROM markets m
    LEFT JOIN ledger_accounts a ON a.code = 'pool:' || m.id
    LEFT JOIN (SELECT market_id, sum(total_points) s FROM outcomes GROUP BY market_id) o ON o.market_id = m.id
    LEFT JOIN (SELECT market_id, sum(points) s, count(*) c FROM forecasts GROUP BY market_id) f ON f.market_id = m.id
    WHERE m.settled_at IS NULL AND (coalesce(a.balance,0) <> coalesce(o.s,0) OR coalesce(o.s,0) <> m.total_points
          OR m.total_points <> coalesce(f.s,0) OR m.forecaster_count <> coalesce(f.c,0))
UNION ALL
SELECT 'settled_pool_nonzero', count(*) FROM markets m JOIN ledger_accounts a ON a.code = 'pool:' || m.id
    WHERE m.settled_at IS NOT NULL AND a.balance <> 0
UNION ALL
SELECT 'final_market_unsettled', count(*) FROM markets m
    WHERE m.status IN ('resolved', 'cancelled') AND m.settled_at IS NULL
UNION ALL
SELECT 'settled_forecast_pending', count(*) FROM forecasts f JOIN markets m ON m.id = f.market_id
    WHERE m.settled_at IS NOT NULL AND f.status = 'pending';
SQL
)
echo "$INV" >"$OUT/invariants.txt"
INV_OK=PASS
while IFS='|' read -r _ n; do [[ "$n" != "0" ]] && INV_OK=FAIL; done <<<"$INV"
FORECASTS=$(sql -c "SELECT count(*) || ' forecasts, ' || coalesce(sum(placements),0) || ' placements, ' || count(DISTINCT user_id) || ' distinct users' FROM forecasts")
HOT_FORECASTERS=$(sql -c "SELECT forecaster_count FROM markets WHERE id = '$HOT_ID'")
log "invariants: $INV_OK"

# ------------------------------------------------------------------ 2,000 open SSE connections
SSE_N=${BENCH_SSE:-2000}
log "holding $SSE_N SSE connections for 25 s"
timeout 90 java -Xmx256m "$ROOT/bench/SseHold.java" "$BASE/api/v1/markets/$HOT_ID/stream" "$SSE_N" 25 >"$OUT/sse.txt" 2>&1 &
SSE_HOLD=$!
sleep 20
SSE_RSS=$(rss_kb)
SSE_HEAP=$(heap_used_mb)
SSE_THREADS=$(awk '/Threads/ {print $2}' "/proc/$APP_PID/status")
wait "$SSE_HOLD" || true
SSE_RESULT=$(tail -1 "$OUT/sse.txt")

UPTIME_AFTER=$(uptime)

# ------------------------------------------------------------------ settlement of 100,000 forecasts
# SettlementBenchmark (a Spring test on its own fresh database) resolves a market with 100,000
# forecasts and times it until the pool is empty. Run after the app has stopped, so the two do not
# share the cores. It runs on the PostgreSQL server the rest of the suite measures (its own fresh
# database there), not on the tests' embedded one, and on BENCH_REDIS_URL if set (otherwise on the
# tests' default Redis).
cleanup
APP_PID=""
SETTLEMENT_LINE="not run (BENCH_SETTLEMENT=0)"
SETTLEMENT_CPU=""
SETTLEMENT_MET="not measured"
if [[ "${BENCH_SETTLEMENT:-1}" != 0 ]]; then
    log "settlement: SettlementBenchmark (100,000 forecasts)"
    PILIMARKET_TEST_PG="jdbc:postgresql://$PGHOST:$PGPORT/" PILIMARKET_TEST_PG_USER="$PGUSER" \
        ${BENCH_REDIS_URL:+PILIMARKET_TEST_REDIS=$BENCH_REDIS_URL} \
        ./mvnw -B -ntp test -DskipFrontend -Djacoco.skip=true -Dtest=SettlementBenchmark \
        -Dsurefire.failIfNoSpecifiedTests=false >"$OUT/settlement.txt" 2>&1 || true
    # The test's output goes to surefire's report folder (redirectTestOutputToFile).
    cat target/surefire-reports/com.pilimarket.bench.SettlementBenchmark-output.txt >>"$OUT/settlement.txt" 2>/dev/null || true
    SETTLE_MS=$(sed -nE 's/.*BENCH settlement of .* ([0-9,]+) ms.*/\1/p' "$OUT/settlement.txt" | tr -d , | tail -1)
    if [[ -n "$SETTLE_MS" ]]; then
        SETTLEMENT_LINE="$(grep -o 'BENCH settlement of .*end to end.*' "$OUT/settlement.txt" | tail -1 | sed 's/^BENCH //') (\`SettlementBenchmark\`)"
        SETTLEMENT_MET=$(python3 -c "print('**met**' if $SETTLE_MS < 5000 else '**not met**')")
        SETTLEMENT_CPU=$(grep -o 'BENCH settlement CPU.*' "$OUT/settlement.txt" | tail -1 | sed 's/^BENCH //')
    else
        SETTLEMENT_LINE="SettlementBenchmark failed, see target/bench/settlement.txt"
        SETTLEMENT_MET="**not met**"
    fi
    log "settlement: $SETTLEMENT_LINE"
fi

# ------------------------------------------------------------------ report
# The placement peaks' statements, when pg_stat_statements was there to count them.
statements_section() {
    if [[ -z "$PGSS" ]]; then
        echo "Statements per placement: not measured (this server does not preload \`pg_stat_statements\`; run with \`BENCH_PGPORT\` pointing at one that does)."
        return
    fi
    local key
    for key in hot spread; do
        printf 'Statements during the %s peak (`pg_stat_statements`, per placement: µs of statement time, calls, WAL bytes, WAL full-page images; top 15 by time):\n\n```\n%s\n```\n\n' \
            "$key" "$(cat "$OUT/statements-$key.txt" 2>/dev/null)"
    done
}
ratio() { python3 -c "a=float('$1' or 0); b=float('$2' or 0); print(f'{a/b:.2f}' if b else 'n/a')"; }
met() { python3 -c "print('**met**' if float('$1' or 0) >= float('$2') else '**not met**')"; }
metle() { python3 -c "print('**met**' if float('$1' or 1e9) <= float('$2') else '**not met**')"; }
# The larger of two measurements (a missing one counts as failed): a goal holds for every page measured.
maxof() { python3 -c "print(max(float('$1' or 1e9), float('$2' or 1e9)))"; }

R_HOT_BHOT=$(ratio "${PEAK[hot]}" "$B_HOT")
R_SPREAD_BHOT=$(ratio "${PEAK[spread]}" "$B_HOT")
R_JSON_BHOT=$(ratio "${PEAK[json]}" "$B_HOT")
R_HOT_SPREAD=$(ratio "${PEAK[hot]}" "${PEAK[spread]}")
R_LIST=$(ratio "${PEAK[list]}" "${PEAK[json2]}")
R_DETAIL=$(ratio "${PEAK[detail]}" "${PEAK[json2]}")

CPU_MODEL=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
MEM=$(free -h | awk '/Mem:/ {print $2}')
JAVA_V=$(java -version 2>&1 | head -1)
PG_V=$(sql -c "SHOW server_version")
PG_SETTINGS=$(sql -c "SELECT string_agg(name || '=' || setting, ', ') FROM pg_settings WHERE name IN ('port','fsync','synchronous_commit','shared_buffers','max_connections','commit_delay','shared_preload_libraries')")

row() { # key label [p99 goal in ms: 20 for reads, 50 for placements]
    local goal=${3:-20}
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$2" "${PEAK[$1]:-}" "${OPEN_RATE[$1]:-}" "${P50[$1]:-}" "${P95[$1]:-}" "${P99[$1]:-}" \
        "≤ $goal ms: $(metle "${P99[$1]:-}" "$goal" | tr -d '*')" "${ERRS[$1]:-}"
}

{
cat <<EOF
# Benchmarks

Written by \`bash bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) (commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src || echo ", with uncommitted changes")).
One run, one machine; the goals are ratios measured in the same run (issue 16). Peak = closed loop,
\`wrk\` (C; Lua scripts \`bench/wrk/*.lua\` sign in with a bearer token per user and send a fresh
\`Idempotency-Key\` per placement), 2 threads, $WORKERS connections, ${SECS} s after a ${WARM} s
warm-up run. Latency = open loop at a fixed arrival rate of 60 % of that peak
($(if [[ "${BENCH_OPEN_GENERATOR:-openloop}" == openloop ]]; then echo "\`bench/openloop.c\`, C, one epoll thread, up to $((WORKERS * 2)) kept-alive connections"; else echo "\`bench/LoadGen.java\`, a JVM"; fi);
measured from each request's scheduled start: no coordinated omission; Debian's wrk has no fixed-rate
mode), ${SECS} s after ${WARM} s not measured. Load generator, app and PostgreSQL share the same cores.

## Machine

| | |
|---|---|
| CPU | $(nproc) × $CPU_MODEL |
| RAM | $MEM |
| Java | $JAVA_V (app: \`$JAVA_OPTS -XX:+UseG1GC -Xlog:safepoint\`) |
| PostgreSQL | $PG_V ($PG_SETTINGS) |
| load before | \`$UPTIME_BEFORE\` |
| load after | \`$UPTIME_AFTER\` |

The machine is shared: other engineers' builds and test suites may have been running during the
run (see the load averages above); absolute numbers move with that, the ratios much less.
${BENCH_NOTE:-}

## Data

$USERS users (1,000,000 chips each, minted through one balanced ledger transaction per user),
$((MARKETS + 1)) open markets with two outcomes (one "hot"), prepared in SQL. After the run:
$FORECASTS; the hot market has $HOT_FORECASTERS forecasters.

## Results

| scenario | peak req/s | open-loop rate | p50 ms | p95 ms | p99 ms | p99 goal | errors (closed/open) |
|---|---|---|---|---|---|---|---|
| B_hot: pgbench \`UPDATE\` of one row, 32 clients | $B_HOT | – | avg $B_HOT_LAT | | | | |
$(row json "B_json: \`GET /api/v1/purchases/packages\` (before the placements)")
$(row hot "forecast placement, ONE market, $USERS users" 50)
$(row spread "forecast placement over $MARKETS markets" 50)
$(row json2 "B_json again (before the reads)")
$(row list "\`GET /api/v1/markets?status=open&sort=volume\`")
$(row detail "\`GET /api/v1/markets/{id}\` (random of $MARKETS)")
$(row detail_hot "\`GET /api/v1/markets/{hot id}\`")
$(row leaderboard "\`GET /api/v1/leaderboard?period=all_time\` (top 20; $LB_USERS users)")
$(row leaderboard_deep "\`GET /api/v1/leaderboard?period=monthly&category=sports&metric=profit&page=250\`")

CPU of the open-loop generator itself during each measured run (% of one core): B_json ${GEN_CPU[json]:-?},
placements ${GEN_CPU[hot]:-?} / ${GEN_CPU[spread]:-?}, B_json again ${GEN_CPU[json2]:-?}, list ${GEN_CPU[list]:-?},
detail ${GEN_CPU[detail]:-?} / ${GEN_CPU[detail_hot]:-?}, leaderboard ${GEN_CPU[leaderboard]:-?} / ${GEN_CPU[leaderboard_deep]:-?}.

The app's stops (JVM safepoints: GC pauses, deoptimisation, periodic cleanup; \`-Xlog:safepoint\`)
during each measured 60 % run. A request arriving during a stop waits for all of it. Beside them,
PostgreSQL's time in checkpoint fsyncs during the same run (its warm-up included; \`pg_stat_bgwriter\`):
on this machine the WAL shares the disk, so a checkpoint's sync phase can hold commits back:

| scenario | stops | checkpoint sync |
|---|---|---|
$(for k in json hot spread json2 list detail detail_hot leaderboard leaderboard_deep; do echo "| $k | ${STOPS[$k]:-?} | ${CKPT_SYNC[$k]:-?} ms |"; done)
EOF
cat <<EOF

CPU per request during the peaks (app = the JVM's user + system time; database = this database's
backends; per request of the measured wrk run):

| scenario | app CPU ms / request | database CPU ms / request | JIT compiling during the run (s of CPU) |
|---|---|---|---|
| B_json | ${APP_CPU[json]:-} | ${DB_CPU[json]:-} | $(jit_delta json-peak) |
| placement, one market | ${APP_CPU[hot]:-} | ${DB_CPU[hot]:-} | $(jit_delta hot-peak) |
| placement over $MARKETS markets | ${APP_CPU[spread]:-} | ${DB_CPU[spread]:-} | $(jit_delta spread-peak) |
| settled forecast (the hot market's resolution below, listeners and board totals included) | $SETTLE_APP_CPU | $SETTLE_DB_CPU | |

Resolution of the hot market through the admin API (HTTP $RESOLVE_STATUS, $HOT_N forecasts): paid
out after ${SETTLED_MS:-not within 180 s} ms, scored by reputation after ${SCORED_MS:-not within 180 s} ms, every
on the all-time board ${BOARDS_MS:-not within 180 s} ms after the resolve call.
${SETTLEMENT_CPU:+SettlementBenchmark (100,000 forecasts): $SETTLEMENT_CPU.}

Leaderboard data: $LB_HAVE, seeded into the reputation read model in ${LB_SEED_SECONDS} s (the
all-time board ranks $LB_TOTAL users). Boards are maintained incrementally: a board step after scoring adds
its settled forecasts to per-user board totals, and requests read a board in rank order from an
index. The full rebuild of every board (3 periods × 8 categories; $LB_ENTRIES), the hourly repair
job, took **${LB_RECOMPUTE_MS} ms** (once, right after seeding).

## Goals (issue 16)

| goal | measured | status |
|---|---|---|
| placements over $MARKETS markets ≥ 1.5 × B_hot | ${PEAK[spread]} / $B_HOT = $R_SPREAD_BHOT × | $(met "$R_SPREAD_BHOT" 1.5) |
| hot-market placements ≥ 1.5 × B_hot (stretch 3×) | ${PEAK[hot]} / $B_HOT = $R_HOT_BHOT × | $(met "$R_HOT_BHOT" 1.5)$(python3 -c "print(' (stretch met)' if float('$R_HOT_BHOT' if '$R_HOT_BHOT'!='n/a' else 0) >= 3 else '')") |
| hot market ≥ 0.7 × spread | ${PEAK[hot]} / ${PEAK[spread]} = $R_HOT_SPREAD × | $(met "$R_HOT_SPREAD" 0.7) |
| (reference) B_json, the trivial endpoint's ceiling through HTTP | ${PEAK[json]} / $B_HOT = $R_JSON_BHOT × B_hot | – |
| placement p99 ≤ 50 ms at 60 % of peak (hot / spread) | ${P99[hot]} / ${P99[spread]} ms | $(python3 -c "print('**met**' if max(float('${P99[hot]:-1e9}'), float('${P99[spread]:-1e9}')) <= 50 else '**not met**')") |
| market list p99 ≤ 20 ms at 60 % of peak | ${P99[list]} ms | $(metle "${P99[list]}" 20) |
| market detail p99 ≤ 20 ms at 60 % of peak (both pages) | ${P99[detail]} ms (hot market: ${P99[detail_hot]} ms) | $(metle "$(maxof "${P99[detail]}" "${P99[detail_hot]}")" 20) |
| leaderboard p99 ≤ 20 ms at 60 % of peak (both pages) | ${P99[leaderboard]} ms (deep page: ${P99[leaderboard_deep]} ms) | $(metle "$(maxof "${P99[leaderboard]}" "${P99[leaderboard_deep]}")" 20) |
| settlement of 100,000 forecasts end to end < 5 s | $SETTLEMENT_LINE | $SETTLEMENT_MET |
| a resolution shows on the leaderboards within 10 s | ${BOARDS_MS:-not within 180 s} ms (hot market, $HOT_N forecasts) | $(metle "${BOARDS_MS:-1e9}" 10000) |
| ranking all boards at 1M settled forecasts < 3 s, or boards maintained incrementally | maintained incrementally (a board step adds each scored settlement to board totals); full rebuild (hourly repair) ${LB_RECOMPUTE_MS} ms | met (incremental) |
| app and database CPU ms per placement and per settled forecast reported | see "CPU per request" above | reported |

## Invariants after the run: $INV_OK

SQL equivalent of \`SystemInvariants.check()\` (violations per check):

\`\`\`
$INV
\`\`\`

## Resources (app JVM)

| | RSS | heap used |
|---|---|---|
| idle, after start and seeding | $((IDLE_RSS / 1024)) MiB | ${IDLE_HEAP} MiB |
| under load (hot-market peak) | $(( ${LOAD_RSS:-0} / 1024 )) MiB | ${LOAD_HEAP} MiB |
| $SSE_N open SSE streams on one market (\`$SSE_RESULT\`; $SSE_THREADS JVM threads) | $(( ${SSE_RSS:-0} / 1024 )) MiB | ${SSE_HEAP} MiB |

Heap "used" is a point sample (G1, \`-Xmx1g\`), so it includes garbage not yet collected.

## Where the time goes (hot-market peak)

PostgreSQL wait events of active backends, sampled every 0.5 s (\`pg_stat_activity\`; "CPU:running" = no wait):

\`\`\`
$(cat "$OUT/waits-hot.txt" 2>/dev/null)
\`\`\`

Same for the spread scenario:

\`\`\`
$(cat "$OUT/waits-spread.txt" 2>/dev/null)
\`\`\`

$(statements_section)

Group commit during the peaks (\`pilimarket_forecasts_batch_size\`): hot market: $(batch_line hot);
spread: $(batch_line spread).

\`top\` in the middle of the hot-market peak:

\`\`\`
$(cat "$OUT/top-hot.txt" 2>/dev/null)
\`\`\`

CPU samples of the whole app during a profiled run of each placement scenario, after the measured ones
(attached profilers make the JVM recompile, so they are kept out of the measured runs; these runs'
rates are not results) (async-profiler, \`event=cpu\`, every thread: request
threads, the group-commit writers, the placement feed, the listeners' \`task\` threads, the JIT compiler
and GC; raw stacks in \`target/bench/{hot,spread}.collapsed\`, a flame graph from them with async-profiler's \`jfr-converter\`
(Maven Central \`tools.profiler:jfr-converter\`: \`java -jar jfr-converter.jar spread.collapsed spread.html\`)):

$PROFILES
JFR execution samples of the app during the profiled hot-market run:

\`\`\`
$JFR_SUMMARY
\`\`\`

Slow database round trips during the profiled hot-market run (JFR \`jdk.SocketRead\`, by thread; \`forecast-writer\` = the hot market's group-commit writer, \`task\` = asynchronous event listeners, \`http-nio\` = request threads):

\`\`\`
${SLOW_READS:-}
\`\`\`

pgbench output:

\`\`\`
$(grep -E 'tps|latency|clients|transactions' "$OUT/pgbench.txt")
\`\`\`

Warm-up before the scenarios (unmeasured rounds until the JIT compiled less than ${JIT_SETTLED} s of CPU in one):

\`\`\`
$(cat "$OUT/warmup.txt" 2>/dev/null)
\`\`\`

Raw results: \`target/bench/results.jsonl\` (one JSON line per run).
EOF
if [[ -f "$ROOT/bench/ANALYSIS.md" ]]; then
    echo
    cat "$ROOT/bench/ANALYSIS.md"
fi
} >"$REPORT"
log "wrote $REPORT"
cat "$OUT/results.jsonl" >&2
