// `npm run db:copy -- --to <postgres-url> [--from-dir <folder>]`: moves the embedded database's
// data (DATA_DIR, default ./data) into PostgreSQL. Stop the dashboard server first.
import { config as loadDotenv } from 'dotenv';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from './config';
import { copyStorage } from './storage/copy';
import { describePostgresUrl, openStorage, type Storage } from './storage/db';

const USAGE =
  'Usage: npm run db:copy -- --to postgres://user:password@host:5432/dbname [--from-dir ./data]';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  let values: { to?: string | undefined; 'from-dir'?: string | undefined };
  try {
    ({ values } = parseArgs({
      options: { to: { type: 'string' }, 'from-dir': { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const to = values.to;
  if (to === undefined || !/^postgres(ql)?:\/\//.test(to)) {
    console.error(`--to must be a PostgreSQL URL.\n${USAGE}`);
    return 2;
  }
  const dataDir = resolve(values['from-dir'] ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR);
  let source: Storage | undefined;
  let target: Storage | undefined;
  try {
    source = await openStorage({ engine: 'embedded', dataDir });
    target = await openStorage({ engine: 'postgres', url: to });
    const copied = await copyStorage(source, target);
    console.log(
      `Copied from ${source.description} to ${describePostgresUrl(to)}: ${Object.entries(copied)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ')}.\nNow set DATABASE_URL to that database and start the server.`,
    );
    return 0;
  } catch (e) {
    console.error(`Nothing was copied: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await source?.close();
    await target?.close();
  }
}

process.exitCode = await main();
