import { expect, test } from 'vitest';
import { article, body, highlight, pageNote, recordSet, tag } from '@/tests/support/test-records';
import { exportDataFromBackup } from './export-data-from-backup';

test('live records only, read as the library reads them', () => {
  const data = exportDataFromBackup(
    recordSet({
      articles: [article(2, { createdAt: 20 }), article(1, { createdAt: 10 }), article(3, { deletedAt: 5 })],
      articleBodies: [body(1), body(2, { deletedAt: 6 })],
      highlights: [
        highlight(1, 1, { position: 30, createdAt: 1 }),
        highlight(2, 1, { position: 10, createdAt: 2 }),
        highlight(3, 1, { position: 10, createdAt: 1 }),
        highlight(4, 1, { position: 0, deletedAt: 9 }),
        highlight(5, 2, { tags: ['Rust'] }),
      ],
      pageNotes: [
        pageNote(1, 1, { createdAt: 9, text: 'newer' }),
        pageNote(2, 1, { createdAt: 3, text: 'older' }),
        pageNote(3, 2, { deletedAt: 1 }),
      ],
      tags: [
        tag(1, 'web', { createdAt: 5 }),
        tag(2, 'rust', { createdAt: 9 }),
        tag(3, 'Rust', { createdAt: 1 }),
        tag(4, 'gone', { deletedAt: 2 }),
      ],
    }),
    12345,
  );
  expect(data.exportedAt).toBe(12345);
  expect(data.articles.map((a) => a.article.title)).toEqual(['Post 1', 'Post 2']);
  const [post1, post2] = data.articles;
  expect(post1!.highlights.map((h) => h.quote)).toEqual(['passage 3', 'passage 2', 'passage 1']);
  expect(post1!.body?.text).toBe('Body');
  expect(post1!.pageNote?.text).toBe('older');
  expect(post1!.article.host).toBe('example.com');
  expect(post2!.body).toBeNull();
  expect(post2!.pageNote).toBeNull();
  expect(post2!.highlights[0]!.tags).toEqual(['rust']);
  expect(data.tags.map((t) => [t.name, t.id])).toEqual([
    ['rust', tag(3, 'x').id],
    ['web', tag(1, 'x').id],
  ]);
});
