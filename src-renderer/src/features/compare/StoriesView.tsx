import { useState } from 'react';
import type { ViewProps } from '../../app/views';
import { routeHash } from '../../app/use-route';
import { call } from '../../api/client';
import { ArticlePicker } from './ArticlePicker';
import { useStories } from './use-stories';
import './compare.css';

/** `#/stories`: every story, and a form to make one. */
export function StoriesView({ navigate, notify }: ViewProps) {
  const { stories } = useStories();
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const create = async () => {
    try {
      const s = await call('stories.create', { name, articleIds: picked });
      setName('');
      setPicked([]);
      navigate(routeHash('story', [s.id]));
    } catch (e) {
      notify('error', (e as Error).message);
    }
  };
  return (
    <main className="compare" aria-label="Stories">
      <h2>Stories</h2>
      <p>A story groups the articles about one event.</p>
      <ul className="story-list">
        {(stories ?? []).map((s) => (
          <li key={s.id}>
            <a href={routeHash('story', [s.id])}>{s.name}</a> · {s.articleIds.length} article(s)
          </li>
        ))}
      </ul>
      <form
        className="story-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3>New story</h3>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} />
        </label>
        <ArticlePicker label="Articles in this story" selected={picked} onChange={setPicked} />
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          Create story
        </button>
      </form>
    </main>
  );
}
