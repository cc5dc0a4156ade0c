import type { ExportOptions } from '../../src-main/contract';
import { ExportOptions as ExportOptionsSchema } from '../../src-main/contract';
import type { ExportArticle } from '../../src-main/core/export/export-article';
import { compareForExport, toExportArticle } from '../../src-main/core/export/export-article';
import type { RenderSettings } from '../../src-main/core/export/render-export';
import { annotatedRecords } from './annotated-notebook';

export const fixedArticles = (): ExportArticle[] => annotatedRecords().map(toExportArticle).sort(compareForExport);

/** The contract's defaults, so tests never drift from what the API fills in. */
export const defaultOptions: ExportOptions = ExportOptionsSchema.parse({});

export const fixedSettings = (o: Partial<ExportOptions> = {}): RenderSettings => ({
  ...defaultOptions,
  ...o,
  title: 'Parallax notes — whole notebook',
  generatedAt: '2025-10-14T12:00:00.000Z',
  collectionId: 'urn:parallax:export:fixture',
});
