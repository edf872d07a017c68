// Pinyin initials of every label the schemas define (titles, enum labels, column-group labels),
// computed at build time with pinyin-pro into core/schema/pinyin.generated.json, so completion
// can match 部分公开 by `bfgk` without loading a pinyin library at run time. Each label's
// initials are split where its Chinese runs are (punctuation, digits, Latin letters), one word
// per run: （二）部分公开（区分处理的…） → "e bfgk qfcld…", so typing any run's start matches.
import { readFileSync, writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}+/gu;

function labelsOf(node, out) {
  if (Array.isArray(node)) for (const n of node) labelsOf(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'title' && typeof v === 'string') out.add(v);
      else if ((k === 'enumLabels' || k === 'x-nianbao-labels') && v && typeof v === 'object')
        for (const s of Object.values(v)) if (typeof s === 'string') out.add(s);
      labelsOf(v, out);
    }
  }
}

export function initialsOf(label) {
  return (label.match(HAN) ?? [])
    .map((run) => pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }).join(''))
    .join(' ');
}

export function buildPinyin(out = 'core/schema/pinyin.generated.json') {
  const labels = new Set();
  for (const f of ['common', 'report-2019', 'report-2021'])
    labelsOf(JSON.parse(readFileSync(`schemas/${f}.schema.json`, 'utf8')), labels);
  const map = {};
  for (const l of [...labels].sort()) {
    const initials = initialsOf(l);
    if (initials) map[l] = initials;
  }
  writeFileSync(out, `${JSON.stringify(map, null, 1)}\n`);
}
