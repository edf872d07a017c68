/** SARIF 2.1.0 for CI systems: one run, rules from the catalog, 1-based regions. */
import { RULES, type Diagnostic, type Locale } from '../../core';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(results: { file: string; diags: Diagnostic[] }[], locale: Locale, version: string): object {
  const used = [...new Set(results.flatMap((r) => r.diags.map((d) => d.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: {
        name: 'nianbao', version, informationUri: 'https://github.com/nianbao/nianbao',
        rules: used.map((id) => ({ id, shortDescription: { text: RULES[id].title[locale] }, defaultConfiguration: { level: LEVEL[RULES[id].severity] } })),
      } },
      results: results.flatMap(({ file, diags }) => diags.map((d) => ({
        ruleId: d.code,
        ruleIndex: used.indexOf(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message[locale] },
        locations: [{ physicalLocation: {
          artifactLocation: { uri: file.split('\\').join('/') },
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        } }],
        properties: { data: d.data },
      }))),
    }],
  };
}
