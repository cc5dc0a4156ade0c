import { useState } from 'react';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { ArticlePicker } from './ArticlePicker';
import { CompareTabs } from './CompareTabs';
import './compare.css';

/** `#/compare` picks articles; `#/compare/<id>/<id>…` compares them. */
export function CompareView({ route, navigate, notify }: ViewProps) {
  const [picked, setPicked] = useState<string[]>([]);
  if (route.path.length === 0) {
    return (
      <main className="compare" aria-label="Compare">
        <h2>Compare articles</h2>
        <p>
          Pick two articles to read them side by side, three to six to read them in columns, or more to see which outlet carries which
          claim.
        </p>
        <ArticlePicker label="Articles to compare" selected={picked} onChange={setPicked} />
        <button
          type="button"
          className="button button--primary"
          disabled={picked.length < 2}
          onClick={() => navigate(routeHash('compare', picked))}
        >
          Compare {picked.length} selected
        </button>
      </main>
    );
  }
  return (
    <main className="compare" aria-label="Compare">
      <CompareTabs key={route.path.join(',')} ids={route.path} notify={notify} />
    </main>
  );
}
