#!/usr/bin/env node
// Regenerates the PDF fixtures of test/fixtures/pdf/ from HTML with headless Chromium (Debian
// package `chromium`, fonts-noto-cjk). Tests read the committed PDFs and never need Chromium.
//   node scripts/make-pdf-fixtures.mjs
// See test/fixtures/pdf/README.md for what each file is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures');
const out = join(fixtures, 'pdf');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
const chromium = process.env.CHROMIUM ?? 'chromium';
const base = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--hide-scrollbars'];

function print(html, pdf) {
  execFileSync(chromium, [...base, `--print-to-pdf=${pdf}`, html], { stdio: 'ignore' });
  console.log(`wrote ${pdf}`);
}

/** Moves 表三 down the page so that the break falls after its 4.保护第三方合法权益 row. */
const SPACER_PX = 330;
const seed = readFileSync(join(fixtures, 'seed-004-shagou-2020.html'), 'utf8');

// 1. and 2. Two published pages as they are: ruled tables (seed 004, 2019 format) and a page
// whose 表二/表三 have no borders while 表四 has (君山 2023, 2021 format).
print(join(fixtures, 'seed-004-shagou-2020.html'), join(out, 'seed-004-shagou-2020.pdf'));
print(join(fixtures, '012_pingtan-junshan-2023.html'), join(out, '012_pingtan-junshan-2023.pdf'));

// 3. 表三 broken over a page: its three header rows in <thead> (Chromium repeats them on the
// next page), a spacer before it so that the page break falls inside the （三）不予公开 group,
// and narrow header columns so that 商业企业 etc. wrap over two lines.
{
  const lines = seed.split('\n');
  const start = lines.findIndex((l, i) => l.startsWith('<table') && lines[i + 1]?.includes('勾稽关系'));
  if (start < 0) throw new Error('seed 004 HTML: 表三 not where expected');
  lines[start] = `<div style="height:${SPACER_PX}px"></div>${lines[start]}`;
  lines[start + 1] = `<thead>${lines[start + 1]}`;
  lines[start + 3] = `${lines[start + 3]}</thead><tbody>`;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('</table>'));
  lines[end] = `</tbody>${lines[end]}`;
  const html = lines.join('\n').replace('<style>', '<style>thead td{width:2.6em} ');
  const file = join(tmp, 'split.html');
  writeFileSync(file, html);
  print(file, join(out, 'seed-004-split-table.pdf'));
}

// 4. A scan: the first page of seed 004 as a picture, printed as a PDF with no text layer.
{
  const png = join(tmp, 'page.png');
  execFileSync(
    chromium,
    [...base, `--screenshot=${png}`, '--window-size=794,1123', join(fixtures, 'seed-004-shagou-2020.html')],
    {
      stdio: 'ignore',
    },
  );
  const file = join(tmp, 'scan.html');
  writeFileSync(file, `<!doctype html><html><body style="margin:0"><img src="page.png" style="width:100%"></body></html>`);
  print(file, join(out, 'scan-image-only.pdf'));
}

rmSync(tmp, { recursive: true, force: true });
