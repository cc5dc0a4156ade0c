import type { Annotation, AnnotationPatch, NewAnnotation } from '@contract';
import { call } from '../../api/client';
import { history } from './history';

const short = (s: string) => (s.length > 40 ? `“${s.slice(0, 39)}…”` : `“${s}”`);

/** Every annotation change goes through these, so each one can be undone and redone. */
export function createAnnotation(input: NewAnnotation): Promise<Annotation> {
  return history.run(
    'highlight',
    () => call('annotations.create', input),
    (created) => {
      let latest = created;
      return {
        undo: async () => void (latest = await call('annotations.delete', { id: created.id })),
        redo: async () => void (await call('annotations.restore', { annotation: latest })),
      };
    },
  );
}

export function updateAnnotation(
  before: Annotation,
  patch: Omit<AnnotationPatch, 'reattach'>,
  label = 'edit annotation',
): Promise<Annotation> {
  const inverse: Omit<AnnotationPatch, 'reattach'> = {};
  if (patch.color !== undefined) inverse.color = before.color;
  if (patch.note !== undefined) inverse.note = before.note;
  if (patch.tags !== undefined) inverse.tags = before.tags;
  return history.run(
    label,
    () => call('annotations.update', { id: before.id, patch }),
    () => ({
      undo: async () => void (await call('annotations.update', { id: before.id, patch: inverse })),
      redo: async () => void (await call('annotations.update', { id: before.id, patch })),
    }),
  );
}

/** Accept where a drifted annotation now sits; undo puts the old selectors back. */
export function reattachAnnotation(before: Annotation): Promise<Annotation> {
  return history.run(
    're-attach annotation',
    () => call('annotations.update', { id: before.id, patch: { reattach: true } }),
    () => ({
      undo: async () => {
        await call('annotations.delete', { id: before.id });
        await call('annotations.restore', { annotation: before });
      },
      redo: async () => void (await call('annotations.update', { id: before.id, patch: { reattach: true } })),
    }),
  );
}

export function deleteAnnotation(a: Annotation): Promise<Annotation> {
  return history.run(
    `delete ${short(a.quote.exact)}`,
    () => call('annotations.delete', { id: a.id }),
    (removed) => {
      let latest = removed;
      return {
        undo: async () => void (latest = await call('annotations.restore', { annotation: latest })),
        redo: async () => void (latest = await call('annotations.delete', { id: a.id })),
      };
    },
  );
}
