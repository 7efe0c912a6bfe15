import { describe, expect, it } from 'vitest';
import { panelFocusTarget } from './panel-focus-message';

const SELF = { id: 'mhlpkdfmnbgljhfcfkbhmkbmgphkcjfn', origin: 'chrome-extension://mhlpkdfmnbgljhfcfkbhmkbmgphkcjfn/' };
const ID = '0190a0b0-0000-7000-8000-000000000001';
const BACKGROUND = { id: SELF.id, url: `${SELF.origin}background.js` };

describe('panel:focus in the side panel', () => {
  it('opens the card when the background names the panel’s tab', () => {
    expect(panelFocusTarget({ tabId: 3, id: ID }, BACKGROUND, SELF, 3)).toBe(ID);
  });

  it.each([
    ['another tab', { tabId: 4, id: ID }, BACKGROUND],
    [
      'a content script (it reaches extension pages too)',
      { tabId: 3, id: ID },
      { id: SELF.id, url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 },
    ],
    [
      'the note card, framed in a tab',
      { tabId: 3, id: ID },
      { id: SELF.id, url: `${SELF.origin}note-card.html`, tab: { id: 3 }, frameId: 2 },
    ],
    ['another extension', { tabId: 3, id: ID }, { id: 'other', url: 'chrome-extension://other/background.js' }],
    ['bad data', { tabId: '3', id: ID }, BACKGROUND],
    ['no id', { tabId: 3 }, BACKGROUND],
  ])('ignores %s', (_, data, sender) => {
    expect(panelFocusTarget(data, sender, SELF, 3)).toBeNull();
  });
});
