import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { faultOptionsSchema } from '../faults/FaultOptions.js';
import { tokenOverridesSchema, type TokenOverrides } from '../ims/TokenOverrides.js';
import type { EmulatorAdmin } from './EmulatorAdmin.js';
import { populationSummary } from './populationSummary.js';

const deliverBodySchema = z.strictObject({
  destinationId: z.int().positive(),
  mode: z.enum(['full', 'iter']).default('full'),
  gzip: z.boolean().optional(),
  maxLinesPerFile: z.int().min(1).optional(),
  faults: z.array(z.enum(['truncate', 'corrupt', 'lyingControl'])).optional(),
});

const sidParamsSchema = z.object({ sid: z.coerce.number().int().positive() });
const changeBodySchema = z.strictObject({
  add: z.array(z.string().min(1)).default([]),
  remove: z.array(z.string().min(1)).default([]),
});
const setBodySchema = z.strictObject({ userIds: z.array(z.string().min(1)) });

/** The emulator's own endpoints under `/emulator/…`: no auth, never faulted, loopback only. */
export function adminRoutes(
  app: FastifyInstance,
  admin: EmulatorAdmin,
  mint: (overrides: TokenOverrides) => Promise<string>,
): void {
  app.get('/emulator/state', () => admin.snapshot());
  app.get('/emulator/population', () => populationSummary(admin.population));

  app.post('/emulator/deliveries', async (request) => {
    const { destinationId, ...options } = deliverBodySchema.parse(request.body ?? {});
    const { gzip, maxLinesPerFile, faults, mode } = options;

    return admin.deliver(destinationId, {
      mode,
      ...(gzip === undefined ? {} : { gzip }),
      ...(maxLinesPerFile === undefined ? {} : { maxLinesPerFile }),
      ...(faults === undefined ? {} : { faults }),
    });
  });
  app.post('/emulator/ingest', async () => ({ receipts: await admin.ingest() }));

  app.get('/emulator/segments/:sid/members', (request) => {
    const { sid } = sidParamsSchema.parse(request.params);

    return { sid, members: admin.members(sid) };
  });
  app.post('/emulator/segments/:sid/members', (request) => {
    const { sid } = sidParamsSchema.parse(request.params);
    const body = changeBodySchema.parse(request.body ?? {});
    const added = admin.addMembers(sid, body.add);
    const removed = admin.removeMembers(sid, body.remove);

    return { sid, added, removed, members: admin.members(sid).length };
  });
  app.put('/emulator/segments/:sid/members', (request) => {
    const { sid } = sidParamsSchema.parse(request.params);
    admin.setSegment(sid, setBodySchema.parse(request.body ?? {}).userIds);

    return { sid, members: admin.members(sid).length };
  });

  app.get('/emulator/faults', () => admin.faults);
  app.patch('/emulator/faults', (request) =>
    admin.setFaults(faultOptionsSchema.partial().parse(request.body ?? {})),
  );
  app.post('/emulator/tokens', async (request) => ({
    access_token: await mint(tokenOverridesSchema.parse(request.body ?? {})),
    token_type: 'bearer',
  }));
}
