export * from './analysis';
export * from './auth';
export * from './errors';
export * from './hosts';
