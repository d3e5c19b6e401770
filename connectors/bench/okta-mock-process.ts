/** Child process: serves the large Okta fixture (generated on demand) and prints `ready <url>`. */
import { LargeOktaDataset } from '../okta/dataset-large.ts';
import { startMockServer } from '../okta/mock-server.ts';

const [people, apps, events] = (process.argv[2] ?? '100000,5000,1000000').split(',').map(Number);
const mock = await startMockServer({
  fixture: new LargeOktaDataset({ people: people!, apps: apps!, events: events! }),
  maxLogged: 0,
});
process.stdout.write(`ready ${mock.url}\n`);
process.on('SIGTERM', () => {
  mock.close().then(() => process.exit(0));
});
