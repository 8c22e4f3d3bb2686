/** `kaconf status [--control PATH] [--format text|json]`: ask a running `kaconf run`. */
import { request } from '../../runtime/control/client.js';
import { DEFAULT_CONTROL } from '../../runtime/control/server.js';
import type { Status } from '../../runtime/daemon.js';
import { statusText } from '../../runtime/status-text.js';
import { EXIT_OK, UsageError } from '../exit.js';

export async function runStatus(args: { control?: string; format: 'text' | 'json' }): Promise<number> {
  const path = args.control ?? DEFAULT_CONTROL;
  let reply: unknown;
  try {
    reply = await request(path, 'status');
  } catch (e) {
    throw new UsageError(`kaconf: no kaconf run answers on ${path}: ${(e as Error).message}`);
  }
  if (reply && typeof reply === 'object' && 'error' in reply) throw new UsageError(`kaconf: ${String((reply as { error: unknown }).error)}`);
  process.stdout.write(args.format === 'json' ? `${JSON.stringify(reply, null, 2)}\n` : statusText(reply as Status));
  return EXIT_OK;
}
