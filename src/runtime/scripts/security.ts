/**
 * Script security as keepalived decides it before running anything (lib/notify.c
 * check_script_secure, read for each rule; the code here is kaconf's own):
 *
 * - a command starting `</path` only tests that a file opens: it runs through /bin/sh, unchecked;
 * - a bare program name is looked up in the scripts' PATH (a warning asks for the full path);
 *   not found, or found but not executable for the script's user: refused;
 * - a path that does not resolve (realpath) or cannot be read: refused;
 * - a file the script's user cannot execute: refused;
 * - a script that runs with root's uid or gid (or is setuid/setgid root): every component of its
 *   path, from `/`, is looked at without following links — each directory must be a directory,
 *   the last a file (or link); each must be owned by root, and neither a file nor a directory
 *   without the sticky bit may be writable by a non-root group or by everyone. keepalived 2.3
 *   checks the path as written and then the resolved one, so a path through a symlinked
 *   directory (`/bin/...` where /bin links to usr/bin) is refused; 2.2 checks the resolved path.
 *   A path that fails is *insecure*: with `enable_script_security` the script is refused, without
 *   it the script runs and a warning says so. A wrong file type is refused either way.
 *
 * The user a script runs as: its own (`user` / the words after a notify command), else
 * `script_user`, else `keepalived_script` when that account exists, else root — which
 * `enable_script_security` refuses.
 */
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { PlanCommand, PlanGlobal } from '../../compile/plan.js';

/** The PATH scripts get (and bare names are looked up in): systemd's default for services. */
export const SCRIPT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface FileInfo {
  uid: number;
  gid: number;
  /** st_mode */
  mode: number;
}

/** What the checks read from the file system (the real one, or a table in the tests). */
export interface SecurityFs {
  /** lstat: null when it does not exist or cannot be reached */
  lstat(path: string): FileInfo | null;
  /** stat (links followed) */
  stat(path: string): FileInfo | null;
  /** realpath, or an Error saying why not */
  realpath(path: string): string | Error;
}

export interface Identity {
  uid: number;
  gid: number;
  /** the account name a script runs as (put into the command so the runner uses it) */
  user?: string;
  group?: string;
}

export interface ScriptPolicy {
  /** enable_script_security */
  security: boolean;
  /** keepalived 2.3 and later check the path as written (symlinked directories refused) */
  checkWrittenPath: boolean;
  /** PATH for bare program names */
  path: string;
  /** uid/gid a command runs as, or why none can be used */
  identity(cmd: PlanCommand): Identity | Error;
}

export type ScriptVerdict =
  | {
      run: true;
      /** the command to run: argv resolved (PATH search), or /bin/sh -c for a `</file` test */
      command: PlanCommand;
      /** why the script is insecure (it runs anyway: enable_script_security is off) */
      insecure: string | null;
      /** other things worth a log line (a PATH search) */
      notes: string[];
    }
  | { run: false; why: 'insecure' | 'not-found' | 'not-executable' | 'no-user'; reason: string; notes: string[] };

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const isDir = (m: number): boolean => (m & S_IFMT) === S_IFDIR;
const isReg = (m: number): boolean => (m & S_IFMT) === S_IFREG;
const isLnk = (m: number): boolean => (m & S_IFMT) === S_IFLNK;

/** keepalived's is_executable: root needs any x bit; otherwise owner, group, other in turn. */
export function executableBy(f: FileInfo, id: { uid: number; gid: number }): boolean {
  if (id.uid === 0) return (f.mode & 0o111) !== 0;
  if (id.uid === f.uid) return (f.mode & 0o100) !== 0;
  if (id.gid === f.gid) return (f.mode & 0o010) !== 0;
  return (f.mode & 0o001) !== 0;
}

/** `/`, `/usr`, `/usr/bin`, `/usr/bin/true` */
function prefixes(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '');
  return ['/', ...parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`)];
}

/** /./, /../ and repeated slashes removed, as keepalived 2.3 cleans argv[0] */
export function cleanPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

type PathProblem = { kind: 'missing' | 'type' | 'insecure'; reason: string };

/** keepalived's check_security: the first component of the path that makes it unsafe. */
export function pathProblem(path: string, fs: SecurityFs): PathProblem | null {
  const all = prefixes(path);
  for (let i = 0; i < all.length; i++) {
    const cur = all[i]!;
    const last = i === all.length - 1;
    const st = fs.lstat(cur);
    if (!st) return { kind: 'missing', reason: `${cur} cannot be found` };
    if (!last && !isDir(st.mode)) {
      return { kind: 'type', reason: `${cur} is ${isLnk(st.mode) ? 'a symbolic link' : 'not a directory'} (keepalived wants every directory of a script path to be a real directory)` };
    }
    if (last && !isReg(st.mode) && !isLnk(st.mode)) return { kind: 'type', reason: `${cur} is not a regular file` };
    if (st.uid !== 0) return { kind: 'insecure', reason: `${cur} is owned by uid ${st.uid}, not root` };
    const checked = (isDir(st.mode) && (st.mode & 0o1000) === 0) || isReg(st.mode);
    if (checked && st.gid !== 0 && st.mode & 0o020) return { kind: 'insecure', reason: `${cur} is writable by group ${st.gid}` };
    if (checked && st.mode & 0o002) return { kind: 'insecure', reason: `${cur} is writable by everyone` };
  }
  return null;
}

/** keepalived's cmd_str: each word in single quotes, for /bin/sh -c */
export function shellLine(argv: readonly string[]): string {
  return argv.map((w, i) => (i === 0 && (w.startsWith('<') || w.startsWith('>')) ? w : `'${w.replaceAll("'", "'\\''")}'`)).join(' ');
}

/** Whether and how a command may run, as keepalived's check_script_secure decides. */
export function checkScript(cmd: PlanCommand, policy: ScriptPolicy, fs: SecurityFs): ScriptVerdict {
  const notes: string[] = [];
  const first = cmd.argv[0] ?? '';
  if (first === '') return { run: false, why: 'not-found', reason: 'the command is empty', notes };
  // `</path/file`: a test that the file can be opened, done by the shell; nothing is executed
  if (/^<[ \t]*\//.test(first)) return { run: true, command: { ...cmd, argv: ['/bin/sh', '-c', shellLine(cmd.argv)] }, insecure: null, notes };

  const id = policy.identity(cmd);
  if (id instanceof Error) return { run: false, why: 'no-user', reason: id.message, notes };
  const withUser = (c: PlanCommand): PlanCommand => ({ ...c, ...(id.user !== undefined && c.user === undefined ? { user: id.user, ...(id.group !== undefined ? { group: id.group } : {}) } : {}) });

  let argv = [...cmd.argv];
  if (!first.includes('/')) {
    let denied = false;
    let found: string | undefined;
    for (const dir of policy.path.split(':')) {
      const candidate = `${dir === '' ? '.' : dir}/${first}`;
      const st = fs.stat(candidate);
      if (!st) continue;
      if (isReg(st.mode) && executableBy(st, id)) {
        found = candidate;
        break;
      }
      denied = true;
    }
    if (!found) {
      return denied
        ? { run: false, why: 'not-executable', reason: `${first} is in PATH (${policy.path}) but not executable for uid ${id.uid}`, notes }
        : { run: false, why: 'not-found', reason: `${first} is not found in PATH (${policy.path})`, notes };
    }
    notes.push(`${first} resolved by a PATH search to ${found}; give the full path`);
    argv = [found, ...argv.slice(1)];
  }

  const written = argv[0]!;
  const real = fs.realpath(written);
  if (real instanceof Error) return { run: false, why: 'not-found', reason: `${written} cannot be accessed: ${real.message}`, notes };
  const file = fs.stat(real);
  if (!file) return { run: false, why: 'not-found', reason: `${written} cannot be accessed`, notes };
  if (!executableBy(file, id)) return { run: false, why: 'not-executable', reason: `${real} is not executable for uid ${id.uid}, gid ${id.gid}`, notes };

  const command = withUser({ ...cmd, argv });
  const asRoot = id.uid === 0 || id.gid === 0 || (file.uid === 0 && (file.mode & 0o4100) === 0o4100) || (file.gid === 0 && (file.mode & 0o2010) === 0o2010);
  if (!asRoot) return { run: true, command, insecure: null, notes };

  const paths = policy.checkWrittenPath ? [cleanPath(written), ...(real !== cleanPath(written) ? [real] : [])] : [real];
  for (const p of paths) {
    const problem = pathProblem(p, fs);
    if (!problem) continue;
    if (problem.kind === 'missing') return { run: false, why: 'not-found', reason: problem.reason, notes };
    if (problem.kind === 'type') return { run: false, why: 'insecure', reason: problem.reason, notes };
    if (policy.security) return { run: false, why: 'insecure', reason: `${problem.reason}, and the script would run as root`, notes };
    return { run: true, command, insecure: `${problem.reason}, and the script runs as root`, notes };
  }
  return { run: true, command, insecure: null, notes };
}

// ----- the host ----------------------------------------------------------------------------

const info = (st: Stats): FileInfo => ({ uid: st.uid, gid: st.gid, mode: st.mode });

export const hostFs: SecurityFs = {
  lstat(path) {
    try {
      return info(lstatSync(path));
    } catch {
      return null;
    }
  },
  stat(path) {
    try {
      return info(statSync(path));
    } catch {
      return null;
    }
  },
  realpath(path) {
    try {
      return realpathSync(path);
    } catch (e) {
      return new Error((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    }
  },
};

/** An account from /etc/passwd (or NSS through `id`): its uid and primary gid. */
export function lookupUser(name: string): { uid: number; gid: number } | null {
  try {
    const passwd = readFileSync('/etc/passwd', 'utf8');
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 4) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    // no /etc/passwd: ask NSS
  }
  try {
    const uid = Number.parseInt(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
    const gid = Number.parseInt(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

export function lookupGroup(name: string): number | null {
  try {
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 3) return Number(f[2]);
    }
  } catch {
    // ask NSS
  }
  try {
    const gid = Number.parseInt(execFileSync('getent', ['group', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(':')[2] ?? '', 10);
    return Number.isInteger(gid) ? gid : null;
  } catch {
    return null;
  }
}

export interface Accounts {
  user(name: string): { uid: number; gid: number } | null;
  group(name: string): number | null;
  /** who kaconf runs as */
  self: { uid: number; gid: number };
}

export const hostAccounts = (): Accounts => ({ user: lookupUser, group: lookupGroup, self: { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 } });

/**
 * keepalived's choice of user: the command's own, else script_user, else keepalived_script
 * if it exists, else root (refused with enable_script_security). When kaconf does not run as
 * root it cannot switch users: every script runs as kaconf's own user.
 */
export function scriptPolicy(global: Pick<PlanGlobal, 'scriptSecurity' | 'scriptUser'>, keepalivedVersion: string, accounts: Accounts = hostAccounts()): ScriptPolicy {
  const [major = 2, minor = 3] = keepalivedVersion.split('.').map(Number);
  const cache = new Map<string, Identity | Error>();
  const resolve = (user: string, group: string | undefined, what: string): Identity | Error => {
    const u = accounts.user(user);
    if (!u) return new Error(`${what} ${user} does not exist on this host`);
    if (group === undefined) return { uid: u.uid, gid: u.gid, user };
    const g = accounts.group(group);
    if (g === null) return new Error(`${what}'s group ${group} does not exist on this host`);
    return { uid: u.uid, gid: g, user, group };
  };
  return {
    security: global.scriptSecurity,
    checkWrittenPath: major > 2 || (major === 2 && minor >= 3),
    path: SCRIPT_PATH,
    identity(cmd) {
      if (accounts.self.uid !== 0) return { ...accounts.self };
      const key = `${cmd.user ?? ''}:${cmd.group ?? ''}`;
      let id = cache.get(key);
      if (!id) {
        if (cmd.user !== undefined) id = resolve(cmd.user, cmd.group, 'the script user');
        else if (global.scriptUser) id = resolve(global.scriptUser.user, global.scriptUser.group, 'script_user');
        else {
          const k = accounts.user('keepalived_script');
          if (k) id = { uid: k.uid, gid: k.gid, user: 'keepalived_script' };
          else if (global.scriptSecurity) id = new Error('no script_user is set and there is no keepalived_script user; with enable_script_security scripts do not run as root by default');
          else id = { ...accounts.self };
        }
        cache.set(key, id);
      }
      return id;
    },
  };
}
