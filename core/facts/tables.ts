/**
 * How the official tables are named in English: the forms number their tables in Chinese
 * (表二, 表三, 表四, from `x-nianbao.table` in the schemas) and an English message says
 * Table 2, Table 3, Table 4. Derived from the Chinese name, so no table is named twice.
 */
import { parseNumeral } from '../text/numerals';

/** 表三 → Table 3; a name that is not 表 + a numeral is returned as it is. */
export function tableNameEn(name: string): string {
  const m = /^表(.+)$/.exec(name);
  const n = m ? parseNumeral(m[1]) : undefined;
  return n === undefined ? name : `Table ${n}`;
}
