// Module entry: openLive, openOffline, libVersion; errors carry a `code` for the TS wrapper.
#include "nta_pcap.h"

napi_value nta_make_error(napi_env env, const char *code, const char *message) {
  napi_value js_code, js_message, error;
  napi_create_string_utf8(env, code, NAPI_AUTO_LENGTH, &js_code);
  napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &js_message);
  napi_create_error(env, js_code, js_message, &error);
  return error;
}

napi_value nta_throw(napi_env env, const char *code, const char *message) {
  napi_throw(env, nta_make_error(env, code, message));
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"libVersion", NULL, nta_lib_version, NULL, NULL, NULL, napi_enumerable, NULL},
      {"openLive", NULL, nta_open_live, NULL, NULL, NULL, napi_enumerable, NULL},
      {"openOffline", NULL, nta_open_offline, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  if (nta_define_handle_class(env) != napi_ok) return NULL;
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) {
    return NULL;
  }
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
