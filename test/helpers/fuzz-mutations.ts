/**
 * Mutations of a report text for the property-based tests (test/helpers/fuzz.ts): what authors
 * do to a report while typing or pasting — a cell edited to a number, a huge or fractional one,
 * text with a unit, a YAML tag; a key that lost its colon or its value; a duplicated key or
 * line; comments; deleted lines; a row rewritten as a block map; stray characters; CRLF or CR
 * line breaks. Each mutation is plain data, so fast-check can shrink a failing case and a
 * fixture can record how it was made.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'value'; slot: number; value: string }
  | { op: 'dropColon'; slot: number; keepValue: boolean }
  | { op: 'dropValue'; slot: number }
  | { op: 'dupKey'; slot: number; value: string }
  | { op: 'fullWidthColon'; slot: number }
  | { op: 'comment'; line: number; text: string; ownLine: boolean }
  | { op: 'deleteLine'; line: number }
  | { op: 'dupLine'; line: number }
  | { op: 'block'; line: number }
  | { op: 'insert'; at: number; text: string };

export type LineEnds = 'lf' | 'crlf' | 'cr' | 'mixed';

export interface FuzzCase {
  /** File name of the example report the case starts from (examples/reports/). */
  base: string;
  mutations: Mutation[];
  eol: LineEnds;
  bom: boolean;
}

/** A `key: value` slot of the text: in a flow map (`{a: 1, b: 2}`) or a block line. */
interface Slot {
  keyStart: number;
  colon: number;
  valueStart: number;
  valueEnd: number;
  key: string;
}

const FLOW_SLOT = /([{,][ \t]*)([A-Za-z_][A-Za-z0-9_]*)(:)([ \t]*)([^,{}\n\r#]*)/g;
const BLOCK_SLOT = /^([ \t]*)([A-Za-z_][A-Za-z0-9_]*)(:)([ \t]*)([^\n\r#{]*)/gm;

function slotsOf(text: string): Slot[] {
  const out: Slot[] = [];
  for (const re of [FLOW_SLOT, BLOCK_SLOT]) {
    for (const m of text.matchAll(re)) {
      const keyStart = m.index + m[1].length;
      const colon = keyStart + m[2].length;
      const valueStart = colon + 1 + m[4].length;
      const valueEnd = valueStart + m[5].trimEnd().length;
      out.push({ keyStart, colon, valueStart, valueEnd, key: m[2] });
    }
  }
  return out.sort((a, b) => a.keyStart - b.keyStart);
}

const splice = (t: string, start: number, end: number, s: string) => t.slice(0, start) + s + t.slice(end);

/** Applies one mutation to an LF text; indices wrap around what the text has. */
export function mutate(text: string, m: Mutation): string {
  if ('slot' in m) {
    const slots = slotsOf(text);
    if (!slots.length) return text;
    const s = slots[m.slot % slots.length];
    switch (m.op) {
      case 'value':
        return splice(text, s.valueStart, s.valueEnd, m.value);
      case 'dropColon':
        return m.keepValue ? splice(text, s.colon, s.colon + 1, '') : splice(text, s.colon, s.valueEnd, '');
      case 'dropValue':
        return splice(text, s.colon + 1, s.valueEnd, '');
      case 'dupKey': {
        // In a flow map a second `key: value` after this one; on a block line the same line again.
        const inFlow = /[{,][ \t]*$/.test(text.slice(text.lastIndexOf('\n', s.keyStart) + 1, s.keyStart));
        if (inFlow) return splice(text, s.valueEnd, s.valueEnd, `, ${s.key}: ${m.value}`);
        const lineEnd = text.indexOf('\n', s.keyStart);
        const start = text.lastIndexOf('\n', s.keyStart) + 1;
        const line = text.slice(start, lineEnd < 0 ? text.length : lineEnd);
        return splice(text, start, start, `${line}\n`);
      }
      case 'fullWidthColon':
        return splice(text, s.colon, s.colon + 1, '：');
    }
  }
  const lines = text.split('\n');
  switch (m.op) {
    case 'comment': {
      const i = m.line % lines.length;
      const indent = /^[ \t]*/.exec(lines[i])![0];
      if (m.ownLine) lines.splice(i, 0, `${indent}# ${m.text}`);
      else lines[i] = `${lines[i]} # ${m.text}`;
      return lines.join('\n');
    }
    case 'deleteLine':
      lines.splice(m.line % lines.length, 1);
      return lines.join('\n');
    case 'dupLine': {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'block':
      return toBlock(lines, m.line);
    case 'insert':
      return splice(text, m.at % (text.length + 1), m.at % (text.length + 1), m.text);
  }
  return text;
}

/** Rewrites the n-th one-line flow map row (`key: {a: 1, b: 2}`) as a block map. */
function toBlock(lines: string[], n: number): string {
  const rows = lines.flatMap((l, i) => (/^[ \t]*[A-Za-z_]\w*:[ \t]*\{[^{}]*\}[ \t]*(#.*)?$/.test(l) ? [i] : []));
  if (!rows.length) return lines.join('\n');
  const i = rows[n % rows.length];
  const m = /^([ \t]*)([A-Za-z_]\w*):[ \t]*\{([^{}]*)\}[ \t]*(#.*)?$/.exec(lines[i])!;
  const items = m[3]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const block = [`${m[1]}${m[2]}:${m[4] ? ` ${m[4]}` : ''}`, ...items.map((it) => `${m[1]}  ${it}`)];
  lines.splice(i, 1, ...block);
  return lines.join('\n');
}

/** The case's text: the example with every mutation applied, then its line ends and BOM. */
export function render(examples: ReadonlyMap<string, string>, c: FuzzCase): string {
  let text = examples.get(c.base);
  if (text === undefined) throw new Error(`no example ${c.base}`);
  for (const m of c.mutations) text = mutate(text, m);
  const n = text.split('\n');
  const joined =
    c.eol === 'lf'
      ? text
      : c.eol === 'crlf'
        ? n.join('\r\n')
        : c.eol === 'cr'
          ? n.join('\r')
          : n.map((l, i) => l + (i === n.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join('');
  return (c.bom ? '\ufeff' : '') + joined;
}

const int = (min: number, max: number) => fc.integer({ min, max }).map(String);

/** What a person (or a paste) leaves in a cell. */
export const cellValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: int(0, 300) },
  { weight: 1, arbitrary: int(-60, -1) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.bigInt({ min: 2n ** 52n, max: 2n ** 62n }).map(String),
      fc.constantFrom(
        '9007199254740991',
        '9007199254740992',
        '9007199254740993',
        '4503599627370497',
        '99999999999999999999',
        '1e21',
        '1e3',
        '0x1F',
        '0o17',
        '.inf',
        '-.inf',
        '.nan',
        '-0',
        '+5',
      ),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(500), fc.constantFrom('5', '25', '75', '1', '333', '0')).map(([a, b]) => `${a}.${b}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat(2000), fc.constantFrom('次', '件', '元', '万元', '个', ' 件', '万', '.5元'), fc.boolean())
      .map(([n, u, q]) => (q ? `"${n}${u}"` : `${n}${u}`)),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '~',
      'null',
      '/',
      '-',
      '无',
      '"0 0"',
      '0 0',
      '00',
      '"00"',
      '"5"',
      "'7'",
      '!!str 5',
      '!!int 7',
      '!!float 3',
      '!foo 2',
      '!!binary aGk=',
      '!!null',
      '{value: 3, unit: 元}',
      '{value: 3.5, unit: 万元}',
      '{value: 1066730.5}',
      '{x: 1}',
      '[1, 2]',
      '[]',
      '{}',
      '&a 5',
      '*a',
      '"',
      'true',
      '１２',
      '12\u00a0',
      '"a, b"',
      '|',
    ),
  },
);

const commentText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'nianbao-disable-next-line',
    'nianbao-disable-next-line T3-SUM-V',
    'nianbao-disable-next-line T3-BAL T3-SUM-H',
    'nianbao-disable-next-line T4-SUM, T3-COMPLETE',
    'nianbao-disable-next-line NOT-A-CODE',
    '原文如此',
    '{a: 1}',
    'total: 5',
    '"引号',
  ),
  fc.string({ maxLength: 12 }),
);

/** Characters that change how YAML reads a line. */
const strayText: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '#',
      '&',
      '*',
      '!',
      '|',
      '>',
      "'",
      '"',
      '%',
      '@',
      ' ',
      '\t',
      '\n',
      '-',
      '?',
      '：',
      '\u00a0',
      '\r',
    ),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((cs) => cs.join(''));

const index = fc.nat(10_000);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('value' as const), slot: index, value: cellValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dropColon' as const), slot: index, keepValue: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dropValue' as const), slot: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dupKey' as const), slot: index, value: cellValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('fullWidthColon' as const), slot: index }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('comment' as const), line: index, text: commentText, ownLine: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteLine' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dupLine' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('block' as const), line: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(200_000), text: strayText }) },
);

export function fuzzCase(bases: readonly string[]): fc.Arbitrary<FuzzCase> {
  return fc.record({
    base: fc.constantFrom(...bases),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    eol: fc.oneof(
      { weight: 4, arbitrary: fc.constant<LineEnds>('lf') },
      { weight: 2, arbitrary: fc.constant<LineEnds>('crlf') },
      { weight: 1, arbitrary: fc.constant<LineEnds>('cr') },
      { weight: 1, arbitrary: fc.constant<LineEnds>('mixed') },
    ),
    bom: fc.boolean(),
  });
}
