import { parseDefaultRoute } from './linux-net';

describe(parseDefaultRoute.name, () => {
  const header =
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';

  it('picks the up default route with the lowest metric', () => {
    const table = [
      header,
      'wlan0\t00000000\t0102A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
      'eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0',
      'eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
    ].join('\n');

    expect(parseDefaultRoute(table)).toBe('eth0');
  });

  it('returns null without a default route', () => {
    expect(
      parseDefaultRoute(`${header}\neth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0`),
    ).toBeNull();
    expect(parseDefaultRoute('')).toBeNull();
  });
});
