#!/usr/bin/env bash
# Scale-out check: two app instances + nginx (load balancer) + the local PostgreSQL + a private
# Redis, all on 127.0.0.1. Shows SSE crossing instances, shared rate limits, scheduled jobs running
# once, cache invalidation crossing instances, and 1- vs 2-instance read throughput.
# Writes target/scaleout/report.md (and prints it). Bounded: every wait has a count and a timeout.
set -euo pipefail
cd "${BENCH_ROOT:-$(dirname "$0")/..}"
ROOT=$(pwd)
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
DB=pm_scale
SECRET=pilimarket-bench-secret-0123456789abcdef
A=18081
B=18082
LB=18090
REDIS_PORT=16390
SECS=${BENCH_SECONDS:-10}
OUT="$ROOT/target/scaleout"
rm -rf "$OUT"
mkdir -p "$OUT"
log() { printf '[scaleout %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DB" "$@"; }

command -v nginx >/dev/null || { log "installing nginx"; apt-get install -y -q nginx >/dev/null; }
JAR=${BENCH_JAR:-$(ls target/pilimarket-*.jar 2>/dev/null | head -1 || true)}
[[ -n "$JAR" ]] || { ./mvnw -B -q package -DskipTests -DskipFrontend -Djacoco.skip=true; JAR=$(ls target/pilimarket-*.jar | head -1); }

PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [[ -f "$OUT/nginx.pid" ]] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
psql -X -q -d postgres -c "CREATE DATABASE $DB"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$OUT/redis.pid" --logfile "$OUT/redis.log"

start() { # port
    SERVER_PORT=$1 SERVER_ADDRESS=127.0.0.1 SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
        SPRING_DATASOURCE_USERNAME=postgres SPRING_DATA_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
        PILIMARKET_JWT_SECRET="$SECRET" PILIMARKET_DEMO_DATA=false PILIMARKET_DATA_DIR="$OUT/data-$1" \
        PILIMARKET_RATE_LIMIT_GENERAL=1000000 PILIMARKET_DB_POOL_SIZE=10 PILIMARKET_TRUSTED_PROXIES=127.0.0.1 \
        java -Xms128m -Xmx512m -jar "$JAR" >"$OUT/app-$1.log" 2>&1 &
    PIDS+=($!)
}
log "starting instances on :$A and :$B (Redis :$REDIS_PORT)"
start $A
sleep 20 # let the first instance run the migrations alone
start $B
for port in $A $B; do
    for i in $(seq 1 180); do
        curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
        [[ $i == 180 ]] && { echo "instance $port did not start" >&2; exit 1; }
        sleep 1
    done
done

cat >"$OUT/nginx.conf" <<EOF
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    upstream app { server 127.0.0.1:$A; server 127.0.0.1:$B; keepalive 64; }
    server {
        listen 127.0.0.1:$LB;
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_buffering off;
            proxy_read_timeout 60s;
        }
    }
}
EOF
nginx -c "$OUT/nginx.conf" -p "$OUT"
log "nginx on :$LB"

# Data: users with chips through ledger rows, a few markets (one closing in 10 s).
sql <<SQL
BEGIN;
CREATE TEMP TABLE su AS SELECT gen_random_uuid() AS id, i, gen_random_uuid() AS tx FROM generate_series(1, 200) i;
INSERT INTO users (id, email, password_hash, display_name) SELECT id, 'scale' || i || '@bench.invalid', 'x', 'Scale ' || i FROM su;
INSERT INTO ledger_transactions (id, reference, reason) SELECT tx, 'bench-seed:' || id, 'grant' FROM su;
INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
    SELECT tx, 'MINT', NULL, -100000, (SELECT balance FROM ledger_accounts WHERE code = 'MINT') - 100000::bigint * i FROM su
    UNION ALL SELECT tx, 'user:' || id, id, 100000, 100000 FROM su;
UPDATE users u SET chips = 100000 FROM su WHERE u.id = su.id;
UPDATE ledger_accounts SET balance = balance - 100000::bigint * 200 WHERE code = 'MINT';
CREATE TEMP TABLE sm AS SELECT gen_random_uuid() AS id, i FROM generate_series(0, 100) i;
INSERT INTO markets (id, title, slug, category, closes_at, max_points_per_user)
    SELECT id, 'Scale market ' || i, 'scale-market-' || i, 'other',
           CASE WHEN i = 100 THEN now() + interval '10 seconds' ELSE now() + interval '30 days' END, 1000000 FROM sm;
INSERT INTO outcomes (market_id, name, position) SELECT id, 'Yes', 0 FROM sm UNION ALL SELECT id, 'No', 1 FROM sm;
COMMIT;
SQL
sql -c "SELECT id FROM users WHERE email LIKE 'scale%' ORDER BY email" >"$OUT/users.txt"
sql -c "SELECT id FROM markets WHERE slug LIKE 'scale-market-%' AND slug <> 'scale-market-100'" >"$OUT/markets.txt"
M=$(sql -c "SELECT id FROM markets WHERE slug = 'scale-market-0'")
O=$(sql -c "SELECT o.id FROM outcomes o WHERE o.market_id = '$M' AND o.position = 0")
U1=$(sed -n 1p "$OUT/users.txt")
U2=$(sed -n 2p "$OUT/users.txt")
TOKEN1=$(java "$ROOT/bench/LoadGen.java" --print-jwt "$U1" --jwt-secret "$SECRET")
TOKEN2=$(java "$ROOT/bench/LoadGen.java" --print-jwt "$U2" --jwt-secret "$SECRET")
place() { # port token points
    curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$1/api/v1/forecasts" \
        -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
        -d "{\"market_id\":\"$M\",\"outcome_id\":\"$O\",\"points\":$3}"
}
total_on() { curl -fs "http://127.0.0.1:$1/api/v1/markets/$M" | python3 -c "import json,sys; print(json.load(sys.stdin)['data']['total_points'])"; }

# 1. SSE: subscribe on B, place on A.
log "SSE across instances"
timeout 15 curl -sN "http://127.0.0.1:$B/api/v1/markets/$M/stream" >"$OUT/sse-b.txt" 2>/dev/null &
SSE_PID=$!
sleep 2
S1=$(place $A "$TOKEN1" 7)
sleep 2
kill "$SSE_PID" 2>/dev/null || true
SSE_EVENTS=$(grep -c '^event:market' "$OUT/sse-b.txt" || true)
SSE_OK=no
grep -q '"total_points":7' "$OUT/sse-b.txt" && SSE_OK=yes

# 2. Cache invalidation across instances: warm B, place on A, read B at once.
log "cache invalidation across instances"
for _ in 1 2 3; do total_on $B >/dev/null; done
BEFORE_B=$(total_on $B)
S2=$(place $A "$TOKEN1" 5)
sleep 0.2
AFTER_B=$(total_on $B)
AFTER_A=$(total_on $A)

# 3. Rate limits shared: 14 placements by one user, alternating instances; limit is 10/min.
log "shared rate limits"
CODES=""
for i in $(seq 1 14); do
    if ((i % 2)); then port=$A; else port=$B; fi
    CODES="$CODES $(place $port "$TOKEN2" 1)"
done
OK_COUNT=$(tr ' ' '\n' <<<"$CODES" | grep -c '^20[01]$' || true)
LIMITED=$(tr ' ' '\n' <<<"$CODES" | grep -c '^429$' || true)

# 4. Scheduled job once: the market closing in 10 s is closed by MarketCloseJob (every 30 s) on one instance.
log "scheduled jobs (waiting up to 60 s for the close job)"
CLOSED=no
for _ in $(seq 1 60); do
    [[ $(sql -c "SELECT status FROM markets WHERE slug = 'scale-market-100'") == closed ]] && { CLOSED=yes; break; }
    sleep 1
done
CLOSE_AUDITS=$(sql -c "SELECT count(*) FROM audit_log WHERE action = 'market.close.scheduled'" 2>/dev/null || echo "?")
SHEDLOCK=$(sql -c "SELECT string_agg(name || ' locked_by=' || locked_by || ' until=' || to_char(lock_until, 'HH24:MI:SS'), '; ') FROM shedlock")

# 5. Throughput: detail reads, one instance directly vs two behind nginx.
log "throughput: 1 instance vs 2 behind nginx (${SECS}s each)"
ONE=$(java "$ROOT/bench/LoadGen.java" --name one-instance --mode closed --method GET --url "http://127.0.0.1:$A/api/v1/markets/{market}" \
    --markets "$OUT/markets.txt" --workers 32 --seconds "$SECS" --warmup 3 | tail -1)
TWO=$(java "$ROOT/bench/LoadGen.java" --name two-instances --mode closed --method GET --url "http://127.0.0.1:$LB/api/v1/markets/{market}" \
    --markets "$OUT/markets.txt" --workers 32 --seconds "$SECS" --warmup 3 | tail -1)
NGINX_ONE=$(java "$ROOT/bench/LoadGen.java" --name one-via-nginx --mode closed --method GET --url "http://127.0.0.1:$LB/api/v1/markets/{market}" \
    --markets "$OUT/markets.txt" --workers 32 --seconds 1 --warmup 0 | tail -1)
tp() { python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(f\"{d['throughput']} req/s, p99 {d['p99_ms']} ms, errors {d['errors']}\")" "$1"; }

{
echo "## Scale-out (bench/scaleout.sh, $(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "Two instances (:$A, :$B) + nginx (:$LB) + local PostgreSQL + Redis (:$REDIS_PORT), all on 127.0.0.1, $(nproc) cores shared with everything else. Load: \`$(uptime | sed 's/.*load/load/')\`."
echo
echo "| check | result |"
echo "|---|---|"
echo "| SSE: subscribed on B, forecast (7 chips, HTTP $S1) placed on A | B's stream got $SSE_EVENTS \`market\` events; carries total 7: **$SSE_OK** |"
echo "| cache invalidation: B warmed ($BEFORE_B), 5 more placed on A (HTTP $S2), B read 200 ms later | B: $AFTER_B, A: $AFTER_A — **$([[ "$AFTER_B" == "$AFTER_A" ]] && echo crosses instances || echo STALE)** |"
echo "| rate limit (forecasts 10/min per user) shared: 14 placements alternating A/B | $OK_COUNT accepted, $LIMITED × 429 (codes:$CODES) — **$([[ $OK_COUNT -le 10 ]] && echo shared || echo NOT shared)** |"
echo "| scheduled job once (ShedLock): market closing in 10 s | closed: $CLOSED; \`market.close.scheduled\` audit rows: $CLOSE_AUDITS; shedlock: $SHEDLOCK |"
echo "| detail reads, 1 instance (direct) | $(tp "$ONE") |"
echo "| detail reads, 2 instances via nginx | $(tp "$TWO") |"
echo
echo "On $(nproc) cores two instances share the same CPUs as PostgreSQL, nginx and the load generator, so a second instance cannot add throughput here; the point of this run is correctness across instances."
} | tee "$OUT/report.md"
