/**
 * Writing a backup as JSON text. A library with many saved articles can come close
 * to the longest string a JavaScript engine allows (~512 MB in V8), so the text is
 * produced in pieces, one record each: `new Blob([...backupChunks(b)])` in the
 * browser or a write stream in Node never holds it as one string.
 */
import { TABLE_NAMES, type MarginBackup } from './backup-format';

/**
 * The backup's JSON text in pieces; joined, they are exactly `serializeBackup(backup)`.
 * One record per line, so a diff of two backups reads record by record.
 */
export function* backupChunks(backup: MarginBackup): Generator<string> {
  const { records, ...header } = backup;
  const head = JSON.stringify(header);
  // Everything but the records, then the records table by table.
  yield `${head.slice(0, -1)},"records":{`;
  for (const [t, table] of TABLE_NAMES.entries()) {
    yield `${t === 0 ? '' : ','}\n${JSON.stringify(table)}:[`;
    for (const [i, record] of records[table].entries()) yield `${i === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
    yield ']';
  }
  yield '\n}}\n';
}

/** The backup as one JSON string (see `backupChunks` for very large libraries). */
export function serializeBackup(backup: MarginBackup): string {
  return [...backupChunks(backup)].join('');
}
