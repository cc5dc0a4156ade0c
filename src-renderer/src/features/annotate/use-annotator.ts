import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, ArticleDetail, HighlightColor } from '@contract';
import { call, subscribe } from '../../api/client';
import type { TextMark } from '../../lib/text-marks';
import { createAnnotation } from './annotation-actions';
import type { TextRange } from './sentences';
import { moveCursor, sentenceRanges } from './sentences';
import { selectionToRange } from '../../lib/selection-offsets';
import { isOthers, visibleAnnotations } from '../sync/others-annotations';
import { useTeamView } from '../sync/use-team-view';

export type EditMode = 'note' | 'tags';
export type Pending = TextRange & { source: 'mouse' | 'keys'; rect: DOMRect | null };

const COLOR_KEY = 'parallax.lastHighlightColor';
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(t.tagName));

/** Text order; orphans (no place in the text) last. */
const byText = (a: Annotation, b: Annotation) =>
  (a.anchor.start ?? Number.MAX_SAFE_INTEGER) - (b.anchor.start ?? Number.MAX_SAFE_INTEGER) || a.position.start - b.position.start;

export function scrollToPassage(id: string) {
  document.querySelector(`.article-body mark[data-mark-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/**
 * Everything the reader needs to annotate one article: its annotations, the passage the user is choosing
 * (by mouse selection or by keyboard sentence cursor), the selected annotation, and the keys h / n / t.
 */
export function useAnnotator(article: ArticleDetail | null, focusId: string | null, onError: (m: string) => void) {
  const articleId = article?.id ?? null;
  const [all, setAnnotations] = useState<Annotation[]>([]);
  const team = useTeamView(onError);
  // Other team members' annotations are left out of the text and the panel when the notebook hides them.
  const annotations = useMemo(() => visibleAnnotations(all, team.user, team.showOthers), [all, team.user, team.showOthers]);
  const othersCount = useMemo(() => all.filter((a) => isOthers(a, team.user)).length, [all, team.user]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; mode: EditMode; fresh?: boolean } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [color, setColorState] = useState<HighlightColor>(() => (localStorage.getItem(COLOR_KEY) as HighlightColor) || 'yellow');
  const bodyRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    if (!articleId) return setAnnotations([]);
    try {
      const { items } = await call('annotations.list', { articleId, sort: 'position' });
      setAnnotations(items.sort(byText));
    } catch (e) {
      onError((e as Error).message);
    }
  }, [articleId, onError]);
  useEffect(() => {
    setPending(null);
    setSelectedId(null);
    setEditing(null);
    void load();
  }, [load]);
  useEffect(() => subscribe('notebook.changed', (p) => articleId && p.ids.includes(articleId) && void load()), [articleId, load]);

  // Arriving from the "All annotations" view: select and show the passage once it is loaded.
  useEffect(() => {
    if (!focusId || !annotations.some((a) => a.id === focusId)) return;
    setSelectedId(focusId);
    requestAnimationFrame(() => scrollToPassage(focusId));
  }, [focusId, annotations]);

  const sentences = useMemo(() => (article ? sentenceRanges(article) : []), [article]);

  // A mouse (or Shift+arrow) selection inside the article body becomes the pending passage.
  useEffect(() => {
    const onChange = () => {
      const root = bodyRef.current;
      if (!root) return;
      const sel = window.getSelection();
      const range = selectionToRange(root, sel);
      if (range) {
        const rect = sel!.getRangeAt(0).getBoundingClientRect();
        setPending({ ...range, source: 'mouse', rect });
      } else setPending((p) => (p?.source === 'mouse' ? null : p));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const setColor = (c: HighlightColor) => {
    setColorState(c);
    localStorage.setItem(COLOR_KEY, c);
  };

  /** Highlight the pending passage; then optionally open its note or tag editor. */
  const highlight = useCallback(
    async (c: HighlightColor, then?: EditMode) => {
      if (!articleId || !pending) return null;
      try {
        const created = await createAnnotation({ articleId, target: { start: pending.start, end: pending.end }, color: c });
        window.getSelection()?.removeAllRanges();
        setPending(null);
        setAnnotations((list) => [...list.filter((a) => a.id !== created.id), created].sort(byText));
        setSelectedId(created.id);
        setEditing(then ? { id: created.id, mode: then, fresh: true } : null);
        if (!then) bodyRef.current?.closest<HTMLElement>('.reader')?.focus({ preventScroll: true });
        return created;
      } catch (e) {
        onError((e as Error).message);
        return null;
      }
    },
    [articleId, pending, onError],
  );

  const marks = useMemo<TextMark[]>(() => {
    const list: TextMark[] = annotations
      .filter((a) => a.anchor.start !== null && a.anchor.end !== null)
      .map((a) => ({
        start: a.anchor.start!,
        end: a.anchor.end!,
        kind: 'annotation',
        id: a.id,
        color: a.color,
        current: a.id === selectedId,
      }));
    if (pending?.source === 'keys') list.push({ start: pending.start, end: pending.end, kind: 'cursor', id: 'cursor' });
    return list;
  }, [annotations, selectedId, pending]);

  // Keys inside the article (not in the panel, not while typing): [ ] { } choose sentences, h n t act.
  const latest = useRef({ pending, selectedId, color, sentences, highlight });
  latest.current = { pending, selectedId, color, sentences, highlight };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const active = document.activeElement;
      if (!active?.closest('.reader') || active.closest('.annotation-panel') || typing(e.target)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = latest.current;
      if (e.key === '[' || e.key === ']' || e.key === '{' || e.key === '}') {
        e.preventDefault();
        window.getSelection()?.removeAllRanges();
        const next = moveCursor(s.sentences, s.pending, e.key);
        if (next) {
          setPending({ ...next, source: 'keys', rect: null });
          requestAnimationFrame(() => document.querySelector('.article-body mark.mark--cursor')?.scrollIntoView({ block: 'nearest' }));
        }
      } else if (e.key === 'Escape' && s.pending) {
        e.preventDefault(); // taken: the app's Escape (back to the list) leaves the reader focused
        window.getSelection()?.removeAllRanges();
        setPending(null);
      } else if (e.key === 'h' || e.key === 'n' || e.key === 't') {
        const mode = e.key === 'n' ? 'note' : e.key === 't' ? 'tags' : undefined;
        if (s.pending) {
          e.preventDefault();
          void s.highlight(s.color, mode);
        } else if (s.selectedId && mode) {
          e.preventDefault();
          setEditing({ id: s.selectedId, mode });
        }
      }
    };
    // Capture phase: while a passage is selected, the annotator has first claim on its keys (n = note), and
    // views that also bind them (the search reader's n = next hit) see the key as taken.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  /** A click on a highlight (not the end of a drag) selects its annotation. */
  const onBodyClick = (e: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const mark = (e.target as Element).closest<HTMLElement>('mark.mark--annotation');
    const ids = mark?.dataset.markIds?.split(' ').filter((id) => id !== 'cursor') ?? [];
    if (ids.length === 0) return;
    const next = ids.includes(selectedId ?? '') ? ids[(ids.indexOf(selectedId!) + 1) % ids.length]! : ids[0]!;
    setSelectedId(next);
    document.getElementById(`annotation-${next}`)?.scrollIntoView({ block: 'nearest' });
  };

  /** Close the note or tag editor and give the keys back to the text, so the next h / n / t works at once. */
  const closeEditor = useCallback(() => {
    setEditing(null);
    requestAnimationFrame(() => bodyRef.current?.closest<HTMLElement>('.reader')?.focus({ preventScroll: true }));
  }, []);

  return {
    articleId,
    closeEditor,
    annotations,
    othersCount,
    team,
    marks,
    pending,
    selectedId,
    setSelectedId,
    editing,
    setEditing,
    color,
    setColor,
    highlight,
    bodyRef,
    onBodyClick,
    reload: load,
  };
}
export type Annotator = ReturnType<typeof useAnnotator>;
