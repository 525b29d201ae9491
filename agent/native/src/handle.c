// The JS handle object: batch views (data, offsets, caplens, origLens, tsMs) and the methods
// start, setFilter, stats, linkType, snapLength, close. Closing is idempotent and safe at any
// time, including inside a batch callback, after the end of a file and at garbage collection.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nta_pcap.h"

typedef struct {
  napi_ref constructor;
} nta_instance;

static nta_handle *unwrap(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv) {
  napi_value self;
  void *ptr = NULL;
  if (napi_get_cb_info(env, info, argc, argv, &self, NULL) != napi_ok) return NULL;
  if (napi_unwrap(env, self, &ptr) != napi_ok || ptr == NULL) {
    nta_throw(env, "INVALID_ARGUMENT", "not a pcap handle");
    return NULL;
  }
  return (nta_handle *)ptr;
}

static void delete_ref(napi_env env, napi_ref *ref) {
  if (*ref != NULL) {
    napi_delete_reference(env, *ref);
    *ref = NULL;
  }
}

int nta_close(nta_handle *h) {
  if (h->closed) return 0;
  h->closed = 1;
  nta_stop(h, NULL);
  pcap_close(h->pcap);
  h->pcap = NULL;
  // Dropping the callbacks now lets closures that reference this handle be collected.
  delete_ref(h->env, &h->on_batch);
  delete_ref(h->env, &h->on_end);
  if (h->cleanup != NULL) {
    napi_remove_async_cleanup_hook(h->cleanup);
    h->cleanup = NULL;
  }
  return 1;
}

// Environment teardown (process or worker exit) with the handle still open.
static void on_env_cleanup(napi_async_cleanup_hook_handle hook, void *arg) {
  nta_handle *h = (nta_handle *)arg;
  h->cleanup = NULL;
  if (h->closed) {
    napi_remove_async_cleanup_hook(hook);
    return;
  }
  h->closed = 1;
  nta_stop(h, hook);
  pcap_close(h->pcap);
  h->pcap = NULL;
}

static void finalize(napi_env env, void *data, void *hint) {
  nta_handle *h = (nta_handle *)data;
  nta_close(h);
  delete_ref(env, &h->self);
  delete_ref(env, &h->data_ref);
  delete_ref(env, &h->meta_ref);
  if (h->async != NULL) napi_async_destroy(env, h->async);
  free(h);
}

static napi_value js_start(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  nta_handle *h = unwrap(env, info, &argc, argv);
  if (h == NULL) return NULL;
  if (h->closed) return nta_throw(env, "CLOSED", "the capture handle is closed");
  if (h->running) return nta_throw(env, "INVALID_ARGUMENT", "the capture is already started");
  napi_valuetype t0 = napi_undefined, t1 = napi_undefined;
  if (argc >= 2) {
    napi_typeof(env, argv[0], &t0);
    napi_typeof(env, argv[1], &t1);
  }
  if (t0 != napi_function || t1 != napi_function) {
    return nta_throw(env, "INVALID_ARGUMENT", "start(onBatch, onEnd) needs two functions");
  }
  delete_ref(env, &h->on_batch);
  delete_ref(env, &h->on_end);
  napi_create_reference(env, argv[0], 1, &h->on_batch);
  napi_create_reference(env, argv[1], 1, &h->on_end);
  int rc = h->offline ? nta_start_offline(h) : nta_start_live(h);
  if (rc != 0) {
    char message[160];
    snprintf(message, sizeof message, "cannot watch the capture: %s", uv_strerror(rc));
    return nta_throw(env, "CAPTURE_FAILED", message);
  }
  return NULL;
}

static napi_value js_set_filter(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  nta_handle *h = unwrap(env, info, &argc, argv);
  if (h == NULL) return NULL;
  if (h->closed) return nta_throw(env, "CLOSED", "the capture handle is closed");
  char filter[4096] = "";
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  if (type == napi_string) {
    size_t length = 0;
    napi_get_value_string_utf8(env, argv[0], NULL, 0, &length);
    if (length >= sizeof filter) return nta_throw(env, "BAD_FILTER", "filter is too long");
    napi_get_value_string_utf8(env, argv[0], filter, sizeof filter, &length);
  } else if (type != napi_null && type != napi_undefined) {
    return nta_throw(env, "INVALID_ARGUMENT", "setFilter(filter) needs a string or null");
  }
  char message[PCAP_ERRBUF_SIZE + 4200];
  if (nta_apply_filter(h->pcap, filter, message, sizeof message) != 0) {
    return nta_throw(env, "BAD_FILTER", message);
  }
  return NULL;
}

static napi_value js_stats(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  nta_handle *h = unwrap(env, info, &argc, NULL);
  if (h == NULL) return NULL;
  if (h->closed) return nta_throw(env, "CLOSED", "the capture handle is closed");
  struct pcap_stat ps;
  if (pcap_stats(h->pcap, &ps) != 0) {
    return nta_throw(env, "STATS_UNAVAILABLE", pcap_geterr(h->pcap));
  }
  napi_value out, received, dropped, if_dropped, clipped;
  napi_create_object(env, &out);
  napi_create_double(env, ps.ps_recv, &received);
  napi_create_double(env, ps.ps_drop, &dropped);
  napi_create_double(env, ps.ps_ifdrop, &if_dropped);
  napi_create_double(env, h->clipped, &clipped);
  napi_set_named_property(env, out, "clipped", clipped);
  napi_set_named_property(env, out, "dropped", dropped);
  napi_set_named_property(env, out, "ifDropped", if_dropped);
  napi_set_named_property(env, out, "received", received);
  return out;
}

static napi_value js_link_type(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  nta_handle *h = unwrap(env, info, &argc, NULL);
  if (h == NULL) return NULL;
  napi_value out;
  napi_create_int32(env, h->link_type, &out);
  return out;
}

static napi_value js_snap_length(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  nta_handle *h = unwrap(env, info, &argc, NULL);
  if (h == NULL) return NULL;
  napi_value out;
  napi_create_int32(env, h->snap_length, &out);
  return out;
}

static napi_value js_close(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  nta_handle *h = unwrap(env, info, &argc, NULL);
  if (h == NULL) return NULL;
  napi_value out;
  napi_get_boolean(env, nta_close(h) != 0, &out);
  return out;
}

static napi_status typed_view(napi_env env, napi_typedarray_type type, size_t length,
                              napi_value buffer, size_t offset, napi_value *out) {
  return napi_create_typedarray(env, type, length, buffer, offset, out);
}

// Returning without an exception would hand JS an unwrapped object.
static napi_value construct_failed(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) nta_throw(env, "OPEN_FAILED", "cannot allocate the capture batch");
  return NULL;
}

// Called only by nta_new_handle with an external; JS cannot make one, so `new` from JS throws.
static napi_value construct(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], self;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  if (type != napi_external) {
    return nta_throw(env, "INVALID_ARGUMENT", "use openLive() or openOffline()");
  }
  void *ptr = NULL;
  napi_get_value_external(env, argv[0], &ptr);
  nta_handle *h = (nta_handle *)ptr;
  size_t n = h->max_packets;
  napi_value data, meta, ts, offsets, caplens, orig_lens, batch_packets;
  void *data_ptr = NULL, *meta_ptr = NULL;
  if (napi_create_arraybuffer(env, h->data_cap, &data_ptr, &data) != napi_ok ||
      napi_create_arraybuffer(env, n * 20, &meta_ptr, &meta) != napi_ok ||
      typed_view(env, napi_float64_array, n, meta, 0, &ts) != napi_ok ||
      typed_view(env, napi_uint32_array, n, meta, n * 8, &offsets) != napi_ok ||
      typed_view(env, napi_uint32_array, n, meta, n * 12, &caplens) != napi_ok ||
      typed_view(env, napi_uint32_array, n, meta, n * 16, &orig_lens) != napi_ok ||
      napi_create_uint32(env, h->max_packets, &batch_packets) != napi_ok) {
    return construct_failed(env);
  }
  napi_property_descriptor props[] = {
      {"batchPackets", NULL, NULL, NULL, NULL, batch_packets, napi_enumerable, NULL},
      {"caplens", NULL, NULL, NULL, NULL, caplens, napi_enumerable, NULL},
      {"data", NULL, NULL, NULL, NULL, data, napi_enumerable, NULL},
      {"offsets", NULL, NULL, NULL, NULL, offsets, napi_enumerable, NULL},
      {"origLens", NULL, NULL, NULL, NULL, orig_lens, napi_enumerable, NULL},
      {"tsMs", NULL, NULL, NULL, NULL, ts, napi_enumerable, NULL},
  };
  if (napi_define_properties(env, self, sizeof props / sizeof props[0], props) != napi_ok ||
      napi_wrap(env, self, h, finalize, NULL, NULL) != napi_ok) {
    return construct_failed(env);
  }
  // From here the finalizer owns `h` and its pcap_t.
  h->data = (uint8_t *)data_ptr;
  h->ts_ms = (double *)meta_ptr;
  h->offsets = (uint32_t *)((uint8_t *)meta_ptr + n * 8);
  h->caplens = (uint32_t *)((uint8_t *)meta_ptr + n * 12);
  h->orig_lens = (uint32_t *)((uint8_t *)meta_ptr + n * 16);
  napi_create_reference(env, data, 1, &h->data_ref);
  napi_create_reference(env, meta, 1, &h->meta_ref);
  napi_create_reference(env, self, 0, &h->self);
  napi_value name;
  napi_create_string_utf8(env, "NtaPcapCapture", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, NULL, name, &h->async);
  napi_add_async_cleanup_hook(env, on_env_cleanup, h, &h->cleanup);
  return self;
}

static void free_instance(napi_env env, void *data, void *hint) {
  nta_instance *instance = (nta_instance *)data;
  napi_delete_reference(env, instance->constructor);
  free(instance);
}

napi_status nta_define_handle_class(napi_env env) {
  napi_property_descriptor methods[] = {
      {"close", NULL, js_close, NULL, NULL, NULL, napi_default_method, NULL},
      {"linkType", NULL, js_link_type, NULL, NULL, NULL, napi_default_method, NULL},
      {"setFilter", NULL, js_set_filter, NULL, NULL, NULL, napi_default_method, NULL},
      {"snapLength", NULL, js_snap_length, NULL, NULL, NULL, napi_default_method, NULL},
      {"start", NULL, js_start, NULL, NULL, NULL, napi_default_method, NULL},
      {"stats", NULL, js_stats, NULL, NULL, NULL, napi_default_method, NULL},
  };
  napi_value ctor;
  napi_status status = napi_define_class(env, "PcapHandle", NAPI_AUTO_LENGTH, construct, NULL,
                                         sizeof methods / sizeof methods[0], methods, &ctor);
  if (status != napi_ok) return status;
  nta_instance *instance = calloc(1, sizeof *instance);
  if (instance == NULL) return napi_generic_failure;
  napi_create_reference(env, ctor, 1, &instance->constructor);
  return napi_set_instance_data(env, instance, free_instance, NULL);
}

// pcap_datalink() gives DLT_* values, which differ from the LINKTYPE_* numbers files and the
// decoder use for a few types (libpcap's own dlt_to_linktype is not exported).
static int linktype_of(int dlt) {
  switch (dlt) {
    case DLT_RAW:
      return 101;
    case DLT_ATM_RFC1483:
      return 100;
    case DLT_SLIP_BSDOS:
      return 102;
    case DLT_PPP_BSDOS:
      return 103;
    case DLT_ATM_CLIP:
      return 106;
    default:
      return dlt;
  }
}

napi_value nta_new_handle(napi_env env, pcap_t *pcap, int offline, uint32_t batch_packets,
                          size_t batch_bytes) {
  nta_handle *h = calloc(1, sizeof *h);
  if (h == NULL) {
    pcap_close(pcap);
    return nta_throw(env, "OPEN_FAILED", "out of memory");
  }
  h->env = env;
  h->pcap = pcap;
  h->offline = offline;
  h->link_type = linktype_of(pcap_datalink(pcap));
  h->snap_length = pcap_snapshot(pcap);
  h->max_packets = batch_packets;
  h->data_cap = batch_bytes;
  nta_instance *instance = NULL;
  napi_value ctor, external, out = NULL;
  napi_get_instance_data(env, (void **)&instance);
  if (instance != NULL && napi_get_reference_value(env, instance->constructor, &ctor) == napi_ok &&
      napi_create_external(env, h, NULL, NULL, &external) == napi_ok &&
      napi_new_instance(env, ctor, 1, &external, &out) == napi_ok && h->self != NULL) {
    return out;
  }
  // Not wrapped, so nothing else will free them.
  if (h->self == NULL) {
    pcap_close(pcap);
    free(h);
  }
  return NULL;
}
