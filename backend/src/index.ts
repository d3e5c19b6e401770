// Serves the backend: `npm start` and `sightline serve` end up here.
import { EnvError, readEnv } from './env.ts';
import { startServer } from './server.ts';

try {
  const server = await startServer(readEnv());
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`${err instanceof EnvError ? err.message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
}
