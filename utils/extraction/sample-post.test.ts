/**
 * The sample post the project demos (`demo/kubecon-eu-2024-day-two/`, a saved Medium
 * page) as the reader shows it: its seven paragraphs and nothing of Medium's chrome
 * around them. The browsers' e2e tests check the same in Chromium and Firefox; this
 * one runs in seconds, beside the code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { extract } from '../../tests/support/test-pages';

test('the sample post: seven paragraphs, its byline and date in the header, no "min read" line in the text', () => {
  const html = readFileSync(resolve('demo/kubecon-eu-2024-day-two/index.html'), 'utf8');
  const article = extract(
    html,
    'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4',
  )!;
  const paragraphs = article.html.match(/<p[\s>]/g) ?? [];
  expect(paragraphs).toHaveLength(7);
  expect(article.byline).toBe('Steve Wade');
  expect(article.published).toMatch(/^2024-03-21/);
  expect(article.text).not.toMatch(/min read/);
  expect(article.text).toContain('Day Two of KubeCon EU 2024 in Paris has unfolded');
});
