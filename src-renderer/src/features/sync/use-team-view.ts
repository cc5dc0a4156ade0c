import { useCallback, useEffect, useState } from 'react';
import { call, subscribe } from '../../api/client';

export type TeamView = {
  /** This notebook's user name in its team; null before its first sync. */
  user: string | null;
  inTeam: boolean;
  showOthers: boolean;
  setShowOthers: (show: boolean) => void;
};

/** Who this notebook is in its team, and whether the reader shows the others' annotations (kept by the notebook). */
export function useTeamView(onError: (m: string) => void): TeamView {
  const [state, setState] = useState({ user: null as string | null, inTeam: false, showOthers: true });
  const load = useCallback(() => {
    call('notebook.syncStatus', {})
      .then((s) => setState({ user: s.user, inTeam: s.remote !== null, showOthers: s.showOthers }))
      .catch((e: Error) => onError(e.message));
  }, [onError]);
  useEffect(load, [load]);
  // The first sync names the user and the team.
  useEffect(() => subscribe('notebook.changed', (p) => p.reason === 'sync' && load()), [load]);
  const setShowOthers = useCallback(
    (show: boolean) => {
      setState((s) => ({ ...s, showOthers: show }));
      call('notebook.showOthers', { show })
        .then((s) => setState({ user: s.user, inTeam: s.remote !== null, showOthers: s.showOthers }))
        .catch((e: Error) => {
          setState((s) => ({ ...s, showOthers: !show }));
          onError(e.message);
        });
    },
    [onError],
  );
  return { ...state, setShowOthers };
}
