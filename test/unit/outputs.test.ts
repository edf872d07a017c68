/**
 * Output for the office: CSV that Excel and WPS open right (BOM, CRLF, quoting, no formulas),
 * XLSX (sheets, frozen header, filters; exceljs only in its own lazily loaded bundle), the batch
 * HTML page (strict CSP, nothing fetched, everything escaped, each finding linking to its cell),
 * and a closed pipe (`nianbao check … | head -1`) ending quietly with exit code 0.
 */
import { test } from 'node:test';
import { linesOf } from '../helpers/output';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCheck, type CheckArgs } from '../../cli/commands/check';
import { csvCell } from '../../cli/output/csv';
import { ROOT, setCell, zeroReport } from '../helpers/report';

/** Two organs, two years each; one organ's name would be markup or a formula if not escaped. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-out-'));
  const name = (t: string, organ: string) =>
    t.replace(/organ: 测试乡人民政府/, `organ: "${organ}"`).replace(/title: .*/, `title: "${organ}"`);
  writeFileSync(join(dir, 'a-2022.nianbao.yaml'), zeroReport('2021', 2022));
  writeFileSync(join(dir, 'a-2023.nianbao.yaml'), setCell(zeroReport('2021', 2023), 'review', 'upheld', 1));
  writeFileSync(
    join(dir, 'b-2023.nianbao.yaml'),
    setCell(name(zeroReport('2021', 2023), '=HYPERLINK(1)<script>x</script>乡'), 'penalty', 'decisions', '~'),
  );
  return dir;
}

async function run(a: Partial<CheckArgs> & { paths: string[] }) {
  const out: string[] = [];
  const bytes: Uint8Array[] = [];
  const code = await runCheck(
    { format: 'text', locale: 'zh-CN', options: {}, version: 't', stdoutIsTTY: false, ...a },
    (s) => out.push(s),
    () => undefined,
    (b) => {
      bytes.push(b);
      linesOf(out)(b);
    },
  );
  return { code, out: out.join('\n'), bytes };
}

test('csv: BOM, CRLF, a header in the output’s language, one row per finding, quoted and formula-safe', async () => {
  const dir = folder();
  const file = join(dir, 'out.csv');
  const r = await run({ paths: [dir], format: 'csv', output: file });
  assert.equal(r.code, 1);
  const csv = readFileSync(file, 'utf8');
  assert.ok(csv.startsWith('\ufeff文件,行,机关,年度,规则,级别,单元格或部分,路径,问题,审核,说明,审核人,审核日期,指纹\r\n'));
  assert.ok(csv.endsWith('\r\n') && !/[^\r]\n/.test(csv), 'CRLF only');
  const lines = csv.slice(1).trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + 2, 'T4-SUM in a-2023, T2-COMPLETE in b-2023');
  assert.match(
    lines[1],
    /a-2023\.nianbao\.yaml,\d+,测试乡人民政府,2023,T4-SUM,错误,行政复议·总计,review_litigation\.review\.total,/,
  );
  assert.match(lines[2], /,'=HYPERLINK\(1\)<script>x<\/script>乡,2023,T2-COMPLETE,警告,/);
  await run({ paths: [dir], format: 'csv', locale: 'en', output: file });
  const en = readFileSync(file, 'utf8');
  assert.ok(en.startsWith('\ufefffile,line,organ,year,code,severity,cell,path,message,status,reason,by,date,fingerprint\r\n'));
  const piped = Buffer.from((await run({ paths: [dir], format: 'csv' })).bytes[0]).toString('utf8');
  assert.equal(piped, csv, 'to stdout byte for byte (BOM and CRLF included)');
  assert.equal(csvCell('a,"b"\nc'), '"a,""b""\nc"');
  assert.equal(csvCell('-1'), "'-1");
  assert.equal(csvCell(7), '7');
});

test('xlsx: findings, one row per organ and year, frozen headers and filters; exceljs loaded only for xlsx', async () => {
  const dir = folder();
  const file = join(dir, 'out.xlsx');
  assert.equal((await run({ paths: [dir], format: 'xlsx', output: file })).code, 1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['问题', '按机关和年度'],
  );
  const [findings, byOrgan] = wb.worksheets;
  assert.equal(findings.getRow(1).getCell(1).value, '文件');
  assert.equal(findings.getRow(1).font?.bold, true);
  assert.equal(findings.rowCount, 3);
  const view = findings.views[0] as { state: string; ySplit: number };
  assert.deepEqual([view.state, view.ySplit], ['frozen', 1], 'the header row stays in view');
  assert.ok(findings.autoFilter, 'filters on the header');
  assert.equal(byOrgan.rowCount, 1 + 3);
  assert.equal(byOrgan.getRow(1).getCell(9).value, '上年度报告');
  const rows = [2, 3, 4].map((i) => byOrgan.getRow(i).values as unknown[]);
  assert.ok(
    rows.some((v) => v[1] === '测试乡人民政府' && v[2] === 2023 && v[9] === 'a-2022'),
    'the pairing',
  );
  // Without -o: binary to stdout when it is not a terminal, refused on a terminal.
  const piped = await run({ paths: [dir], format: 'xlsx' });
  assert.equal(Buffer.from(piped.bytes[0]).subarray(0, 2).toString(), 'PK');
  await assert.rejects(run({ paths: [dir], format: 'xlsx', stdoutIsTTY: true }), /-o FILE\.xlsx/);
  // The CLI's bundle leaves exceljs to dist/xlsx.js.
  const cli = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
  assert.ok(!/ExcelJS|exceljs/.test(cli), 'dist/cli.js does not contain exceljs');
  assert.match(cli, /require\("\.\/xlsx\.js"\)/, 'loaded on demand from beside it');
  assert.ok(existsSync(join(ROOT, 'dist', 'xlsx.js')));
});

test('html: one page, strict CSP, nothing fetched, everything escaped, each finding linking to its cell', async () => {
  const dir = folder();
  const html = (await run({ paths: [dir], format: 'html' })).out;
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
  assert.match(csp, /default-src 'none'/);
  const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1];
  assert.ok(html.includes(`<script nonce="${nonce}">`));
  assert.ok(html.includes(`<style nonce="${nonce}">`));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, the page’s own');
  assert.ok(!/\b(?:src|href)="(?:https?:)?\/\//.test(html), 'nothing from the network');
  assert.ok(!html.includes('<script>x</script>'), 'the organ name is escaped');
  assert.ok(html.includes('=HYPERLINK(1)&lt;script&gt;x&lt;/script&gt;乡'));
  // The sortable tables: by organ and year, then per report.
  assert.match(html, /<h2>按机关和年度<\/h2>\n<table class="review">/);
  // Each finding links to an anchor that exists in the rendered report.
  const links = [...html.matchAll(/<td><a href="#(r\d+-[^"]+)">/g)].map((m) => m[1]);
  assert.ok(links.includes('r2-review_litigation.review.total'), links.join(' '));
  for (const id of links) assert.ok(html.includes(` id="${id}"`), `anchor ${id}`);
  assert.match(html, /<details><summary>报告原文/);
  // A roster adds who has reported.
  const roster = join(dir, 'roster.yaml');
  writeFileSync(roster, 'year: 2023\norgans:\n  - 测试乡人民政府\n  - 某某局\n');
  const withRoster = (await run({ paths: [dir], format: 'html', roster, output: join(dir, 'page.html') })).code;
  assert.equal(withRoster, 1);
  const page = readFileSync(join(dir, 'page.html'), 'utf8');
  assert.match(page, /<h2 id="roster">名单（2023 年度）<\/h2>/);
  assert.match(page, /<tr id="roster-1" class="missing"><td>某某局<\/td><td><\/td><td>未报送<\/td>/);
});

test('nianbao check … | head -1: the closed pipe ends the command quietly with exit code 0', async () => {
  // Enough output to outlast the pipe's buffer: 150 copies of seed 004.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pipe-'));
  const seed = readFileSync(join(ROOT, 'examples/reports/seed-004-shagou-2020.nianbao.yaml'), 'utf8');
  for (let i = 0; i < 150; i++) writeFileSync(join(dir, `s${String(i).padStart(3, '0')}.nianbao.yaml`), seed);
  const child = spawn(process.execPath, [join(ROOT, 'bin/nianbao.js'), 'check', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b) => {
    stderr += b;
  });
  const first = await new Promise<string>((resolve) => {
    let buf = '';
    child.stdout.on('data', (b) => {
      buf += b;
      const nl = buf.indexOf('\n');
      if (nl >= 0) {
        // `head -1`: read one line, then close the pipe.
        child.stdout.destroy();
        resolve(buf.slice(0, nl));
      }
    });
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.match(first, /s000\.nianbao\.yaml:\d+:\d+ /);
  assert.equal(stderr, '', 'no EPIPE stack trace');
  assert.equal(code, 0);
});
