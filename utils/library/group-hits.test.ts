import { expect, test } from 'vitest';
import type { ArticleRecord, HighlightRecord, LibraryHit } from '@/utils/db';
import { groupHitsByArticle } from './group-hits';

const article = (id: string) => ({ id, title: id }) as ArticleRecord;
const highlight = (id: string) => ({ id }) as HighlightRecord;

test('hits are grouped under their article, articles in order of their newest hit', () => {
  const a = article('a');
  const b = article('b');
  const hits: LibraryHit[] = [
    { kind: 'highlight', highlight: highlight('h3'), article: b },
    { kind: 'highlight', highlight: highlight('h2'), article: a },
    { kind: 'article', article: b },
    { kind: 'highlight', highlight: highlight('h1'), article: a },
  ];
  const groups = groupHitsByArticle(hits);
  expect(groups.map((g) => g.article.id)).toEqual(['b', 'a']);
  expect(groups[0]!.hits.map((h) => h.kind)).toEqual(['highlight', 'article']);
  expect(groups[1]!.hits.map((h) => (h.kind === 'highlight' ? h.highlight.id : ''))).toEqual(['h2', 'h1']);
});

test('no hits, no groups', () => {
  expect(groupHitsByArticle([])).toEqual([]);
});
