/**
 * The only bridge between the sandboxed renderer and the app: one frozen object with `invoke` for the
 * contract's methods (and nothing else) and `onEvent` for pushed events. `ipcRenderer` itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { eventNames, methodNames } from '../../../src-shared/api-names';
import { IPC_EVENT, IPC_INVOKE } from './window-options';

const allowedMethods = new Set<string>(methodNames);
const allowedEvents = new Set<string>(eventNames);

const bridge = Object.freeze({
  kind: 'desktop' as const,
  invoke(method: string, payload: unknown): Promise<unknown> {
    if (!allowedMethods.has(method))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${method}` } });
    return ipcRenderer.invoke(IPC_INVOKE, method, payload);
  },
  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, event: string, payload: unknown) => {
      if (allowedEvents.has(event)) listener(event, payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
});

contextBridge.exposeInMainWorld('parallax', bridge);
