import type { ViewDefinition } from '../../app/views';
import { CompareView } from './CompareView';
import { StoriesNav } from './StoriesNav';
import { StoriesView } from './StoriesView';
import { StoryView } from './StoryView';

/** The compare feature's views: stories (with the list in the sidebar), one story, and compare. */
export const compareViews: Record<string, ViewDefinition> = {
  stories: { label: 'Stories', sidebar: true, render: (p) => <StoriesView {...p} />, sidebarExtra: (p) => <StoriesNav {...p} /> },
  story: { label: 'Story', sidebar: false, render: (p) => <StoryView {...p} /> },
  compare: { label: 'Compare', sidebar: true, render: (p) => <CompareView {...p} /> },
};
