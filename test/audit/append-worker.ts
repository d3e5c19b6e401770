// Appends N audit entries to the PostgreSQL database at argv[2] as one backend process would.

import { createAuditLog } from '../../backend/src/audit/audit-log.ts';
import { systemClock } from '../../backend/src/clock.ts';
import { createSecretBox } from '../../backend/src/crypto/secret-box.ts';
import { loadSigner } from '../../backend/src/crypto/signing-keys.ts';
import { openPostgres } from '../../backend/src/db/client.ts';

const [url, countArg, name] = process.argv.slice(2);
const database = openPostgres(url!, { max: 4 });
const signer = await loadSigner(database.db, createSecretBox(Buffer.alloc(32, 5)), systemClock);
const log = createAuditLog({ db: database.db, clock: systemClock, signer, checkpointEvery: 25 });
// Start together: each worker waits for the other's "go" through stdin.
await new Promise((resolve) => process.stdin.once('data', resolve));
await Promise.all(
  Array.from({ length: 4 }, async (_, lane) => {
    for (let i = lane; i < Number(countArg); i += 4) {
      await log.append({
        actor: { type: 'system', id: name },
        action: 'test.append',
        outcome: 'success',
        details: { i },
      });
    }
  }),
);
await database.close();
process.stdout.write('done\n');
