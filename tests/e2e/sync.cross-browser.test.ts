/**
 * Sync between Chrome and Firefox for real: Chromium with the Chrome build (A) and
 * Firefox ESR with the Firefox build (B), through one real WebDAV server: the
 * scenario in sync-scenario.ts.
 */
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { rcloneMissing } from '../support/webdav-server';
import { describeSyncScenario } from './sync-scenario';
import { browserSkipReason } from './support';
import { launchChromiumSync, launchFirefoxSync } from './sync-driver';

describeSyncScenario({
  title: 'sync between Chromium and Firefox',
  skip: browserSkipReason(CHROMIUM_PATH, 'chromium') ?? browserSkipReason(FIREFOX_PATH, 'firefox-esr') ?? rcloneMissing,
  a: { name: 'Chromium', launch: launchChromiumSync },
  b: { name: 'Firefox', launch: launchFirefoxSync, screenshots: 'firefox' },
});
