// Development mode's demo data, seeded by a short-lived process of its own on every start of the
// stack: the launcher stays resident for as long as the stack runs, and this way it never loads the
// app's database client or the password hasher (measured: about 90 MB less resident memory).
// Reads the app's environment and GATEHOUSE_DEMO_DATA_DIR; prints the demo data as one JSON line.
import { loadAppConfig } from '../config';
import { seedDemoData } from './demo-data';
import { loadOrCreateDevSecrets } from './dev-defaults';

const dataDir = process.env.GATEHOUSE_DEMO_DATA_DIR;
if (!dataDir) {
  console.error('gatehouse: GATEHOUSE_DEMO_DATA_DIR is not set');
  process.exit(2);
}
try {
  const demo = await seedDemoData(loadAppConfig(), loadOrCreateDevSecrets(dataDir));
  process.stdout.write(`${JSON.stringify(demo)}\n`);
} catch (err) {
  console.error(`gatehouse: seeding the demo data failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
