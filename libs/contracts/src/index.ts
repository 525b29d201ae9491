export * from './api';
export * from './defaults';
export * from './mqtt';
export * from './validate';
export * from './ws';
