/**
 * The renderer: a report as the official report in HTML (html.ts) or DOCX (docx.ts), both laid
 * out by the one layout model (layout/: the official layout of each table, from the schemas).
 */
import type { CheckOptions } from '../core/rules/options';
import { checkText } from '../core/rules/run';
import { renderReport, type RenderOptions } from './html';

export { renderBody, renderReport, type RenderOptions } from './html';
export { documentLayout, cellOf, cellText, tableFormat, type SectionLayout } from './layout/document';
export { tableLayout } from './layout/tables';
export { valueCells, type LayoutCell, type LayoutTable } from './layout/model';

/** Renders YAML text: checks it, then renders the result. */
export function renderText(text: string, opts: RenderOptions = {}, check: CheckOptions = {}): string {
  return renderReport(checkText(text, check), opts);
}
