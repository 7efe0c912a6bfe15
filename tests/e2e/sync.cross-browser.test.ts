/**
 * Sync between Chrome and Firefox for real: Chromium with the Chrome build (A) and
 * Firefox ESR with the Firefox build (B), through one real WebDAV server (Apache
 * unless MARGIN_WEBDAV picks rclone only): the scenario in sync-scenario.ts.
 */
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { WEBDAV_KINDS } from '../support/webdav-kinds';
import { describeSyncScenario } from './sync-scenario';
import { browserSkipReason } from './support';
import { launchChromiumSync, launchFirefoxSync } from './sync-driver';

describeSyncScenario({
  title: 'sync between Chromium and Firefox',
  skip: browserSkipReason(CHROMIUM_PATH, 'chromium') ?? browserSkipReason(FIREFOX_PATH, 'firefox-esr'),
  // Apache here, rclone between two Chromium profiles: each server meets real browsers.
  server: WEBDAV_KINDS.at(-1)!,
  a: { name: 'Chromium', launch: launchChromiumSync },
  b: { name: 'Firefox', launch: launchFirefoxSync, screenshots: 'firefox' },
});
