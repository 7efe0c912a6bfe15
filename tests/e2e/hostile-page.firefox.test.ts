/**
 * The hostile page of hostile-page.chromium.test.ts in Firefox ESR with the Firefox build:
 * attacks 1 to 7 of the scenario in hostile-scenario.ts, driven by puppeteer over WebDriver
 * BiDi (hostile-firefox.ts). The content script's world is reached from the browser's chrome
 * window, as the Chromium suite reaches it through the DevTools protocol.
 *
 * Left out here (Chromium only): the independent look into the reader's shadow tree (attack 4
 * checks what the page itself could do, not what DevTools sees).
 */
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { launchFirefoxHostile } from './hostile-firefox';
import { compromisedContentScriptAttack } from './hostile-messages-attack';
import { attacksOnThePage } from './hostile-page-attacks';
import { describeHostile } from './hostile-scenario';
import { browserSkipReason } from './support';

describeHostile(
  {
    title: 'a hostile page in Firefox',
    skip: browserSkipReason(FIREFOX_PATH, 'firefox-esr'),
    launch: launchFirefoxHostile,
  },
  [attacksOnThePage, compromisedContentScriptAttack],
);
