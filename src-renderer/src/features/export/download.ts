import type { ExportedFile } from '@contract';

/** Save bytes through the browser's download, which works the same in web mode and in the desktop window. */
export function downloadBase64(contentBase64: string, fileName: string, mime: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadExport(file: ExportedFile): void {
  downloadBase64(file.contentBase64, file.fileName, file.mime);
}
