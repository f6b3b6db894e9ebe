import { setTimeout as sleep } from 'node:timers/promises';

import type { FastifyInstance } from 'fastify';

import type { FaultInjector } from './FaultInjector.js';

/** Paths that never fail: the emulator's own admin endpoints. */
const isAdmin = (url: string): boolean => url.startsWith('/emulator/') || url === '/emulator';

/**
 * Injects HTTP faults before IMS and AAM REST calls are handled: latency, then a dropped
 * connection, a 500 or a 429 with `Retry-After`, as the fault settings draw them.
 */
export function faultHook(app: FastifyInstance, faults: FaultInjector): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isAdmin(request.url)) return;

    const delay = faults.delayMs();
    if (delay > 0) await sleep(delay);

    const fault = faults.nextCall();
    if (fault === 'drop') {
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (fault === 'error') {
      return reply
        .code(500)
        .send({ code: 'internal_error', message: 'injected fault: internal server error' });
    }
    if (fault === 'throttle') {
      return reply
        .code(429)
        .header('retry-after', String(faults.settings.retryAfterSeconds))
        .send({ code: 'too_many_requests', message: 'injected fault: too many requests' });
    }

    return undefined;
  });
}
