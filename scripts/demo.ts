/**
 * `npm run demo`: serves the bundled sample post on 127.0.0.1 and opens Chromium
 * (a real window) with the freshly built extension, the post open in reader view.
 * Runs until the browser window is closed.
 */
import { resolve } from 'node:path';
import { chromiumAvailable, CHROMIUM_PATH, launchChromiumWithExtension, toggleReader } from './lib/chromium';
import { startServer } from './serve';

const SAMPLE = 'kubecon-eu-2024-day-two/';

if (!chromiumAvailable()) {
  console.error(`Chromium is not installed at ${CHROMIUM_PATH}: sudo apt-get install chromium`);
  process.exit(1);
}
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display to open a window on: run it in a desktop session, or under `xvfb-run npm run demo`.');
  process.exit(1);
}

const server = await startServer({ root: resolve('demo'), port: Number(process.env.PORT ?? 0) });
const session = await launchChromiumWithExtension({ headless: false });
const page = await session.context.newPage();
await page.goto(new URL(SAMPLE, server.url).href);
const result = await toggleReader(session, page);
// The options page served as the demo's remote control; the reader stays open without it.
await session.controlPage.close();
await page.bringToFront();
console.log(`Margin demo: ${server.url}${SAMPLE} (reader view: ${result.state}). Close the browser window to stop.`);

session.context.on('close', () => void server.close().then(() => process.exit(0)));
process.on(
  'SIGINT',
  () =>
    void session
      .close()
      .then(() => server.close())
      .then(() => process.exit(0)),
);
