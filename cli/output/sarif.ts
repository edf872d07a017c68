/** SARIF 2.1.0 for CI systems: one run, rules from the catalog, 1-based regions. */
import { RULES, type Diagnostic, type Locale, type Range, type Suppressed } from '../../core';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const slash = (file: string) => file.split('\\').join('/');

function location(file: string, r: Range) {
  return {
    physicalLocation: {
      artifactLocation: { uri: slash(file) },
      region: {
        startLine: r.start.line + 1,
        startColumn: r.start.character + 1,
        endLine: r.end.line + 1,
        endColumn: r.end.character + 1,
      },
    },
  };
}

export function toSarif(
  results: { file: string; diags: Diagnostic[]; suppressed?: Suppressed[] }[],
  locale: Locale,
  version: string,
): object {
  const all = results.map((r) => ({
    file: r.file,
    findings: [
      ...r.diags.map((d): { d: Diagnostic; by?: Suppressed['directive'] } => ({ d })),
      ...(r.suppressed ?? []).map((s) => ({ d: s.diagnostic, by: s.directive })),
    ],
  }));
  const used = [...new Set(all.flatMap((r) => r.findings.map((f) => f.d.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            version,
            informationUri: 'https://github.com/nianbao/nianbao',
            rules: used.map((id) => {
              const rule = RULES.get(id)!;
              return {
                id,
                shortDescription: { text: rule.title[locale] },
                defaultConfiguration: { level: LEVEL[rule.severity] },
              };
            }),
          },
        },
        results: all.flatMap(({ file, findings }) =>
          findings.map(({ d, by }) => ({
            ruleId: d.code,
            ruleIndex: used.indexOf(d.code),
            level: LEVEL[d.severity],
            message: { text: d.message[locale] },
            locations: [location(file, d.range)],
            // The cells a sum involves, or last year's cell for a cross-year finding.
            relatedLocations: (d.related ?? []).map((r, id) => ({
              id,
              ...location(r.file ?? file, r.range),
              message: { text: r.message[locale] },
            })),
            properties: { data: d.data },
            // A finding silenced in the file: SARIF's in-source suppression, with the comment.
            ...(by
              ? { suppressions: [{ kind: 'inSource', justification: `# nianbao-disable-next-line ${by.codes.join(' ')}` }] }
              : {}),
          })),
        ),
      },
    ],
  };
}
