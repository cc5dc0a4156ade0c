/** citation-js ships no type declarations; this is the small part Parallax uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The items as CSL-JSON. */
    data: unknown[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): unknown };
    /** One parsing step, e.g. a RIS file into its records (tag -> value). */
    input: { chainLink(data: unknown): unknown };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
