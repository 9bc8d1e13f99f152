/**
 * Taking words away and bringing them back: the export file, and an import that is checked in
 * full before anything changes. A bad file is rejected with a plain reason; nothing is touched.
 */
import * as v from 'valibot';
import { schemaVersion, type StoredRecord, StoredRecordSchema } from './schema';
import type { RecordStore } from './store';

// The export file's shape: kept here, not in schema.ts, so pages with tools do not load it.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const exportFormat = 'waymark-export';

export const ExportDocumentSchema = v.strictObject({
  format: v.literal(exportFormat),
  version: v.literal(schemaVersion),
  exportedAt: text(40),
  records: v.pipe(v.array(StoredRecordSchema), v.maxLength(10_000)),
  /** Records that could not be read on the device, carried along so nothing is lost. */
  aside: v.optional(v.pipe(v.array(v.strictObject({ key: text(300), value: v.unknown() })), v.maxLength(10_000))),
});

export type ExportDocument = v.InferOutput<typeof ExportDocumentSchema>;

/** Larger than any real plan by far; a bigger file is not one of ours. */
export const maxImportBytes = 5 * 1024 * 1024;

export async function exportDocument(store: RecordStore, now = new Date()): Promise<ExportDocument> {
  const aside = await store.asideRecords();
  return {
    format: exportFormat,
    version: schemaVersion,
    exportedAt: now.toISOString(),
    records: store.all(),
    ...(aside.length ? { aside } : {}),
  };
}

/** Why a file could not be brought back, as a key of the UI strings. */
export type ImportProblem = 'tooLarge' | 'notJson' | 'notWaymark' | 'newerVersion' | 'damaged';

export type ParsedImport = { ok: true; document: ExportDocument } | { ok: false; problem: ImportProblem; detail?: string };

export function parseImport(text: string): ParsedImport {
  if (text.length > maxImportBytes) return { ok: false, problem: 'tooLarge' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const header = data as { format?: unknown; version?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.format !== exportFormat) return { ok: false, problem: 'notWaymark' };
  if (typeof header.version === 'number' && header.version > schemaVersion) return { ok: false, problem: 'newerVersion' };
  const result = v.safeParse(ExportDocumentSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? '';
    return { ok: false, problem: 'damaged', detail: path ? `${path}: ${issue.message}` : issue.message };
  }
  const ids = new Set<string>();
  for (const record of result.output.records) {
    if (ids.has(record.id)) return { ok: false, problem: 'damaged', detail: `records: "${record.id}" appears twice` };
    ids.add(record.id);
  }
  return { ok: true, document: result.output };
}

export interface ImportPreview {
  /** In the file, not on this device. */
  added: StoredRecord[];
  /** On this device and different in the file: replaced only if the person says so. */
  replaced: Array<{ incoming: StoredRecord; current: StoredRecord; incomingIsNewer: boolean }>;
  /** The same on both. */
  unchanged: number;
}

export function previewImport(store: RecordStore, document: ExportDocument): ImportPreview {
  const preview: ImportPreview = { added: [], replaced: [], unchanged: 0 };
  for (const incoming of document.records) {
    const current = store.get(incoming.id);
    if (!current) preview.added.push(incoming);
    else if (current.kind === incoming.kind && JSON.stringify(current.value) === JSON.stringify(incoming.value)) preview.unchanged++;
    else preview.replaced.push({ incoming, current, incomingIsNewer: incoming.updatedAt > current.updatedAt });
  }
  return preview;
}

/** The site's name as the start of a file name: "Riverside Recovery" is `riverside-recovery`. */
export function fileNameOf(siteName: string): string {
  return (
    siteName
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'site'
  );
}

export function exportFileName(siteName: string, now = new Date()): string {
  return `${fileNameOf(siteName)}-my-plan-${now.toISOString().slice(0, 10)}.json`;
}
