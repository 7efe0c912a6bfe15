import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostOf, withDerivedFields } from './derived-fields';
import { readingDefaults } from '@/utils/db/reading-fields';

const stamps = { createdAt: 1, updatedAt: 2, deletedAt: null };

describe('withDerivedFields', () => {
  it('fills host and words on an article, replacing whatever the record carried', () => {
    const a = withDerivedFields('articles', {
      ...stamps,
      id: 'a',
      url: 'https://example.org/post',
      urls: ['https://example.org/post'],
      pageUrl: 'https://example.org/post',
      canonicalUrl: null,
      title: 'Café Closures',
      author: 'Ann',
      site: null,
      published: null,
      lang: null,
      savedAt: null,
      ...readingDefaults(),
      ...({ host: 'planted.example', words: ['planted'] } as object),
    });
    expect(a.host).toBe('example.org');
    expect(a.words).toEqual(['cafe', 'closures', 'ann']);
  });

  it('finds a highlight by quote, note and tag, and a word within a tag; a tombstone by nothing', () => {
    const h = {
      ...stamps,
      id: 'h',
      articleId: 'a',
      selectors: [],
      quote: 'Hallway track',
      note: 'talk',
      tags: ['kubecon'],
      colour: 'yellow' as const,
      position: 0,
      anchor: 'anchored' as const,
    };
    const live = withDerivedFields('highlights', h);
    expect(live.words).toEqual(['hallway', 'track', 'talk', 'kubecon']);
    expect(live.tagWords).toHaveLength(4);
    const dead = withDerivedFields('highlights', { ...h, deletedAt: 3 });
    expect([dead.words, dead.tagWords]).toEqual([[], []]);
  });

  it('indexes a saved copy and a page note while live only', () => {
    expect(withDerivedFields('articleBodies', { ...stamps, id: 'a', html: '', text: 'Body text' }).words).toEqual([
      'body',
      'text',
    ]);
    expect(
      withDerivedFields('pageNotes', { ...stamps, id: 'n', articleId: 'a', text: 'Note', deletedAt: 5 }).words,
    ).toEqual([]);
  });

  it('gives an empty host for a key that is not a URL, without throwing', () => {
    expect(hostOf('not a url')).toBe('');
  });
});

// A writer that computes a derived field itself drifts from the others the day one rule
// changes, and a record it wrote is then a silent search miss. So the functions that
// compute them are imported only here (and by the two index keepers that fill pairs
// from words already stored), and nothing else parses a URL into a stored `host`.
describe('every writer goes through withDerivedFields', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const DERIVERS = /\b(tokenize|articleWords|highlightWords|highlightSearchFields|tagWords|siteWords)\b/;
  const ALLOWED: Record<string, string> = {
    'utils/db/derived-fields.ts': 'the home',
    'utils/db/search-words.ts': 'the definitions',
    'utils/db/backfill-pair-indexes.ts': 'fills v4 tagWords of old highlights from their stored words',
    'utils/db/site-words.ts':
      'the siteWords middleware: needs the article, so it cannot be a pure function of the record',
  };

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
    });
  }

  const files = ['utils', 'components', 'entrypoints', 'scripts', 'tests/support'].flatMap((d) =>
    sources(join(ROOT, d)),
  );

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no module but derived-fields.ts imports the search-word functions', () => {
    const offenders = files
      .map((f) => relative(ROOT, f))
      .filter((f) => !(f in ALLOWED))
      .filter((f) => {
        const imports =
          readFileSync(join(ROOT, f), 'utf8').match(/import[^;]*?from\s*['"][^'"]*search-words['"]/g) ?? [];
        return imports.some((i) => DERIVERS.test(i));
      });
    expect(offenders).toEqual([]);
  });

  it('no module but derived-fields.ts derives a stored host', () => {
    const offenders = files
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== 'utils/db/derived-fields.ts')
      .filter((f) =>
        /\bhost:\s*new URL|\.host\s*=\s*(new URL|hostOf)|function hostOf\b/.test(readFileSync(join(ROOT, f), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
