import { describe, expect, it } from 'vitest';
import { readingDefaults } from '@/utils/db/reading-fields';
import {
  applyChange,
  changesAnything,
  READING_STARTED,
  reportProgress,
  resumePosition,
  saveForLater,
  type ReadingState,
} from './reading-state';

const NOW = Date.UTC(2026, 11, 7, 21);
const unlisted: ReadingState = readingDefaults();
const listed = (fields: Partial<ReadingState> = {}): ReadingState => ({
  ...readingDefaults(),
  readingStatus: 'unread',
  listedAt: NOW - 1000,
  ...fields,
});

describe('save for later', () => {
  it('puts an article not on the list on it as unread, listed now', () => {
    expect(saveForLater(unlisted, NOW)).toEqual({
      patch: { readingStatus: 'unread', listedAt: NOW },
      alreadyListed: false,
    });
  });

  it.each(['unread', 'reading', 'archived'] as const)('leaves a %s article as it is and says so', (status) => {
    expect(saveForLater(listed({ readingStatus: status, progress: 0.4 }), NOW)).toEqual({
      patch: {},
      alreadyListed: true,
    });
  });
});

describe('progress', () => {
  it('is ignored (not stored) for an article not on the list', () => {
    expect(reportProgress(unlisted, 0.5, 'some words')).toBeNull();
  });

  it('turns unread into reading from 2% on, and not before', () => {
    expect(reportProgress(listed(), READING_STARTED - 0.001, null)).toEqual({ progress: READING_STARTED - 0.001 });
    expect(reportProgress(listed(), READING_STARTED, 'Chapter one')).toEqual({
      progress: READING_STARTED,
      resumeQuote: 'Chapter one',
      readingStatus: 'reading',
    });
  });

  it('is kept on an archived article, which stays archived', () => {
    expect(reportProgress(listed({ readingStatus: 'archived', progress: 1 }), 0.3, 'Again')).toEqual({
      progress: 0.3,
      resumeQuote: 'Again',
    });
  });

  it('changes nothing when it says what is stored', () => {
    const state = listed({ readingStatus: 'reading', progress: 0.5, resumeQuote: 'here' });
    expect(changesAnything(reportProgress(state, 0.5, 'here'))).toBe(false);
  });
});

describe('a change from the list', () => {
  it('archiving keeps progress and the date saved', () => {
    const state = listed({ readingStatus: 'reading', progress: 0.6, resumeQuote: 'half way' });
    expect(applyChange(state, { status: 'archived' }, NOW)).toEqual({ readingStatus: 'archived' });
  });

  it('removing from the list clears status and date saved; star and tags stay', () => {
    const state = listed({ favourite: true, articleTags: ['longform'] });
    expect(applyChange(state, { status: null }, NOW)).toEqual({ readingStatus: null, listedAt: null });
  });

  it('a state set on an article not on the list lists it now', () => {
    expect(applyChange(unlisted, { status: 'archived' }, NOW)).toEqual({ readingStatus: 'archived', listedAt: NOW });
  });

  it('the star is independent of the state; tags are normalized and only a real change counts', () => {
    expect(applyChange(unlisted, { favourite: true }, NOW)).toEqual({ favourite: true });
    expect(applyChange(listed(), { tags: ['Long Read', 'long read', ' '] }, NOW)).toEqual({
      articleTags: ['long read'],
    });
    expect(applyChange(listed({ articleTags: ['long read'] }), { tags: ['Long Read'] }, NOW)).toEqual({});
  });
});

it('the position to resume at is kept only for a listed article', () => {
  expect(resumePosition(listed({ progress: 0.25, resumeQuote: 'The second part' }))).toEqual({
    progress: 0.25,
    resumeQuote: 'The second part',
  });
  expect(resumePosition({ ...unlisted, progress: 0.25 })).toBeNull();
});
