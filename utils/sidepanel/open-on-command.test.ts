import { describe, expect, it, vi } from 'vitest';
import { openSidePanel } from './open-on-command';

describe('openSidePanel', () => {
  it('opens the panel for the command’s tab before returning (within the user’s gesture)', () => {
    const open = vi.fn(() => Promise.resolve());
    expect(openSidePanel({ open }, { id: 12 })).toBe(true);
    expect(open).toHaveBeenCalledWith({ tabId: 12 });
  });

  it('does nothing in Firefox (no sidePanel API) or without a tab', () => {
    const open = vi.fn(() => Promise.resolve());
    expect(openSidePanel(undefined, { id: 12 })).toBe(false);
    expect(openSidePanel({ open }, undefined)).toBe(false);
    expect(openSidePanel({ open }, { id: -1 })).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('a refusal by Chrome is reported, not thrown into the command listener', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    openSidePanel({ open: () => Promise.reject(new Error('no user gesture')) }, { id: 3 });
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalledWith('Margin: the side panel did not open', expect.any(Error));
    warn.mockRestore();
  });
});
