'use strict';
// Loads the compiled addon; says how to build it when it is missing, so callers can fall back.
const { join } = require('node:path');

const ADDON = join(__dirname, 'build', 'Release', 'nta_pcap.node');

function load() {
  try {
    return require(ADDON);
  } catch (e) {
    const notBuilt = e && e.code === 'MODULE_NOT_FOUND';
    const err = new Error(
      notBuilt
        ? `@nta/pcap-native is not built (${ADDON} missing): run \`npm install\` at the repo root,` +
            ' or `npx node-gyp rebuild` in agent/native (needs the Debian package libpcap-dev)'
        : `@nta/pcap-native cannot be loaded: ${e && e.message}`,
    );
    err.code = notBuilt ? 'NTA_PCAP_NOT_BUILT' : 'NTA_PCAP_LOAD_FAILED';
    throw err;
  }
}

module.exports = load();
