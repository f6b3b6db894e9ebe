export * from './visitorIds.js';
export * from './profiles.js';
export * from './dataSources.js';
export * from './segmentIds.js';
export * from './filters.js';
export * from './batches.js';
export * from './principals.js';
