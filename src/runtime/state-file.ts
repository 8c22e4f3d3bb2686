/** The state file: which VIPs this daemon added, so that a later run can remove what a killed one left. */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../cli/write-file.js';
import type { StateStore, VipRecord } from './drivers.js';

export function fileStateStore(path: string): StateStore {
  return {
    load(): VipRecord[] {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      let data: { vips?: unknown };
      try {
        data = JSON.parse(text) as { vips?: unknown };
      } catch (e) {
        throw new Error(`${path} is not JSON (${(e as Error).message})`);
      }
      if (!data || typeof data !== 'object') throw new Error(`${path} holds no VIP list`);
      return Array.isArray(data.vips)
        ? (data.vips as VipRecord[]).filter((r) => r && typeof r.dev === 'string' && typeof r.address === 'string' && typeof r.prefix === 'number')
        : [];
    },
    save(records: VipRecord[]): void {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileAtomic(path, `${JSON.stringify({ pid: process.pid, vips: records }, null, 2)}\n`, 0o600);
    },
  };
}

export const memoryStateStore = (initial: VipRecord[] = []): StateStore & { records: VipRecord[] } => {
  const store = {
    records: [...initial],
    load: () => [...store.records],
    save: (r: VipRecord[]) => {
      store.records = [...r];
    },
  };
  return store;
};
