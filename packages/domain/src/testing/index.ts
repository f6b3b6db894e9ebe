export * from './arbitraries/index.js';
export * from './kits/index.js';
