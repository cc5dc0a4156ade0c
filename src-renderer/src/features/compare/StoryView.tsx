import { useEffect, useState } from 'react';
import type { ArticleSummary, RelatedItem } from '@contract';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { call } from '../../api/client';
import { ArticlePicker } from './ArticlePicker';
import { CompareTabs } from './CompareTabs';
import { StoryTimeline } from './StoryTimeline';
import { useStories } from './use-stories';
import './compare.css';

/** Related coverage for a whole story: each candidate scored by its best match with any member. */
async function suggest(members: string[]): Promise<RelatedItem[]> {
  const best = new Map<string, number>();
  for (const id of members.slice(0, 10)) {
    for (const r of await call('compare.related', { id, limit: 20 })) {
      if (!members.includes(r.id)) best.set(r.id, Math.max(best.get(r.id) ?? 0, r.score));
    }
  }
  return [...best.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 10);
}

/** `#/story/<id>`: the story's articles, related coverage, and the N-way comparison. */
export function StoryView({ route, notify, navigate }: ViewProps) {
  const { stories } = useStories();
  const story = stories?.find((s) => s.id === route.path[0]) ?? null;
  const [titles, setTitles] = useState<Record<string, ArticleSummary>>({});
  const [pair, setPair] = useState<string[]>([]);
  const [related, setRelated] = useState<RelatedItem[] | null>(null);
  const [adding, setAdding] = useState<string[] | null>(null);

  // Only the rows this view names (members and suggestions), never the whole library.
  const shownIds = [...(story?.articleIds ?? []), ...(related ?? []).map((r) => r.id)].slice(0, 10_000).join(',');
  useEffect(() => {
    if (!shownIds) return;
    call('articles.summaries', { ids: shownIds.split(',') }).then(
      (r) => setTitles(Object.fromEntries(r.items.map((a) => [a.id, a]))),
      () => undefined,
    );
  }, [shownIds, story?.updatedAt]);

  if (!stories) return <main className="compare" aria-label="Story" />;
  if (!story)
    return (
      <main className="compare" aria-label="Story">
        <p className="empty-state" role="alert">
          This story does not exist. <a href={routeHash('stories')}>All stories</a>
        </p>
      </main>
    );
  const act = (p: Promise<unknown>) => p.catch((e: Error) => notify('error', e.message));
  const ids = story.articleIds;
  return (
    <main className="compare" aria-label="Story">
      <h2>{story.name}</h2>
      <section aria-label="Articles in this story" className="story-members">
        <ul>
          {ids.map((id) => (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={`Choose ${titles[id]?.title ?? id} for aligned reading`}
                  checked={pair.includes(id)}
                  onChange={() => setPair((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)))}
                />{' '}
                <a href={routeHash('library', [id])} dir="auto">
                  {titles[id]?.title ?? id}
                </a>
              </label>{' '}
              <span className="picker__outlet">{titles[id]?.outlet ?? ''}</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void act(call('stories.remove', { id: story.id, articleIds: [id] }))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div className="story-actions">
          <button type="button" className="button button--primary" disabled={pair.length !== 2} onClick={() => navigate(routeHash('compare', pair))}>
            Read the two chosen side by side
          </button>
          <button type="button" className="button" onClick={() => void act(suggest(ids).then(setRelated))} disabled={!ids.length}>
            Suggest related coverage
          </button>
          <button type="button" className="button" onClick={() => setAdding(adding ? null : [])}>
            {adding ? 'Cancel' : 'Add articles…'}
          </button>
        </div>
        {adding && (
          <div>
            <ArticlePicker label="Add to this story" selected={adding} onChange={setAdding} exclude={ids} />
            <button
              type="button"
              className="button button--primary"
              disabled={!adding.length}
              onClick={() => void act(call('stories.add', { id: story.id, articleIds: adding }).then(() => setAdding(null)))}
            >
              Add {adding.length}
            </button>
          </div>
        )}
        {related && (
          <div aria-label="Related coverage" role="region">
            <h3>Related coverage</h3>
            {related.length === 0 && <p>No other articles.</p>}
            <ol>
              {related.map((r) => (
                <li key={r.id}>
                  <span dir="auto">{titles[r.id]?.title ?? r.id}</span> <span className="picker__outlet">score {r.score.toFixed(2)}</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      void act(
                        call('stories.add', { id: story.id, articleIds: [r.id] }).then(() =>
                          setRelated((x) => x?.filter((y) => y.id !== r.id) ?? null),
                        ),
                      )
                    }
                  >
                    Add
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
      {ids.length > 1 && <StoryTimeline key={`${story.id}@${story.updatedAt}`} storyId={story.id} notify={notify} />}
      {ids.length > 0 && <CompareTabs key={ids.join(',')} ids={ids} notify={notify} />}
    </main>
  );
}
