import type { FastifyInstance } from 'fastify';

/** Lets routes read `application/x-www-form-urlencoded` bodies (the IMS token request) as a plain record. */
export function parseFormBody(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      done(null, Object.fromEntries(new URLSearchParams(text)));
    },
  );
}
