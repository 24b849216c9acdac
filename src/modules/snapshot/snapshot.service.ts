import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ChangeFeed } from '../../db/change-feed';
import { RegistryError } from '../../errors/registry-error';
import { exportSnapshot } from './snapshot.exporter';
import { Snapshot } from './snapshot.format';
import { ImportOptions, ImportSummary, SnapshotImporter } from './snapshot.importer';

export class SnapshotService {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: ChangeFeed = new ChangeFeed(),
  ) {}

  async import(snapshot: unknown, options?: ImportOptions): Promise<ImportSummary> {
    const summary = await new SnapshotImporter(this.ds, options).run(snapshot);
    if (!options?.dryRun) this.changes.registryChanged();
    return summary;
  }

  export(): Promise<Snapshot> {
    return exportSnapshot(this.ds.manager);
  }

  async isEmpty(): Promise<boolean> {
    const counts = await Promise.all(['topic', 'unit', 'person', 'agreement', 'collaboration'].map((t) => this.ds.query(`SELECT 1 FROM "${t}" LIMIT 1`)));
    return counts.every((rows: unknown[]) => rows.length === 0);
  }

  /** Imports every `*.json` snapshot in a folder, in name order, as one import each. */
  async importFolder(dir: string, options?: ImportOptions): Promise<ImportSummary[]> {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
    const summaries: ImportSummary[] = [];
    for (const file of files) summaries.push(await this.import(readSnapshotFile(path.join(dir, file)), options));
    return summaries;
  }
}

/** Reads and parses a snapshot file, with the file name in the error when it is not JSON. */
export function readSnapshotFile(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw RegistryError.of(null, 'INVALID', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}
