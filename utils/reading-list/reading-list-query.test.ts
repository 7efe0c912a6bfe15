import { describe, expect, it } from 'vitest';
import type { ReadingStatus } from '@/utils/db/schema';
import { countUnread, queryReadingList, readingListFacets, type ListedArticle } from './reading-list-query';

const DAY = 86_400_000;
const T = Date.UTC(2026, 0, 10);

function a(
  id: string,
  readingStatus: ReadingStatus | null,
  listedAt: number | null,
  fields: Partial<ListedArticle> = {},
): ListedArticle {
  return {
    id,
    deletedAt: null,
    host: 'example.com',
    readingStatus,
    favourite: false,
    listedAt,
    articleTags: [],
    ...fields,
  };
}

const library = [
  a('archived-old', 'archived', T - 5 * DAY),
  a('unread-old', 'unread', T - 3 * DAY, { host: 'www.lwn.net', articleTags: ['linux'] }),
  a('reading', 'reading', T - 4 * DAY, { favourite: true }),
  a('not-listed', null, null),
  a('unread-new', 'unread', T, { articleTags: ['linux', 'longform'] }),
  a('deleted', 'unread', T + DAY, { deletedAt: T + 2 * DAY }),
  a('archived-new', 'archived', T - DAY, { host: 'lwn.net', favourite: true }),
];
const ids = (list: ListedArticle[]) => list.map((x) => x.id);

describe('the reading list', () => {
  it('shows unread first, then reading, then archived, newest saved first within each; never unlisted or deleted', () => {
    expect(ids(queryReadingList(library))).toEqual([
      'unread-new',
      'unread-old',
      'reading',
      'archived-new',
      'archived-old',
    ]);
  });

  it('filters by state, site (however typed), tag, star and date saved, together', () => {
    expect(ids(queryReadingList(library, { states: ['archived'] }))).toEqual(['archived-new', 'archived-old']);
    expect(ids(queryReadingList(library, { site: 'https://www.LWN.net/' }))).toEqual(['unread-old', 'archived-new']);
    expect(ids(queryReadingList(library, { tag: 'Linux' }))).toEqual(['unread-new', 'unread-old']);
    expect(ids(queryReadingList(library, { favourite: true }))).toEqual(['reading', 'archived-new']);
    expect(ids(queryReadingList(library, { from: T - 4 * DAY, to: T }))).toEqual([
      'unread-old',
      'reading',
      'archived-new',
    ]);
    expect(ids(queryReadingList(library, { states: ['unread'], tag: 'linux', site: 'lwn.net' }))).toEqual([
      'unread-old',
    ]);
  });

  it('does not reorder the caller’s array', () => {
    const copy = [...library];
    queryReadingList(copy);
    expect(copy).toEqual(library);
  });

  it('counts live unread articles for the badge', () => {
    expect(countUnread(library)).toBe(2);
    expect(countUnread([])).toBe(0);
  });

  it('offers the listed articles’ sites and tags as filter choices', () => {
    expect(readingListFacets(library)).toEqual({ sites: ['example.com', 'lwn.net'], tags: ['linux', 'longform'] });
  });
});
