import { stat } from 'node:fs/promises';

/** Whether anything is at `path` (a file or a folder); any error reading it counts as nothing there. */
export const pathExists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );
