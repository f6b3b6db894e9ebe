import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The docs page's policy: scripts and styles from the page's own origin only (its assets are served
 * from the installed package, never a CDN), inline styles for Swagger UI's widgets, and no upgrade of
 * requests to https, so the page also works over plain loopback HTTP.
 */
export const docsContentSecurityPolicy =
  "default-src 'self'; base-uri 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'";

/** Registers the OpenAPI generator (from the routes' zod schemas) and the docs page; call before the routes. */
export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Audience Bridge API',
        version,
        description: 'Shares audiences between the campaign profile database and People core.',
      },
      components: {
        securitySchemes: {
          imsBearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      security: [{ imsBearer: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: docsContentSecurityPolicy,
    uiConfig: { deepLinking: false },
  });

  app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, () => app.swagger());
}
