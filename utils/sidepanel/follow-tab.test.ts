import { describe, expect, test } from 'vitest';
import { followTab, type FollowState } from './follow-tab';

const following: FollowState = { tabId: 5, windowId: 1, bound: false };
const bound: FollowState = { tabId: 5, windowId: 1, bound: true };

describe('following the active tab', () => {
  test('another tab of the panel’s window becomes active: show it', () => {
    expect(followTab(following, { type: 'activated', tabId: 9, windowId: 1 })).toEqual({ type: 'show', tabId: 9 });
  });
  test('a tab of another window: not ours', () => {
    expect(followTab(following, { type: 'activated', tabId: 9, windowId: 2 })).toBeNull();
  });
  test('window unknown: every activation counts', () => {
    expect(followTab({ ...following, windowId: null }, { type: 'activated', tabId: 9, windowId: 2 })).toEqual({
      type: 'show',
      tabId: 9,
    });
  });
  test('the same tab again: nothing to do', () => {
    expect(followTab(following, { type: 'activated', tabId: 5, windowId: 1 })).toBeNull();
  });
  test('bound to a tab: activations elsewhere are ignored', () => {
    expect(followTab(bound, { type: 'activated', tabId: 9, windowId: 1 })).toBeNull();
  });
});

describe('the shown tab changes', () => {
  test.each([
    [{ url: 'https://example.com/b' }, { type: 'reload' }],
    [{ title: 'New title' }, { type: 'reload' }],
    [{ status: 'complete' }, { type: 'reload' }],
    [{ status: 'loading' }, null],
    [{}, null],
  ])('%o → %o', (change, expected) => {
    expect(followTab(following, { type: 'updated', tabId: 5, change })).toEqual(expected);
    expect(followTab(bound, { type: 'updated', tabId: 5, change })).toEqual(expected);
  });
  test('another tab’s change is not ours', () => {
    expect(followTab(following, { type: 'updated', tabId: 6, change: { url: 'https://x/' } })).toBeNull();
  });
  test('the shown tab closes: nothing to show', () => {
    expect(followTab(following, { type: 'removed', tabId: 5 })).toEqual({ type: 'show', tabId: null });
    expect(followTab(following, { type: 'removed', tabId: 6 })).toBeNull();
  });
});
