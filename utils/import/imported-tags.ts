/**
 * Tags an import brings, one record a name. Ids come from the name, so every importer
 * (W3C, Hypothesis, the reading services) files one tag under one id, and importing the
 * same file twice finds the same record.
 */
import type { TagRecord } from '@/utils/db/schema';
import { nameUuid } from '@/utils/export/name-uuid';

/** Adds the tag `name`, or moves its creation back to `created` if that is earlier. */
export function addImportedTag(tags: Map<string, TagRecord>, name: string, created: number): void {
  const existing = tags.get(name);
  if (existing) existing.createdAt = existing.updatedAt = Math.min(existing.createdAt, created);
  else
    tags.set(name, {
      id: nameUuid(`tag:${name}`),
      createdAt: created,
      updatedAt: created,
      deletedAt: null,
      name,
      colour: null,
    });
}
