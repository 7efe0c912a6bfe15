/**
 * The reader view's typography measured in real Chromium with the built extension
 * (reader-typography-tests.ts): every browser's tests, and those run in Chromium only so far.
 */
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { launchChromiumReader } from './reader-driver';
import { describeReaderSuite } from './reader-scenario';
import { moreTypographyTests, typographyTests } from './reader-typography-tests';
import { browserSkipReason } from './support';

describeReaderSuite(
  'reader typography',
  { browser: 'Chromium', skip: browserSkipReason(CHROMIUM_PATH, 'chromium'), launch: launchChromiumReader },
  [typographyTests, moreTypographyTests],
);
