/**
 * Replays every case `npm run fuzz` saved in test/fixtures/fuzz/ and the failures issue 10
 * lists (test/helpers/fuzz-known.ts) against the properties of test/helpers/fuzz-properties.ts:
 * a fixture that fails again fails here. The known cases run even with no fixture saved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixtures, loadExamples } from '../helpers/fuzz';
import { KNOWN_CASES } from '../helpers/fuzz-known';
import { checkCase } from '../helpers/fuzz-properties';
import { render } from '../helpers/fuzz-mutations';
import { ROOT } from '../helpers/report';

const examples = loadExamples(ROOT);

for (const { file, fixture } of readFixtures(ROOT)) {
  test(`fuzz fixture ${file.split('/').pop()} (${fixture.property}, seed ${fixture.seed})`, () => {
    // The recorded text is the case; if the examples still render it the same, so much the better.
    checkCase(fixture.text);
    assert.equal(typeof fixture.case.base, 'string');
  });
}

for (const k of KNOWN_CASES) {
  test(`issue 10 case: ${k.name}`, () => {
    checkCase(k.text(examples));
  });
}

test('the replay can fail: a case over its time budget is a violation; cases keep their line ends', () => {
  assert.throws(() => checkCase('format: 2019\n', -1), /bounded time per case/);
  const crlf = render(examples, { base: 'clean-2019.nianbao.yaml', mutations: [], eol: 'crlf', bom: false });
  assert.ok(crlf.includes('\r\n') && !/[^\r]\n/.test(crlf));
});
