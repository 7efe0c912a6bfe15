import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { refuse, registerRoutes, routeMessage, type Route } from './message-router';
import type { SelfIdentity } from './sender-rules';

const SELF: SelfIdentity = { id: 'ext', origin: 'chrome-extension://ext/' };
const POPUP = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const CONTENT = { id: 'ext', url: 'https://example.com/', tab: { id: 3 }, frameId: 0 };

describe('routeMessage', () => {
  const echo: Route<{ n: number }, number | { error: string }> = {
    schema: z.strictObject({ n: z.number() }),
    from: 'content',
    refusal: (error) => ({ error }),
    handle: ({ n }) => (n < 0 ? refuse('n must not be negative') : n * 2),
  };

  it('answers a valid message', async () => {
    expect(await routeMessage('echo', echo, { n: 2 }, CONTENT, SELF)).toBe(4);
  });

  it('answers a refusal of the data, the sender or the handler as the route’s error answer', async () => {
    expect(await routeMessage('echo', echo, { n: 'two' }, CONTENT, SELF)).toEqual({
      error: expect.stringMatching(/^Margin refused this request \(echo\): n: /),
    });
    expect(await routeMessage('echo', echo, { n: -1 }, CONTENT, SELF)).toEqual({
      error: 'Margin refused this request (echo): n must not be negative.',
    });
    expect(await routeMessage('echo', { ...echo, from: 'extension' }, { n: 2 }, CONTENT, SELF)).toMatchObject({
      error: expect.stringMatching(/own pages/),
    });
  });

  it('throws the refusal when the message’s answer has no error form', async () => {
    const { refusal: _, ...thrown } = echo;
    await expect(routeMessage('echo', thrown, { n: 1, extra: true }, POPUP, SELF)).rejects.toThrow(
      /^Margin refused this request \(echo\): /,
    );
  });

  it('lets a bug propagate as it is, not dressed as a refusal', async () => {
    const broken = { ...echo, handle: () => Promise.reject(new RangeError('bug')) };
    await expect(routeMessage('echo', broken, { n: 1 }, POPUP, SELF)).rejects.toThrow(RangeError);
  });
});

describe('registerRoutes', () => {
  it('answers each message of the table through the gate, with the sender the messenger gives', async () => {
    const handlers = new Map<string, (m: { data: unknown; sender: unknown }) => unknown>();
    const messenger = {
      onMessage: (type: string, handler: (m: { data: unknown; sender: unknown }) => unknown) =>
        handlers.set(type, handler),
    };
    registerRoutes<{ double: (d: { n: number }) => number }>(
      messenger as never,
      { double: { schema: z.object({ n: z.number() }), from: 'extension', handle: ({ n }) => n * 2 } },
      SELF,
    );
    expect(await handlers.get('double')!({ data: { n: 4 }, sender: POPUP })).toBe(8);
    await expect(handlers.get('double')!({ data: { n: 4 }, sender: CONTENT })).rejects.toThrow(/own pages/);
  });
});
