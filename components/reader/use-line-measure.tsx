/**
 * The reader's line length in characters, made real: a hidden probe sets a sample of
 * prose in the body font, and the width setting becomes that many average characters.
 * Measured before paint and again whenever the font or its size changes.
 */
import { useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { MEASURE_SAMPLE, lineMeasureCss } from '@/utils/reader/line-measure';
import type { ReaderSettings } from '@/utils/settings/reader-settings';
import { FONT_STACKS } from './font-stacks';

/**
 * @return `measure`, the CSS max-width for the article's lines, and `probe`, an element to
 *   render anywhere in the document (it is invisible and takes no room)
 */
export function useLineMeasure({
  font,
  fontSize,
  lineWidth,
}: Pick<ReaderSettings, 'font' | 'fontSize' | 'lineWidth'>): {
  measure: string;
  probe: ReactElement;
} {
  const ref = useRef<HTMLSpanElement>(null);
  const [sampleWidth, setSampleWidth] = useState<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: font and size are the trigger: the sample is measured again when they change
  useLayoutEffect(() => {
    setSampleWidth(ref.current?.getBoundingClientRect().width ?? null);
  }, [font, fontSize]);

  // The sample is wider than any window: a zero-size clipping box keeps it out of the
  // scrollable area, while the inner span still reports its full width.
  const probe = (
    <span
      aria-hidden="true"
      data-measure-probe=""
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: 0,
        height: 0,
        overflow: 'hidden',
        visibility: 'hidden',
        pointerEvents: 'none',
      }}
    >
      <span ref={ref} style={{ whiteSpace: 'nowrap', fontFamily: FONT_STACKS[font], fontSize: `${fontSize}px` }}>
        {MEASURE_SAMPLE}
      </span>
    </span>
  );
  return { measure: lineMeasureCss(lineWidth, sampleWidth), probe };
}
