// Node-only helpers for the end-to-end suites and benchmarks; never imported by shipped code.
export * from './agent';
export * from './console';
export * from './database';
export * from './netns';
export * from './processes';
