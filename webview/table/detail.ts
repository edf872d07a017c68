/**
 * The bar under the report that speaks for the active cell, field or section: its printed
 * labels and value, the reason of every finding on it (with the value a wrong total should have
 * and the size of a blank group), the sums a total closes, and the quick-fix button. It is a
 * live region, and the active cell points to it with aria-describedby.
 */
import type { GridFinding, GridSum } from '../../protocol/table';
import { h } from './dom';
import { fill, type Words } from './text';

export const DETAIL_MESSAGES_ID = 'detail-messages';

export interface Subject {
  path: string;
  label: string;
  value: string;
  findings: GridFinding[];
  sums: GridSum[];
}

export function drawDetail(bar: HTMLElement, s: Subject | undefined, w: Words): void {
  if (!s) {
    bar.replaceChildren(h('p', { class: 'help' }, w.help));
    return;
  }
  const head = h('p', { class: 'subject' }, h('strong', {}, s.label), s.value ? `　${s.value}` : '');
  const items = s.findings.map((f) =>
    h(
      'li',
      { class: `sev-${f.severity}` },
      h('span', { class: 'code' }, f.code),
      ` ${f.message}`,
      f.group ? h('span', { class: 'note' }, `　${fill(w.group, f.group.count)}`) : undefined,
    ),
  );
  for (const sum of s.sums)
    items.push(
      h(
        'li',
        { class: sum.ok ? 'sum-line' : 'sum-line bad' },
        `${w.sum}：${w.sumShould} ${sum.computed}${sum.blanks ? fill(w.sumBlanks, sum.blanks) : ''}`,
      ),
    );
  const list = h('ul', { id: DETAIL_MESSAGES_ID }, ...items);
  const buttons = h('p', { class: 'actions' });
  if (s.findings.length) buttons.append(h('button', { type: 'button', 'data-action': 'fix' }, `${w.fix} (${w.fixKey})`));
  buttons.append(h('button', { type: 'button', 'data-action': 'reveal', class: 'secondary' }, w.source));
  bar.replaceChildren(head, list, buttons);
}
