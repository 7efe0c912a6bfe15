/**
 * The id, times and device a write puts on a record. Merging across browsers will
 * keep the copy with the later `updatedAt`, so every write must move it forward,
 * even when two writes land in the same millisecond or the clock stepped back.
 */
import type { MarginDb } from './margin-db';
import { newRecordId } from './record-id';
import type { SyncFields } from './schema';
import { nextStamp } from './time-limits';

/** Fields for a record being created now. */
export function newRecordStamps(db: MarginDb): SyncFields {
  const now = db.now();
  return {
    id: newRecordId(now),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...(db.deviceId !== undefined && { deviceId: db.deviceId }),
  };
}

/** Fields for a write to an existing record: `updatedAt` after the previous one, within the trusted times. */
export function touchStamps(db: MarginDb, previous: SyncFields): Pick<SyncFields, 'updatedAt' | 'deviceId'> {
  return {
    updatedAt: nextStamp(db.now(), previous.updatedAt),
    ...(db.deviceId !== undefined && { deviceId: db.deviceId }),
  };
}
