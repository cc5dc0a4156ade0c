import { useEffect, useId, useState } from 'react';
import type { CitationStyle, ExportFormat, ExportScope } from '@contract';
import { call, subscribe } from '../../api/client';
import type { Notify } from '../../app/use-notices';
import { plural } from '../../lib/format';
import { Dialog } from '../../ui/Dialog';
import { downloadExport } from './download';

type Props = { open: boolean; onClose: () => void; currentArticleId: string | null; notify: Notify };

const FORMATS: Array<[ExportFormat, string]> = [
  ['md', 'Markdown (Obsidian-friendly notes)'],
  ['html', 'HTML report (printable)'],
  ['pdf', 'PDF report'],
  ['csv', 'CSV (one row per annotation)'],
  ['w3c', 'W3C Web Annotation JSON-LD'],
  ['csl', 'CSL-JSON citations (Zotero)'],
  ['bibtex', 'BibTeX citations'],
  ['ris', 'RIS citations'],
  ['backup', 'Whole notebook backup (.zip)'],
];

type ScopeChoice = 'all' | 'article' | 'tag';

/** Export: pick a format and a scope, the back end renders it, the browser downloads it. */
export function ExportDialog({ open, onClose, currentArticleId, notify }: Props) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('md');
  const [scope, setScope] = useState<ScopeChoice>('all');
  const [tag, setTag] = useState('');
  const [layout, setLayout] = useState<'combined' | 'per-article'>('combined');
  const [style, setStyle] = useState<CitationStyle>('apa');
  const [includeText, setIncludeText] = useState(false);
  const [annotatedOnly, setAnnotatedOnly] = useState(false);
  const [bom, setBom] = useState(false);
  const [jsonLines, setJsonLines] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      subscribe('export.progress', (p) => {
        const verb = p.phase === 'read' ? 'Reading' : p.phase === 'pdf' ? 'Printing' : 'Writing';
        setProgress(p.phase === 'pdf' ? `${verb} the PDF…` : `${verb} ${p.done.toLocaleString()} of ${plural(p.total, 'article')}…`);
      }),
    [],
  );

  const notes = format === 'md' || format === 'html' || format === 'pdf';
  const run = async () => {
    const s: ExportScope =
      scope === 'article' && currentArticleId
        ? { articleIds: [currentArticleId] }
        : scope === 'tag' && tag.trim()
          ? { tag: tag.trim() }
          : {};
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      const file = await call('export.run', {
        format,
        scope: s,
        options: { layout, citationStyle: style, includeText, annotatedOnly, bom, jsonLines },
      });
      downloadExport(file);
      notify(
        'success',
        `Exported ${file.fileName}: ${plural(file.articleCount, 'article')}, ${plural(file.annotationCount, 'annotation')}.`,
      );
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <Dialog
      title="Export"
      open={open}
      onOpen={() => setError(null)}
      onSubmit={() => void run()}
      onClose={onClose}
      submitLabel={busy ? 'Exporting…' : 'Export'}
      submitDisabled={busy || (scope === 'tag' && !tag.trim() && format !== 'backup')}
      progress={progress}
      error={error}
    >
      <label htmlFor={`${id}-format`}>Format</label>
      <select id={`${id}-format`} className="input" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {FORMATS.map(([f, label]) => (
          <option key={f} value={f}>
            {label}
          </option>
        ))}
      </select>
      {format !== 'backup' && (
        <fieldset className="dialog__group">
          <legend>Articles</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Whole notebook
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === 'article'}
              disabled={!currentArticleId}
              onChange={() => setScope('article')}
            />{' '}
            The open article
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'tag'} onChange={() => setScope('tag')} /> With the tag
          </label>
          {scope === 'tag' && (
            <input aria-label="Tag name" className="input" placeholder="claim/quote" value={tag} onChange={(e) => setTag(e.target.value)} />
          )}
        </fieldset>
      )}
      {format === 'md' && (
        <>
          <label htmlFor={`${id}-layout`}>Files</label>
          <select id={`${id}-layout`} className="input" value={layout} onChange={(e) => setLayout(e.target.value as typeof layout)}>
            <option value="combined">One combined file</option>
            <option value="per-article">One file per article (a .zip)</option>
          </select>
        </>
      )}
      {notes && (
        <>
          <label htmlFor={`${id}-style`}>References</label>
          <select id={`${id}-style`} className="input" value={style} onChange={(e) => setStyle(e.target.value as CitationStyle)}>
            <option value="apa">APA</option>
            <option value="chicago">Chicago</option>
          </select>
          <label className="dialog__check">
            <input type="checkbox" checked={includeText} onChange={(e) => setIncludeText(e.target.checked)} /> Include each article’s text
          </label>
        </>
      )}
      {(notes || format === 'csv') && (
        <label className="dialog__check">
          <input type="checkbox" checked={annotatedOnly} onChange={(e) => setAnnotatedOnly(e.target.checked)} /> Only articles with
          annotations
        </label>
      )}
      {format === 'csv' && (
        <label className="dialog__check">
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Byte order mark (for older Excel)
        </label>
      )}
      {format === 'w3c' && (
        <label className="dialog__check">
          <input type="checkbox" checked={jsonLines} onChange={(e) => setJsonLines(e.target.checked)} /> JSON Lines (one annotation per
          line)
        </label>
      )}
    </Dialog>
  );
}
