/*
 * openloop: a small open-loop HTTP/1.1 load generator for the benchmark suite (bench/run.sh).
 *
 * Why: the latency runs send a fixed arrival rate, and on the benchmark machine the generator shares
 * two cores with the app and PostgreSQL. The JVM generator (bench/LoadGen.java) needed about a core at
 * 1,000+ requests/s, so its percentiles measured the generator. This one is a single thread on epoll,
 * costs a few percent of a core at 2,000 requests/s and reports its own CPU time (cpu_ms).
 *
 * Model (as LoadGen's open mode and wrk2): request i is due at t0 + i / rate. The first warmup × rate
 * requests are sent but not measured; the next seconds × rate are. A request's latency runs from when
 * it was due until its response is complete, so a slow server cannot hide its queueing (no coordinated
 * omission): a request that waits for a free connection, or for the connection cap, keeps aging.
 * Requests go over a pool of kept-alive connections, one request at a time per connection; a new
 * connection is opened when every open one is busy, up to --connections.
 *
 * Per request, as LoadGen does: {user} (the user id of the request's user, request i -> user i mod
 * users), a bearer token for that user (--tokens: "user_id jwt" lines, as bench/run.sh writes for
 * wrk), {market} (a random line of --markets, "market_id[,outcome_id...]"), {outcome} (an outcome of
 * that market, fixed per user so top-ups never switch sides), {n} (request number), {uuid}, and with
 * --idempotency-keys true a fresh Idempotency-Key.
 *
 * Prints one JSON line: name, mode, target_rate, requests, ok, errors, statuses, seconds, throughput,
 * p50_ms, p95_ms, p99_ms, max_ms (the fields of LoadGen's line) plus the generator's own numbers.
 *
 *   gcc -O2 -o openloop bench/openloop.c -lm
 *   openloop --name detail --rate 900 --seconds 15 --warmup 5 --url 'http://127.0.0.1:18080/api/v1/markets/{market}' \
 *       --tokens tokens.txt --markets ids.txt [--method POST --body '{...}' --idempotency-keys true] [--connections 64]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define NS 1000000000LL

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "openloop: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
}

static double cpu_ms(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* xoshiro256** : the market pick, Idempotency-Keys and {uuid}. */
static uint64_t rng[4];
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t next_random(void) {
    uint64_t r = rotl(rng[1] * 5, 7) * 9, t = rng[1] << 17;
    rng[2] ^= rng[0];
    rng[3] ^= rng[1];
    rng[1] ^= rng[2];
    rng[0] ^= rng[3];
    rng[2] ^= t;
    rng[3] = rotl(rng[3], 45);
    return r;
}
static void seed_random(uint64_t s) {
    for (int i = 0; i < 4; i++) { /* splitmix64 */
        uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        rng[i] = z ^ (z >> 31);
    }
}
static void uuid4(char out[37]) {
    uint64_t a = next_random(), b = next_random();
    a = (a & ~0xf000ULL) | 0x4000ULL;                                   /* version 4 */
    b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;           /* variant 10 */
    snprintf(out, 37, "%08x-%04x-%04x-%04x-%012llx", (unsigned)(a >> 32), (unsigned)((a >> 16) & 0xffff),
             (unsigned)(a & 0xffff), (unsigned)(b >> 48), (unsigned long long)(b & 0xffffffffffffULL));
}

/* ------------------------------------------------------------------ input files */

typedef struct {
    char **items;
    int n;
} list_t;

static list_t read_lines(const char *path) {
    list_t l = {0};
    if (!path) return l;
    FILE *f = fopen(path, "r");
    if (!f) die("cannot read %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int cap_items = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ')) line[--len] = 0;
        if (len == 0) continue;
        if (l.n == cap_items) {
            cap_items = cap_items ? cap_items * 2 : 1024;
            l.items = realloc(l.items, sizeof(char *) * cap_items);
        }
        l.items[l.n++] = strdup(line);
    }
    free(line);
    fclose(f);
    return l;
}

typedef struct {
    char *user;  /* user id */
    char *token; /* bearer token */
} user_t;

typedef struct {
    char *id;
    char **outcomes;
    int n_outcomes;
} market_t;

static user_t *users;
static int n_users;
static market_t *markets;
static int n_markets;

/* ------------------------------------------------------------------ options */

static const char *opt_name = "load", *opt_method = "GET", *opt_url, *opt_body;
static double opt_rate = 100;
static int opt_seconds = 20, opt_warmup = 5, opt_connections = 64, opt_timeout = 30, opt_idempotency = 0;
static char host[256], host_header[300], path_template[4096];
static struct sockaddr_storage addr;
static socklen_t addr_len;

static void parse_url(const char *url) {
    if (strncmp(url, "http://", 7) != 0) die("only http:// URLs: %s", url);
    const char *p = url + 7, *slash = strchr(p, '/');
    size_t hl = slash ? (size_t)(slash - p) : strlen(p);
    if (hl >= sizeof(host)) die("host too long");
    memcpy(host, p, hl);
    host[hl] = 0;
    snprintf(host_header, sizeof(host_header), "%s", host);
    snprintf(path_template, sizeof(path_template), "%s", slash ? slash : "/");
    char port[16] = "80", *colon = strrchr(host, ':');
    if (colon) {
        snprintf(port, sizeof(port), "%s", colon + 1);
        *colon = 0;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) die("cannot resolve %s: %s", host, gai_strerror(rc));
    memcpy(&addr, res->ai_addr, res->ai_addrlen);
    addr_len = res->ai_addrlen;
    freeaddrinfo(res);
}

/* ------------------------------------------------------------------ requests */

/* Appends template with {user} {market} {outcome} {n} {uuid} filled in; returns the new length. */
static size_t fill(char *out, size_t pos, size_t cap, const char *tpl, const char *user, const char *market,
                   const char *outcome, long long n) {
    for (const char *t = tpl; *t && pos < cap - 1;) {
        const char *val = NULL;
        char buf[40];
        size_t skip = 0;
        if (*t == '{') {
            if (!strncmp(t, "{user}", 6)) val = user, skip = 6;
            else if (!strncmp(t, "{market}", 8)) val = market, skip = 8;
            else if (!strncmp(t, "{outcome}", 9)) val = outcome, skip = 9;
            else if (!strncmp(t, "{n}", 3)) snprintf(buf, sizeof(buf), "%lld", n), val = buf, skip = 3;
            else if (!strncmp(t, "{uuid}", 6)) uuid4(buf), val = buf, skip = 6;
        }
        if (val) {
            size_t vl = strlen(val);
            if (pos + vl >= cap) break;
            memcpy(out + pos, val, vl);
            pos += vl;
            t += skip;
        } else {
            out[pos++] = *t++;
        }
    }
    out[pos] = 0;
    return pos;
}

#define REQ_CAP 16384

/* Writes request n into out; returns its length. */
static size_t build_request(char *out, long long n) {
    int ui = n_users ? (int)(n % n_users) : 0;
    const char *user = n_users ? users[ui].user : "";
    const char *market = "", *outcome = "";
    if (n_markets) {
        market_t *m = &markets[next_random() % (uint64_t)n_markets];
        market = m->id;
        if (m->n_outcomes) outcome = m->outcomes[ui % m->n_outcomes];
    }
    char body[8192];
    size_t body_len = opt_body ? fill(body, 0, sizeof(body), opt_body, user, market, outcome, n) : 0;
    size_t pos = (size_t)snprintf(out, REQ_CAP, "%s ", opt_method);
    pos = fill(out, pos, REQ_CAP - 1024, path_template, user, market, outcome, n);
    pos += (size_t)snprintf(out + pos, REQ_CAP - pos, " HTTP/1.1\r\nHost: %s\r\nAccept: */*\r\n", host_header);
    if (n_users && users[ui].token)
        pos += (size_t)snprintf(out + pos, REQ_CAP - pos, "Authorization: Bearer %s\r\n", users[ui].token);
    if (opt_idempotency) {
        char key[37];
        uuid4(key);
        pos += (size_t)snprintf(out + pos, REQ_CAP - pos, "Idempotency-Key: %s\r\n", key);
    }
    if (opt_body)
        pos += (size_t)snprintf(out + pos, REQ_CAP - pos, "Content-Type: application/json\r\nContent-Length: %zu\r\n",
                                body_len);
    else if (!strcmp(opt_method, "POST") || !strcmp(opt_method, "PUT"))
        pos += (size_t)snprintf(out + pos, REQ_CAP - pos, "Content-Length: 0\r\n");
    pos += (size_t)snprintf(out + pos, REQ_CAP - pos, "\r\n");
    if (pos + body_len >= REQ_CAP) die("request too large");
    memcpy(out + pos, body, body_len);
    return pos + body_len;
}

/* ------------------------------------------------------------------ the schedule and results */

typedef struct {
    long long i;    /* request number: due at t0 + i / rate */
    int retried;    /* resent once after a kept-alive connection turned out closed */
} job_t;

/* Requests that are due but not sent (no free connection): a FIFO that can grow. */
static job_t *queue;
static long long q_head, q_len, q_cap;
static void q_push_back(job_t j) {
    if (q_len == q_cap) {
        long long nc = q_cap ? q_cap * 2 : 4096;
        job_t *nq = malloc(sizeof(job_t) * nc);
        for (long long k = 0; k < q_len; k++) nq[k] = queue[(q_head + k) % q_cap];
        free(queue);
        queue = nq, q_cap = nc, q_head = 0;
    }
    queue[(q_head + q_len++) % q_cap] = j;
}
static void q_push_front(job_t j) {
    q_push_back(j); /* make room, then rotate it to the front */
    q_len--;
    q_head = (q_head + q_cap - 1) % q_cap;
    queue[q_head] = j;
    q_len++;
}
static job_t q_pop(void) {
    job_t j = queue[q_head];
    q_head = (q_head + 1) % q_cap;
    q_len--;
    return j;
}

static int64_t t0;
static double interval_ns;
static long long warm_count, total_count;
static int64_t *latency_us; /* measured requests only, indexed by i - warm_count; -1 = not finished */
static long long statuses[600], ok_count, error_count, timeouts, conn_errors, connect_errors, finished_measured;
/* After a failed connect, no new one for a while: a refused port must not turn into a busy loop. */
static int64_t connect_pause_until;
static int connect_failing; /* since the last failed connect, one attempt at a time until one succeeds */
#define CONNECT_PAUSE_NS (20 * 1000000LL)
static int64_t last_measured_done;
static long long connects, max_open, max_queue, retries_done;
static int64_t max_send_lag_ns; /* how late the generator itself noticed a due request */

static int64_t due_of(long long i) { return t0 + (int64_t)((double)i * interval_ns); }

static void record(long long i, int status, int64_t done) {
    if (i < warm_count) return;
    long long k = i - warm_count;
    if (latency_us[k] >= 0) return;
    latency_us[k] = (done - due_of(i)) / 1000;
    if (status >= 200 && status < 600) statuses[status]++;
    else statuses[0]++;
    if (status >= 200 && status < 300) ok_count++;
    else error_count++;
    finished_measured++;
    last_measured_done = done;
}

/* ------------------------------------------------------------------ connections */

enum { FREE, CONNECTING, IDLE, BUSY };
enum { R_HEAD, R_BODY_LEN, R_BODY_CLOSE, R_CHUNK_SIZE, R_CHUNK_DATA, R_CHUNK_CRLF, R_TRAILER, R_DONE };

typedef struct {
    int fd, state, used; /* used: requests completed on this connection */
    job_t job;
    int64_t sent_at;
    char *out;
    size_t out_len, out_off;
    /* response parsing */
    int rstate, status, close_after;
    char head[16384];
    size_t head_len;
    long long remaining;
    char line[64];
    int line_len;
    long long got; /* bytes of this response read so far */
} conn_t;

static conn_t *conns;
static int n_open, epfd;

static void conn_close(conn_t *c) {
    if (c->state == FREE) return;
    close(c->fd);
    c->state = FREE;
    c->fd = -1;
    n_open--;
}

static int conn_open(conn_t *c) {
    int fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(fd, (struct sockaddr *)&addr, addr_len) < 0 && errno != EINPROGRESS) {
        close(fd);
        connect_errors++;
        connect_pause_until = now_ns() + CONNECT_PAUSE_NS, connect_failing = 1;
        return -1;
    }
    struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.ptr = c};
    epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
    c->fd = fd;
    c->state = CONNECTING;
    c->used = 0;
    c->sent_at = now_ns(); /* connect start, for the connect timeout */
    n_open++;
    connects++;
    if (n_open > max_open) max_open = n_open;
    return 0;
}

static void reset_response(conn_t *c) {
    c->rstate = R_HEAD;
    c->status = 0;
    c->close_after = 0;
    c->head_len = 0;
    c->remaining = 0;
    c->line_len = 0;
    c->got = 0;
}

static void try_write(conn_t *c);

/* A request failed on c: resend it once if c was a reused connection that turned out closed before
 * any of the response arrived (the server's keep-alive limit or timeout), else count an error. */
static void fail_request(conn_t *c, int64_t now, int timed_out) {
    job_t j = c->job;
    int stale = !timed_out && c->used > 0 && c->got == 0 && !j.retried;
    conn_close(c);
    if (stale) {
        j.retried = 1;
        retries_done++;
        q_push_front(j);
    } else {
        if (timed_out) timeouts++;
        else conn_errors++;
        record(j.i, 0, now);
    }
}

static void start_request(conn_t *c, job_t j, int64_t now) {
    c->job = j;
    c->state = BUSY;
    c->out_len = build_request(c->out, j.i);
    c->out_off = 0;
    c->sent_at = now;
    reset_response(c);
    try_write(c);
}

static void try_write(conn_t *c) {
    while (c->out_off < c->out_len) {
        ssize_t w = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
        if (w > 0) {
            c->out_off += (size_t)w;
        } else if (w < 0 && errno == EAGAIN) {
            return; /* EPOLLOUT will come (edge-triggered) */
        } else {
            fail_request(c, now_ns(), 0);
            return;
        }
    }
}

static int header_is(const char *line, size_t len, const char *name, const char **value) {
    size_t nl = strlen(name);
    if (len <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':') return 0;
    const char *v = line + nl + 1;
    while (*v == ' ' || *v == '\t') v++;
    *value = v;
    return 1;
}

/* Parses the status line and headers in c->head (complete, ends with CRLF CRLF). */
static void parse_head(conn_t *c) {
    char *h = c->head;
    h[c->head_len] = 0;
    if (strncmp(h, "HTTP/1.", 7) != 0 || c->head_len < 12) {
        c->status = 0;
    } else {
        c->status = atoi(h + 9);
        if (h[7] == '0') c->close_after = 1; /* HTTP/1.0: no keep-alive unless asked; keep it simple */
    }
    int chunked = 0;
    long long length = -1;
    for (char *line = strstr(h, "\r\n"); line && line[2] != '\r'; line = strstr(line + 2, "\r\n")) {
        char *start = line + 2, *end = strstr(start, "\r\n");
        if (!end) break;
        const char *v;
        size_t len = (size_t)(end - start);
        if (header_is(start, len, "Content-Length", &v)) length = atoll(v);
        else if (header_is(start, len, "Transfer-Encoding", &v) && strncasecmp(v, "chunked", 7) == 0) chunked = 1;
        else if (header_is(start, len, "Connection", &v) && strncasecmp(v, "close", 5) == 0) c->close_after = 1;
    }
    int no_body = !strcmp(opt_method, "HEAD") || c->status == 204 || c->status == 304 || (c->status >= 100 && c->status < 200);
    if (no_body) c->rstate = R_DONE;
    else if (chunked) c->rstate = R_CHUNK_SIZE, c->line_len = 0;
    else if (length >= 0) c->rstate = length ? R_BODY_LEN : R_DONE, c->remaining = length;
    else c->rstate = R_BODY_CLOSE, c->close_after = 1;
}

/* Feeds response bytes to the parser; returns the number consumed (stops at the response's end). */
static size_t feed(conn_t *c, const char *p, size_t n) {
    size_t k = 0;
    while (k < n && c->rstate != R_DONE) {
        switch (c->rstate) {
        case R_HEAD: {
            /* Copy up to the end of the header block (CRLF CRLF), byte by byte across reads. */
            while (k < n) {
                if (c->head_len >= sizeof(c->head) - 1) return (size_t)-1;
                char ch = p[k++];
                c->head[c->head_len++] = ch;
                if (ch == '\n' && c->head_len >= 4 && !memcmp(c->head + c->head_len - 4, "\r\n\r\n", 4)) {
                    parse_head(c);
                    break;
                }
            }
            break;
        }
        case R_BODY_LEN: {
            size_t take = (size_t)c->remaining < n - k ? (size_t)c->remaining : n - k;
            k += take;
            c->remaining -= (long long)take;
            if (c->remaining == 0) c->rstate = R_DONE;
            break;
        }
        case R_BODY_CLOSE:
            k = n; /* body ends when the server closes */
            break;
        case R_CHUNK_SIZE:
        case R_TRAILER: {
            char ch = p[k++];
            if (ch != '\n') {
                if (c->line_len < (int)sizeof(c->line) - 1) c->line[c->line_len++] = ch;
                break;
            }
            c->line[c->line_len] = 0;
            int empty = c->line_len == 0 || (c->line_len == 1 && c->line[0] == '\r');
            c->line_len = 0;
            if (c->rstate == R_TRAILER) {
                if (empty) c->rstate = R_DONE;
            } else {
                c->remaining = strtoll(c->line, NULL, 16);
                c->rstate = c->remaining > 0 ? R_CHUNK_DATA : R_TRAILER;
            }
            break;
        }
        case R_CHUNK_DATA: {
            size_t take = (size_t)c->remaining < n - k ? (size_t)c->remaining : n - k;
            k += take;
            c->remaining -= (long long)take;
            if (c->remaining == 0) c->rstate = R_CHUNK_CRLF;
            break;
        }
        case R_CHUNK_CRLF:
            if (p[k++] == '\n') c->rstate = R_CHUNK_SIZE;
            break;
        }
    }
    return k;
}

static void finish_response(conn_t *c, int64_t now) {
    record(c->job.i, c->status, now);
    c->used++;
    if (c->close_after) conn_close(c);
    else c->state = IDLE;
}

static void on_readable(conn_t *c) {
    char buf[65536];
    for (;;) {
        ssize_t r = recv(c->fd, buf, sizeof(buf), 0);
        if (r > 0) {
            if (c->state != BUSY) { /* bytes nobody asked for: drop the connection */
                conn_close(c);
                return;
            }
            c->got += r;
            size_t used = feed(c, buf, (size_t)r);
            if (used == (size_t)-1) {
                fail_request(c, now_ns(), 0);
                return;
            }
            if (c->rstate == R_DONE) {
                if (used < (size_t)r) { /* more than one response: not ours to read */
                    c->close_after = 1;
                }
                finish_response(c, now_ns());
                return; /* an idle connection's next event (EOF) arrives as a new edge */
            }
        } else if (r == 0) {
            if (c->state == BUSY && c->rstate == R_BODY_CLOSE) {
                c->close_after = 1;
                finish_response(c, now_ns());
            } else if (c->state == BUSY) {
                fail_request(c, now_ns(), 0);
            } else {
                conn_close(c); /* the server closed an idle kept-alive connection */
            }
            return;
        } else {
            if (errno == EAGAIN) return;
            if (errno == EINTR) continue;
            if (c->state == BUSY) fail_request(c, now_ns(), 0);
            else conn_close(c);
            return;
        }
    }
}

/* ------------------------------------------------------------------ main loop */

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static double pct(const int64_t *sorted, long long n, double p) {
    if (n == 0) return 0;
    long long idx = (long long)ceil(p / 100.0 * (double)n) - 1; /* as LoadGen */
    if (idx < 0) idx = 0;
    if (idx >= n) idx = n - 1;
    return sorted[idx] / 1000.0;
}

int main(int argc, char **argv) {
    const char *tokens_file = NULL, *markets_file = NULL;
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i], *v = argv[i + 1];
        if (!strncmp(k, "--", 2)) k += 2;
        if (!strcmp(k, "name")) opt_name = v;
        else if (!strcmp(k, "method")) opt_method = v;
        else if (!strcmp(k, "url")) opt_url = v;
        else if (!strcmp(k, "body")) opt_body = *v ? v : NULL;
        else if (!strcmp(k, "rate")) opt_rate = atof(v);
        else if (!strcmp(k, "seconds")) opt_seconds = atoi(v);
        else if (!strcmp(k, "warmup")) opt_warmup = atoi(v);
        else if (!strcmp(k, "connections")) opt_connections = atoi(v);
        else if (!strcmp(k, "timeout")) opt_timeout = atoi(v);
        else if (!strcmp(k, "tokens")) tokens_file = v;
        else if (!strcmp(k, "markets")) markets_file = v;
        else if (!strcmp(k, "idempotency-keys")) opt_idempotency = !strcmp(v, "true");
        else die("unknown option --%s", k);
    }
    if (!opt_url) die("--url is required");
    if (opt_rate <= 0 || opt_seconds <= 0 || opt_warmup < 0 || opt_connections <= 0) die("bad rate/seconds/warmup/connections");
    parse_url(opt_url);
    seed_random((uint64_t)now_ns() ^ ((uint64_t)getpid() << 32));

    list_t tl = read_lines(tokens_file);
    n_users = tl.n;
    users = calloc(n_users ? n_users : 1, sizeof(user_t));
    for (int i = 0; i < tl.n; i++) { /* "user_id jwt" */
        char *sp = strchr(tl.items[i], ' ');
        users[i].user = tl.items[i];
        if (sp) *sp = 0, users[i].token = sp + 1;
    }
    list_t ml = read_lines(markets_file);
    n_markets = ml.n;
    markets = calloc(n_markets ? n_markets : 1, sizeof(market_t));
    for (int i = 0; i < ml.n; i++) { /* "market_id[,outcome_id...]" */
        market_t *m = &markets[i];
        m->id = ml.items[i];
        m->outcomes = malloc(sizeof(char *) * 16);
        for (char *comma = strchr(m->id, ','); comma && m->n_outcomes < 16; comma = strchr(comma + 1, ',')) {
            *comma = 0;
            m->outcomes[m->n_outcomes++] = comma + 1;
        }
    }

    interval_ns = 1e9 / opt_rate;
    warm_count = (long long)(opt_rate * opt_warmup);
    total_count = warm_count + (long long)(opt_rate * opt_seconds);
    long long measured = total_count - warm_count;
    latency_us = malloc(sizeof(int64_t) * (measured ? measured : 1));
    for (long long k = 0; k < measured; k++) latency_us[k] = -1;

    conns = calloc((size_t)opt_connections, sizeof(conn_t));
    for (int k = 0; k < opt_connections; k++) conns[k].fd = -1, conns[k].out = malloc(REQ_CAP);
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) die("epoll_create1: %s", strerror(errno));

    double cpu_start = cpu_ms();
    t0 = now_ns() + 10 * 1000000LL;
    int64_t measure_start = due_of(warm_count);
    int64_t schedule_end = due_of(total_count);
    int64_t deadline = schedule_end + (int64_t)opt_timeout * NS; /* the last requests get the timeout to answer */
    int64_t timeout_ns = (int64_t)opt_timeout * NS, connect_timeout_ns = 5 * NS;
    long long next_i = 0, outstanding = 0; /* outstanding: due, not finished (queue or in flight) */
    int64_t next_sweep = 0;
    double cpu_measure_start = -1, cpu_measure_end = -1;
    struct epoll_event events[256];
    int use_pwait2 = 1;

    for (;;) {
        int64_t now = now_ns();
        if (cpu_measure_start < 0 && now >= measure_start) cpu_measure_start = cpu_ms();
        if (cpu_measure_end < 0 && now >= schedule_end) cpu_measure_end = cpu_ms();
        /* Requests that have come due join the queue. */
        while (next_i < total_count && due_of(next_i) <= now) {
            int64_t lag = now - due_of(next_i);
            if (next_i >= warm_count && lag > max_send_lag_ns) max_send_lag_ns = lag;
            q_push_back((job_t){next_i, 0});
            next_i++;
        }
        if (q_len > max_queue) max_queue = q_len;
        /* Send what is queued on idle connections; open more while all are busy, up to the cap. */
        int connecting = 0;
        for (int k = 0; k < opt_connections; k++) connecting += conns[k].state == CONNECTING;
        for (int k = 0; k < opt_connections && q_len > 0; k++)
            if (conns[k].state == IDLE) start_request(&conns[k], q_pop(), now);
        for (int k = 0; k < opt_connections && q_len > connecting && now >= connect_pause_until &&
                        !(connect_failing && connecting > 0);
             k++)
            if (conns[k].state == FREE) {
                if (conn_open(&conns[k]) == 0) connecting++;
                else break;
            }
        /* Timeouts (checked every 100 ms): a request in flight too long, a connect that hangs. */
        if (now >= next_sweep) {
            next_sweep = now + 100 * 1000000LL;
            for (int k = 0; k < opt_connections; k++) {
                conn_t *c = &conns[k];
                if (c->state == BUSY && now - c->sent_at > timeout_ns) {
                    fail_request(c, now, 1);
                } else if (c->state == CONNECTING && now - c->sent_at > connect_timeout_ns) {
                    connect_errors++;
                    conn_close(c);
                }
            }
        }
        /* Done when everything scheduled is answered, or at the deadline. */
        outstanding = q_len;
        for (int k = 0; k < opt_connections; k++) outstanding += conns[k].state == BUSY;
        if (next_i >= total_count && outstanding == 0) break;
        if (now >= deadline) break;

        int64_t wake = next_i < total_count ? due_of(next_i) : now + 100 * 1000000LL;
        if (wake > next_sweep) wake = next_sweep;
        if (q_len > connecting && connect_pause_until > now && wake > connect_pause_until) wake = connect_pause_until;
        int64_t wait = wake - now;
        if (wait < 0) wait = 0;
        int n;
        if (use_pwait2) {
            struct timespec ts = {.tv_sec = wait / NS, .tv_nsec = wait % NS};
            n = epoll_pwait2(epfd, events, 256, &ts, NULL);
            if (n < 0 && errno == ENOSYS) use_pwait2 = 0, n = 0;
        } else {
            n = epoll_wait(epfd, events, 256, (int)((wait + 999999) / 1000000));
        }
        if (n < 0 && errno != EINTR) die("epoll: %s", strerror(errno));
        for (int e = 0; e < n; e++) {
            conn_t *c = events[e].data.ptr;
            uint32_t ev = events[e].events;
            if (c->state == FREE) continue;
            if (c->state == CONNECTING) {
                int err = 0;
                socklen_t len = sizeof(err);
                getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err || (ev & (EPOLLERR | EPOLLHUP))) {
                    connect_errors++;
                    connect_pause_until = now_ns() + CONNECT_PAUSE_NS, connect_failing = 1;
                    conn_close(c);
                    continue;
                }
                if (!(ev & EPOLLOUT)) continue;
                c->state = IDLE;
                connect_failing = 0;
                if (q_len > 0) start_request(c, q_pop(), now_ns());
                continue;
            }
            if (c->state == BUSY && (ev & EPOLLOUT) && c->out_off < c->out_len) try_write(c);
            if (c->state != FREE && (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) on_readable(c);
        }
    }
    int64_t end = now_ns();
    if (cpu_measure_start < 0) cpu_measure_start = cpu_ms();
    if (cpu_measure_end < 0) cpu_measure_end = cpu_ms();

    /* Measured requests never answered (deadline): errors, with their age as latency. */
    long long unanswered = 0;
    for (long long k = 0; k < measured; k++)
        if (latency_us[k] < 0) {
            int64_t due = due_of(warm_count + k);
            latency_us[k] = (end > due ? end - due : 0) / 1000;
            statuses[0]++;
            error_count++;
            unanswered++;
        }
    qsort(latency_us, (size_t)measured, sizeof(int64_t), cmp_i64);
    int64_t stop = finished_measured > 0 && !unanswered ? last_measured_done : end;
    double seconds = (double)(stop - measure_start) / 1e9;
    if (seconds < opt_seconds) seconds = opt_seconds; /* the window is the schedule, at least */
    double total_cpu = cpu_ms() - cpu_start;

    char st[4096];
    size_t sp = 0;
    st[sp++] = '{';
    for (int s = 0; s < 600; s++)
        if (statuses[s]) sp += (size_t)snprintf(st + sp, sizeof(st) - sp, "%s%d=%lld", sp > 1 ? ", " : "", s, statuses[s]);
    snprintf(st + sp, sizeof(st) - sp, "}");
    printf("{\"name\":\"%s\",\"mode\":\"open\",\"tool\":\"openloop\",\"target_rate\":%.0f,\"requests\":%lld,\"ok\":%lld,"
           "\"errors\":%lld,\"statuses\":\"%s\",\"seconds\":%.1f,\"throughput\":%.1f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,"
           "\"p99_ms\":%.2f,\"max_ms\":%.2f,\"timeouts\":%lld,\"connection_errors\":%lld,\"connect_errors\":%lld,\"unanswered\":%lld,"
           "\"resent\":%lld,\"connects\":%lld,\"max_connections\":%lld,\"max_queued\":%lld,\"max_send_lag_ms\":%.2f,"
           "\"cpu_ms\":%.0f,\"cpu_ms_measured\":%.0f,\"cpu_pct_measured\":%.1f}\n",
           opt_name, opt_rate, measured, ok_count, error_count, st, seconds, ok_count / seconds, pct(latency_us, measured, 50),
           pct(latency_us, measured, 95), pct(latency_us, measured, 99),
           measured ? latency_us[measured - 1] / 1000.0 : 0.0, timeouts, conn_errors, connect_errors, unanswered, retries_done, connects,
           max_open, max_queue, max_send_lag_ns / 1e6, total_cpu, cpu_measure_end - cpu_measure_start,
           100.0 * (cpu_measure_end - cpu_measure_start) / (opt_seconds * 1e3));
    return 0;
}
