/**
 * Usage errors (exit 2) come from one catalog (cli/messages.ts) and are printed in the language
 * of the help text: `--locale`, else the environment.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../cli/args';
import { U } from '../../cli/messages';
import { ROOT } from '../helpers/report';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-usage-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const CLEAN = join(ROOT, 'examples/reports/clean-2021.nianbao.yaml');

function nianbao(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/nianbao.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, first: r.stderr.split('\n')[0] };
}

test('a usage error is Chinese with --locale zh-CN and English with --locale en, one line, exit 2', () => {
  const zh = nianbao(['check', '--locale', 'zh-CN', '--jobs', '0', CLEAN]);
  assert.equal(zh.code, 2);
  assert.equal(zh.first, 'nianbao: --jobs 须为不小于 1 的整数');
  assert.equal(zh.out, '');
  const en = nianbao(['check', '--locale', 'en', '--jobs', '0', CLEAN]);
  assert.equal(en.code, 2);
  assert.equal(en.first, 'nianbao: --jobs must be a whole number ≥ 1');
  // An unknown option: the message, then the usage text in the same language.
  const zhOpt = nianbao(['check', '--locale=zh-CN', '--bogus', CLEAN]);
  assert.equal(zhOpt.code, 2);
  assert.equal(zhOpt.first, 'nianbao: 未知选项 --bogus');
  assert.match(zhOpt.err, /^用法：/m);
  const enOpt = nianbao(['check', '--locale=en', '--bogus', CLEAN]);
  assert.equal(enOpt.first, 'nianbao: unknown option --bogus');
  assert.match(enOpt.err, /^Usage:/m);
  assert.doesNotMatch(enOpt.err, /用法：/);
});

test('usage errors of the lazily loaded commands (import, export) are translated and followed by the usage text too', () => {
  const zh = nianbao(['export', '--locale', 'zh-CN', CLEAN]);
  assert.equal(zh.code, 2);
  assert.equal(zh.first, 'nianbao: export 须指定 --html 或 --docx（二者选一）');
  assert.match(zh.err, /^用法：/m);
  const en = nianbao(['import', '--locale', 'en', '--year', 'soon', CLEAN]);
  assert.equal(en.code, 2);
  assert.equal(en.first, 'nianbao: --year must be a year such as 2024');
  assert.match(en.err, /^Usage:/m);
});

test('without --locale a usage error follows the environment, as the help does (none: zh-CN)', () => {
  assert.equal(nianbao(['frobnicate'], { LANG: 'en_US.UTF-8' }).first, 'nianbao: unknown command frobnicate');
  assert.equal(nianbao(['frobnicate'], { LANG: 'zh_CN.UTF-8' }).first, 'nianbao: 未知命令 frobnicate');
  assert.equal(nianbao(['frobnicate'], { LANG: 'C' }).first, 'nianbao: 未知命令 frobnicate');
  assert.equal(nianbao(['skeleton'], { LC_ALL: 'en_GB.UTF-8' }).first, 'nianbao: skeleton needs --format 2019 or --format 2021');
});

test('a bad --config file is one line in Chinese too (cli-safety tests the English), naming the file and what it holds instead', () => {
  const file = join(dir, 'list.json');
  writeFileSync(file, '[1]');
  const zh = nianbao(['check', '--locale', 'zh-CN', '--config', file, CLEAN]);
  assert.equal(zh.code, 2);
  assert.equal(zh.err, `nianbao: 配置文件 ${file}：须为 JSON 对象，如 {"severity": {"T3-COMPLETE": "off"}}，而不是数组\n`);
  const sev = join(dir, 'sev.json');
  writeFileSync(sev, JSON.stringify({ severity: { 'T3-COMPLETE': 'none' }, deadlines: {} }));
  assert.equal(
    nianbao(['check', '--locale', 'zh-CN', '--config', sev, CLEAN]).first,
    `nianbao: 配置文件 ${sev}：T3-COMPLETE 的严重程度须为 error、warning、info 或 off，而不是字符串 "none"`,
  );
  const rule = join(dir, 'rule.json');
  writeFileSync(rule, JSON.stringify({ rules: { 't3-complete': 'off' } }));
  assert.equal(
    nianbao(['check', '--locale', 'zh-CN', '--config', rule, CLEAN]).first,
    `nianbao: 配置文件 ${rule}："rules" 中的规则代码 "t3-complete" 不存在（是否应为 T3-COMPLETE？）`,
  );
  assert.match(
    nianbao(['check', '--locale', 'zh-CN', '--config', join(dir, 'none.json'), CLEAN]).first,
    /^nianbao: 无法读取配置文件 .*none\.json：ENOENT/,
  );
});

// One value for every argument any usage message takes: ASCII, so that any Chinese in a text is the catalog's.
const ARGS = {
  command: 'check',
  name: 'jobs',
  formats: 'text, json',
  actions: 'dismiss, list',
  action: 'dismiss',
  file: 'f.json',
  reason: 'ENOENT',
  errorsZh: 'line 1: x',
  errorsEn: 'line 1: x',
  got: 'string',
  value: '"x"',
  key: 'severity',
  code: 'T3-COMPLETE',
  near: 'T3-COMPLETE',
  kind: 'department',
  kinds: 'department, other',
};

test('every usage message has a Chinese and an English text, both non-empty and different', () => {
  const entries = Object.entries(U);
  assert.ok(entries.length >= 30, `${entries.length} messages`);
  for (const [id, m] of entries) {
    for (const args of [ARGS, { ...ARGS, near: undefined, got: 'null', value: undefined }]) {
      const e = new UsageError(m as (typeof U)['configUnknownRule'], args);
      const zh = e.in('zh-CN');
      const en = e.in('en');
      assert.ok(zh.trim() && en.trim(), id);
      assert.notEqual(zh, en, id);
      assert.match(zh, /[\u4e00-\u9fff]/, `${id} zh-CN: ${zh}`);
      assert.doesNotMatch(en, /[\u4e00-\u9fff]/, `${id} en: ${en}`);
      assert.doesNotMatch(`${zh}${en}`, /undefined/, id);
      assert.equal(e.message, en, 'the error object’s own message is the English text');
    }
  }
});
