/** Child process: serves the large Google Workspace tenant (generated on demand) and prints `ready <config JSON>`. */
import { LargeGoogleDataset } from '../google/dataset-large.ts';
import { startMockServer } from '../google/mock-server.ts';

const [users, events] = (process.argv[2] ?? '10000,1000000').split(',').map(Number);
const mock = await startMockServer({
  fixture: new LargeGoogleDataset({ users: users!, events: events! }),
  pageSize: 1000,
  maxLogged: 0,
});
process.stdout.write(`ready ${JSON.stringify(mock.config)}\n`);
process.on('SIGTERM', () => {
  mock.close().then(() => process.exit(0));
});
