import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FIELD_LIMITS } from '@/utils/backup/backup-limits';
import { selectorsFor } from '@/tests/support/test-db';
import {
  MARGIN_SCHEMAS,
  MESSAGE_LIMITS,
  PAGE_SCHEMAS,
  PANEL_SCHEMAS,
  READER_SCHEMAS,
  SYNC_SCHEMAS,
} from './message-schemas';
import type { PageInfo } from './margin-protocol';

const ID = '0190b1d2-7a3c-7def-8abc-0123456789ab';
const PAGE: PageInfo = {
  pageUrl: 'https://example.com/post',
  canonicalUrl: '/post',
  title: 'A post',
  author: null,
  site: null,
  published: null,
  lang: 'en',
};
const long = (n: number) => 'x'.repeat(n);

type Schemas = Record<string, z.ZodType>;
const ALL: Schemas = { ...MARGIN_SCHEMAS, ...PAGE_SCHEMAS, ...PANEL_SCHEMAS, ...READER_SCHEMAS, ...SYNC_SCHEMAS };

/** A payload each message accepts, as Margin's own code sends it. */
const GOOD: Record<string, unknown> = {
  'page:open': PAGE,
  'highlight:create': {
    page: PAGE,
    selectors: selectorsFor('a passage', 0),
    colour: 'blue',
    note: 'n',
    tags: ['Rust'],
  },
  'highlight:update': {
    id: ID,
    patch: { note: 'Talk to people', colour: 'pink', tags: ['a'], anchor: 'weak', position: 3 },
  },
  'highlight:delete': { id: ID },
  'highlight:restore': { id: ID },
  'highlights:placed': {
    articleId: ID,
    placements: [
      { id: ID, anchor: 'anchored', position: 0 },
      { id: ID, anchor: 'orphaned' },
    ],
  },
  'tab:page': { tabId: 4 },
  'page-note:set': { tabId: 4, text: '' },
  'records:imported': { articleIds: [ID] },
  'highlight:focused': { id: ID, noteCard: true },
  'note-card:target': undefined,
  'note-card:done': undefined,
  'article:save-offline': { tabId: 0 },
  'reading:save': { tabId: 3 },
  'reading:set': { articleId: ID, status: 'archived', favourite: true, tags: ['Longform'] },
  'reading:progress': { url: PAGE.pageUrl, progress: 0.42, resumeQuote: 'The second part begins' },
  'reading:position': { articleId: ID },
  'highlights:changed': { articleId: '', all: true },
  'highlight:reveal': { id: ID },
  'selection:highlight': {},
  'selection:reattach': { id: ID },
  'note-card:close': undefined,
  'page:info': undefined,
  'panel:focus': { tabId: 4, id: ID },
  'reader:toggle': { tabId: 4 },
  'sync:now': { allowMassDelete: true },
  'sync:status': undefined,
  'page-note:resolve': { articleId: ID, text: 'kept' },
};

/** Payloads each must refuse: wrong types, missing fields, oversize, junk where it could do harm. */
const BAD: [string, unknown, string][] = [
  ['page:open', null, 'no data'],
  ['page:open', { ...PAGE, pageUrl: 'not a url' }, 'a relative page address'],
  ['page:open', { ...PAGE, pageUrl: `https://example.com/${long(FIELD_LIMITS.url)}` }, 'an address past 8 KB'],
  ['page:open', { ...PAGE, title: 42 }, 'a title that is a number'],
  ['page:open', { ...PAGE, title: long(FIELD_LIMITS.shortText + 1) }, 'a title past 10,000 characters'],
  ['page:open', { pageUrl: PAGE.pageUrl }, 'missing fields'],
  ['highlight:create', { ...(GOOD['highlight:create'] as object), selectors: [] }, 'no selectors'],
  [
    'highlight:create',
    { ...(GOOD['highlight:create'] as object), selectors: [{ type: 'TextPositionSelector', start: 0, end: 3 }] },
    'no quote selector',
  ],
  [
    'highlight:create',
    {
      ...(GOOD['highlight:create'] as object),
      selectors: Array(FIELD_LIMITS.selectors + 1).fill(selectorsFor('a', 0)[0]),
    },
    'too many selectors',
  ],
  [
    'highlight:create',
    {
      ...(GOOD['highlight:create'] as object),
      selectors: [{ type: 'TextQuoteSelector', exact: long(FIELD_LIMITS.longText + 1) }],
    },
    'a quote past 1,000,000 characters',
  ],
  ['highlight:create', { ...(GOOD['highlight:create'] as object), colour: 'red' }, 'a colour Margin does not have'],
  [
    'highlight:create',
    { ...(GOOD['highlight:create'] as object), note: long(FIELD_LIMITS.longText + 1) },
    'a note past 1,000,000 characters',
  ],
  [
    'highlight:create',
    { ...(GOOD['highlight:create'] as object), tags: Array(FIELD_LIMITS.tags + 1).fill('t') },
    'more than 200 tags',
  ],
  [
    'highlight:create',
    { ...(GOOD['highlight:create'] as object), tags: [long(FIELD_LIMITS.tagName + 1)] },
    'a tag past 200 characters',
  ],
  ['highlight:create', { ...(GOOD['highlight:create'] as object), tags: 'rust' }, 'tags that are not a list'],
  ['highlight:update', { id: 'h1', patch: {} }, 'an id that is not a record id'],
  ['highlight:update', { id: ID }, 'no patch'],
  ['highlight:update', { id: ID, patch: { articleId: ID } }, 'a patch moving the highlight to another article'],
  ['highlight:update', { id: ID, patch: { deletedAt: 1 } }, 'a patch setting deletedAt'],
  ['highlight:update', { id: ID, patch: { note: 7 } }, 'a note that is a number'],
  ['highlight:update', { id: ID, patch: { position: -1 } }, 'a negative position'],
  ['highlight:update', { id: ID, patch: { anchor: 'lost' } }, 'an unknown anchor state'],
  [
    'highlight:update',
    {
      id: ID,
      patch: { noteConflicts: Array(MESSAGE_LIMITS.noteConflicts + 1).fill({ text: '', at: 0, deviceId: 'd' }) },
    },
    'too many conflicts',
  ],
  ['highlight:delete', { id: 12 }, 'an id that is a number'],
  ['highlight:delete', {}, 'no id'],
  ['highlight:restore', { id: `${ID}x` }, 'an id with junk after it'],
  [
    'highlights:placed',
    { articleId: ID, placements: [{ id: ID, anchor: 'detached' }] },
    'a placement claiming "kept as a note"',
  ],
  [
    'highlights:placed',
    { articleId: ID, placements: Array(MESSAGE_LIMITS.placements + 1).fill({ id: ID, anchor: 'anchored' }) },
    'too many placements',
  ],
  ['tab:page', { tabId: '4' }, 'a tab id that is a string'],
  ['tab:page', { tabId: -1 }, 'TAB_ID_NONE'],
  ['tab:page', { tabId: 1.5 }, 'a fractional tab id'],
  ['page-note:set', { tabId: 4, text: long(FIELD_LIMITS.longText + 1) }, 'a page note past 1,000,000 characters'],
  ['page-note:set', { tabId: 4 }, 'no text'],
  ['records:imported', { articleIds: ['../x'] }, 'an article id that is not a record id'],
  ['highlight:focused', { id: ID }, 'no noteCard flag'],
  ['highlight:focused', { id: ID, noteCard: 'yes' }, 'a noteCard flag that is a string'],
  ['note-card:target', { id: ID }, 'data where none is expected'],
  ['article:save-offline', {}, 'no tab id'],
  ['reading:save', { tabId: 3, url: PAGE.pageUrl }, 'an address beside the tab'],
  ['reading:set', { articleId: ID, status: 'done' }, 'an unknown status'],
  ['reading:set', { articleId: ID, readingStatus: 'archived' }, 'a field the message does not name'],
  ['reading:set', { status: 'archived' }, 'no article'],
  ['reading:progress', { progress: 5, resumeQuote: null }, 'progress past 1'],
  ['reading:progress', { progress: Number.NaN, resumeQuote: null }, 'progress NaN'],
  [
    'reading:progress',
    { progress: 0.5, resumeQuote: long(FIELD_LIMITS.resumeQuote + 1) },
    'a quote past 80 characters',
  ],
  ['reading:progress', { url: '/relative/path', progress: 0.5, resumeQuote: null }, 'an address that is not absolute'],
  ['reading:position', { articleId: 'a1' }, 'an id that is not a record id'],
  ['highlights:changed', { articleId: 'x' }, 'an article id that is not a record id'],
  ['selection:highlight', { colour: 'black' }, 'an unknown colour'],
  ['panel:focus', { id: ID }, 'no tab id'],
  ['reader:toggle', { tabId: null }, 'a null tab id'],
  ['sync:now', { allowMassDelete: 'yes' }, 'a mass-delete flag that is a string'],
  ['page-note:resolve', { articleId: ID, text: long(FIELD_LIMITS.longText + 1) }, 'a note past 1,000,000 characters'],
];

describe('message schemas', () => {
  it('cover every message of every protocol', () => {
    expect(Object.keys(ALL).sort()).toEqual(Object.keys(GOOD).sort());
  });

  it.each(Object.entries(GOOD))('accept %s as Margin sends it', (type, data) => {
    expect(ALL[type]!.safeParse(data).success).toBe(true);
  });

  it.each(BAD.map(([type, data, what]) => [type, what, data] as const))('%s refuses %s', (type, _, data) => {
    expect(ALL[type]!.safeParse(data).success).toBe(false);
  });

  it('normalizes tags as the database stores them', () => {
    const parsed = MARGIN_SCHEMAS['highlight:create'].parse({
      ...(GOOD['highlight:create'] as object),
      tags: ['Rust', 'rust', ' Go '],
    });
    expect(parsed.tags).toEqual(['rust', 'go']);
  });

  it('drop fields a page adds to its description of itself', () => {
    const parsed = MARGIN_SCHEMAS['page:open'].parse({ ...PAGE, articleId: ID, evil: true });
    expect(parsed).toEqual(PAGE);
  });
});
