// English messages of the parser and the validator (diagnostics and their reason clauses).
export const diagnosticsEn = {
  // transitional: a message not yet moved into the catalog (a unit test lists what still uses it)
  raw: '{message}',
} as const satisfies Record<string, string>;
