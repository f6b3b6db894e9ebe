import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import { commonErrors, errorSchema } from '../schemas/common.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

/** A line of an NDJSON body that is not JSON; it is reported as a rejected row, never parsed further. */
class MalformedLine {
  constructor(readonly reason: string) {}
}

/** Splits an NDJSON body into rows; blank lines are skipped, a line that is not JSON becomes a `MalformedLine`. */
export function parseNdjson(body: string): unknown[] {
  return body
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return new MalformedLine('the line is not valid JSON');
      }
    });
}

const resultSchema = z.object({
  read: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reasons: z.array(z.string()) })),
});

/** Profile loads: a JSON array or NDJSON lines, each row validated alone; bad rows come back with their index. */
export const profileRoutes: FastifyPluginCallbackZod<RouteDeps> = (
  app,
  { context, profilesBodyLimit },
  done,
) => {
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit: profilesBodyLimit },
    (_request, body, done) => {
      done(null, parseNdjson(body as string));
    },
  );

  app.post('/profiles', {
    bodyLimit: profilesBodyLimit,
    schema: {
      tags: ['profiles'],
      summary: 'Insert or update profiles by key (application/json array or application/x-ndjson)',
      body: z
        .array(z.unknown())
        .describe('profiles: key, email, mobilePhone, visitorId, customKeys, attributes, optOut'),
      response: { 200: resultSchema, 413: errorSchema, 415: errorSchema, ...commonErrors },
    },
    handler: async (request) => upsert(context, principalOf(request), request.body),
  });

  done();
};

async function upsert(
  context: RouteDeps['context'],
  principal: ReturnType<typeof principalOf>,
  rows: readonly unknown[],
): Promise<z.infer<typeof resultSchema>> {
  const positions: number[] = [];
  const malformed: { index: number; reasons: string[] }[] = [];
  const valid: unknown[] = [];
  rows.forEach((row, index) => {
    if (row instanceof MalformedLine) malformed.push({ index, reasons: [row.reason] });
    else {
      positions.push(index);
      valid.push(row);
    }
  });

  const result = valueOf(await context.useCases.profiles.execute(principal, valid));
  const rejected = [
    ...malformed,
    ...result.rejected.map((row) => ({
      index: positions[row.index] ?? row.index,
      reasons: [...row.reasons],
    })),
  ].sort((a, b) => a.index - b.index);

  return { read: rows.length, inserted: result.inserted, updated: result.updated, rejected };
}
