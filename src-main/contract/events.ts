import { z } from 'zod';
import { SearchStatus } from './search';
import type { EventNameList } from '../../src-shared/api-names';
import { eventNames } from '../../src-shared/api-names';

/** Events pushed from the back end to every open window (IPC `webContents.send`, HTTP server-sent events). */
export const events = {
  'import.progress': z.object({ done: z.number().int(), total: z.number().int(), file: z.string().nullable() }),
  /** Long exports and backups: reading articles, writing files, printing the PDF. */
  'export.progress': z.object({ phase: z.enum(['read', 'write', 'pdf']), done: z.number().int(), total: z.number().int() }),
  'notebook.changed': z.object({ ids: z.array(z.string()), reason: z.string() }),
  /** `requestId` is the one the comparison was started with, when it was given one. */
  'compare.progress': z.object({ stage: z.string(), done: z.number().int(), total: z.number().int(), requestId: z.string().optional() }),
  'stories.changed': z.object({ ids: z.array(z.string()) }),
  'search.status': SearchStatus,
} as const satisfies Record<EventNameList, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
/** The same names as `events`' keys (checked by the `satisfies` above), without zod. */
export { eventNames };
