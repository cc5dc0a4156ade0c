/** jsonld.js ships no type declarations; this is the one call the tests use. */
declare module 'jsonld' {
  const jsonld: {
    expand(doc: object, options: { documentLoader: (url: string) => Promise<object>; safe?: boolean }): Promise<unknown[]>;
  };
  export default jsonld;
}
