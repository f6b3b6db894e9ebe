import { Readable } from 'node:stream';

import type { Principal, ReadRuns, RecordCategory, RunRecord } from '@audience-bridge/domain';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import { principalOf } from '../auth/authenticate.js';
import { commonErrors, idParamsSchema, pageOf, pageQuerySchema } from '../schemas/common.js';
import {
  recordCategorySchema,
  runKindSchema,
  runRecordSchema,
  runSchema,
  toRecordDto,
  toRunDto,
} from '../schemas/runs.js';
import { valueOf, type RouteDeps } from './RouteDeps.js';

const tags = ['runs'];
const CSV_PAGE = 1_000;

/** One CSV field, quoted when it holds a comma, quote or line break. */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const csvLine = (record: RunRecord): string =>
  `${[record.category, record.value, record.reason].map(csvField).join(',')}\n`;

/** Every record of a run, page by page, as CSV lines after a header. */
async function* csvLines(
  runs: ReadRuns,
  principal: Principal,
  id: string,
  category: RecordCategory | undefined,
): AsyncGenerator<string> {
  yield 'category,value,reason\n';
  for (let offset = 0; ; offset += CSV_PAGE) {
    const page = valueOf(await runs.records(principal, id, { offset, limit: CSV_PAGE }, category));
    yield page.items.map(csvLine).join('');
    if (page.items.length < CSV_PAGE) return;
  }
}

/** Runs: list (by kind and subject), show with the report, and the records a run did not import or export. */
export const runRoutes: FastifyPluginCallbackZod<RouteDeps> = (app, { context }, done) => {
  const { runs } = context.useCases;
  const rejectsQuery = pageQuerySchema.extend({ category: recordCategorySchema.optional() });

  app.get('/runs', {
    schema: {
      tags,
      summary: 'List runs, newest first',
      querystring: pageQuerySchema.extend({
        kind: runKindSchema.optional(),
        subjectId: z.string().min(1).optional(),
      }),
      response: { 200: pageOf(runSchema), ...commonErrors },
    },
    handler: async (request) => {
      const { offset, limit, kind, subjectId } = request.query;
      const filter = {
        ...(kind === undefined ? {} : { kind }),
        ...(subjectId === undefined ? {} : { subjectId }),
      };
      const page = valueOf(await runs.list(principalOf(request), { offset, limit }, filter));

      return { ...page, items: page.items.map(toRunDto) };
    },
  });

  app.get('/runs/:id', {
    schema: {
      tags,
      summary: 'Show a run and its report',
      params: idParamsSchema,
      response: { 200: runSchema, ...commonErrors },
    },
    handler: async (request) => toRunDto(valueOf(await runs.show(principalOf(request), request.params.id))),
  });

  app.get('/runs/:id/rejects', {
    schema: {
      tags,
      summary: 'Records the run did not import or export, with reasons',
      params: idParamsSchema,
      querystring: rejectsQuery,
      response: { 200: pageOf(runRecordSchema), ...commonErrors },
    },
    handler: async (request) => {
      const { offset, limit, category } = request.query;
      const page = valueOf(
        await runs.records(principalOf(request), request.params.id, { offset, limit }, category),
      );

      return { ...page, items: page.items.map(toRecordDto) };
    },
  });

  app.get('/runs/:id/rejects.csv', {
    schema: {
      tags,
      summary: 'The same records as a CSV download (category,value,reason), streamed',
      params: idParamsSchema,
      querystring: z.object({ category: recordCategorySchema.optional() }),
      response: {
        200: z.unknown().describe('text/csv: a header line, then one line per record'),
        ...commonErrors,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { id } = request.params;
      valueOf(await runs.show(principal, id));

      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${id.replace(/[^A-Za-z0-9_-]/g, '_')}-rejects.csv"`,
        )
        .send(Readable.from(csvLines(runs, principal, id, request.query.category)));
    },
  });

  done();
};
