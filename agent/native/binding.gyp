{
  'targets': [
    {
      'target_name': 'nta_pcap',
      'sources': ['src/addon.c', 'src/batch.c', 'src/handle.c', 'src/open.c'],
      'defines': ['NAPI_VERSION=8'],
      'cflags': ['-std=gnu11', '-O2', '-Wall', '-Wextra', '-Wno-unused-parameter'],
      'link_settings': { 'libraries': ['-lpcap'] },
    },
  ],
}
