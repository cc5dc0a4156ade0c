import { useState } from 'react';
import type { Passage, Timeline, TimelineArticle } from '@contract';
import { call } from '../../api/client';
import { routeHash } from '../../app/use-route';
import { passageParam } from './linked-passage';

const when = (iso: string) => (iso.length > 10 ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z?$/, '').replace(/Z$/, '') : iso);

function ArticleLine({ a }: { a: TimelineArticle }) {
  return (
    <>
      {a.published && <time dateTime={a.published}>{when(a.published)}</time>} <span className="picker__outlet">{a.outlet ?? 'Unknown outlet'}</span>{' '}
      <a href={routeHash('library', [a.id])} dir="auto">
        {a.title}
      </a>
      {a.updates.length > 0 && <span className="timeline__updates"> · updated {a.updates.map(when).join(', ')}</span>}
    </>
  );
}

/**
 * The story's timeline (`stories.timeline`): its articles by publication time, undated ones apart, and each
 * claim or figure several outlets carry at its first appearance, with who repeated it. Every passage links
 * to the reader, opened at that passage.
 */
export function StoryTimeline({ storyId, notify }: { storyId: string; notify: (kind: 'error', message: string) => void }) {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = new Map([...(timeline?.articles ?? []), ...(timeline?.undated ?? [])].map((a) => [a.id, a]));
  const show = () => {
    setBusy(true);
    call('stories.timeline', { id: storyId })
      .then(setTimeline, (e: Error) => notify('error', e.message))
      .finally(() => setBusy(false));
  };
  const link = (p: Passage) => {
    const a = byId.get(p.article);
    return (
      <a key={`${p.article}-${p.start}`} className="timeline__passage" href={routeHash('library', [p.article], passageParam(p))}>
        {a?.outlet ?? a?.title ?? p.article}
        {a?.published ? ` (${when(a.published)})` : ''}
      </a>
    );
  };
  const list = (ps: Passage[]) => ps.map((p, i) => [i > 0 ? ', ' : '', link(p)]);
  return (
    <section aria-label="Timeline" className="timeline">
      <h3>Timeline</h3>
      {!timeline && (
        <button type="button" className="button" onClick={show} disabled={busy}>
          {busy ? 'Building the timeline…' : 'Show the timeline'}
        </button>
      )}
      {timeline && (
        <>
          <ol className="timeline__articles" aria-label="Articles by publication time">
            {timeline.articles.map((a) => (
              <li key={a.id}>
                <ArticleLine a={a} />
              </li>
            ))}
          </ol>
          {timeline.undated.length > 0 && (
            <>
              <h4>No date</h4>
              <ul className="timeline__articles" aria-label="No date">
                {timeline.undated.map((a) => (
                  <li key={a.id}>
                    <ArticleLine a={a} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <h4>First appearances</h4>
          {timeline.items.length === 0 && <p>No claim or figure is carried by more than one article.</p>}
          <ol className="timeline__items" aria-label="Claims and figures by first appearance">
            {timeline.items.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                <span className="timeline__kind">{item.kind === 'claim' ? 'Claim' : 'Figure'}</span>{' '}
                <q dir="auto">{item.label}</q>
                <div>
                  First: {item.first.length ? list(item.first) : 'no dated article'}
                  {item.repeated.length > 0 && <> · repeated by {list(item.repeated)}</>}
                  {item.undated.length > 0 && <> · no date: {list(item.undated)}</>}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
