/**
 * The safety net under every clean-up rule: whatever a rule removes, the
 * reader never shows less than half of what Readability found, and says so.
 * The rule here is a stand-in that misfires on purpose (keeps only the first
 * paragraph), as a class-word rule did on real pages.
 */
import { describe, expect, it, vi } from 'vitest';
import { PROSE, extract, page } from '../../tests/support/test-pages';

const misfire = vi.hoisted(() => ({ on: false }));
vi.mock('./chrome-removal', async (importOriginal) => {
  const real = await importOriginal<typeof import('./chrome-removal')>();
  return {
    ...real,
    removeArticleChrome: (root: Element, context: Parameters<typeof real.removeArticleChrome>[1]) => {
      if (!misfire.on) return real.removeArticleChrome(root, context);
      const paragraphs = [...root.querySelectorAll('p')];
      for (const p of paragraphs.slice(1)) p.remove();
    },
  };
});

describe('extraction fallback', () => {
  it("shows Readability's whole article, and says why, when the clean-up cut it", () => {
    misfire.on = true;
    try {
      const article = extract(page())!;
      for (const p of PROSE) expect(article.text).toContain(p);
      expect(article.fallback).toMatchObject({ ourChars: PROSE[0]!.length });
      expect(article.fallback!.readabilityChars).toBeGreaterThan(3 * PROSE[0]!.length);
      expect(article.fallback!.reason).toMatch(/clean-up left/);
    } finally {
      misfire.on = false;
    }
  });

  it('records nothing when the clean-up kept the article', () => {
    const article = extract(page())!;
    expect(article.fallback).toBeUndefined();
    expect(JSON.parse(JSON.stringify(article))).not.toHaveProperty('fallback');
  });
});
