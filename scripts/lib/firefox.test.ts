import { describe, expect, it } from 'vitest';
import { resolveAllHostsPrefs } from './firefox';

describe('resolveAllHostsPrefs', () => {
  it('sends every host name to a loopback address, directly, with no DNS over HTTPS', () => {
    expect(resolveAllHostsPrefs('127.0.0.1')).toMatchObject({
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      'network.trr.mode': 5,
    });
    expect(resolveAllHostsPrefs('::1')['network.dns.forceResolve']).toBe('::1');
  });

  it('refuses any address off this machine, and a host name', () => {
    for (const address of ['10.0.0.1', '8.8.8.8', '128.0.0.1', 'localhost', 'example.com', '']) {
      expect(() => resolveAllHostsPrefs(address), address).toThrow(/loopback/);
    }
  });
});
