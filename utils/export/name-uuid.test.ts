import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid, MARGIN_NAMESPACE, nameUuid, sha1 } from './name-uuid';

const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('nameUuid', () => {
  it('matches published version 5 values', () => {
    // Python's documentation: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(nameUuid('python.org', NAMESPACE_DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(nameUuid('www.example.com', NAMESPACE_DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is stable, version 5 and distinct per name and namespace', () => {
    const a = nameUuid('hypothesis:abc');
    expect(a).toBe(nameUuid('hypothesis:abc', MARGIN_NAMESPACE));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid('hypothesis:abd')).not.toBe(a);
    expect(nameUuid('hypothesis:abc', NAMESPACE_URL)).not.toBe(a);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => nameUuid('x', 'nope')).toThrow(TypeError);
    expect(isUuid(MARGIN_NAMESPACE)).toBe(true);
  });
});

describe('sha1', () => {
  it('agrees with node:crypto on any input, block boundaries included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const expected = createHash('sha1').update(bytes).digest('hex');
        expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(expected);
      }),
      { numRuns: 300 },
    );
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      const bytes = new Uint8Array(n).fill(0x61);
      expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });
});
