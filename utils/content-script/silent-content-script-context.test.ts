// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext, liveContextKey } from './silent-content-script-context';

const started: ContentScriptContext[] = [];
function start(name: string) {
  const ctx = new ContentScriptContext(name);
  started.push(ctx);
  return ctx;
}

describe('the content-script context tells the page nothing', () => {
  afterEach(() => {
    for (const ctx of started.splice(0)) ctx.notifyInvalidated();
    vi.restoreAllMocks();
  });

  test('starting posts no message to the page and dispatches no event on its document or window', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    start('highlighter');
    expect(posted).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
  });

  test('a page replaying WXT’s started event cannot stop the script', () => {
    const ctx = start('highlighter');
    // WXT's name is `<extension id>:<entrypoint>:wxt:content-script-started` (a page learns it from the broadcast).
    const entrypoint = (import.meta as unknown as { env: Record<string, string | undefined> }).env['ENTRYPOINT'];
    for (const name of [
      'wxt:content-script-started',
      `${browser.runtime.id}:highlighter:wxt:content-script-started`,
      `${browser.runtime.id}:${entrypoint}:wxt:content-script-started`,
    ]) {
      document.dispatchEvent(
        new CustomEvent(name, { detail: { contentScriptName: 'highlighter', messageId: 'page' } }),
      );
      window.postMessage({ type: name, contentScriptName: 'highlighter', messageId: 'page' }, '*');
    }
    expect(ctx.signal.aborted).toBe(false);
  });

  test('a newer copy of the same script stops the older one, inside the content-script world', () => {
    const older = start('highlighter');
    const reader = start('reader');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const newer = start('highlighter');
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(older.signal.aborted).toBe(true);
    expect(reader.signal.aborted).toBe(false);
    expect((globalThis as Record<symbol, unknown>)[liveContextKey('highlighter')]).toBe(newer);
  });

  test('timers and listeners stop with the context', () => {
    vi.useFakeTimers();
    const ctx = start('highlighter');
    const tick = vi.fn();
    const clicked = vi.fn();
    ctx.setTimeout(tick, 10);
    ctx.addEventListener(document, 'click', clicked);
    ctx.notifyInvalidated();
    vi.advanceTimersByTime(20);
    document.dispatchEvent(new MouseEvent('click'));
    expect(tick).not.toHaveBeenCalled();
    expect(clicked).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});
