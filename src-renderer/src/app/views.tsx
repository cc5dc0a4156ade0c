import type { ReactNode } from 'react';
import { AnnotationsView } from '../features/annotate/AnnotationsView';
import { TagManagerView } from '../features/tags/TagManagerView';
import { SearchView } from '../features/search/SearchView';
import type { Notify } from './use-notices';
import type { Route } from './use-route';
import { compareViews } from '../features/compare/compare-views';
import { VerdictsView } from '../features/verdicts/VerdictsView';

export type ViewProps = { route: Route; navigate: (hash: string) => void; notify: Notify };

/**
 * Views other than the library (compare, all annotations, search results...). A feature adds one entry;
 * the app shell shows it beside the sidebar when the route names it, and lists it in the sidebar.
 */
export type ViewDefinition = {
  label: string;
  sidebar: boolean;
  render: (props: ViewProps) => ReactNode;
  /** Shown under the view's sidebar link (the list of stories under "Stories"). */
  sidebarExtra?: (props: { route: Route }) => ReactNode;
};

export const views: Record<string, ViewDefinition> = {
  ...compareViews,
  annotations: { label: 'All annotations', sidebar: true, render: (p) => <AnnotationsView {...p} /> },
  verdicts: { label: 'Verdicts', sidebar: true, render: (p) => <VerdictsView {...p} /> },
  tags: { label: 'Tags', sidebar: true, render: (p) => <TagManagerView {...p} /> },
  search: { label: 'Search', sidebar: true, render: (props) => <SearchView {...props} /> },
};
