// Shared state of one capture handle (live or file). One pcap_t, one preallocated batch that JS
// reads through typed arrays, one libuv handle that wakes the JS thread only when a batch is due.
#ifndef NTA_PCAP_H
#define NTA_PCAP_H

#include <node_api.h>
#include <pcap/pcap.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#define NTA_DEFAULT_BATCH_PACKETS 2048
#define NTA_MAX_BATCH_PACKETS 65536
#define NTA_MIN_BATCH_BYTES (1024 * 1024)
#define NTA_MAX_BATCH_BYTES (64 * 1024 * 1024)
// Batches handed to JS per wake-up before yielding to the event loop's other work.
#define NTA_BATCHES_PER_WAKEUP 16

// The libuv handle that wakes us: a poll on pcap's fd (live) or an idle (file, always ready).
typedef struct nta_uv {
  union {
    uv_handle_t handle;
    uv_idle_t idle;
    uv_poll_t poll;
  } u;
  // Set when the environment's teardown waits for this handle to close.
  napi_async_cleanup_hook_handle hook;
} nta_uv;

typedef struct nta_handle {
  napi_env env;
  pcap_t *pcap;
  int offline;
  int closed;
  int running;
  int link_type;
  int snap_length;
  // Set while running; freed by uv_close's callback, which may come after the handle is gone.
  struct nta_uv *uv;
  napi_async_cleanup_hook_handle cleanup;
  napi_ref self;
  napi_ref on_batch;
  napi_ref on_end;
  napi_ref data_ref;
  napi_ref meta_ref;
  napi_async_context async;
  // The batch: packet bytes back to back in `data`, one entry per packet in the arrays.
  uint8_t *data;
  size_t data_cap;
  size_t used;
  uint32_t *offsets;
  uint32_t *caplens;
  uint32_t *orig_lens;
  double *ts_ms;
  uint32_t max_packets;
  uint32_t count;
  // Packets cut short because the batch ran out of room (never with the default sizes).
  double clipped;
} nta_handle;

// batch.c
// Both return 0 or a libuv error code.
int nta_start_live(nta_handle *h);
int nta_start_offline(nta_handle *h);
void nta_stop(nta_handle *h, napi_async_cleanup_hook_handle hook);

// handle.c
napi_status nta_define_handle_class(napi_env env);
napi_value nta_new_handle(napi_env env, pcap_t *pcap, int offline, uint32_t batch_packets,
                          size_t batch_bytes);
// Stops, closes the pcap_t and drops the JS callbacks; 0 when it was already closed.
int nta_close(nta_handle *h);

// open.c
napi_value nta_open_live(napi_env env, napi_callback_info info);
napi_value nta_open_offline(napi_env env, napi_callback_info info);
napi_value nta_lib_version(napi_env env, napi_callback_info info);
int nta_apply_filter(pcap_t *pcap, const char *filter, char *message, size_t size);

// addon.c: throws an Error carrying `code`; always returns NULL for the caller to return.
napi_value nta_throw(napi_env env, const char *code, const char *message);
napi_value nta_make_error(napi_env env, const char *code, const char *message);

#endif
