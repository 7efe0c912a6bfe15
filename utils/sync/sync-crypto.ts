/**
 * Optional end-to-end encryption of the sync folder (issue #5). The passphrase never
 * leaves the device: a key is derived from it with PBKDF2 and every file is sealed
 * with AES-GCM, so the server the user syncs through only ever stores ciphertext.
 *
 * The folder's `EncryptionParams` (salt, iteration count, and a sealed known value
 * that tells a right passphrase from a wrong one) are stored in the folder itself,
 * in the clear: another device needs them to derive the same key. Because the
 * server can rewrite them, they are validated as hostile input before use.
 *
 * Only `globalThis.crypto` (WebCrypto) is used, so the same code runs in the
 * extension and in Node tests.
 */

export interface EncryptionParams {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** Base64 of the random PBKDF2 salt. */
  salt: string;
  /** Base64 of an envelope sealing a known value: it only opens with the right key. */
  check: string;
}

/** A derived key. The CryptoKey is non-extractable, so not even a script that gets hold of it can read the raw key. */
export interface SyncKey {
  readonly aesKey: CryptoKey;
}

export type SyncCryptoErrorKind = 'wrong-passphrase' | 'passphrase-required' | 'decrypt-failed' | 'bad-params';

/** Every failure here is one of these, so the UI can switch on `kind` instead of parsing messages. */
export class SyncCryptoError extends Error {
  constructor(
    readonly kind: SyncCryptoErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncCryptoError';
  }
}

export class WrongPassphraseError extends SyncCryptoError {
  constructor() {
    super('wrong-passphrase', 'Wrong passphrase: this sync folder was encrypted with a different one.');
    this.name = 'WrongPassphraseError';
  }
}

/** The folder is encrypted (or encryption is being turned on) but no passphrase was given. */
export class PassphraseRequiredError extends SyncCryptoError {
  constructor(message = 'This sync folder is encrypted: enter its passphrase.') {
    super('passphrase-required', message);
    this.name = 'PassphraseRequiredError';
  }
}

/** A file did not authenticate: changed, damaged, moved to another path, or sealed with another key. */
export class DecryptError extends SyncCryptoError {
  constructor(message: string) {
    super('decrypt-failed', message);
    this.name = 'DecryptError';
  }
}

export class EncryptionParamsError extends SyncCryptoError {
  constructor(problem: string) {
    super('bad-params', `This sync folder's encryption settings cannot be used: ${problem}.`);
    this.name = 'EncryptionParamsError';
  }
}

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
/**
 * Below this, guessing passphrases offline gets cheap. A server that lowers the count
 * cannot forge a passing check without the passphrase, but refusing outright keeps a
 * weak key from ever being derived or used.
 */
export const MIN_ITERATIONS = 100_000;
/** The floor even with `allowWeak`, which exists only so tests stay fast. */
export const MIN_WEAK_ITERATIONS = 1_000;
/** Bounds the work a hostile count can make the browser do (tens of seconds at most). */
export const MAX_ITERATIONS = 10_000_000;

const SALT_BYTES = 16;
const MAX_SALT_BYTES = 64;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** 'MGE1': a file starting with this is an encrypted envelope, version 1. Plain JSON never starts with 'M'. */
const MAGIC = new Uint8Array([0x4d, 0x47, 0x45, 0x31]);
const HEADER_BYTES = MAGIC.length + IV_BYTES;

const CHECK_PLAINTEXT = 'margin-sync-passphrase-check-v1';

const encoder = new TextEncoder();

export interface KdfOptions {
  /** Accept iteration counts down to 1,000. Only for tests: never for params read from a server. */
  allowWeak?: boolean;
}

export async function createEncryption(
  passphrase: string,
  opts: KdfOptions & { iterations?: number } = {},
): Promise<{ params: EncryptionParams; key: SyncKey }> {
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  checkIterations(iterations, opts);
  if (!passphrase) throw new PassphraseRequiredError('Enter a passphrase to encrypt this sync folder.');
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, encoder.encode(CHECK_PLAINTEXT), checkAad());
  return {
    params: { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), check: toBase64(check) },
    key,
  };
}

/**
 * The key for an existing encrypted folder. `passphrase` may be missing because the
 * caller usually only learns the folder is encrypted when it finds `params` there.
 */
export async function unlockEncryption(
  passphrase: string | null | undefined,
  params: EncryptionParams,
  opts: KdfOptions = {},
): Promise<SyncKey> {
  const valid = parseEncryptionParams(params, opts);
  if (!passphrase) throw new PassphraseRequiredError();
  const key = await deriveKey(passphrase, fromBase64(valid.salt), valid.iterations);
  let opened: Uint8Array;
  try {
    opened = await open(key, fromBase64(valid.check), checkAad());
  } catch {
    throw new WrongPassphraseError();
  }
  // GCM already authenticated it, so this only fails for a check sealed by a
  // different Margin version with the same key: still not a key we can trust.
  if (new TextDecoder().decode(opened) !== CHECK_PLAINTEXT) throw new WrongPassphraseError();
  return key;
}

/**
 * Validates params read from the sync folder. They arrive from a server that may be
 * hostile, so this runs before any key derivation: a huge count would freeze the
 * browser and a tiny one would make the key cheap to guess.
 */
export function parseEncryptionParams(value: unknown, opts: KdfOptions = {}): EncryptionParams {
  if (typeof value !== 'object' || value === null) throw new EncryptionParamsError('they are missing');
  const p = value as Record<string, unknown>;
  if (p.kdf !== 'PBKDF2-SHA256') {
    throw new EncryptionParamsError(`unknown key derivation ${JSON.stringify(p.kdf)} (expected "PBKDF2-SHA256")`);
  }
  if (typeof p.iterations !== 'number') throw new EncryptionParamsError('the iteration count is missing');
  checkIterations(p.iterations, opts);
  const salt = decodeField(p.salt, 'salt');
  if (salt.length < SALT_BYTES || salt.length > MAX_SALT_BYTES) {
    throw new EncryptionParamsError(`the salt is ${salt.length} bytes (expected ${SALT_BYTES} to ${MAX_SALT_BYTES})`);
  }
  const check = decodeField(p.check, 'check');
  if (check.length !== HEADER_BYTES + encoder.encode(CHECK_PLAINTEXT).length + TAG_BYTES || !hasMagic(check)) {
    throw new EncryptionParamsError('the passphrase check is malformed');
  }
  return { kdf: 'PBKDF2-SHA256', iterations: p.iterations, salt: p.salt as string, check: p.check as string };
}

/**
 * Seals one file. `aad` is the file's path in the sync folder: it is authenticated,
 * so a server that swaps or copies files between paths is caught on decrypt.
 */
export async function encryptBytes(key: SyncKey, plain: Uint8Array, aad: string): Promise<Uint8Array> {
  return seal(key, plain, fileAad(aad));
}

export async function decryptBytes(key: SyncKey, data: Uint8Array, aad: string): Promise<Uint8Array> {
  // Refusing plain files here (rather than passing them through) is what stops a
  // server from downgrading an encrypted folder by writing unencrypted files into it.
  if (!isEncryptedEnvelope(data)) {
    throw new DecryptError(`"${aad}" in the sync folder is not encrypted, but the folder is.`);
  }
  try {
    return await open(key, data, fileAad(aad));
  } catch {
    throw new DecryptError(
      `Could not decrypt "${aad}" in the sync folder: it was changed, damaged, or encrypted with a different key.`,
    );
  }
}

/** True for anything written by `encryptBytes`, including truncated ones (so they fail loudly on decrypt, not as bad JSON). */
export function isEncryptedEnvelope(data: Uint8Array): boolean {
  return hasMagic(data);
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<SyncKey> {
  // NFC so that "é" typed as one code point (macOS/Windows keyboards differ) or as
  // e + combining accent derives the same key on every device.
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const aesKey = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return Object.freeze({ aesKey });
}

async function seal(key: SyncKey, plain: Uint8Array, additionalData: Uint8Array): Promise<Uint8Array> {
  // A fresh random IV per file: GCM loses both secrecy and integrity if one repeats
  // under a key, and 96 random bits make that negligible for any realistic file count.
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: buffer(additionalData) },
      key.aesKey,
      buffer(plain),
    ),
  );
  const out = new Uint8Array(HEADER_BYTES + sealed.length);
  out.set(MAGIC, 0);
  out.set(iv, MAGIC.length);
  out.set(sealed, HEADER_BYTES);
  return out;
}

/** Throws (a WebCrypto OperationError, or a RangeError for a short envelope) when the envelope does not authenticate. */
async function open(key: SyncKey, data: Uint8Array, additionalData: Uint8Array): Promise<Uint8Array> {
  if (data.length < HEADER_BYTES + TAG_BYTES || !hasMagic(data)) throw new RangeError('not a whole envelope');
  const iv = data.slice(MAGIC.length, HEADER_BYTES);
  const sealed = data.slice(HEADER_BYTES);
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: buffer(additionalData) }, key.aesKey, sealed),
  );
}

// The magic goes into the additional data so the version byte is authenticated too;
// the prefixes keep the passphrase check from ever being accepted as a file, whatever its path.
function fileAad(path: string): Uint8Array {
  return concat(MAGIC, encoder.encode(`file\0${path}`));
}
function checkAad(): Uint8Array {
  return concat(MAGIC, encoder.encode('check\0'));
}

function checkIterations(iterations: number, opts: KdfOptions): void {
  const floor = opts.allowWeak ? MIN_WEAK_ITERATIONS : MIN_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < floor || iterations > MAX_ITERATIONS) {
    throw new EncryptionParamsError(
      `${iterations} key derivation iterations is outside the safe range (${floor.toLocaleString('en')} to ${MAX_ITERATIONS.toLocaleString('en')})`,
    );
  }
}

function hasMagic(data: Uint8Array): boolean {
  return data.length >= MAGIC.length && MAGIC.every((b, i) => data[i] === b);
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** WebCrypto wants ArrayBuffer-backed views; a caller's bytes may sit on a SharedArrayBuffer. */
function buffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The regex makes this strict: atob alone would quietly skip whitespace and accept missing padding. */
function decodeField(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) {
    throw new EncryptionParamsError(`the ${name} is not valid base64`);
  }
  return fromBase64(value);
}
