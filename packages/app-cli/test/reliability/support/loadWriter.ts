// Run in its own process by the load suite: autocannon's programmatic API with a fresh profile key per
// request (its CLI's [<id>] replacement left bodies hanging), printing autocannon's JSON result.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

interface RawRequest {
  readonly method?: string;
  readonly body?: string;
}

interface AutocannonOptions {
  readonly url: string;
  readonly connections: number;
  readonly duration: number;
  readonly headers: Record<string, string>;
  readonly requests: readonly { readonly method: string; setupRequest(request: RawRequest): RawRequest }[];
}

// autocannon 8 ships no types: it is loaded through require and given the shape of the part used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<unknown>;

/** What the parent asks for. */
export interface WriterPlan {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  readonly keyPrefix: string;
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? '{}') as WriterPlan;
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    headers: plan.headers,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify([{ key: `${plan.keyPrefix}${randomUUID()}`, attributes: { load: true } }]),
        }),
      },
    ],
  });
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
