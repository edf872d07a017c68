/**
 * Page furniture: page numbers (`- 3 -`, `第 3 页`, `3 / 12`, a bare number) and running headers
 * or footers (the same text, digits aside, on several pages) in the top or bottom band of the
 * page. They are not part of the report's text; their line numbers go to `pageNumbers`.
 */
import { isPageNumber, stripWs } from '../normalize';
import type { Line } from './lines';
import type { PageLayout } from './page';

/** Headers and footers live in the top and bottom tenth of a page (A4: about 3 cm). */
const BAND = 0.1;
/** A running header or footer repeats on at least this share of the pages (and on two or more). */
const REPEAT_SHARE = 0.5;

const key = (l: Line) => stripWs(l.text).replace(/\d+/g, '#');

/** The furniture lines of each page. */
export function furnitureOf(pages: PageLayout[]): Set<Line> {
  const banded = (p: PageLayout) =>
    p.elements.flatMap((e) =>
      e.kind === 'line' && (e.line.y1 <= BAND * p.height || e.line.y0 >= (1 - BAND) * p.height) ? [e.line] : [],
    );
  const counts = new Map<string, number>();
  for (const p of pages) for (const k of new Set(banded(p).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out = new Set<Line>();
  for (const p of pages) {
    for (const l of banded(p)) {
      const t = stripWs(l.text);
      const repeated = (counts.get(key(l)) ?? 0) >= Math.max(2, REPEAT_SHARE * pages.length);
      if (isPageNumber(t) || /^\d{1,4}$/.test(t) || repeated) out.add(l);
    }
  }
  return out;
}
