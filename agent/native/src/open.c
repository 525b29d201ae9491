// openLive / openOffline: option parsing, pcap_create + pcap_activate (buffered TPACKET_V3 by
// default), the kernel filter, and one clear error per failure. A failed open frees everything
// before throwing, so no half-open handle is ever left for close or GC to trip over.
#include <stdio.h>
#include <string.h>

#include "nta_pcap.h"

#define DEFAULT_SNAPLEN 256
#define DEFAULT_BUFFER_BYTES (32 * 1024 * 1024)
#define DEFAULT_TIMEOUT_MS 50
#define MAX_SNAPLEN 262144
#define MAX_FILTER 4096
#define MAX_TEXT 4096

typedef struct {
  int ok;
  char message[256];
} parse_state;

static napi_value get_prop(napi_env env, napi_value obj, const char *name, napi_valuetype *type) {
  napi_value value = NULL;
  *type = napi_undefined;
  if (obj == NULL) return NULL;
  bool has = false;
  if (napi_has_named_property(env, obj, name, &has) != napi_ok || !has) return NULL;
  napi_get_named_property(env, obj, name, &value);
  napi_typeof(env, value, type);
  return value;
}

static uint32_t get_uint(napi_env env, napi_value obj, const char *name, uint32_t fallback,
                         uint32_t min, uint32_t max, parse_state *st) {
  napi_valuetype type;
  napi_value value = get_prop(env, obj, name, &type);
  if (type == napi_undefined || type == napi_null) return fallback;
  double number = -1;
  if (type == napi_number) napi_get_value_double(env, value, &number);
  if (number < min || number > max || number != (double)(uint32_t)number) {
    if (st->ok) {
      snprintf(st->message, sizeof st->message, "%s must be an integer from %u to %u", name, min,
               max);
    }
    st->ok = 0;
    return fallback;
  }
  return (uint32_t)number;
}

static int get_bool(napi_env env, napi_value obj, const char *name, int fallback,
                    parse_state *st) {
  napi_valuetype type;
  napi_value value = get_prop(env, obj, name, &type);
  if (type == napi_undefined || type == napi_null) return fallback;
  bool out = false;
  if (type != napi_boolean || napi_get_value_bool(env, value, &out) != napi_ok) {
    if (st->ok) snprintf(st->message, sizeof st->message, "%s must be true or false", name);
    st->ok = 0;
    return fallback;
  }
  return out ? 1 : 0;
}

// Copies a string option into `out`; returns 1 when set, 0 when absent or null.
static int get_text(napi_env env, napi_value obj, const char *name, char *out, size_t size,
                    parse_state *st) {
  napi_valuetype type;
  napi_value value = get_prop(env, obj, name, &type);
  out[0] = '\0';
  if (type == napi_undefined || type == napi_null) return 0;
  size_t length = 0;
  if (type == napi_string) napi_get_value_string_utf8(env, value, NULL, 0, &length);
  if (type != napi_string || length >= size) {
    if (st->ok) snprintf(st->message, sizeof st->message, "%s must be a string under %zu bytes", name, size);
    st->ok = 0;
    return 0;
  }
  napi_get_value_string_utf8(env, value, out, size, &length);
  return 1;
}

static size_t batch_bytes_for(uint32_t packets, int snap_length, uint32_t requested) {
  if (requested > 0) return requested < (uint32_t)snap_length ? (size_t)snap_length : requested;
  size_t bytes = (size_t)packets * (size_t)(snap_length > 0 ? snap_length : MAX_SNAPLEN);
  if (bytes < NTA_MIN_BATCH_BYTES) bytes = NTA_MIN_BATCH_BYTES;
  if (bytes > 16 * 1024 * 1024) bytes = 16 * 1024 * 1024;
  return bytes;
}

int nta_apply_filter(pcap_t *pcap, const char *filter, char *message, size_t size) {
  struct bpf_program program;
  if (pcap_compile(pcap, &program, filter, 1, PCAP_NETMASK_UNKNOWN) != 0) {
    snprintf(message, size, "bad filter \"%s\": %s", filter, pcap_geterr(pcap));
    return -1;
  }
  int rc = pcap_setfilter(pcap, &program);
  pcap_freecode(&program);
  if (rc != 0) {
    snprintf(message, size, "cannot set filter \"%s\": %s", filter, pcap_geterr(pcap));
    return -1;
  }
  return 0;
}

static napi_value throw_activate_error(napi_env env, pcap_t *pcap, const char *device, int rc) {
  char message[MAX_TEXT];
  const char *text = pcap_geterr(pcap);
  const char *code = "OPEN_FAILED";
  if (text == NULL || text[0] == '\0') text = pcap_statustostr(rc);
  if (rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED) {
    code = "PERMISSION_DENIED";
    snprintf(message, sizeof message,
             "capture on %s not permitted (%s): capturing needs CAP_NET_RAW and CAP_NET_ADMIN",
             device, text);
  } else if (rc == PCAP_ERROR_NO_SUCH_DEVICE) {
    code = "NO_SUCH_DEVICE";
    snprintf(message, sizeof message, "capture on %s: no such device (%s)", device, text);
  } else if (rc == PCAP_ERROR_IFACE_NOT_UP) {
    code = "INTERFACE_DOWN";
    snprintf(message, sizeof message, "capture on %s: the interface is not up", device);
  } else {
    snprintf(message, sizeof message, "capture on %s: %s", device, text);
  }
  // `detail` keeps libpcap's own words for callers that phrase their own message.
  napi_value error = nta_make_error(env, code, message), detail;
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &detail);
  napi_set_named_property(env, error, "detail", detail);
  pcap_close(pcap);
  napi_throw(env, error);
  return NULL;
}

static napi_value finish_open(napi_env env, pcap_t *pcap, const char *filter, int offline,
                              uint32_t batch_packets, uint32_t batch_bytes) {
  char message[PCAP_ERRBUF_SIZE + MAX_FILTER + 64];
  if (filter[0] != '\0' && nta_apply_filter(pcap, filter, message, sizeof message) != 0) {
    pcap_close(pcap);
    return nta_throw(env, "BAD_FILTER", message);
  }
  size_t bytes = batch_bytes_for(batch_packets, pcap_snapshot(pcap), batch_bytes);
  return nta_new_handle(env, pcap, offline, batch_packets, bytes);
}

// openLive({ device, snaplen, bufferSize, timeoutMs, promisc, immediate, filter,
//            batchPackets, batchBytes })
napi_value nta_open_live(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value opts = NULL;
  napi_get_cb_info(env, info, &argc, &opts, NULL, NULL);
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, opts, &type);
  if (type != napi_object) return nta_throw(env, "INVALID_ARGUMENT", "openLive(options) needs an object");
  parse_state st = {1, ""};
  char device[256], filter[MAX_FILTER];
  if (!get_text(env, opts, "device", device, sizeof device, &st) && st.ok) {
    return nta_throw(env, "INVALID_ARGUMENT", "device is required");
  }
  get_text(env, opts, "filter", filter, sizeof filter, &st);
  uint32_t snaplen = get_uint(env, opts, "snaplen", DEFAULT_SNAPLEN, 16, MAX_SNAPLEN, &st);
  uint32_t buffer = get_uint(env, opts, "bufferSize", DEFAULT_BUFFER_BYTES, 65536, 1u << 31, &st);
  uint32_t timeout = get_uint(env, opts, "timeoutMs", DEFAULT_TIMEOUT_MS, 1, 60000, &st);
  int promisc = get_bool(env, opts, "promisc", 0, &st);
  int immediate = get_bool(env, opts, "immediate", 0, &st);
  uint32_t batch_packets = get_uint(env, opts, "batchPackets", NTA_DEFAULT_BATCH_PACKETS, 1,
                                    NTA_MAX_BATCH_PACKETS, &st);
  uint32_t batch_bytes = get_uint(env, opts, "batchBytes", 0, 0, NTA_MAX_BATCH_BYTES, &st);
  if (!st.ok) return nta_throw(env, "INVALID_ARGUMENT", st.message);

  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_t *pcap = pcap_create(device, errbuf);
  if (pcap == NULL) {
    char message[PCAP_ERRBUF_SIZE + 300];
    snprintf(message, sizeof message, "capture on %s: %s", device, errbuf);
    return nta_throw(env, "OPEN_FAILED", message);
  }
  pcap_set_snaplen(pcap, (int)snaplen);
  pcap_set_promisc(pcap, promisc);
  pcap_set_timeout(pcap, (int)timeout);
  pcap_set_buffer_size(pcap, (int)(buffer > 0x7fffffff ? 0x7fffffff : buffer));
  pcap_set_immediate_mode(pcap, immediate);
  pcap_set_tstamp_precision(pcap, PCAP_TSTAMP_PRECISION_MICRO);
  int rc = pcap_activate(pcap);
  if (rc < 0) return throw_activate_error(env, pcap, device, rc);
  // Non-blocking: the uv_poll decides when to read, pcap_dispatch never sleeps.
  if (pcap_setnonblock(pcap, 1, errbuf) != 0) {
    char message[PCAP_ERRBUF_SIZE + 300];
    snprintf(message, sizeof message, "capture on %s: %s", device, errbuf);
    pcap_close(pcap);
    return nta_throw(env, "OPEN_FAILED", message);
  }
  return finish_open(env, pcap, filter, 0, batch_packets, batch_bytes);
}

// openOffline(path, { filter, batchPackets, batchBytes }?)
napi_value nta_open_offline(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2] = {NULL, NULL};
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_valuetype type = napi_undefined;
  if (argc >= 1) napi_typeof(env, argv[0], &type);
  char path[MAX_TEXT];
  size_t length = 0;
  if (type == napi_string) napi_get_value_string_utf8(env, argv[0], NULL, 0, &length);
  if (type != napi_string || length == 0 || length >= sizeof path) {
    return nta_throw(env, "INVALID_ARGUMENT", "openOffline(path) needs a file path");
  }
  napi_get_value_string_utf8(env, argv[0], path, sizeof path, &length);
  napi_value opts = NULL;
  if (argc >= 2) {
    napi_typeof(env, argv[1], &type);
    if (type == napi_object) opts = argv[1];
  }
  parse_state st = {1, ""};
  char filter[MAX_FILTER];
  get_text(env, opts, "filter", filter, sizeof filter, &st);
  uint32_t batch_packets = get_uint(env, opts, "batchPackets", NTA_DEFAULT_BATCH_PACKETS, 1,
                                    NTA_MAX_BATCH_PACKETS, &st);
  uint32_t batch_bytes = get_uint(env, opts, "batchBytes", 0, 0, NTA_MAX_BATCH_BYTES, &st);
  if (!st.ok) return nta_throw(env, "INVALID_ARGUMENT", st.message);

  char errbuf[PCAP_ERRBUF_SIZE] = "";
  pcap_t *pcap = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
  if (pcap == NULL) {
    char message[PCAP_ERRBUF_SIZE + MAX_TEXT + 16];
    // libpcap names the path itself for some errors (fopen) but not others (bad format).
    if (strncmp(errbuf, path, strlen(path)) == 0) {
      snprintf(message, sizeof message, "%s", errbuf);
    } else {
      snprintf(message, sizeof message, "%s: %s", path, errbuf);
    }
    return nta_throw(env, "OPEN_FAILED", message);
  }
  return finish_open(env, pcap, filter, 1, batch_packets, batch_bytes);
}

napi_value nta_lib_version(napi_env env, napi_callback_info info) {
  napi_value out;
  napi_create_string_utf8(env, pcap_lib_version(), NAPI_AUTO_LENGTH, &out);
  return out;
}
