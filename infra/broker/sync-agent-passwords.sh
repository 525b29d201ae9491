#!/bin/sh
# Copies the console's enrolled-agent credentials into Mosquitto's password file and has
# Mosquitto reload it (SIGHUP). Only hashes travel: the console keeps agent passwords in
# Mosquitto's own PBKDF2-SHA512 "$7$" format. Revoked agents are left out, so after a sync
# they cannot log in again. Run it after enrolling or revoking agents, or from a timer.
#
#   NTA_CONSOLE_URL=http://127.0.0.1:8080 NTA_API_TOKEN=<admin bearer token> \
#     infra/broker/sync-agent-passwords.sh
#
# NTA_CONSOLE_URL       the console (required)
# NTA_API_TOKEN         an admin's bearer token (required; GET /api/agents/mosquitto-passwd)
# MOSQUITTO_PASSWD      password file to write            (/etc/mosquitto/nta/passwd)
# MOSQUITTO_STATIC      lines kept as they are, e.g. the console's own user, made with
#                       `mosquitto_passwd -c FILE nta-console`  (/etc/mosquitto/nta/static.passwd)
# MOSQUITTO_PID_FILE    pid of the broker to reload        (/run/mosquitto/mosquitto.pid)
set -eu

: "${NTA_CONSOLE_URL:?NTA_CONSOLE_URL is required (e.g. http://127.0.0.1:8080)}"
: "${NTA_API_TOKEN:?NTA_API_TOKEN is required (an admin bearer token)}"
PASSWD=${MOSQUITTO_PASSWD:-/etc/mosquitto/nta/passwd}
STATIC=${MOSQUITTO_STATIC:-/etc/mosquitto/nta/static.passwd}
PID_FILE=${MOSQUITTO_PID_FILE:-/run/mosquitto/mosquitto.pid}

TMP=$(mktemp "$PASSWD.XXXXXX")
trap 'rm -f "$TMP"' EXIT
[ -f "$STATIC" ] && cat "$STATIC" >"$TMP"
curl -fsS -H "authorization: Bearer $NTA_API_TOKEN" \
  "$NTA_CONSOLE_URL/api/agents/mosquitto-passwd" >>"$TMP"
# Keep the owner and mode of the file being replaced (Mosquitto must still read it).
if [ -f "$PASSWD" ]; then
  chown --reference="$PASSWD" "$TMP"
  chmod --reference="$PASSWD" "$TMP"
else
  chmod 0640 "$TMP"
fi
mv "$TMP" "$PASSWD"
trap - EXIT
if [ -f "$PID_FILE" ]; then
  kill -HUP "$(cat "$PID_FILE")"
  echo "sync-agent-passwords: $(grep -c . "$PASSWD") users written to $PASSWD; mosquitto reloaded"
else
  echo "sync-agent-passwords: users written to $PASSWD; no $PID_FILE, reload mosquitto yourself" >&2
fi
