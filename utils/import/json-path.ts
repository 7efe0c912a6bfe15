/**
 * Paths into a JSON document as people read them: `records.highlights[3].colour`.
 */

/** @return '' for the document itself */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** A problem at a path: "records.highlights[3].colour: expected one of …". */
export function atPath(path: readonly PropertyKey[], message: string): string {
  const where = formatPath(path);
  return where === '' ? message : `${where}: ${message}`;
}
