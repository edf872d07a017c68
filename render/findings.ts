/**
 * The findings panel at the top of the page: counts by severity, then every finding linked to its
 * line, those no cell or heading showed first.
 */
import type { Diagnostic, Locale, Severity } from '../core/types';
import { say } from '../core/messages/define';
import { esc } from './escape';
import { RENDER } from './messages';

const SEV_ORDER: Severity[] = ['error', 'warning', 'info'];

export function findingsPanel(all: readonly Diagnostic[], shown: ReadonlySet<Diagnostic>, locale: Locale): string {
  const summary = SEV_ORDER.map(
    (s) => `<span class="sev-${s}">${all.filter((d) => d.severity === s).length} ${RENDER[s][locale]}</span>`,
  ).join(locale === 'en' ? ', ' : '，');
  const sorted = [...all.filter((d) => !shown.has(d)), ...all.filter((d) => shown.has(d))];
  const items = sorted.map(
    (d) => `<li class="sev-${d.severity}" data-line="${d.range.start.line}">${esc(d.code)} ${esc(d.message[locale])}</li>`,
  );
  const open = all.some((d) => !shown.has(d) && d.severity !== 'info');
  return [
    `<details class="findings"${open ? ' open' : ''}>`,
    `<summary>${say(locale, RENDER.findings, { counts: summary })}${all.length ? RENDER.hoverHint[locale] : ''}</summary>`,
    items.length ? `<ul>${items.join('')}</ul>` : '',
    '</details>',
  ].join('\n');
}
