// The backend as the ingest benchmark runs it: a separate process, configured by the environment.
import { readEnv } from '../src/env.ts';
import { startServer } from '../src/server.ts';

const server = await startServer(readEnv(process.env), () => {});
process.stdout.write(`ready ${server.url}\n`);
process.once('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
