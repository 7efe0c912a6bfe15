/**
 * Every repository write goes through `writeTransaction`: all of its records are
 * written in one IndexedDB transaction or none are (a highlight and the new tag it
 * introduces, an article and its offline copy), and a full disk comes out as a
 * `StorageFullError`.
 */
import type { Table } from 'dexie';
import type { MarginDb } from './margin-db';
import { asStorageError } from './storage-full-error';

/**
 * Runs `work` in one read-write transaction over `tables`.
 * @param tables - every table `work` reads or writes (IndexedDB needs them up front)
 * @return what `work` returns, once the transaction has committed
 * @throws StorageFullError if storage is full; the transaction has rolled back
 */
export async function writeTransaction<T>(db: MarginDb, tables: Table[], work: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', tables, work);
  } catch (error) {
    throw asStorageError(error);
  }
}
