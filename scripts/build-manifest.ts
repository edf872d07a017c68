/**
 * Keeps package.json's `nianbao.rules` setting in step with the rule registry: one property per
 * rule code (so settings.json completes the codes, with both titles as the description) and no
 * other key allowed. Run by esbuild.mjs (out/scripts/build-manifest.js); a unit test fails when
 * the committed package.json is not what this produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../core/rules/registry';

const SEVERITIES = ['error', 'warning', 'info', 'off'];
/** The severities' descriptions, localised by package.nls*.json. */
const SEVERITY_DESCRIPTIONS = SEVERITIES.map((s) => `%config.severity.${s}%`);

/** The `properties` of the `nianbao.rules` setting: every rule code with its titles and default severity. */
export function rulesSettingProperties(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of RULES.values()) {
    out[r.code] = {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      markdownDescription: `${r.title['zh-CN']}（${r.title.en}）。默认 · default: \`${r.severity}\``,
    };
  }
  return out;
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}

/** package.json's text with the `nianbao.rules` setting regenerated (formatting as npm writes it). */
export function manifestWithRules(text: string): string {
  const pkg = JSON.parse(text) as Manifest;
  const setting = pkg.contributes.configuration.properties['nianbao.rules'];
  setting.properties = rulesSettingProperties();
  setting.additionalProperties = false;
  delete setting.propertyNames;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

if (require.main === module) {
  const file = join(process.cwd(), 'package.json');
  const before = readFileSync(file, 'utf8');
  const after = manifestWithRules(before);
  if (after !== before) writeFileSync(file, after);
}
