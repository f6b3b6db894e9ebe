export * from './config/Config.js';
export * from './config/loadConfig.js';
export * from './config/duration.js';
export * from './logging/PinoLogger.js';
export * from './runtime/RandomIdGenerator.js';
