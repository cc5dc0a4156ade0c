/**
 * The names of the API's methods and events, as plain lists: what the sandboxed preload allows through and
 * the renderer calls, without loading the contract's schemas (zod and every schema stay in the main
 * process). `src-main/contract/methods.ts` and `events.ts` are checked against these lists at compile time:
 * a method or event in one and not the other does not build.
 */
export const methodNames = [
  'notebook.info',
  'notebook.importSample',
  'articles.list',
  'articles.get',
  'articles.locate',
  'articles.outlets',
  'articles.summaries',
  'articles.update',
  'articles.snapshot',
  'articles.importPaths',
  'articles.importFiles',
  'articles.reanalyse',
  'articles.replaceText',
  'compare.articles',
  'compare.cancel',
  'compare.export',
  'compare.related',
  'stories.list',
  'stories.create',
  'stories.add',
  'stories.remove',
  'stories.rename',
  'stories.delete',
  'stories.timeline',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'articles.tag',
  'tags.list',
  'tags.rename',
  'tags.merge',
  'tags.recolour',
  'tags.delete',
  'tags.restore',
  'search.query',
  'search.status',
  'search.articleHits',
  'search.saved.list',
  'search.saved.save',
  'search.saved.delete',
  'articles.importText',
  'export.run',
  'export.write',
  'backup.create',
  'backup.list',
  'articles.importPage',
  'extension.pairingCode',
  'extension.status',
  'extension.unpair',
] as const;
export type MethodNameList = (typeof methodNames)[number];

/** Events pushed from the back end to every open window. */
export const eventNames = [
  'import.progress',
  'export.progress',
  'notebook.changed',
  'compare.progress',
  'stories.changed',
  'search.status',
] as const;
export type EventNameList = (typeof eventNames)[number];
