// An open-loop HTTP/1.1 load generator for `npm run chaos -- --case overload`: requests start on
// a clock at a fixed rate whatever the answers do, on keep-alive connections opened as needed.
// Native so that it can run on a core of its own without a garbage collector or an event loop of
// its own to fall behind (a generator in Node on the server's cores slows with the server and
// flatters it). Latency is measured from the moment a request was due, not from when a
// connection was free to send it, so waiting for a connection counts (no coordinated omission).
//
//   open-loop <host> <port> <rate/s, 0 = closed loop> <seconds> <max-connections> <timeout-ms>
//             <paths-file>
//
// Loopback only: the host must be an IPv4 address in 127.0.0.0/8. <paths-file> holds one request
// path per line, used round robin. Prints one JSON object on stdout:
//   {"due":N,"sent":N,"status":{"200":N,"503":N,...},"shedWithoutRetryAfter":N,
//    "latencyMs":{"200":{"p50":x,"p99":x,"max":x},"503":{...}},"timeouts":N,"errors":N,
//    "unsent":N,"connections":N,"preconnected":N,"resent":N,"unsolicited":N}
// All <max-connections> are opened before the clock starts ("preconnected": how many were ready).
// "resent": requests sent again, once, because a reused connection closed before any byte of
// an answer (the keep-alive race every HTTP client retries; the server never saw them).
// "unsolicited": answers to no request (the server's 408 to a connection idle since it opened).
// A rate of 0 makes it a closed loop (a new request whenever a connection is free, latency from
// sending), for measuring capacity.
// "unsent": requests that waited past their timeout for a free connection (counted as timeouts
// too). Requests due before the clock stops are all sent and awaited, each up to its timeout.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_PATHS 4096
#define BUF 65536

typedef struct {
  int fd;
  int busy;       // a request is outstanding
  int reused;     // it has answered a request before
  int resend;     // the outstanding request is a resend
  int connected;  // the connect completed
  double due;     // when the outstanding request was due (ms)
  size_t len;     // bytes buffered from the answer
  char buf[BUF];
} conn_t;

static char *paths[MAX_PATHS];
static int npaths;
static struct sockaddr_in addr;
static char host_header[64];

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// Latencies per status class we report (200 and 503), and counts for every status.
#define MAX_SAMPLES 4000000
static float *lat200, *lat503;
static long n200, n503;
static long status_count[600];
static long shed_without_retry_after, timeouts, errors, unsent, sent, due_total, opened;

// Requests due but without a free connection yet: their due times, oldest first.
static double *backlog;
static long bl_head, bl_tail;
// Requests sent again because a reused connection closed before answering (keep-alive race).
static long resent;
// Answers to no request (a server's 408 on a connection idle since it opened).
static long unsolicited;

// Connected connections with nothing outstanding, ready to send: a ring, used oldest first, so
// that every connection carries requests (none sits idle into the server's timeouts).
static conn_t **idle;
static int idle_head, nidle, idle_cap, nconnecting, nopen;

static void idle_push(conn_t *c) { idle[(idle_head + nidle++) % idle_cap] = c; }

static conn_t *idle_pop(void) {
  conn_t *c = idle[idle_head];
  idle_head = (idle_head + 1) % idle_cap;
  nidle--;
  return c;
}

static void idle_remove(conn_t *c) {
  for (int i = 0; i < nidle; i++)
    if (idle[(idle_head + i) % idle_cap] == c) {
      for (int j = i; j < nidle - 1; j++)
        idle[(idle_head + j) % idle_cap] = idle[(idle_head + j + 1) % idle_cap];
      nidle--;
      return;
    }
}
// After a failed connect, one connect at a time, 10 ms apart, until one succeeds: a refusing
// server is not hammered.
static double connect_backoff_until;
static int connect_failing;

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return (x > y) - (x < y);
}

static void print_latency(const char *name, float *v, long n, int comma) {
  if (n == 0) {
    printf("\"%s\":null%s", name, comma ? "," : "");
    return;
  }
  qsort(v, n, sizeof(float), cmp_float);
  long i50 = (long)(0.50 * (n - 1)), i99 = (long)(0.99 * (n - 1));
  printf("\"%s\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f}%s", name, v[i50], v[i99], v[n - 1],
         comma ? "," : "");
}

static int open_conn(int ep, conn_t *c) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  int r = connect(fd, (struct sockaddr *)&addr, sizeof addr);
  if (r < 0 && errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  c->fd = fd;
  c->busy = 0;
  c->reused = 0;
  c->connected = 0;
  c->len = 0;
  // Connected or not, the first EPOLLOUT says the connect finished (or failed).
  struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP, .data.ptr = c};
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  opened++;
  nopen++;
  nconnecting++;
  return 0;
}

static void close_conn(conn_t *c) {
  if (c->fd < 0) return;
  close(c->fd);
  nopen--;
  if (!c->connected) nconnecting--;
  else if (!c->busy)
    idle_remove(c);
  c->fd = -1;
  c->busy = 0;
  c->connected = 0;
  c->len = 0;
}

static void record(int status, int retry_after, double ms) {
  if (status >= 100 && status < 600) status_count[status]++;
  if (status == 200 && n200 < MAX_SAMPLES) lat200[n200++] = (float)ms;
  if (status == 503) {
    if (n503 < MAX_SAMPLES) lat503[n503++] = (float)ms;
    if (!retry_after) shed_without_retry_after++;
  }
}

// A resend is kept in the backlog as its due time negated.
static double due_of(double entry) { return entry < 0 ? -entry : entry; }

static int send_request(conn_t *c, double entry) {
  static long next_path;
  char req[2048];
  const char *p = paths[next_path++ % npaths];
  int n = snprintf(req, sizeof req,
                   "GET %s HTTP/1.1\r\nHost: %s\r\nAccept: application/json\r\n\r\n", p,
                   host_header);
  ssize_t w = send(c->fd, req, (size_t)n, MSG_NOSIGNAL);
  if (w != n) return -1;  // a fresh or idle socket takes a small request whole, or is broken
  c->busy = 1;
  c->due = due_of(entry);
  c->resend = entry < 0;
  c->len = 0;
  sent++;
  return 0;
}

// Parses a complete answer in c->buf if there is one. Returns 1 when one was consumed (with
// *close_after set when the server asked to close), 0 when more bytes are needed, -1 on garbage.
static int parse_answer(conn_t *c, int *status, int *retry_after, int *close_after) {
  c->buf[c->len < BUF ? c->len : BUF - 1] = 0;
  char *end = strstr(c->buf, "\r\n\r\n");
  if (!end) return c->len >= BUF - 1 ? -1 : 0;
  if (strncmp(c->buf, "HTTP/1.1 ", 9) != 0) return -1;
  *status = atoi(c->buf + 9);
  long length = -1;
  *retry_after = 0;
  *close_after = 0;
  for (char *line = strstr(c->buf, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2) {
    if (strncasecmp(line, "content-length:", 15) == 0) length = atol(line + 15);
    else if (strncasecmp(line, "retry-after:", 12) == 0) *retry_after = 1;
    else if (strncasecmp(line, "connection:", 11) == 0 && strcasestr(line, "close") &&
             strcasestr(line, "close") < strstr(line, "\r\n"))
      *close_after = 1;
    else if (strncasecmp(line, "transfer-encoding:", 18) == 0) return -1;  // not sent by us
  }
  // Without a length only an answer that closes the connection ends (Node's bare 408): its
  // headers are enough here.
  if (length < 0 && !*close_after) return -1;
  if (length < 0) length = 0;
  size_t total = (size_t)(end + 4 - c->buf) + (size_t)length;
  if (total >= BUF) return -1;
  if (c->len < total) return 0;
  memmove(c->buf, c->buf + total, c->len - total);
  c->len -= total;
  return 1;
}

// Puts the connection's request back at the head of the queue, once, and closes the connection:
// sent again as HTTP clients do for a GET, its wait still counted from when it was first due.
static void resend_outstanding(conn_t *c) {
  resent++;
  backlog[--bl_head] = -c->due;
  close_conn(c);  // still busy: not in the idle stack
}

// One readiness event on a connection: finishes a connect, reads and records answers.
static void on_event(int ep, conn_t *c, unsigned events, double now) {
  if (c->fd < 0) return;
  if (!c->connected && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
    int err = 0;
    socklen_t len = sizeof err;
    getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err || (events & (EPOLLERR | EPOLLHUP))) {
      errors++;
      connect_backoff_until = now + 10;
      connect_failing = 1;
      close_conn(c);
      return;
    }
    c->connected = 1;
    connect_failing = 0;
    nconnecting--;
    idle_push(c);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
  }
  if (!(events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) || !c->connected) return;
  ssize_t r = read(c->fd, c->buf + c->len, BUF - 1 - c->len);
  if (r <= 0) {
    if (r < 0 && errno == EAGAIN) return;
    if (c->busy && c->len == 0 && c->reused && !c->resend) {
      // The server closed a connection that had been idle as the request went out (its
      // keep-alive timeout): it never saw the request.
      resend_outstanding(c);
      return;
    }
    if (c->busy) errors++;  // dropped with a request outstanding
    close_conn(c);
    return;
  }
  c->len += (size_t)r;
  int status, retry_after, close_after;
  int got = parse_answer(c, &status, &retry_after, &close_after);
  if (got == 0) return;
  if (got == 1 && !c->busy) {
    // An answer to no request: the server's 408 to a connection idle since it opened (its
    // headers timeout), before it closes it. Not an error of a request.
    unsolicited++;
    close_conn(c);
    return;
  }
  if (got < 0) {
    errors++;
    close_conn(c);
    return;
  }
  if (status == 408 && close_after && !c->resend) {
    // The server's headers timeout fired on this idle connection as the request went out: it
    // timed the connection out, not the request (one write of a GET's headers). Sent again.
    resend_outstanding(c);
    return;
  }
  record(status, retry_after, now - c->due);
  c->busy = 0;
  c->reused = 1;
  if (close_after) close_conn(c);
  else idle_push(c);
}

// Closes connections whose request is older than the timeout; returns how many are outstanding.
static int expire(conn_t *conns, int max_conns, double now, double timeout_ms) {
  int outstanding = 0;
  for (int i = 0; i < max_conns; i++) {
    conn_t *c = &conns[i];
    if (c->fd < 0 || !c->busy) continue;
    if (now - c->due > timeout_ms) {
      timeouts++;
      close_conn(c);
    } else
      outstanding++;
  }
  return outstanding;
}

int main(int argc, char **argv) {
  if (argc != 8) {
    fprintf(stderr, "usage: %s host port rate seconds max-connections timeout-ms paths-file\n",
            argv[0]);
    return 2;
  }
  if (inet_pton(AF_INET, argv[1], &addr.sin_addr) != 1 ||
      (ntohl(addr.sin_addr.s_addr) >> 24) != 127) {
    fprintf(stderr, "open-loop: %s is not a loopback IPv4 address\n", argv[1]);
    return 2;
  }
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)atoi(argv[2]));
  snprintf(host_header, sizeof host_header, "%s:%s", argv[1], argv[2]);
  double rate = atof(argv[3]), seconds = atof(argv[4]);
  int max_conns = atoi(argv[5]);
  double timeout_ms = atof(argv[6]);
  if (rate < 0 || rate > 200000 || seconds <= 0 || seconds > 120 || max_conns <= 0 ||
      max_conns > 20000 || timeout_ms <= 0 || timeout_ms > 60000) {
    fprintf(stderr,
            "open-loop: 0 <= rate <= 200000, 0 < seconds <= 120, 0 < max-connections <= 20000, "
            "0 < timeout-ms <= 60000\n");
    return 2;
  }
  int closed = rate == 0;
  FILE *f = fopen(argv[7], "r");
  if (!f) {
    perror("open-loop: paths-file");
    return 2;
  }
  char line[1024];
  while (npaths < MAX_PATHS && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    if (line[0] == '/') paths[npaths++] = strdup(line);
  }
  fclose(f);
  if (npaths == 0) {
    fprintf(stderr, "open-loop: no paths\n");
    return 2;
  }
  lat200 = malloc(sizeof(float) * MAX_SAMPLES);
  lat503 = malloc(sizeof(float) * MAX_SAMPLES);
  conn_t *conns = calloc((size_t)max_conns, sizeof(conn_t));
  idle = calloc((size_t)max_conns, sizeof(conn_t *));
  idle_cap = max_conns;
  if (!lat200 || !lat503 || !conns || !idle) return 2;
  for (int i = 0; i < max_conns; i++) conns[i].fd = -1;
  // Room for every request of the run, plus one resend of each.
  // Room for every request due in the run, plus, below its head, one resend per connection
  // (resends go back in front). A closed loop empties it all the time and starts over.
  long slack = max_conns;
  long backlog_cap = slack + (closed ? 2L * max_conns : 2 * (long)(rate * seconds)) + 16;
  backlog = malloc(sizeof(double) * (size_t)backlog_cap);
  if (!backlog) return 2;
  bl_head = bl_tail = slack;

  int ep = epoll_create1(0);
  struct epoll_event events[512];
  // Every connection opened before the clock starts (as wrk does), up to 5 s: a request should
  // wait for the server, not for a TCP handshake (whose SYN retries take 1 s and 3 s when the
  // listen queue overflows). More are opened during the run only after the server closed some.
  for (int i = 0; i < max_conns; i++)
    if (open_conn(ep, &conns[i]) < 0) errors++;
  for (double until = now_ms() + 5000; nconnecting > 0 && now_ms() < until;) {
    int n = epoll_wait(ep, events, 512, 10);
    double after = now_ms();
    for (int k = 0; k < n; k++) on_event(ep, events[k].data.ptr, events[k].events, after);
  }
  long preconnected = nidle;
  double start = now_ms(), end = start + seconds * 1e3;
  // For a harness timing what follows the load (e.g. recovery): the clock starts now.
  fputs("open-loop: clock started\n", stderr);
  fflush(stderr);
  double interval = closed ? 0 : 1e3 / rate;
  double next_due = start, next_expiry = start;
  int free_slot = 0;

  // After the clock stops, requests already due are still sent and answers awaited, each until
  // its own timeout: they are load the server was given.
  for (;;) {
    double t = now_ms();
    // Counted afresh here: a count from before the last send would end the run under it.
    if (t >= end && bl_head == bl_tail && expire(conns, max_conns, t, timeout_ms) == 0) break;
    if (bl_head == bl_tail) bl_head = bl_tail = slack;
    while (!closed && next_due <= t && next_due < end) {  // due requests wait for a connection
      backlog[bl_tail++] = next_due;
      due_total++;
      next_due += interval;
    }
    while (closed && t < end && bl_tail - bl_head < nidle) {  // closed loop: one per free connection
      backlog[bl_tail++] = t;
      due_total++;
    }
    while (bl_head < bl_tail && t - due_of(backlog[bl_head]) > timeout_ms) {  // waited too long
      bl_head++;
      timeouts++;
      unsent++;
    }
    while (bl_head < bl_tail && nidle > 0) {  // send on idle connections
      conn_t *c = idle_pop();
      if (send_request(c, backlog[bl_head]) == 0) {
        bl_head++;
        continue;
      }
      // The server closed it while idle (keep-alive timeout): the request waits for another.
      c->busy = 1;  // not in the idle stack any more: close_conn must not look for it there
      close_conn(c);
    }
    // More connections while requests wait and fewer are being opened than wait.
    for (int tries = 0; bl_tail - bl_head > nconnecting && nopen < max_conns && tries < 64 &&
                       t >= connect_backoff_until && !(connect_failing && nconnecting > 0);
         tries++) {
      while (conns[free_slot].fd >= 0) free_slot = (free_slot + 1) % max_conns;
      if (open_conn(ep, &conns[free_slot]) < 0) {  // the request waits on, until its timeout
        errors++;
        connect_backoff_until = t + 10;
        connect_failing = 1;
      }
    }
    if (t >= next_expiry) {
      expire(conns, max_conns, t, timeout_ms);
      next_expiry = t + 10;
    }
    double wait = next_due - now_ms();
    int timeout = wait >= 1 ? (int)wait : (wait > 0 ? 1 : 0);
    if (timeout > 10) timeout = 10;
    int n = epoll_wait(ep, events, 512, timeout);
    double after = now_ms();
    for (int k = 0; k < n; k++) on_event(ep, events[k].data.ptr, events[k].events, after);
  }
  printf("{\"due\":%ld,\"sent\":%ld,\"status\":{", due_total, sent);
  int first = 1;
  for (int s = 100; s < 600; s++)
    if (status_count[s]) {
      printf("%s\"%d\":%ld", first ? "" : ",", s, status_count[s]);
      first = 0;
    }
  printf("},\"shedWithoutRetryAfter\":%ld,\"latencyMs\":{", shed_without_retry_after);
  print_latency("200", lat200, n200, 1);
  print_latency("503", lat503, n503, 0);
  printf("},\"timeouts\":%ld,\"errors\":%ld,\"unsent\":%ld,\"connections\":%ld,"
         "\"preconnected\":%ld,\"resent\":%ld,\"unsolicited\":%ld}\n",
         timeouts, errors, unsent, opened, preconnected, resent, unsolicited);
  return 0;
}
