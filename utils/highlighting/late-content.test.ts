// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForLateContent } from './late-content';

describe('watchForLateContent', () => {
  afterEach(() => vi.useRealTimers());

  it('re-anchors once, debounced, when a burst of content arrives, and stops when everything is placed', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main')!;
    let placed = false;
    const onChange = vi.fn(() => (placed = true));
    watchForLateContent(document.body, { onChange, done: () => placed, debounceMs: 100, quietMs: 5000 });
    for (let i = 0; i < 5; i++) main.append(Object.assign(document.createElement('p'), { textContent: `para ${i}` }));
    await vi.advanceTimersByTimeAsync(50);
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).toHaveBeenCalledTimes(1);
    main.append(Object.assign(document.createElement('p'), { textContent: 'later' }));
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).toHaveBeenCalledTimes(1); // stopped: nothing left to place
  });

  it('ignores Margin’s own elements and empty nodes, and stops after the page has been quiet', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main></main>';
    const onChange = vi.fn();
    watchForLateContent(document.body, { onChange, done: () => false, debounceMs: 100, quietMs: 1000 });
    const ui = document.createElement('div');
    ui.setAttribute('data-margin-ui', '');
    ui.textContent = 'toolbar';
    document.body.append(ui, document.createElement('div'));
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'too late' }));
    await vi.advanceTimersByTimeAsync(300);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('watchForLateContent settling', () => {
  afterEach(() => vi.useRealTimers());

  it('reports what is still missing once the page has stopped changing, not while content is arriving', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<main></main>';
    const onSettled = vi.fn();
    watchForLateContent(document.body, {
      onChange: () => {},
      done: () => false,
      onSettled,
      debounceMs: 50,
      settleMs: 1000,
    });
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(600);
      document.body.append(Object.assign(document.createElement('p'), { textContent: `chunk ${i}` }));
    }
    expect(onSettled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1100);
    expect(onSettled).toHaveBeenCalledTimes(1);
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'more' }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });
});
