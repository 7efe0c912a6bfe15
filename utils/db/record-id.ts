/**
 * Record ids: UUID version 7 (RFC 9562). 74 random bits make two browsers' ids as
 * unlikely to collide as UUID v4's, and the leading 48-bit millisecond timestamp
 * makes ids sort by creation time as plain strings. Search relies on that: the
 * newest matches are the largest ids in a key set read from an index, so finding
 * them needs no record reads (`search-library.ts`).
 */

/**
 * A new id for a record created at `createdAt`.
 * @param createdAt - epoch ms; the same value the record stores in `createdAt`
 */
export function newRecordId(createdAt: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(createdAt));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * When a record was created, read from its id.
 * @return null if the id is not a UUID v7 (a record from elsewhere): ask the record
 */
export function idTime(id: string): number | null {
  if (id.length !== 36 || id[14] !== '7') return null;
  const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
  return Number.isFinite(ms) ? ms : null;
}
