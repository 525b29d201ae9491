export * from './ack.schema';
export * from './analysis.schema';
export * from './command.schema';
export * from './packets.schema';
export * from './report.schema';
export * from './status.schema';
export * from './topics';
export * from './report.check';
