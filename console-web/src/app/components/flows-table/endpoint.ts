/** `10.0.0.1:443`, `[2001:db8::1]:443`, or the bare address for port-less transports. */
export function formatEndpoint(address: string, port: number | null): string {
  if (port === null) return address;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
