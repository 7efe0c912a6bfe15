/**
 * Attack 7 of the hostile-page scenario (hostile-messages-attack.ts) in Chromium: a compromised
 * content script, reached through the DevTools protocol as an exploit in the page's renderer
 * would reach it, asks the background for what is not its page's. Firefox runs it with attacks
 * 1 to 6 in hostile-page.firefox.test.ts; here it keeps a file (and a browser) of its own.
 */
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { launchChromiumHostile } from './hostile-chromium';
import { compromisedContentScriptAttack } from './hostile-messages-attack';
import { describeHostile } from './hostile-scenario';
import { browserSkipReason } from './support';

describeHostile(
  {
    title: 'a compromised content script in Chromium',
    skip: browserSkipReason(CHROMIUM_PATH, 'chromium'),
    launch: launchChromiumHostile,
  },
  [compromisedContentScriptAttack],
);
