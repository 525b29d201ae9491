// Bench traffic generator: sends a bounded burst of small Ethernet/IPv4 UDP+TCP frames over many
// flows through an AF_PACKET raw socket with sendmmsg, paced by batches, or as fast as it can.
// Only for the bench's own veth pair; it never sends more than --count frames or runs past
// --max-seconds.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAME 100
#define MIN_FRAME 64
#define MAX_BATCH 256

static const char *USAGE =
    "usage: pktgen --ifname IF --count K [--pps R (0 = max)] [--flows N] [--batch B]\n"
    "              [--max-seconds S]\n"
    "       pktgen --pcap FILE [--flows N]   (write the N frames as a pcap file and exit)\n";

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint16_t ip_checksum(const uint8_t *p, int len) {
  uint32_t sum = 0;
  for (int i = 0; i < len; i += 2) sum += (uint32_t)(p[i] << 8 | p[i + 1]);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t)~sum;
}

static void put16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = v & 0xff; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }

// Frame i of n: distinct addresses and ports per flow, 64-100 bytes, one in four TCP.
static int build_frame(uint8_t *f, unsigned i) {
  static const uint16_t udp_ports[] = {443, 123, 8125, 5001};
  static const uint16_t tcp_ports[] = {80, 443, 22, 8080};
  int len = MIN_FRAME + (int)(i * 7 % (MAX_FRAME - MIN_FRAME + 1));
  int tcp = (i % 4) == 3;
  memset(f, 0, MAX_FRAME);
  // Locally administered MACs that are not the receiver's: the receiving stack drops the frame
  // after the capture taps, so nothing answers and the capture sees only generated frames.
  const uint8_t dst[6] = {0x02, 0xbe, 0x0c, 0, 0, 2}, src[6] = {0x02, 0xbe, 0x0c, 0, 0, 1};
  memcpy(f, dst, 6);
  memcpy(f + 6, src, 6);
  put16(f + 12, ETHERTYPE_IP);
  uint8_t *ip = f + 14;
  int ip_len = len - 14;
  ip[0] = 0x45;
  put16(ip + 2, (uint16_t)ip_len);
  put16(ip + 4, (uint16_t)i);
  ip[8] = 64;
  ip[9] = tcp ? IPPROTO_TCP : IPPROTO_UDP;
  put32(ip + 12, 0x0a010000u | (i & 0xffff));                 // 10.1.x.y
  put32(ip + 16, 0x0a020000u | ((i * 2654435761u >> 16) & 0xffff)); // 10.2.x.y
  put16(ip + 10, ip_checksum(ip, 20));
  uint8_t *l4 = ip + 20;
  uint16_t sport = (uint16_t)(1024 + (i * 31) % 60000);
  put16(l4, sport);
  if (tcp) {
    put16(l4 + 2, tcp_ports[(i / 4) % 4]);
    put32(l4 + 4, i * 1000u);
    put32(l4 + 8, i * 7u);
    l4[12] = 5 << 4;
    l4[13] = (i % 16 == 3) ? 0x02 : 0x18; // SYN, or PSH|ACK
    put16(l4 + 14, 65535);
    for (int k = 20; k < ip_len - 20; k++) l4[k] = (uint8_t)('a' + (k + i) % 26);
  } else {
    put16(l4 + 2, udp_ports[i % 4]);
    put16(l4 + 4, (uint16_t)(ip_len - 20));
    for (int k = 8; k < ip_len - 20; k++) l4[k] = (uint8_t)(k + i);
  }
  return len;
}

static int write_pcap(const char *path, unsigned flows) {
  FILE *out = fopen(path, "wb");
  if (!out) { perror(path); return 1; }
  uint32_t hdr[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1};
  fwrite(hdr, sizeof hdr, 1, out);
  uint8_t f[MAX_FRAME];
  for (unsigned i = 0; i < flows; i++) {
    int len = build_frame(f, i);
    uint32_t rec[4] = {i / 1000000, i % 1000000, (uint32_t)len, (uint32_t)len};
    fwrite(rec, sizeof rec, 1, out);
    fwrite(f, (size_t)len, 1, out);
  }
  return fclose(out) == 0 ? 0 : 1;
}

static void sleep_until(double t) {
  double d = t - now_s();
  if (d <= 0) return;
  struct timespec ts = {(time_t)d, (long)((d - (double)(time_t)d) * 1e9)};
  nanosleep(&ts, NULL);
}

int main(int argc, char **argv) {
  const char *ifname = NULL, *pcap = NULL;
  unsigned long long count = 0;
  double pps = 0, max_seconds = 10;
  unsigned flows = 4096, batch = 64;
  for (int a = 1; a < argc; a++) {
    const char *v = a + 1 < argc ? argv[a + 1] : NULL;
    if (!v) { fputs(USAGE, stderr); return 2; }
    if (!strcmp(argv[a], "--ifname")) ifname = v;
    else if (!strcmp(argv[a], "--pcap")) pcap = v;
    else if (!strcmp(argv[a], "--count")) count = strtoull(v, NULL, 10);
    else if (!strcmp(argv[a], "--pps")) pps = atof(v);
    else if (!strcmp(argv[a], "--flows")) flows = (unsigned)atoi(v);
    else if (!strcmp(argv[a], "--batch")) batch = (unsigned)atoi(v);
    else if (!strcmp(argv[a], "--max-seconds")) max_seconds = atof(v);
    else { fputs(USAGE, stderr); return 2; }
    a++;
  }
  if (flows < 1 || flows > 1u << 20 || batch < 1 || batch > MAX_BATCH) {
    fputs("pktgen: --flows must be 1..1048576 and --batch 1..256\n", stderr);
    return 2;
  }
  if (pcap) return write_pcap(pcap, flows);
  if (!ifname || count == 0) { fputs(USAGE, stderr); return 2; }

  uint8_t (*frames)[MAX_FRAME] = malloc((size_t)flows * MAX_FRAME);
  int *lens = malloc(flows * sizeof(int));
  if (!frames || !lens) { fputs("pktgen: out of memory\n", stderr); return 1; }
  for (unsigned i = 0; i < flows; i++) lens[i] = build_frame(frames[i], i);

  // Protocol 0: this socket only sends, so it never copies the traffic it generates.
  int fd = socket(AF_PACKET, SOCK_RAW, 0);
  if (fd < 0) { perror("pktgen: socket(AF_PACKET)"); return 1; }
  struct sockaddr_ll sll = {.sll_family = AF_PACKET, .sll_ifindex = (int)if_nametoindex(ifname)};
  if (sll.sll_ifindex == 0) { fprintf(stderr, "pktgen: no interface %s\n", ifname); return 1; }
  if (bind(fd, (struct sockaddr *)&sll, sizeof sll) < 0) { perror("pktgen: bind"); return 1; }
  int one = 1, sndbuf = 4 << 20;
  setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof one);
  setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);

  static struct mmsghdr msgs[MAX_BATCH];
  static struct iovec iovs[MAX_BATCH];
  unsigned long long sent = 0, retries = 0;
  unsigned next = 0;
  double start = now_s(), deadline = start + max_seconds;
  while (sent < count) {
    unsigned n = count - sent < batch ? (unsigned)(count - sent) : batch;
    for (unsigned k = 0; k < n; k++) {
      unsigned f = (next + k) % flows;
      iovs[k].iov_base = frames[f];
      iovs[k].iov_len = (size_t)lens[f];
      memset(&msgs[k].msg_hdr, 0, sizeof msgs[k].msg_hdr);
      msgs[k].msg_hdr.msg_iov = &iovs[k];
      msgs[k].msg_hdr.msg_iovlen = 1;
    }
    int r = sendmmsg(fd, msgs, n, 0);
    if (r < 0) {
      if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR) { perror("pktgen: sendmmsg"); return 1; }
      retries++;
      sched_yield();
    } else {
      sent += (unsigned)r;
      next = (next + (unsigned)r) % flows;
    }
    if (pps > 0) sleep_until(start + (double)sent / pps);
    if (now_s() > deadline) break;
  }
  double elapsed = now_s() - start;
  printf("{\"sent\":%llu,\"elapsed\":%.6f,\"pps\":%.0f,\"retries\":%llu,\"timedOut\":%s}\n", sent,
         elapsed, elapsed > 0 ? (double)sent / elapsed : 0.0, retries, sent < count ? "true" : "false");
  return 0;
}
