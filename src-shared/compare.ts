/** The comparison tables that can be exported, and their formats (the compare view's export menu offers them). */
export const compareTables = ['claims', 'quotes', 'entities', 'conflicts'] as const;
export const tableFormats = ['markdown', 'html', 'csv'] as const;
