/**
 * Titles and labels the New Report dialog shows, read at run time from the schemas shipped in
 * the extension (schemas/*.schema.json): the client never repeats a label the schemas define.
 */
import * as vscode from 'vscode';

export const FORMATS = ['2021', '2019'] as const;
export type FormatId = (typeof FORMATS)[number];

interface SchemaText {
  title?: string;
  description?: string;
}

export interface SchemaInfo {
  formats: Record<FormatId, SchemaText>;
  /** organ_kind value → Chinese label, in schema order. */
  organKinds: [string, string][];
}

async function readJson(context: vscode.ExtensionContext, file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'schemas', file));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

let cached: Promise<SchemaInfo> | undefined;

export function schemaInfo(context: vscode.ExtensionContext): Promise<SchemaInfo> {
  cached ??= load(context);
  return cached;
}

async function load(context: vscode.ExtensionContext): Promise<SchemaInfo> {
  const [r2019, r2021, common] = await Promise.all([
    readJson(context, 'report-2019.schema.json'),
    readJson(context, 'report-2021.schema.json'),
    readJson(context, 'common.schema.json'),
  ]);
  const text = (s: Record<string, unknown> | undefined): SchemaText => ({
    title: s?.title as string | undefined,
    description: s?.description as string | undefined,
  });
  const organKind = (
    common?.$defs as
      | Record<
          string,
          { properties?: Record<string, { enum?: string[]; 'x-nianbao'?: { enumLabels?: Record<string, string> } }> }
        >
      | undefined
  )?.meta?.properties?.organ_kind;
  const labels = organKind?.['x-nianbao']?.enumLabels ?? {};
  const kinds = organKind?.enum ?? Object.keys(labels);
  return {
    formats: { '2019': text(r2019), '2021': text(r2021) },
    organKinds: kinds.map((k) => [k, labels[k] ?? k]),
  };
}
