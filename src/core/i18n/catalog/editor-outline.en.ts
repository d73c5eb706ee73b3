// English words of the document outline (Outline view, breadcrumbs, Go to Symbol) where the file gives none.
export const editorOutlineEn = {
  'outline.unnamedSection': '(unnamed section)',
  'outline.title': 'title',
  'outline.unnamedEndpoint': 'endpoint',
  'outline.noFlags': '(no flags)',
} as const satisfies Record<string, string>;
