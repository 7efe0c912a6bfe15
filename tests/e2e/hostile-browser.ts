/**
 * What the hostile-page scenario (`hostile-scenario.ts`) needs of a browser, whichever library
 * drives it: Playwright for Chromium (`hostile-chromium.ts`), puppeteer over WebDriver BiDi for
 * Firefox (`hostile-firefox.ts`). Input is real (the driver's mouse and keyboard); what Margin
 * hides from the page is reached the way each browser allows (DevTools protocol, chrome window).
 */
import type { ReaderToggle } from '../../scripts/lib/reader-toggle';
import type { Evaluates } from './hostile-driver';
import type { Answer } from './hostile-messages';

export interface Point {
  x: number;
  y: number;
}

/** One tab, with the extension's view of it. `evaluate` runs in the page's main world. */
export interface HostileTab extends Evaluates {
  url(): string;
  title(): Promise<string>;
  /** A real mouse click at a viewport point. */
  clickAt(point: Point): Promise<void>;
  /** A real mouse click on the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** A real key press (Playwright's names; a driver may refuse chords its library lacks). */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Presses the mouse at `from`, moves to `to` in 8 steps and releases: a selection made by hand. */
  drag(from: Point, to: Point): Promise<void>;
  /**
   * Clicks the painted highlight of `quote` and types `text` into whichever note editor Margin
   * shows (the note card's frame, else the toolbar's field), saved with Ctrl+Enter.
   * @return which editor took the note
   */
  typeNoteForReal(quote: string, text: string): Promise<'note-card' | 'toolbar'>;
  /** The browser's id for this tab. */
  tabId(): Promise<number>;
  /** Sends a message to this tab's content scripts, as the background does. */
  tell(type: string, data: unknown): Promise<Answer>;
  /** Toggles the reader view as the popup would. */
  toggleReader(): Promise<ReaderToggle>;
  /**
   * The text of the reader overlay's shadow root as the browser's tools see it (closed roots
   * too), or null without one. Absent where the driver has no such look (Firefox).
   */
  readerShadowText?: () => Promise<string | null>;
  /** Runs `expression` in Margin's content-script world here; its value (awaited), or `{ error }`. */
  inContentScript(expression: string): Promise<unknown>;
  /** Sends a message to the background from Margin's content-script world here. */
  sendFromContentScript(type: string, data: unknown): Promise<Answer>;
  close(): Promise<void>;
}

/** The extension's options page, as a user fills it. */
export interface OptionsForm {
  /** Puts the options tab in front, where typing needs it. */
  front(): Promise<void>;
  count(selector: string): Promise<number>;
  /** Replaces a field's value, as typed (React ignores a value set by script). */
  fill(selector: string, value: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** An element's text, '' when it is not there. */
  text(selector: string): Promise<string>;
}

/** A browser with the built extension, its options page open with `hostile-db.ts`'s data layer loaded. */
export interface HostileBrowser {
  /** The extension API's global in a content script: `chrome` in Chromium, `browser` in Firefox. */
  api: 'chrome' | 'browser';
  /** The options page, where records are seeded and read. */
  control: Evaluates;
  options: OptionsForm;
  /** Opens `url` in a new tab and waits for it to load. */
  open(url: string): Promise<HostileTab>;
  /** Sends a message to the background from the options page. */
  askBackground(type: string, data: unknown): Promise<Answer>;
  close(): Promise<void>;
}
