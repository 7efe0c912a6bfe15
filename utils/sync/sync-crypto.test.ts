import { describe, expect, test } from 'vitest';
import {
  createEncryption,
  decryptBytes,
  DecryptError,
  encryptBytes,
  EncryptionParamsError,
  isEncryptedEnvelope,
  PassphraseRequiredError,
  unlockEncryption,
  WrongPassphraseError,
  type EncryptionParams,
} from './sync-crypto';

// The real default (600,000) takes most of a second per derivation; the floor that
// allowWeak permits keeps this file fast while exercising the same code.
const FAST = { iterations: 1_000, allowWeak: true };
const WEAK = { allowWeak: true };
const PATH = 'changes/device-a/00000001.json';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

describe('round trip', () => {
  test('another device with the same passphrase reads what this one wrote', async () => {
    const { params, key } = await createEncryption('correct horse battery staple', FAST);
    const sealed = await encryptBytes(key, bytes('{"highlights":[]}'), PATH);

    const otherDevice = await unlockEncryption('correct horse battery staple', params, WEAK);
    expect(text(await decryptBytes(otherDevice, sealed, PATH))).toBe('{"highlights":[]}');
  });

  test('empty and 1 MB files come back byte for byte', async () => {
    const { key } = await createEncryption('pass', FAST);
    const big = new Uint8Array(1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;

    for (const plain of [new Uint8Array(0), big]) {
      const back = await decryptBytes(key, await encryptBytes(key, plain, PATH), PATH);
      expect(back.length).toBe(plain.length);
      expect(Buffer.from(back).equals(Buffer.from(plain))).toBe(true);
    }
  });

  test('the same passphrase typed in NFC or NFD (different OSes) unlocks the folder', async () => {
    const nfc = 'Café niño 🔐 Ωmega'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);

    const { params, key } = await createEncryption(nfc, FAST);
    const sealed = await encryptBytes(key, bytes('note'), PATH);
    const unlocked = await unlockEncryption(nfd, params, WEAK);
    expect(text(await decryptBytes(unlocked, sealed, PATH))).toBe('note');
  });

  test('the derived key cannot be exported', async () => {
    const { key } = await createEncryption('pass', FAST);
    expect(key.aesKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key.aesKey)).rejects.toThrow();
  });
});

describe('what the server sees', () => {
  test('it never holds the plaintext or the passphrase', async () => {
    const secret = 'my private note about the essay';
    const { params, key } = await createEncryption('hunter2-passphrase', FAST);
    const sealed = await encryptBytes(key, bytes(secret), PATH);

    expect(contains(sealed, bytes(secret))).toBe(false);
    expect(contains(sealed, bytes('private'))).toBe(false);
    expect(JSON.stringify(params)).not.toContain('hunter2');
  });

  test('the same file encrypted twice looks different (fresh IV)', async () => {
    const { key } = await createEncryption('pass', FAST);
    const a = await encryptBytes(key, bytes('same'), PATH);
    const b = await encryptBytes(key, bytes('same'), PATH);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  test('two folders with the same passphrase get different salts', async () => {
    const a = await createEncryption('pass', FAST);
    const b = await createEncryption('pass', FAST);
    expect(a.params.salt).not.toBe(b.params.salt);
  });

  test('encrypted files are told apart from plain JSON', async () => {
    const { key } = await createEncryption('pass', FAST);
    expect(isEncryptedEnvelope(await encryptBytes(key, bytes('{}'), PATH))).toBe(true);
    expect(isEncryptedEnvelope(await encryptBytes(key, new Uint8Array(0), PATH))).toBe(true);
    expect(isEncryptedEnvelope(bytes('{"a":1}'))).toBe(false);
    expect(isEncryptedEnvelope(bytes('MG'))).toBe(false);
    expect(isEncryptedEnvelope(new Uint8Array(0))).toBe(false);
  });
});

describe('failures are clear errors, never garbage data', () => {
  test('a wrong passphrase is refused with the message the user sees', async () => {
    const { params } = await createEncryption('right one', FAST);
    const attempt = unlockEncryption('wrong one', params, WEAK);
    await expect(attempt).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(attempt).rejects.toThrow('Wrong passphrase: this sync folder was encrypted with a different one.');
  });

  test('an encrypted folder with no passphrase asks for one', async () => {
    const { params } = await createEncryption('right one', FAST);
    for (const missing of ['', undefined, null]) {
      const attempt = unlockEncryption(missing, params, WEAK);
      await expect(attempt).rejects.toBeInstanceOf(PassphraseRequiredError);
      await expect(attempt).rejects.toThrow('This sync folder is encrypted: enter its passphrase.');
    }
    await expect(createEncryption('', FAST)).rejects.toBeInstanceOf(PassphraseRequiredError);
  });

  test('any changed byte (header, IV, ciphertext or tag) is detected', async () => {
    const { key } = await createEncryption('pass', FAST);
    const sealed = await encryptBytes(key, bytes('{"note":"hello"}'), PATH);
    // Byte 3 is the envelope version, 4 is in the IV, 20 in the ciphertext, the last in the tag.
    for (const i of [3, 4, 20, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[i]! ^= 0x01;
      await expect(decryptBytes(key, tampered, PATH)).rejects.toBeInstanceOf(DecryptError);
    }
  });

  test('a truncated file is detected', async () => {
    const { key } = await createEncryption('pass', FAST);
    const sealed = await encryptBytes(key, bytes('{"note":"hello"}'), PATH);
    for (const length of [4, 20, sealed.length - 1]) {
      await expect(decryptBytes(key, sealed.slice(0, length), PATH)).rejects.toBeInstanceOf(DecryptError);
    }
  });

  test('a file copied to another path does not decrypt there', async () => {
    const { key } = await createEncryption('pass', FAST);
    const sealed = await encryptBytes(key, bytes('{}'), PATH);
    const attempt = decryptBytes(key, sealed, 'changes/device-b/00000001.json');
    await expect(attempt).rejects.toBeInstanceOf(DecryptError);
    await expect(attempt).rejects.toThrow('changes/device-b/00000001.json');
  });

  test('a file from a folder with another passphrase does not decrypt', async () => {
    const mine = await createEncryption('pass', FAST);
    const theirs = await createEncryption('other', FAST);
    const sealed = await encryptBytes(theirs.key, bytes('{}'), PATH);
    await expect(decryptBytes(mine.key, sealed, PATH)).rejects.toBeInstanceOf(DecryptError);
  });

  test('a plain file planted in an encrypted folder is refused, not trusted', async () => {
    const { key } = await createEncryption('pass', FAST);
    const attempt = decryptBytes(key, bytes('{"highlights":[]}'), PATH);
    await expect(attempt).rejects.toBeInstanceOf(DecryptError);
    await expect(attempt).rejects.toThrow('is not encrypted');
  });
});

describe('params from the server are hostile input', () => {
  async function validParams(): Promise<EncryptionParams> {
    return (await createEncryption('pass', FAST)).params;
  }

  test('a lowered iteration count is refused before any key is derived', async () => {
    const params = await validParams();
    await expect(unlockEncryption('pass', { ...params, iterations: 10 }, WEAK)).rejects.toBeInstanceOf(
      EncryptionParamsError,
    );
    await expect(unlockEncryption('pass', { ...params, iterations: 10 })).rejects.toThrow(/10 key derivation/);
    // Fine for tests, but a server must not be able to talk a real client down to it.
    await expect(unlockEncryption('pass', { ...params, iterations: 50_000 })).rejects.toBeInstanceOf(
      EncryptionParamsError,
    );
    await expect(createEncryption('pass', { iterations: 10 })).rejects.toBeInstanceOf(EncryptionParamsError);
  });

  test('a huge iteration count is refused instead of freezing the browser', async () => {
    const params = await validParams();
    for (const iterations of [10_000_001, 2 ** 31, Infinity, NaN, 150_000.5]) {
      await expect(unlockEncryption('pass', { ...params, iterations })).rejects.toBeInstanceOf(EncryptionParamsError);
    }
  });

  test('malformed salt, check or kdf are refused', async () => {
    const params = await validParams();
    const broken: unknown[] = [
      { ...params, salt: 'AAAA' }, // 3 bytes
      { ...params, salt: btoa('x'.repeat(65)) },
      { ...params, salt: 'not base64!' },
      { ...params, salt: undefined },
      { ...params, check: 'AAAA' },
      { ...params, check: params.check.slice(0, -4) },
      { ...params, kdf: 'MD5' },
      { ...params, iterations: '600000' },
      null,
      'params',
    ];
    for (const p of broken) {
      await expect(unlockEncryption('pass', p as EncryptionParams, WEAK)).rejects.toBeInstanceOf(EncryptionParamsError);
    }
  });

  test('params that survive a JSON round trip still unlock', async () => {
    const { params, key } = await createEncryption('pass', FAST);
    const sealed = await encryptBytes(key, bytes('x'), PATH);
    const stored = JSON.parse(JSON.stringify(params)) as EncryptionParams;
    expect(text(await decryptBytes(await unlockEncryption('pass', stored, WEAK), sealed, PATH))).toBe('x');
  });
});
