// English messages of the parser and the validator (diagnostics and their reason clauses).
export const diagnosticsEn = {
} as const satisfies Record<string, string>;
