/** The constant lists of annotations that the renderer needs at run time (menus, filters); the contract builds its schemas from them. */
export const highlightColors = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;

/** How an annotation's quote was found again after its article's text changed. */
export const anchorStatuses = ['ok', 'drifted', 'orphaned'] as const;

export const annotationSorts = ['position', 'created', 'updated', 'article', 'outlet', 'color'] as const;
