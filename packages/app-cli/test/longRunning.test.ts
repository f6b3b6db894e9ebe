import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { freshDatabase, postgresAvailable } from './reliability/support/postgres.js';
import { json, runCli, sandbox } from './cli.js';

const bin = fileURLToPath(new URL('../bin/audience-bridge.js', import.meta.url));

/** A command that runs until stopped: its first JSON document, and a way to stop it with SIGTERM. */
interface Running {
  readonly document: Record<string, unknown>;
  readonly stop: () => Promise<number | null>;
}

function start(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Running> {
  const child: ChildProcess = spawn(process.execPath, [bin, ...args, '--json'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async (): Promise<number | null> => {
    child.kill('SIGTERM');
    return exited;
  };

  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      try {
        resolve({ document: JSON.parse(out) as Record<string, unknown>, stop });
      } catch {
        // the document is not complete yet
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    void exited.then((code) => {
      reject(new Error(`${args.join(' ')} exited with ${code} before printing its document: ${err}`));
    });
  });
}

describe('commands that run until stopped, and db migrate', () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()));
  });

  it('db migrate brings the configured database up to date', async () => {
    const box = sandbox();

    const migrated = await runCli(['db', 'migrate', '--json'], box);

    expect(migrated.code).toBe(0);
    expect(json(migrated)).toEqual({ database: 'sqlite', migrated: true });
  });

  it('emulator serves IMS tokens on the port it reports, and stops cleanly on SIGTERM', async () => {
    const box = sandbox();
    const emulator = await start(['emulator', '--port', '0', '--size', '200'], box.env, box.dir);
    stops.push(emulator.stop);

    const token = await fetch(`${String(emulator.document['url'])}/ims/token/v3`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'audience-bridge',
        client_secret: 'emulator-secret',
      }),
    });

    expect(token.status).toBe(200);
    expect(((await token.json()) as { token_type: string }).token_type).toBe('bearer');
    expect(await emulator.stop()).toBe(0);
  });

  it('serve answers /health and renders /docs on the embedded default, and stops cleanly on SIGTERM', async () => {
    const box = sandbox();
    const server = await start(['serve'], { ...box.env, AB_PORT: '0' }, box.dir);
    stops.push(server.stop);
    const url = String(server.document['url']);

    const health = await fetch(`${url}/health`);
    const docs = await fetch(`${url}/docs/`);

    expect(health.status).toBe(200);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    expect(await server.stop()).toBe(0);
  });

  it('worker refuses the embedded default with a one-line reason (serve runs the jobs there)', async () => {
    const box = sandbox();

    const refused = await runCli(['worker'], box);

    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('worker runs on PostgreSQL until stopped', async () => {
    if (!(await postgresAvailable())) return;
    const database = await freshDatabase();
    const box = sandbox();
    const env = {
      ...box.env,
      AB_DATABASE_URL: database.url,
      AB_MASTER_KEY: 'a master key of at least thirty-two characters',
    };
    try {
      const migrated = await runCli(['db', 'migrate'], { dir: box.dir, env });
      const worker = await start(['worker'], env, box.dir);
      stops.push(worker.stop);

      expect(migrated.code).toBe(0);
      expect(worker.document).toEqual({ running: true });
      expect(await worker.stop()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
