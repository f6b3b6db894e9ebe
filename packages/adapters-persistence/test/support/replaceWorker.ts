// A child process that writes a large member replacement (or reconciliation) and never finishes on its
// own: the crash test kills it with SIGKILL mid-way. Usage: replaceWorker.ts <url> <org> <audience> <mode>
import { openPersistence } from '../../src/index.js';
import { testMasterKey } from './databases.js';

const [url, org, audienceId, mode] = process.argv.slice(2);
if (url === undefined || org === undefined || audienceId === undefined)
  throw new Error('usage: <url> <org> <audience> <mode>');

const persistence = await openPersistence({ url, masterKey: testMasterKey, migrate: false });

if (mode === 'reconcile') {
  const session = await persistence.reconciliation.begin(org, audienceId);
  for (let batch = 0; batch < 4; batch++) {
    const ids = Array.from({ length: 2000 }, (_, index) => {
      const n = batch * 2000 + index;

      return { raw: `raw-${n}`, field: 'custom:crm' as const, value: `crm-${n % 1000}` };
    });
    await session.stage(ids);
  }
  process.stdout.write('completing\n');
  await session.complete();
  process.stdout.write('completed\n');
} else {
  const replacement = await persistence.audiences.beginReplace(org, audienceId);
  for (let batch = 0; ; batch++) {
    await replacement.add(Array.from({ length: 5000 }, (_, index) => `new-${batch}-${index}`));
    process.stdout.write('added\n');
  }
}
