// Property tests: random bytes and mutated valid frames (bit flips, cuts, lying length fields)
// for every supported link type. The buffer is wrapped in a proxy that records any read at or
// past the captured length, so "never reads out of range" is checked, not assumed.
import fc from 'fast-check';
import { decodeFrame } from '../../../src/decode/frame';
import { FrameInfo } from '../../../src/decode/frame-info';
import {
  arpRequest,
  authHeader,
  espHeader,
  ethernetBytes,
  greHeader,
  icmpEcho,
  ipv4,
  ipv6,
  ipv6Extension,
  ipv6Fragment,
  sctpHeader,
  tcpHeader,
  udpHeader,
  vxlanHeader,
} from '../../../src/decode/testdata/frames';
import { frameViolation } from './support/frame-invariants';

const LINK_TYPES = [0, 1, 101, 108, 113, 228, 229, 276];
const RUNS = 3000;

/** A Buffer proxy that remembers the first index read outside [0, limit). */
function guardedBuffer(
  bytes: Uint8Array,
  limit: number,
): { badRead: () => string | null; buf: Buffer } {
  let badRead: string | null = null;
  const buf = new Proxy(Buffer.from(bytes), {
    get(target, prop) {
      if (typeof prop === 'string' && /^-?\d+$/.test(prop)) {
        const index = Number(prop);
        if (index < 0 || index >= limit) badRead ??= `read byte ${index} of ${limit}`;
      }
      return Reflect.get(target, prop) as unknown;
    },
  });
  return { badRead: () => badRead, buf };
}

/** Decodes through the guard; returns the first broken rule or null. */
function check(linkType: number, bytes: Uint8Array, len: number): string | null {
  const limit = Math.max(0, Math.min(len, bytes.length));
  const { badRead, buf } = guardedBuffer(bytes, limit);
  const info = new FrameInfo();
  try {
    decodeFrame(linkType, buf, len, info);
  } catch (error) {
    return `threw ${String(error)}`;
  }
  return badRead() ?? frameViolation(info, limit);
}

// Transport payloads of every kind the decoder parses, IPv4 and IPv6 packets around them.
const transport = fc.constantFrom<[number, number[]]>(
  [6, tcpHeader(6, { optionWords: 2 })],
  [17, udpHeader(6)],
  [
    17,
    [
      ...udpHeader(0, 1000, 4789).slice(0, 8),
      ...vxlanHeader(),
      ...ethernetBytes(0x0800, ipv4(6, tcpHeader())),
    ],
  ],
  [1, icmpEcho()],
  [58, icmpEcho(128)],
  [132, sctpHeader()],
  [47, [...greHeader(0x0800, 0xb0), ...ipv4(17, udpHeader())]],
  [47, [...greHeader(0x6558, 0x20), ...ethernetBytes(0x86dd, ipv6(6, tcpHeader()))]],
  [47, [...greHeader(0x86dd), ...ipv6(44, [...ipv6Fragment(17, 0, true), ...udpHeader()])]],
  [50, espHeader()],
  [51, [...authHeader(6), ...tcpHeader()]],
);
const network = fc.tuple(transport, fc.boolean(), fc.boolean()).map(([[proto, body], v6, ext]) => {
  if (!v6) return { etherType: 0x0800, packet: ipv4(proto, body, { optionWords: ext ? 2 : 0 }) };
  const chain = ext ? [...ipv6Extension(60, 2), ...ipv6Fragment(proto, 0)] : [];
  return { etherType: 0x86dd, packet: ipv6(ext ? 0 : proto, [...chain, ...body]) };
});
const arp = fc.constant({ etherType: 0x0806, packet: arpRequest() });

function frameFor(linkType: number, etherType: number, packet: number[]): number[] {
  const e = [etherType >> 8, etherType & 0xff];
  switch (linkType) {
    case 1:
      return ethernetBytes(etherType, packet, [
        [0x88a8, 10],
        [0x8100, 20],
      ]);
    case 113:
      return [0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, ...e, ...packet];
    case 276:
      return [...e, 0, 0, 0, 0, 0, 2, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, ...packet];
    case 0:
    case 108:
      return [etherType === 0x86dd ? 30 : 2, 0, 0, 0, ...packet];
    default:
      return packet;
  }
}

// Valid frames for every link type, then one of: bit flips, a cut, a length field overwritten.
const validFrame = fc
  .tuple(fc.constantFrom(...LINK_TYPES), fc.oneof(network, arp))
  .filter(([linkType, { etherType }]) => compatible(linkType, etherType))
  .map(([linkType, { etherType, packet }]) => ({
    bytes: Uint8Array.from(frameFor(linkType, etherType, packet)),
    linkType,
  }));

// ARP needs a link layer with an EtherType; raw IPv4 / IPv6 link types carry only their version.
function compatible(linkType: number, etherType: number): boolean {
  if (linkType === 228) return etherType === 0x0800;
  if (linkType === 229) return etherType === 0x86dd;
  return etherType !== 0x0806 || linkType === 1 || linkType === 113 || linkType === 276;
}
const mutation = fc.oneof(
  fc.record({
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ max: 7, min: 0 })), { maxLength: 8 }),
    kind: fc.constant('flip' as const),
  }),
  fc.record({ at: fc.nat(), kind: fc.constant('cut' as const) }),
  fc.record({
    at: fc.nat(),
    kind: fc.constant('lie' as const),
    value: fc.integer({ max: 0xffff, min: 0 }),
  }),
);

describe(`${decodeFrame.name} corpus property test: random and mutated frames`, () => {
  it('never throws, reads out of range or reports an offset outside the frame (random bytes)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LINK_TYPES, 127, 65535),
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ max: 260, min: -4 }),
        (linkType, bytes, len) => {
          const broken = check(linkType, bytes, len);
          if (broken) throw new Error(`link type ${linkType}: ${broken}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws, reads out of range or reports an offset outside the frame (mutated)', () => {
    fc.assert(
      fc.property(validFrame, mutation, ({ bytes, linkType }, m) => {
        const frame = Uint8Array.from(bytes);
        let len = frame.length;
        if (m.kind === 'flip') {
          for (const [at, bit] of m.flips) frame[at % frame.length] ^= 1 << bit;
        } else if (m.kind === 'cut') {
          len = m.at % (frame.length + 1);
        } else {
          // Overwrite a 16-bit word: lands on total / payload / UDP lengths, IHL, offsets, types.
          const at = m.at % (frame.length - 1);
          frame[at] = m.value >> 8;
          frame[at + 1] = m.value & 0xff;
        }
        const broken = check(linkType, frame, len);
        if (broken) throw new Error(`link type ${linkType}: ${broken}`);
        return true;
      }),
      { numRuns: RUNS },
    );
  });

  it('has a guard that notices a read past the captured length', () => {
    const { badRead, buf } = guardedBuffer(Uint8Array.from([1, 2, 3]), 2);
    expect(buf[1] + buf.length).toBe(5);
    expect(badRead()).toBeNull();
    expect(buf[2]).toBe(3);
    expect(badRead()).toBe('read byte 2 of 2');
  });

  it('decodes the unmutated frames', () => {
    fc.assert(
      fc.property(validFrame, ({ bytes, linkType }) => {
        const info = new FrameInfo();
        decodeFrame(linkType, Buffer.from(bytes), bytes.length, info);
        return info.reason === 0;
      }),
      { numRuns: 300 },
    );
  });
});
