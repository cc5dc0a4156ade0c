import type { ReactNode } from 'react';
import { SearchView } from '../features/search/SearchView';
import type { Notify } from './use-notices';
import type { Route } from './use-route';

export type ViewProps = { route: Route; navigate: (hash: string) => void; notify: Notify };

/**
 * Views other than the library (compare, all annotations, search results...). A feature adds one entry;
 * the app shell shows it beside the sidebar when the route names it, and lists it in the sidebar.
 */
export type ViewDefinition = { label: string; sidebar: boolean; render: (props: ViewProps) => ReactNode };

export const views: Record<string, ViewDefinition> = {
  search: { label: 'Search', sidebar: true, render: (props) => <SearchView {...props} /> },
};
