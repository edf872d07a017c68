/**
 * SARIF 2.1.0 for CI systems: one run, rules from the catalog, 1-based regions. Every result
 * carries `partialFingerprints` (`nianbao/v1`: the finding's fingerprint, so CI systems track it
 * across edits); a finding silenced by a comment is an `inSource` suppression, one dismissed in the
 * review ledger an `external` one with the reviewer's reason.
 */
import { RULES, type Diagnostic, type Locale, type Range, type Review, type Suppressed } from '../../core';
import type { FileResult } from '../batch';

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

/** The key of nianbao's fingerprint in `partialFingerprints`: bump the version if the fingerprint's recipe changes. */
const FINGERPRINT_KEY = 'nianbao/v1';

type Finding = { d: Diagnostic; by?: Suppressed['directive']; review?: Review };

export function toSarif(
  results: Pick<FileResult, 'file' | 'diags' | 'suppressed' | 'dismissed' | 'fingerprints'>[],
  locale: Locale,
  version: string,
): object {
  const all = results.map((r) => ({
    file: r.file,
    fingerprints: r.fingerprints,
    findings: [
      ...r.diags.map((d): Finding => ({ d })),
      ...r.suppressed.map((s): Finding => ({ d: s.diagnostic, by: s.directive })),
      ...r.dismissed.map((x): Finding => ({ d: x.diagnostic, review: x.review })),
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
        results: all.flatMap(({ file, fingerprints, findings }) =>
          findings.map(({ d, by, review }) => ({
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
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.get(d) ?? '' },
            properties: { data: d.data },
            // A finding silenced in the file: SARIF's in-source suppression, with the comment.
            ...(by
              ? { suppressions: [{ kind: 'inSource', justification: `# nianbao-disable-next-line ${by.codes.join(' ')}` }] }
              : {}),
            // Dismissed in the review ledger: an external suppression, accepted, with the reviewer's reason.
            ...(review ? { suppressions: [{ kind: 'external', status: 'accepted', justification: review.reason }] } : {}),
          })),
        ),
      },
    ],
  };
}
