/**
 * The files sync reads and writes, as bytes: JSON, encrypted when the folder is.
 * Everything read is checked before use: another device, an old version or a
 * hostile server may have written anything there, and a file that fails the
 * checks is refused with a message, never half-applied.
 */
import { z } from 'zod';
import { TABLE_NAMES } from '@/utils/backup/backup-format';
import { decryptBytes, encryptBytes, isEncryptedEnvelope, type EncryptionParams, type SyncKey } from './sync-crypto';
import type { SyncDoc } from './sync-doc';
import { isSafeSegment } from './remote-layout';

export const SYNC_FORMAT = 'margin-sync';
export const SYNC_VERSION = 1;

/** A file that cannot be used: the sync stops or skips it, and the message says why. */
export class SyncFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'SyncFileError';
  }
}

const segment = z.string().refine(isSafeSegment, 'not a safe id');
const clock = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const register = z.tuple([z.unknown(), clock, segment]);
const counter = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const noteVersion = z
  .object({
    v: z.string().max(200_000),
    c: clock,
    d: segment,
    vv: z.record(segment, counter),
    x: z
      .array(z.tuple([segment, counter, counter]))
      .max(1000)
      .optional(),
  })
  .refine((n) => (n.vv[n.d] ?? 0) >= 1, 'a note version must count its own edit');
const docSchema = z.object({
  t: z.enum(TABLE_NAMES),
  id: z.string().min(1).max(100),
  f: z.record(z.string().max(40), register),
  n: z.object({ vs: z.array(noteVersion).min(1).max(100) }).optional(),
});

export const formatFileSchema = z.object({
  format: z.literal(SYNC_FORMAT),
  version: z.number().int().min(1),
  createdAt: clock,
  encryption: z
    .object({
      kdf: z.literal('PBKDF2-SHA256'),
      iterations: z.number().int(),
      salt: z.string().max(200),
      check: z.string().max(1000),
    })
    .nullable(),
});
export type FormatFile = z.infer<typeof formatFileSchema> & { encryption: EncryptionParams | null };

export const headSchema = z.object({
  device: segment,
  seq: z.number().int().min(0),
  at: clock,
  name: z.string().max(200).optional(),
});
export type HeadFile = z.infer<typeof headSchema>;

export const changeFileSchema = z.object({
  device: segment,
  seq: z.number().int().min(1),
  docs: z.array(docSchema).max(100_000),
});
export interface ChangeFile {
  device: string;
  seq: number;
  docs: SyncDoc[];
}

export const manifestSchema = z.object({
  id: segment,
  device: segment,
  at: clock,
  /** Per device, the newest change number this snapshot holds. */
  cover: z.record(segment, z.number().int().min(0)),
  parts: z.number().int().min(0).max(100_000),
  docs: z.number().int().min(0),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const partSchema = z.object({ docs: z.array(docSchema).max(100_000) });

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes to upload; `key` when the folder is encrypted (the format file never is). */
export async function encodeFile(path: string, value: unknown, key: SyncKey | null): Promise<Uint8Array> {
  const bytes = encoder.encode(JSON.stringify(value));
  return key ? encryptBytes(key, bytes, path) : bytes;
}

/** Parses and checks a downloaded file against `schema`. */
export async function decodeFile<T>(
  path: string,
  data: Uint8Array,
  schema: z.ZodType<T>,
  key: SyncKey | null,
): Promise<T> {
  let bytes = data;
  if (isEncryptedEnvelope(data)) {
    if (!key) throw new SyncFileError(path, 'is encrypted, and no passphrase is set.');
    try {
      bytes = await decryptBytes(key, data, path);
    } catch {
      throw new SyncFileError(
        path,
        'could not be decrypted: it was changed, moved, or encrypted with another passphrase.',
      );
    }
  } else if (key) {
    // A plain file in an encrypted folder was not written by Margin with this passphrase.
    throw new SyncFileError(path, 'is not encrypted, but this sync folder is: refused.');
  }
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new SyncFileError(path, 'is not complete JSON (cut short while uploading?).');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncFileError(path, `is not a Margin sync file (${issue?.path.join('.') || 'root'}: ${issue?.message}).`);
  }
  return parsed.data;
}
