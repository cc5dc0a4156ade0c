import type { Route } from '../../app/use-route';
import { routeHash } from '../../app/use-route';
import { useStories } from './use-stories';

/** The stories under the sidebar's "Stories" link. */
export function StoriesNav({ route }: { route: Route }) {
  const { stories } = useStories();
  if (!stories?.length) return null;
  return (
    <ul className="sidebar__stories" aria-label="Stories">
      {stories.map((s) => (
        <li key={s.id}>
          <a
            className="sidebar__link sidebar__link--story"
            href={routeHash('story', [s.id])}
            aria-current={route.view === 'story' && route.path[0] === s.id ? 'page' : undefined}
          >
            <span>{s.name}</span>
            <span className="badge">{s.articleIds.length}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
