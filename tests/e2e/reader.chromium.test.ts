/**
 * The reader view in real Chromium with the built extension loaded, on pages served from
 * 127.0.0.1 (reader-view-tests.ts). The reader's closed shadow root is read through the
 * DevTools protocol (reader-driver.ts).
 */
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { launchChromiumReader } from './reader-driver';
import { describeReaderSuite } from './reader-scenario';
import { readerViewTests } from './reader-view-tests';
import { browserSkipReason } from './support';

describeReaderSuite(
  'reader view',
  { browser: 'Chromium', skip: browserSkipReason(CHROMIUM_PATH, 'chromium'), launch: launchChromiumReader },
  [readerViewTests],
);
