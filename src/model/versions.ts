/** keepalived release numbers: parsing, comparing, and the releases kaconf describes. */
export type Version = [number, number, number];

/** Releases whose rules kaconf checks exactly (an oracle of each runs in the tests). */
export const KNOWN_VERSIONS = ['2.2.7', '2.3.2'] as const;
/** The release the rules follow when none is chosen: the newest the schemas describe. */
export const DEFAULT_VERSION = '2.3.2';

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(v: Version): string {
  return v.join('.');
}

/** since ≤ v < until (either bound may be absent). */
export function versionInRange(v: Version, since?: string, until?: string): boolean {
  if (since) {
    const s = parseVersion(since);
    if (s && compareVersions(v, s) < 0) return false;
  }
  if (until) {
    const u = parseVersion(until);
    if (u && compareVersions(v, u) >= 0) return false;
  }
  return true;
}
