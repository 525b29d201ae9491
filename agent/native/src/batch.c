// Hot path: libpcap's callback copies each packet into the preallocated batch (no allocation);
// JS is called once per batch, never per packet. Live handles sleep in a uv_poll on pcap's
// selectable fd, which TPACKET_V3 makes readable once a ring block is full or its timeout ends.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nta_pcap.h"

enum { PUMP_IDLE = 0, PUMP_EOF = 1, PUMP_STOPPED = 2, PUMP_ERROR = -1 };

static void on_packet(u_char *user, const struct pcap_pkthdr *hdr, const u_char *bytes) {
  nta_handle *h = (nta_handle *)user;
  uint32_t i = h->count;
  if (i >= h->max_packets) {
    h->clipped++;
    return;
  }
  size_t caplen = hdr->caplen;
  size_t room = h->data_cap - h->used;
  if (caplen > room) {
    caplen = room;
    h->clipped++;
  }
  memcpy(h->data + h->used, bytes, caplen);
  h->offsets[i] = (uint32_t)h->used;
  h->caplens[i] = (uint32_t)caplen;
  h->orig_lens[i] = hdr->len;
  // Files store both fields as unsigned 32-bit, which libpcap sign-extends: past 2038 (or with
  // an invalid microsecond field) that reads as negative, so undo it.
  double sec = (double)hdr->ts.tv_sec, usec = (double)hdr->ts.tv_usec;
  if (sec < 0) sec += 4294967296.0;
  if (usec < 0) usec += 4294967296.0;
  h->ts_ms[i] = sec * 1000.0 + usec / 1000.0;
  h->used += caplen;
  h->count = i + 1;
}

// A throwing JS callback becomes an uncaught exception, as it would from any Node event.
static void call_js(nta_handle *h, napi_value recv, napi_value fn, size_t argc, napi_value *argv) {
  napi_env env = h->env;
  if (napi_make_callback(env, h->async, recv, fn, argc, argv, NULL) == napi_pending_exception) {
    napi_value error;
    napi_get_and_clear_last_exception(env, &error);
    napi_fatal_exception(env, error);
  }
}

static void deliver(nta_handle *h) {
  napi_env env = h->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self = NULL, fn = NULL, count;
  napi_get_reference_value(env, h->self, &self);
  napi_get_reference_value(env, h->on_batch, &fn);
  napi_create_uint32(env, h->count, &count);
  if (self != NULL && fn != NULL) call_js(h, self, fn, 1, &count);
  h->count = 0;
  h->used = 0;
  napi_close_handle_scope(env, scope);
}

// Ends the capture (end of file or a pcap error): closes, then tells JS once.
static void finish(nta_handle *h, const char *code, const char *message) {
  napi_env env = h->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self = NULL, fn = NULL, arg;
  napi_get_reference_value(env, h->self, &self);
  napi_get_reference_value(env, h->on_end, &fn);
  if (message != NULL) {
    arg = nta_make_error(env, code, message);
  } else {
    napi_get_null(env, &arg);
  }
  nta_close(h);
  if (self != NULL && fn != NULL) call_js(h, self, fn, 1, &arg);
  napi_close_handle_scope(env, scope);
}

// Fills and delivers up to `max_batches` batches. Each pcap_dispatch asks for no more packets
// than fit at the snap length, so a packet is never cut for lack of room.
static int pump(nta_handle *h, int max_batches, char *err, size_t err_size) {
  size_t slot = (size_t)h->snap_length;
  if (slot == 0 || slot > h->data_cap) slot = h->data_cap;
  int delivered = 0;
  for (;;) {
    size_t cnt = (h->data_cap - h->used) / slot;
    if (cnt > h->max_packets - h->count) cnt = h->max_packets - h->count;
    int n = 0;
    if (cnt > 0) {
      n = pcap_dispatch(h->pcap, (int)cnt, on_packet, (u_char *)h);
      if (n == PCAP_ERROR) {
        snprintf(err, err_size, "%s", pcap_geterr(h->pcap));
        if (h->count > 0) deliver(h);
        return h->closed ? PUMP_STOPPED : PUMP_ERROR;
      }
      if (n < 0) n = 0;
    }
    int full = h->count == h->max_packets || h->data_cap - h->used < slot;
    if (!full && n > 0) continue;
    if (h->count > 0) {
      deliver(h);
      if (h->closed || !h->running) return PUMP_STOPPED;
      delivered++;
    }
    // Nothing more ready now (live) or the end of the file (offline: 0 only at EOF).
    if (!full) return h->offline ? PUMP_EOF : PUMP_IDLE;
    if (delivered >= max_batches) return PUMP_IDLE;
  }
}

static void on_poll(uv_poll_t *poll, int status, int events) {
  nta_handle *h = (nta_handle *)poll->data;
  char err[PCAP_ERRBUF_SIZE];
  int result = pump(h, NTA_BATCHES_PER_WAKEUP, err, sizeof err);
  if (result == PUMP_ERROR) {
    finish(h, "CAPTURE_FAILED", err);
  } else if (status < 0 && result != PUMP_STOPPED) {
    // libuv reports the socket's POLLERR as EBADF and stops polling; libpcap, asked above,
    // usually names the real cause (e.g. the interface went away).
    finish(h, "CAPTURE_FAILED", uv_strerror(status));
  }
}

static void on_idle(uv_idle_t *idle) {
  nta_handle *h = (nta_handle *)idle->data;
  char err[PCAP_ERRBUF_SIZE];
  int result = pump(h, 1, err, sizeof err);
  if (result == PUMP_EOF) finish(h, NULL, NULL);
  if (result == PUMP_ERROR) finish(h, "READ_FAILED", err);
}

static void on_uv_closed(uv_handle_t *handle) {
  nta_uv *uv = (nta_uv *)handle;
  if (uv->hook != NULL) napi_remove_async_cleanup_hook(uv->hook);
  free(uv);
}

static int begin(nta_handle *h, nta_uv *uv) {
  uv->u.handle.data = h;
  uv->hook = NULL;
  h->uv = uv;
  h->running = 1;
  napi_reference_ref(h->env, h->self, NULL);
  return 0;
}

int nta_start_live(nta_handle *h) {
  uv_loop_t *loop;
  if (napi_get_uv_event_loop(h->env, &loop) != napi_ok) return UV_EINVAL;
  int fd = pcap_get_selectable_fd(h->pcap);
  if (fd < 0) return UV_EBADF;
  nta_uv *uv = calloc(1, sizeof *uv);
  if (uv == NULL) return UV_ENOMEM;
  int rc = uv_poll_init(loop, &uv->u.poll, fd);
  if (rc != 0) {
    free(uv);
    return rc;
  }
  begin(h, uv);
  rc = uv_poll_start(&uv->u.poll, UV_READABLE, on_poll);
  if (rc != 0) nta_stop(h, NULL);
  return rc;
}

int nta_start_offline(nta_handle *h) {
  uv_loop_t *loop;
  if (napi_get_uv_event_loop(h->env, &loop) != napi_ok) return UV_EINVAL;
  nta_uv *uv = calloc(1, sizeof *uv);
  if (uv == NULL) return UV_ENOMEM;
  uv_idle_init(loop, &uv->u.idle);
  begin(h, uv);
  return uv_idle_start(&uv->u.idle, on_idle);
}

// Safe from JS, from inside a batch callback and from the environment's teardown; `hook`, when
// given, is released once libuv has really closed the handle.
void nta_stop(nta_handle *h, napi_async_cleanup_hook_handle hook) {
  nta_uv *uv = h->uv;
  if (uv != NULL) {
    h->uv = NULL;
    // uv_poll_stop also removes the fd from epoll, so pcap_close may close the fd right after.
    if (h->offline) {
      uv_idle_stop(&uv->u.idle);
    } else {
      uv_poll_stop(&uv->u.poll);
    }
    uv->hook = hook;
    uv_close(&uv->u.handle, on_uv_closed);
  } else if (hook != NULL) {
    napi_remove_async_cleanup_hook(hook);
  }
  if (h->running) {
    h->running = 0;
    napi_reference_unref(h->env, h->self, NULL);
  }
}
