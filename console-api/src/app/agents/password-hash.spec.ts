import { generateAgentPassword, hashAgentPassword, verifyAgentPassword } from './password-hash';

// Written by `mosquitto_passwd -b file agent-1 secretpw` (mosquitto 2.0): the format we share.
const MOSQUITTO_HASH =
  '$7$101$opC6EKBrJBhXpzqh$KyIdFlpIKz2PJ0rP9IGPrk2JOywXxy/Z9VeSXybhao3/Pe0lsSHTruAJLh1RywsWpaRiZH3wIlRm8D6sYYsfVw==';

describe(hashAgentPassword.name, () => {
  it('verifies the password it hashed, and nothing else', async () => {
    const password = generateAgentPassword();
    const sut = await hashAgentPassword(password);

    expect(sut).toMatch(/^\$7\$20000\$[A-Za-z0-9+/=]{16}\$[A-Za-z0-9+/=]{88}$/);
    expect(sut).not.toContain(password);
    expect(await verifyAgentPassword(password, sut)).toBeTrue();
    expect(await verifyAgentPassword(`${password}x`, sut)).toBeFalse();
  });

  it('salts: one password, two different hashes', async () => {
    expect(await hashAgentPassword('same')).not.toBe(await hashAgentPassword('same'));
  });

  it("reads mosquitto_passwd's own $7$ hashes", async () => {
    expect(await verifyAgentPassword('secretpw', MOSQUITTO_HASH)).toBeTrue();
    expect(await verifyAgentPassword('secretpx', MOSQUITTO_HASH)).toBeFalse();
  });

  it('answers false for a hash it cannot read', async () => {
    for (const hash of ['', 'plain', '$6$1$abc$def', '$7$0$abc$def', '$7$10$abc$']) {
      expect(await verifyAgentPassword('x', hash))
        .withContext(hash)
        .toBeFalse();
    }
  });

  it('generates 256-bit URL-safe passwords', () => {
    const sut = generateAgentPassword();
    expect(sut).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateAgentPassword()).not.toBe(sut);
  });
});
