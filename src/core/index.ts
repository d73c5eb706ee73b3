// The public face of the core: everything the extension, the webview and the CLI use.
export * from './syntax/syntax.ts';
export * from './analysis.ts';
export * from './sequence.ts';
export { parse } from './syntax/parser.ts';
export { analyze } from './validator/analyze.ts';
export { STATES, parseState, isSynchronized, stateSpellings } from './states.ts';
export { DIAGNOSTIC_CODES, SEVERITY_OF } from './diagnostics.ts';
