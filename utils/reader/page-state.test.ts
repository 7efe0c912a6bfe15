// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { capturePageState, restorePageState } from './page-state';

test('focus goes back to the element that had it', () => {
  document.body.innerHTML = '<input id="q"><button id="b">go</button>';
  const input = document.getElementById('q') as HTMLInputElement;
  input.focus();
  const state = capturePageState(window);
  (document.getElementById('b') as HTMLButtonElement).focus();
  restorePageState(window, state);
  expect(document.activeElement).toBe(input);
});

test('scroll position is put back when something moved it', () => {
  document.body.innerHTML = '<div style="height:5000px"></div>';
  window.scrollTo(0, 300);
  const state = capturePageState(window);
  window.scrollTo(0, 1200);
  restorePageState(window, state);
  expect(window.scrollY).toBe(state.scrollY);
});

test('an element removed meanwhile is skipped, not thrown on', () => {
  document.body.innerHTML = '<button id="b">go</button>';
  const b = document.getElementById('b') as HTMLButtonElement;
  b.focus();
  const state = capturePageState(window);
  b.remove();
  expect(() => restorePageState(window, state)).not.toThrow();
});
