/**
 * A report's organ and year without parsing all of it: the index keeps only each file's `meta:`
 * block (a core `ReportIndex` of tiny reports), and re-reads an open document's block on every
 * change to see whether its organ or year moved.
 */
import { identityOf, type Report } from '../../core';

/**
 * The top-level `meta:` block of a report's text (block style, key at column 0, up to the next
 * top-level line), or undefined when there is none: enough to read organ and year.
 */
export function metaBlock(text: string): string | undefined {
  const m = /^(?:meta|"meta"|'meta')[ \t]*:(?=[ \t]|\r?$)/m.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index);
  const next = /\n(?=[^\s#])/.exec(rest);
  return next ? rest.slice(0, next.index + 1) : rest;
}

/** A meta block that says what a fully parsed report does (for texts without a plain `meta:` block). */
export function metaOfReport(report: Report | undefined): string {
  const id = report && identityOf(report);
  return id ? `meta:\n  organ: ${JSON.stringify(id.organ)}\n  year: ${id.year}\n` : '';
}
