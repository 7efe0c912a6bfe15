/**
 * WXT's content-script context, rewritten without anything the page can see or send.
 *
 * WXT's own `ContentScriptContext` announces every start with a `window.postMessage` and a
 * document `CustomEvent` named `<extension id>:<script>:wxt:content-script-started`, and stops
 * itself when it sees that event from "a newer copy"; its `wxt:locationchange` is an event on
 * the page's `window`. All of it travels through the page: any site could detect Margin (and
 * learn its id), replay the started event to switch the highlighter off, or fake an address
 * change. `wxt.config.ts` aliases `wxt/utils/content-script-context` to this module, so WXT's
 * entry wrapper constructs this class instead. (A subclass of WXT's class would still carry the
 * started-message name in the page's bundle, in the parent's static field.)
 *
 * Here, a newer copy of one of our scripts (the background injects the highlighter into tabs
 * opened before install) stops the older one inside the content-script world, which the page
 * cannot reach: the live context is kept on the world's global under a `Symbol.for` key. Address
 * changes are delivered on a private `EventTarget`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptDefinition } from 'wxt';

type Registry = Record<symbol, ContentScriptContext | undefined>;

/** The key under which the live context of the script `name` is kept in the content-script world. */
export function liveContextKey(name: string): symbol {
  return Symbol.for(`margin.content-script-context.${name}`);
}

/** What `ctx.addEventListener(window, 'wxt:locationchange', …)` receives. */
export interface LocationChange extends Event {
  readonly newUrl: URL;
  readonly oldUrl: URL;
}

function locationChange(newUrl: URL, oldUrl: URL): LocationChange {
  return Object.assign(new Event('wxt:locationchange'), { newUrl, oldUrl });
}

interface NavigationLike extends EventTarget {
  addEventListener(
    type: 'navigate',
    cb: (e: Event & { destination?: { url: string } }) => void,
    o?: AddEventListenerOptions,
  ): void;
}

/**
 * The same surface as WXT's `ContentScriptContext` (`signal`, `onInvalidated`, timers bound
 * to it, `addEventListener` with `wxt:locationchange`), so WXT's helpers (`createShadowRootUi`)
 * and our entrypoints use it unchanged.
 */
export class ContentScriptContext {
  readonly abortController = new AbortController();
  private readonly locationEvents = new EventTarget();
  private watchingLocation = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: Omit<ContentScriptDefinition, 'main'>,
  ) {
    this.stopOldScripts();
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }
  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }
  get isInvalid(): boolean {
    // The extension was reloaded or removed: this copy's messaging is dead.
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }
  get isValid(): boolean {
    return !this.isInvalid;
  }
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }
  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }
  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((d) => !this.signal.aborted && callback(d), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = handler as unknown as EventListener;
    if (type === 'wxt:locationchange') {
      this.watchLocation();
      this.locationEvents.addEventListener(type, listener, { ...options, signal: this.signal });
      return;
    }
    target.addEventListener?.(type, listener, { ...options, signal: this.signal });
  }
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  /** Invalidates the older copy of this script in this world (if any) and takes its place. Nothing reaches the page. */
  stopOldScripts(): void {
    const registry = globalThis as unknown as Registry;
    const key = liveContextKey(this.contentScriptName);
    const older = registry[key];
    if (older && older !== this) older.notifyInvalidated();
    registry[key] = this;
    this.onInvalidated(() => {
      if (registry[key] === this) delete registry[key];
    });
  }
  /** Kept for WXT's interface: newer copies stop this one through `stopOldScripts`. */
  listenForNewerScripts(): void {}

  /** Address changes without a load (single-page apps): the Navigation API where there is one, else a poll. */
  private watchLocation() {
    if (this.watchingLocation) return;
    this.watchingLocation = true;
    let last = new URL(location.href);
    const moved = (next: URL) => {
      if (next.href === last.href) return;
      this.locationEvents.dispatchEvent(locationChange(next, last));
      last = next;
    };
    const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          // A page can dispatch its own 'navigate' events; only the browser's count.
          if (event.isTrusted && event.destination) moved(new URL(event.destination.url));
        },
        { signal: this.signal },
      );
    } else this.setInterval(() => moved(new URL(location.href)), 1000);
  }
}
