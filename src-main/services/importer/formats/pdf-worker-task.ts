/** One PDF for a PDF worker: its bytes (copied to the worker) and its name for messages. */
export type PdfTask = { bytes: Uint8Array; file: string };
