/**
 * Highlights made through the real extension without a mouse: from an extension page
 * (the drivers' control page), ask the tab's highlighter what page it shows
 * (`page:info`) and send the background `highlight:create` for each passage, as the
 * highlighter does after a selection. The page then re-anchors them at its next load
 * and reports their positions. Shared by the Chromium (Playwright) and Firefox
 * (Puppeteer) drivers and the side panel benchmark.
 */

/** One highlight to make: its exact text on the page (unique there), and what to put on it. */
export interface SeedHighlight {
  exact: string;
  colour?: 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
  note?: string;
  tags?: string[];
}

interface ExtensionApi {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<{ res?: unknown; err?: unknown } | undefined> };
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: unknown } | undefined> };
}

/**
 * Runs inside an extension page (serialized by the driver: it uses nothing from outside itself).
 * @return the new highlights' ids, in input order
 * @throws when the tab has no highlighter or the background refuses one
 */
export async function seedFromExtensionPage({
  tabId,
  highlights,
}: {
  tabId: number;
  highlights: SeedHighlight[];
}): Promise<string[]> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  const info = await api.tabs.sendMessage(tabId, {
    id: Date.now(),
    type: 'page:info',
    data: undefined,
    timestamp: Date.now(),
  });
  if (!info || info.err || !info.res) throw new Error(`tab ${tabId} has no highlighter: ${JSON.stringify(info?.err)}`);
  const ids: string[] = [];
  for (const h of highlights) {
    const reply = await api.runtime.sendMessage({
      id: Math.floor(Math.random() * 1e9),
      type: 'highlight:create',
      data: {
        page: info.res,
        selectors: [{ type: 'TextQuoteSelector', exact: h.exact }],
        colour: h.colour,
        note: h.note,
        tags: h.tags,
      },
      timestamp: Date.now(),
    });
    const made = reply?.res as { id?: string; error?: string } | undefined;
    if (!made?.id) throw new Error(`"${h.exact}" was not saved: ${JSON.stringify(reply)}`);
    ids.push(made.id);
  }
  return ids;
}
