import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { expect, it } from 'vitest';
import { zipFixture } from '@/tests/fixtures/import/fixture-files';
import { testDb } from '@/tests/support/test-db';
import { previewImportFile } from './preview-import-file';
import { savedPageSanitizer } from './sanitize-saved-page';

it("stores Omnivore's saved page through the reader's sanitizer: no script, handler or script link survives", async () => {
  const sanitize = savedPageSanitizer(new JSDOM('').window as unknown as WindowLike);
  const preview = await previewImportFile(testDb(), zipFixture('omnivore-export'), { sanitize });
  if (!preview.ok) throw new Error(preview.message);
  const [body] = preview.plan.writes.articleBodies;
  expect(body?.html).not.toMatch(/<script|onerror|javascript:/i);
  expect(body?.html).toContain('<a href="https://example.com/more" rel="noopener noreferrer">a real one</a>');
  expect(body?.text).toContain('Streets are for people, not only for cars.');
});
