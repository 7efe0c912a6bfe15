import { describe, expect, test } from 'vitest';
import { boundTabId, panelTarget } from './panel-target';

const ORIGIN = 'chrome-extension://abcdef';

describe('panelTarget', () => {
  test.each([
    ['https://example.com/post', { kind: 'page' }],
    ['http://127.0.0.1:8080/kubecon/', { kind: 'page' }],
    ['file:///home/me/notes.html', { kind: 'page' }],
    [`${ORIGIN}/reader-page.html?article=0190-abc`, { kind: 'offline', articleId: '0190-abc' }],
    ['moz-extension://abcdef/reader-page.html?article=x', { kind: 'unsupported' }], // another extension's origin
    [`${ORIGIN}/reader-page.html`, { kind: 'unsupported' }], // no article in the address
    [`${ORIGIN}/library.html`, { kind: 'unsupported' }],
    ['chrome://settings/', { kind: 'unsupported' }],
    ['about:blank', { kind: 'unsupported' }],
    ['not a url', { kind: 'unsupported' }],
    [undefined, { kind: 'unsupported' }],
  ])('%s → %o', (url, expected) => {
    expect(panelTarget(url, ORIGIN)).toEqual(expected);
  });

  test('the extension origin may be given with a trailing slash (runtime.getURL("/"))', () => {
    expect(panelTarget(`${ORIGIN}/reader-page.html?article=a1`, `${ORIGIN}/`)).toEqual({
      kind: 'offline',
      articleId: 'a1',
    });
  });
});

describe('boundTabId', () => {
  test.each([
    ['?tab=42', 42],
    ['?tab=7&x=1', 7],
    ['', null],
    ['?tab=', null],
    ['?tab=0', null],
    ['?tab=-3', null],
    ['?tab=1.5', null],
    ['?tab=12abc', null],
  ])('%s → %s', (search, expected) => {
    expect(boundTabId(search)).toBe(expected);
  });
});
