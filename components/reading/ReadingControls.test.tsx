// @vitest-environment happy-dom
/**
 * The popup's and side panel's reading-list controls for an article not listed, unread,
 * being read and read: what shows, and what each button asks for.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import type { ArticleRecord } from '@/utils/db/schema';
import { ReadingState, SaveForLaterButton } from './ReadingControls';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const ARTICLE = {
  id: 'a1',
  title: 'KubeCon EU 2024: Day Two',
  readingStatus: null,
  favourite: false,
  progress: 0,
  resumeQuote: null,
  listedAt: null,
  articleTags: [],
  readingMinutes: 7,
} as unknown as ArticleRecord;

let root: Root | null = null;
let host: HTMLElement;
async function render(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(node));
  return host;
}
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  host.remove();
});
const buttons = (el: HTMLElement) => [...el.querySelectorAll('button')].map((b) => b.getAttribute('data-action'));

test('not listed: only Save for later, which saves the page', async () => {
  const onSave = vi.fn();
  const el = await render(
    <>
      <SaveForLaterButton article={ARTICLE} onSave={onSave} onChange={vi.fn()} />
      <ReadingState article={ARTICLE} onChange={vi.fn()} />
    </>,
  );
  expect(buttons(el)).toEqual(['save-for-later']);
  await act(async () => el.querySelector('button')!.click());
  expect(onSave).toHaveBeenCalledOnce();
});

test('beside an offline copy (no page to save) Save for later lists the article', async () => {
  const onChange = vi.fn();
  const el = await render(<SaveForLaterButton article={ARTICLE} onChange={onChange} />);
  await act(async () => el.querySelector('button')!.click());
  expect(onChange).toHaveBeenCalledWith('a1', { status: 'unread' });
});

test('being read: state, time and progress, and the buttons to archive, star, go back and remove', async () => {
  const onChange = vi.fn();
  const reading = { ...ARTICLE, readingStatus: 'reading', progress: 0.42, listedAt: 1 } as ArticleRecord;
  const el = await render(
    <>
      <SaveForLaterButton article={reading} onSave={vi.fn()} onChange={onChange} />
      <ReadingState article={reading} onChange={onChange} />
    </>,
  );
  expect(el.querySelector('[data-field="reading-status"]')!.textContent).toBe('Reading');
  expect(el.querySelector('[data-field="reading-summary"]')!.textContent).toBe('7 min read · 42% read');
  expect(buttons(el)).toEqual(['archive', 'unread', 'favourite', 'remove-from-list']);
  for (const b of el.querySelectorAll('button')) await act(async () => b.click());
  expect(onChange.mock.calls.map((c) => c[1])).toEqual([
    { status: 'archived' },
    { status: 'unread' },
    { favourite: true },
    { status: null },
  ]);
});

test('read and starred: Back to unread instead of Mark read; the star shows pressed', async () => {
  const read = { ...ARTICLE, readingStatus: 'archived', favourite: true, listedAt: 1 } as ArticleRecord;
  const el = await render(<ReadingState article={read} onChange={vi.fn()} />);
  expect(el.querySelector('[data-field="reading-status"]')!.textContent).toBe('Read');
  expect(buttons(el)).toEqual(['unread', 'favourite', 'remove-from-list']);
  expect(el.querySelector('[data-action="favourite"]')!.getAttribute('aria-pressed')).toBe('true');
});
