import { CaptureError, describeOpenError, isPermissionError } from './capture-error';

describe(CaptureError.name, () => {
  it('explains a permission failure with the missing capabilities and both fixes', () => {
    const sut = describeOpenError('eth0', 'socket: Operation not permitted', ['CAP_NET_RAW']);

    expect(sut).toContain('capture on eth0 not permitted (socket: Operation not permitted)');
    expect(sut).toContain('lacks CAP_NET_RAW (');
    expect(sut).toContain(
      'sudo setcap cap_net_raw,cap_net_admin=eip "$(readlink -f "$(command -v node)")"',
    );
    expect(sut).toContain('AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN');
  });

  it('names both capabilities when it cannot tell which are missing', () => {
    expect(
      describeOpenError('lo', "You don't have permission to capture on that device", null),
    ).toContain('lacks CAP_NET_RAW and CAP_NET_ADMIN');
  });

  it('passes other libpcap errors through with the interface name', () => {
    expect(describeOpenError('eth9', 'No such device exists')).toBe(
      'capture on eth9: No such device exists',
    );
    expect(isPermissionError('syntax error')).toBeFalse();
    expect(isPermissionError('EPERM')).toBeTrue();
  });
});
