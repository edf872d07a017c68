/**
 * The report's title: 〈机关名称〉〈YYYY〉年(度)政府信息公开工作年度报告 (SPEC.md §2.1). Used to
 * write a title (skeleton, render), to read organ and year back from one (import, META-*), and
 * to propose a file name.
 */

export const TITLE_SUFFIX = '政府信息公开工作年度报告';

export function makeTitle(organ: string, year: number | string): string {
  return `${organ}${year}年${TITLE_SUFFIX}`;
}

/** Does the text read as a report title (the words, whatever the spacing)? */
export function isTitle(text: string): boolean {
  return text.replace(/\s+/g, '').includes(TITLE_SUFFIX);
}

const YEAR_IN_TITLE = /((?:19|20)\d\d)\s*年度?/;

/** The organ and year a title names: 淮安市人民政府2024年政府信息公开工作年度报告 → 淮安市人民政府, 2024. */
export function readTitle(title: string): { organ?: string; year?: number } {
  const t = title.replace(/\s+/g, '');
  const y = YEAR_IN_TITLE.exec(t);
  const year = y ? Number(y[1]) : undefined;
  let organ: string | undefined;
  if (y && y.index > 0) organ = t.slice(0, y.index);
  else {
    const rest = y ? t.slice(y.index + y[0].length) : t;
    organ = /^(.+?)(?:人民政府|政府)?(?:政府信息公开|政务公开|信息公开)/.exec(rest)?.[1];
  }
  return { organ: organ || undefined, year };
}

/** A file name for a report: 淮安市人民政府-2024.nianbao.yaml (characters a file system refuses removed). */
export function reportFileName(organ: string | undefined, year: number | undefined): string {
  const safe = (organ ?? '').replace(/[\\/:*?"<>|\u0000-\u001f\s]+/g, '').slice(0, 60);
  const parts = [safe || '年报', year !== undefined ? String(year) : ''].filter(Boolean);
  return `${parts.join('-')}.nianbao.yaml`;
}
