/** CSS font stacks for the reader's font choices; each ends in a font Debian/Linux ships. */
import type { ReaderFont } from '@/utils/settings/reader-settings';

export const FONT_STACKS: Record<ReaderFont, string> = {
  serif: "Charter, 'Bitstream Charter', 'Iowan Old Style', Georgia, Cambria, 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'DejaVu Sans', sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
};
