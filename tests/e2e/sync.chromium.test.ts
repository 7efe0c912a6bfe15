/**
 * Sync end to end between two Chromium profiles with the built Chrome extension,
 * through a real WebDAV server: the scenario in sync-scenario.ts.
 */
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { WEBDAV_KINDS } from '../support/webdav-kinds';
import { describeSyncScenario } from './sync-scenario';
import { browserSkipReason } from './support';
import { launchChromiumSync } from './sync-driver';

describeSyncScenario({
  title: 'sync between two Chromium profiles',
  skip: browserSkipReason(CHROMIUM_PATH, 'chromium'),
  // rclone here, Apache between Chromium and Firefox: each server meets real browsers.
  server: WEBDAV_KINDS[0]!,
  a: { name: 'A', launch: launchChromiumSync },
  b: { name: 'B', launch: launchChromiumSync, screenshots: 'chromium' },
});
