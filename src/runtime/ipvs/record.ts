/**
 * The recording IPVS driver: for tests and for hosts without IPVS (`kaconf run --ipvs=record
 * --ipvs-record PATH`). Each ipvsadm command it would run is appended to PATH, one a line,
 * after an ISO timestamp:
 *
 *   2025-01-01T10:00:00.000Z ipvsadm -A -t 10.0.0.1:80 -s wlc
 *
 * The initial batch (what the ipvsadm driver gives `ipvsadm -R`) is written as its lines, all
 * with the same timestamp. The driver also keeps the table those commands make, applied with
 * the kernel's answers, so tests and status can look at the result.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Clock } from '../drivers.js';
import { type IpvsTable, applyToTable, ipvsadmArgs, tableLines } from './ipvsadm-args.js';
import { Ownership } from './ownership.js';
import type { IpvsCommand, IpvsDriver, IpvsResult } from './types.js';

export interface RecordedCommand {
  /** clock time (ms, the daemon's clock) */
  at: number;
  /** wall time as written to the file */
  time: string;
  /** `ipvsadm -a -t …` */
  line: string;
  command: IpvsCommand;
  /** part of the initial batch */
  batch: boolean;
  ok: boolean;
  message?: string;
}

export interface RecordingDriver extends IpvsDriver {
  readonly records: RecordedCommand[];
  readonly table: IpvsTable;
  /** the table as sorted ipvsadm save lines */
  tableLines(): string[];
  /** resolve when a recorded command matches (or reject after timeoutMs of real time) */
  waitFor(match: (r: RecordedCommand) => boolean, timeoutMs?: number): Promise<RecordedCommand>;
}

export function recordingDriver(options: { clock: Clock; path?: string; initial?: IpvsTable }): RecordingDriver {
  const records: RecordedCommand[] = [];
  const table: IpvsTable = options.initial ?? new Map();
  const owned = new Ownership();
  const waiters = new Set<{ match: (r: RecordedCommand) => boolean; resolve: (r: RecordedCommand) => void }>();
  if (options.path) mkdirSync(dirname(options.path), { recursive: true });

  const run = (command: IpvsCommand, batch: boolean, time: string): IpvsResult => {
    let c = command;
    let error = applyToTable(table, c);
    let message: string | undefined;
    // what keepalived tolerates (ipvswrapper.c ipvs_talk): an existing service or destination on add,
    // a missing one on delete; an edit of a missing destination becomes an add
    if (error === 'No such destination' && c.op === 'edit-dest') {
      c = { ...c, op: 'add-dest' };
      error = applyToTable(table, c);
    }
    if (error && ((error.includes('already exists') && (c.op === 'add-service' || c.op === 'add-dest')) || (/No such/.test(error) && (c.op === 'del-service' || c.op === 'del-dest')))) {
      message = error;
      error = null;
    }
    if (!error && !message) owned.note(c);
    const line = `ipvsadm ${ipvsadmArgs(command).join(' ')}`;
    const rec: RecordedCommand = { at: options.clock.now(), time, line, command, batch, ok: !error, ...(error || message ? { message: (error ?? message)! } : {}) };
    records.push(rec);
    if (options.path) appendFileSync(options.path, `${time} ${line}\n`);
    for (const w of [...waiters]) {
      if (w.match(rec)) {
        waiters.delete(w);
        w.resolve(rec);
      }
    }
    return { command, ok: !error, ...(rec.message ? { message: rec.message } : {}) };
  };
  const now = (): string => new Date(options.clock.wall()).toISOString();

  return {
    kind: 'record',
    records,
    table,
    tableLines: () => tableLines(table),
    async init(commands: IpvsCommand[]): Promise<IpvsResult[]> {
      const time = now();
      return commands.map((c) => run(c, true, time));
    },
    async apply(command: IpvsCommand): Promise<IpvsResult> {
      return run(command, false, now());
    },
    async stop(): Promise<IpvsResult[]> {
      const time = now();
      return owned.undo().map((c) => run(c, false, time));
    },
    async release(services): Promise<IpvsResult[]> {
      const time = now();
      return owned.undo(services).map((c) => run(c, false, time));
    },
    waitFor(match, timeoutMs = 10_000): Promise<RecordedCommand> {
      const found = records.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = {
          match,
          resolve: (r: RecordedCommand) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`no matching ipvsadm command within ${timeoutMs} ms; recorded:\n${records.map((r) => `  ${r.line}`).join('\n')}`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
  };
}
