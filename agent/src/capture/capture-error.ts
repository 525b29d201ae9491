import { missingCaptureCapabilities } from './linux-net';

/** An expected capture failure whose message is ready to show as is (no stack needed). */
export class CaptureError extends Error {}

const PERMISSION_PATTERN =
  /EPERM|Operation not permitted|You don't have permission|Permission denied/i;

export const SETCAP_HINT =
  'sudo setcap cap_net_raw,cap_net_admin=eip "$(readlink -f "$(command -v node)")"';

export function isPermissionError(message: string): boolean {
  return PERMISSION_PATTERN.test(message);
}

/** Turns libpcap's open error into one line that says what is wrong and how to fix it. */
export function describeOpenError(
  iface: string,
  pcapMessage: string,
  missing: string[] | null = missingCaptureCapabilities(),
): string {
  if (!isPermissionError(pcapMessage)) return `capture on ${iface}: ${pcapMessage}`;
  const lacking = missing && missing.length > 0 ? missing : ['CAP_NET_RAW', 'CAP_NET_ADMIN'];
  return (
    `capture on ${iface} not permitted (${pcapMessage}): the agent lacks ${lacking.join(' and ')}` +
    ` (capturing needs CAP_NET_RAW and CAP_NET_ADMIN). Grant them with: ${SETCAP_HINT}` +
    ' — or run the agent through its systemd unit, which sets' +
    ' AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN'
  );
}
