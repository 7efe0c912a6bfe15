/**
 * The reader's typography in real Firefox (Debian's ESR) with the Firefox build: the
 * measurements every browser gets (reader-typography-tests.ts; the width setting and CJK inside
 * another language run in Chromium only so far).
 */
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { launchFirefoxReader } from './reader-driver';
import { describeReaderSuite } from './reader-scenario';
import { typographyTests } from './reader-typography-tests';
import { browserSkipReason } from './support';

describeReaderSuite(
  'reader typography',
  { browser: 'Firefox', skip: browserSkipReason(FIREFOX_PATH, 'firefox-esr'), launch: launchFirefoxReader },
  [typographyTests],
);
