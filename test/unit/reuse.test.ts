/**
 * X-REUSE (a section repeating last year's) and META-YEAR-TEXT (prose stating the report's own
 * period with another year): the text measure itself, each rule firing and not firing, the
 * options, and which rule owns the statistics-period sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCrossYear, checkText, identityOf, loadReport, sameIdentity, type CheckOptions } from '../../core';
import { compareTexts, MIN_MATCH, normaliseForReuse } from '../../core/text/reuse';
import { loose, underlined, zeroReport, type Finding } from '../helpers/report';

const setSection = (t: string, key: string, text: string) =>
  t.replace(new RegExp(`^${key}:.*$`, 'm'), () => `${key}: |\n${text.replace(/^/gm, '  ')}`);

function cross(cur: string, prev: string, options?: CheckOptions): Finding[] {
  const p = identityOf(loadReport(prev));
  return loose(
    checkCrossYear(
      loadReport(cur),
      (organ, year) =>
        p && sameIdentity(p, organ) && p.year === year
          ? { file: 'last.nianbao.yaml', uri: 'file:///r/last', text: prev }
          : undefined,
      options,
    ).diagnostics.filter((d) => d.code === 'X-REUSE'),
  );
}

const OVERVIEW = (y: number, n: number) =>
  `${y}年，测试乡人民政府坚持以公开为常态、不公开为例外，围绕乡党委乡政府中心工作，全面推进政务公开标准化规范化建设，不断提升政府信息公开的质量和实效。工作考核、社会评议和责任追究结果情况：本年度未发生责任追究。
（一）主动公开情况。通过乡政府网站主动公开政府信息${n}条，及时回应社会关切，保障人民群众的知情权、参与权和监督权，全年未发生泄密事件。
（二）政府信息管理情况。严格执行信息发布审核制度，落实“三审三校”，从严把好政治关、法律关、政策关、保密关和文字关，未经审核的信息一律不得发布；加强政务新媒体日常管理，运用第三方检测平台实行常态化监测，及时关停整合更新不及时、无力运维的账号。`;

const REWRITTEN = `2023年，测试乡把政务公开纳入乡村振兴重点任务清单，新建村级公开栏12处，推行“码上公开”，群众扫码即可查阅惠民资金发放和项目进度。工作考核、社会评议和责任追究结果情况：开展群众满意度测评一次，满意率96%。
（一）主动公开情况。围绕高标准农田建设、危房改造、低保评审三项群众最关心的事项，按月公开资金和名单，收到群众反馈意见23条并逐条答复。
（二）政府信息管理情况。完成历年公开信息清理，撤下超期公开的个人信息11条，更新失效链接8处，建立公开前保密审查台账。`;

const pair = (cur: string, last: string): [string, string] => [
  setSection(zeroReport('2021', 2023), 'overview', cur),
  setSection(zeroReport('2021', 2022), 'overview', last),
];

test('normalised text: punctuation and spaces dropped, full-width folded, every number one 0', () => {
  const n = normaliseForReuse('2023年，我区　主动公开政府信息１１３６条。');
  assert.equal(n.chars, '0年我区主动公开政府信息0条');
  const text = '2023年，我区　主动公开政府信息１１３６条。';
  assert.equal(text.slice(n.pos[0], n.end[0]), '2023');
  assert.equal(text.slice(n.pos[12], n.end[12]), '１１３６');
  const r = compareTexts('2024年，我区主动公开政府信息2428条。', '2023年，我区主动公开政府信息1136条。');
  assert.equal(r.share, 1, 'only the year and the figure changed');
  assert.equal(
    compareTexts('政府信息公开工作', '政府信息公开工作').repeated,
    0,
    `shorter than ${MIN_MATCH} characters: ordinary vocabulary`,
  );
});

test('X-REUSE: a section copied with new years and figures, on the longest passage, related to last year’s', () => {
  const [cur, last] = pair(OVERVIEW(2023, 1420), OVERVIEW(2022, 1136));
  const ds = cross(cur, last);
  assert.equal(ds.length, 1, 'the whole section: one finding, not one per sub-part');
  const [d] = ds;
  assert.deepEqual(
    [d.severity, d.data.path, d.data.share, d.data.threshold, d.data.part],
    ['warning', 'overview', 100, 50, undefined],
  );
  assert.match(underlined(cur, d), /^2023年，测试乡人民政府坚持以公开为常态/);
  assert.match(
    d.message['zh-CN'],
    /“一、总体情况”与上年度（2022年）报告重复 100%（超过 50%），最长的重复段落 \d+ 字：“2023年，测试乡/,
  );
  assert.match(d.message.en, /repeats 100% of last year's \(2022\) report/);
  const [rel] = d.related!;
  assert.deepEqual([rel.file, rel.uri, rel.path], ['last.nianbao.yaml', 'file:///r/last', 'overview']);
  assert.match(last.slice(rel.span.start, rel.span.end), /^2022年，测试乡人民政府坚持/);
  assert.equal(d.data.lastPassage, last.slice(rel.span.start, rel.span.end).replace(/\n {2}/g, '\n'));
  assert.match(String(d.data.passage), /^2023年，测试乡人民政府/);
});

test('X-REUSE: a rewritten section, a short one and last year’s absence are not reported', () => {
  assert.deepEqual(cross(...pair(REWRITTEN, OVERVIEW(2022, 1136))), []);
  const short = '2023年，本乡依法做好政府信息公开工作。';
  assert.deepEqual(cross(...pair(short, short.replace('2023', '2022'))), [], 'under 100 characters: not judged');
  const [cur] = pair(OVERVIEW(2023, 1420), '');
  assert.deepEqual(loose(checkCrossYear(loadReport(cur), () => undefined).diagnostics), []);
});

test('X-REUSE: a copied sub-part of 一 is reported on its own when the whole section is under the threshold', () => {
  const parts = REWRITTEN.split('\n');
  const old = OVERVIEW(2022, 1136).split('\n');
  // New opening and （一）, （二） copied from last year.
  const cur = [parts[0], parts[1], old[2]].join('\n');
  const ds = cross(...pair(cur, OVERVIEW(2022, 1136)));
  assert.deepEqual(
    ds.map((d) => [d.data.part, d.data.share]),
    [['（二）', 100]],
  );
  assert.match(ds[0].message['zh-CN'], /“一、总体情况”（二）部分与上年度/);
});

test('X-REUSE: the threshold and the minimum length are options', () => {
  const parts = REWRITTEN.split('\n');
  const old = OVERVIEW(2022, 1136).split('\n');
  const cur = [parts[0], old[1], old[2]].join('\n');
  const [c, l] = pair(cur, OVERVIEW(2022, 1136));
  const share = Number(cross(c, l, { reuse: { threshold: 1 } })[0].data.share);
  assert.ok(share > 40 && share < 80, `${share}`);
  const whole = (ds: Finding[]) => ds.filter((d) => d.data.part === undefined);
  const atShare = cross(c, l, { reuse: { threshold: share } });
  assert.equal(whole(atShare).length, 0, 'reported only above the threshold');
  assert.deepEqual(
    atShare.map((d) => d.data.part),
    ['（二）'],
    'the section as a whole is under it: its copied sub-part long enough to judge is reported instead ((一) is under 100 characters)',
  );
  assert.deepEqual(
    cross(c, l, { reuse: { threshold: share - 1 } }).map((d) => d.data.part),
    [undefined],
  );
  assert.equal(cross(c, l, { reuse: { threshold: 1, minChars: 10_000 } }).length, 0);
  assert.equal(cross(c, l, { severity: { 'X-REUSE': 'off' }, reuse: { threshold: 1 } }).length, 0);
});

// ---- META-YEAR-TEXT ------------------------------------------------------------------------

const yearText = (overview: string, year = 2023) =>
  loose(
    checkText(setSection(zeroReport('2021', year), 'overview', overview)).diagnostics.filter((d) =>
      ['META-YEAR-TEXT', 'META-YEAR'].includes(d.code),
    ),
  );

test('META-YEAR-TEXT: the report’s own period given with another year', () => {
  for (const [text, kind, found] of [
    ['2022年，本机关坚持以公开为常态。', 'opening', 2022],
    ['（一）主动公开情况。2022年，我区在政府网站主动公开政府信息1136条。', 'opening', 2022],
    ['2022年度，本机关认真贯彻条例。', 'opening', 2022],
    ['本年度（2022年）共主动公开政府信息1136条。', 'self', 2022],
    ['今年（2022年）共受理申请21件。', 'self', 2022],
    ['现将本机关2022年度政府信息公开工作年度报告公布如下。', 'foreword', 2022],
    ['截至2022年12月31日，共主动公开政府信息1136条。', 'as-of', 2022],
    ['本报告数据期间为2022年1月1日至2022年12月31日。', 'period', 2022],
  ] as const) {
    const ds = yearText(text);
    assert.ok(ds.length >= 1, text);
    const [d] = ds;
    assert.deepEqual(
      [d.code, d.severity, d.data.kind, d.data.found, d.data.year],
      ['META-YEAR-TEXT', 'warning', kind, found, 2023],
      text,
    );
    assert.match(d.message['zh-CN'], /写的是 2022 年，而报告年度是 2023 年/);
  }
  assert.equal(yearText('本报告数据期间为2022年1月1日至2022年12月31日。').length, 2, 'a period names the year twice');
});

test('META-YEAR-TEXT: comparisons, history and plans are not faults', () => {
  for (const text of [
    '2023年，本机关坚持以公开为常态。',
    '本年度主动公开政府信息1420条，较2022年增加284条。',
    '2022年以来，累计公开政策解读80篇。',
    '上年度报告指出的问题已整改。',
    '2022年度报告指出的公开内容不全面问题已全部整改。',
    '2022年，本机关存在公开内容不全面的问题，今年已整改。',
    '2024年，我们将编制答复文书范本。',
    '2022年，全区新收申请15件；2023年，新收申请21件。',
    '截至2024年3月，已整改完毕。',
    '本年度（2023年）共主动公开政府信息1420条。',
  ]) {
    assert.deepEqual(
      yearText(text).map((d) => d.message['zh-CN']),
      [],
      text,
    );
  }
});

test('the statistics-period sentence is META-YEAR’s (an error), reported once; META-YEAR-TEXT takes the rest', () => {
  const ds = yearText('本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。2022年，本机关坚持以公开为常态。');
  assert.deepEqual(
    ds.map((d) => [d.code, d.severity, d.data.found]),
    [
      ['META-YEAR', 'error', 2022],
      ['META-YEAR', 'error', 2022],
      ['META-YEAR-TEXT', 'warning', 2022],
    ],
  );
  // The copied-forward sentence of the issue, in 六 too.
  const t = zeroReport('2021', 2023).replace(
    /^other_matters:.*$/m,
    'other_matters: 本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
  );
  assert.deepEqual(
    checkText(t)
      .diagnostics.filter((d) => d.code.startsWith('META-YEAR'))
      .map((d) => [d.code, d.data.path]),
    [
      ['META-YEAR', 'other_matters'],
      ['META-YEAR', 'other_matters'],
    ],
  );
  assert.deepEqual(
    checkText(t, { severity: { 'META-YEAR': 'off' } }).diagnostics.filter((d) => d.code === 'META-YEAR-TEXT'),
    [],
    'turning META-YEAR off does not hand the sentence to META-YEAR-TEXT',
  );
});
