import { useState } from 'react';
import { compareTables, tableFormats } from '@shared/compare';
import { call } from '../../api/client';

/** Download a comparison table as Markdown, HTML or CSV (built in the back end by the same code the CLI uses). */
export function ExportMenu({ ids, onError }: { ids: string[]; onError: (m: string) => void }) {
  const [table, setTable] = useState<(typeof compareTables)[number]>('claims');
  const [format, setFormat] = useState<(typeof tableFormats)[number]>('markdown');
  const download = async () => {
    try {
      const t = await call('compare.export', { ids, table, format });
      const url = URL.createObjectURL(new Blob([t.content], { type: `${t.mimeType};charset=utf-8` }));
      const a = document.createElement('a');
      a.href = url;
      a.download = t.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <div className="export-menu">
      <label>
        Table{' '}
        <select className="select" value={table} onChange={(e) => setTable(e.target.value as typeof table)}>
          {compareTables.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Format{' '}
        <select className="select" value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
          {tableFormats.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
      <button type="button" className="button" onClick={() => void download()}>
        Export
      </button>
    </div>
  );
}
