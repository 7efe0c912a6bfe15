/**
 * The reader view in real Firefox (Debian's ESR) with the Firefox build installed, on pages
 * served from 127.0.0.1: the same checks as reader.chromium.test.ts (reader-view-tests.ts),
 * driven by puppeteer over WebDriver BiDi, which reads the closed shadow root (reader-driver.ts).
 */
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { launchFirefoxReader } from './reader-driver';
import { describeReaderSuite } from './reader-scenario';
import { readerViewTests } from './reader-view-tests';
import { browserSkipReason } from './support';

describeReaderSuite(
  'reader view',
  { browser: 'Firefox', skip: browserSkipReason(FIREFOX_PATH, 'firefox-esr'), launch: launchFirefoxReader },
  [readerViewTests],
);
