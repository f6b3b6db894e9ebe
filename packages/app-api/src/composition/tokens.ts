import type { PortToken } from '@audience-bridge/domain';

import type { Config } from '../config/Config.js';
import type { ServicePorts } from './ServicePorts.js';
import type { UseCases } from './UseCases.js';

/** The application's own container names, beside the domain's port tokens. */
export const AppTokens = {
  Config: Symbol.for('audience-bridge.app.Config') as PortToken<Config>,
  ServicePorts: Symbol.for('audience-bridge.app.ServicePorts') as PortToken<ServicePorts>,
  UseCases: Symbol.for('audience-bridge.app.UseCases') as PortToken<UseCases>,
} as const;
