/**
 * `vmac` (the words after `use_vmac`) and `ipvlan` (after `use_ipvlan`) → the objects of
 * vrrp.schema.json's vrrp_instance properties. Grammars: docs/research/vrrp.md §4.4-4.5, checked
 * against keepalived's vrrp_parser.c (2.2.7 and 2.3.2).
 *
 * keepalived 2.3 reads every word, in any order; a second name, MAC, address or mode is reported
 * and ignored (the first one stays). keepalived 2.2 reads only the first two words of `use_vmac`
 * and knows neither `name`, `group` nor `netlink_notify_msg` (the schema marks them 2.3.0+).
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { LineCodec, LineResult, Word } from '../codecs.js';
import { base0, LineReader } from './route.js';

/** The octets of a MAC as keepalived reads it: 6 octets, or 5 (optionally with a trailing ':'). */
function macOctets(text: string): number[] | undefined {
  if (!/^[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){4}(:|:[0-9A-Fa-f]{1,2})?$/.test(text)) return undefined;
  return text
    .split(':')
    .filter((p) => p !== '')
    .map((p) => parseInt(p, 16));
}

/** `name N` for an interface name that would otherwise read as something else. */
function nameWords(ifname: string, keywords: string[], looksElse: (s: string) => boolean): string[] {
  return keywords.includes(ifname) || looksElse(ifname) ? ['name', ifname] : [ifname];
}

/** `group N` from word i: the index of its last word, or undefined when the number is missing (reported). */
function readGroup(r: LineReader, i: number): number | undefined {
  const k = r.need(i + 1, i, 'an interface group');
  if (k !== undefined) r.set('group', base0(r.text(k)), [k]);
  return k;
}

/**
 * The interface name at word i, bare or as `name N`: the index of its last word, or undefined
 * when `name` ends the line (reported). A second name is reported and ignored.
 */
function readName(r: LineReader, i: number): number | undefined {
  const k = r.text(i) === 'name' ? r.need(i + 1, i, 'an interface name') : i;
  if (k === undefined) return undefined;
  if (r.value.ifname !== undefined) r.problem(k, `a second interface name; keepalived ignores '${r.text(k)}'`, 'remove one of them');
  else r.set('ifname', r.text(k), [k]);
  return k;
}

const VMAC_WORDS = ['name', 'group', 'netlink_notify_msg'];

function readVmac(words: Word[]): LineResult {
  const r = new LineReader(words, 'use_vmac', VMAC_WORDS);
  const v = r.value;
  for (let i = 0; i < r.length && !r.stopped; i++) {
    const w = r.text(i);
    if (w.includes(':')) {
      // a word with ':' is the MAC (interface names cannot hold one)
      if (v.mac !== undefined) {
        r.problem(i, `a second MAC address; keepalived ignores '${w}'`, 'remove one of them');
        continue;
      }
      r.set('mac', w, [i]);
      const o = macOctets(w);
      if (o && o[0] === 0 && o[1] === 0 && o[2] === 0x5e && o[3] === 0 && (o[4] === 1 || o[4] === 2)) {
        r.problem(i, `'${w}' is in the VRRP virtual MAC range 00:00:5e:00:01/02:XX, which keepalived refuses here`, 'leave the MAC out to get the VRRP virtual MAC, or use a locally administered one (02:...)');
      }
      continue;
    }
    if (w === 'netlink_notify_msg') {
      r.set('netlink_notify_msg', true, [i]);
      continue;
    }
    if (w === 'group') {
      const k = readGroup(r, i);
      if (k === undefined) break;
      i = k;
      continue;
    }
    const k = readName(r, i);
    if (k === undefined) break;
    i = k;
  }
  return r.result();
}

function printVmac(v: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (v.ifname !== undefined) out.push(...nameWords(String(v.ifname), VMAC_WORDS, (s) => s.includes(':')));
  if (v.mac !== undefined) out.push(String(v.mac));
  if (v.group !== undefined) out.push('group', String(v.group));
  if (v.netlink_notify_msg === true) out.push('netlink_notify_msg');
  return out;
}

export const vmac: LineCodec = {
  kind: 'line',
  fields: ['ifname', 'mac', 'group', 'netlink_notify_msg'],
  read: readVmac,
  print: printVmac,
};

const IPVLAN_MODES = ['bridge', 'private', 'vepa'];
const IPVLAN_WORDS = [...IPVLAN_MODES, 'name', 'group'];

/**
 * A word meant as the ipvlan address. keepalived takes a valid `ADDR[/LEN]` as the address and
 * anything else as the interface name; a mistyped address is read as an address here, so that the
 * schema reports it as one.
 */
function isAddressWord(text: string): boolean {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  if (isIPv4(addr) || isIPv6(addr)) return true;
  if (addr.includes(':')) return /^[0-9A-Fa-f:.]+$/.test(addr);
  return addr.includes('.') && /^[0-9.]+$/.test(addr);
}

function readIpvlan(words: Word[]): LineResult {
  const r = new LineReader(words, 'use_ipvlan', IPVLAN_WORDS);
  const v = r.value;
  for (let i = 0; i < r.length && !r.stopped; i++) {
    const w = r.text(i);
    if (IPVLAN_MODES.includes(w)) {
      if (v.mode !== undefined) r.problem(i, `a second ipvlan mode; keepalived ignores '${w}'`, 'keep one of bridge, private, vepa');
      else r.set('mode', w, [i]);
      continue;
    }
    if (w === 'group') {
      const k = readGroup(r, i);
      if (k === undefined) break;
      i = k;
      continue;
    }
    if (w !== 'name' && isAddressWord(w)) {
      if (v.address !== undefined) r.problem(i, `a second address; keepalived ignores '${w}'`, 'remove one of them');
      else r.set('address', w, [i]);
      continue;
    }
    const k = readName(r, i);
    if (k === undefined) break;
    i = k;
  }
  return r.result();
}

function printIpvlan(v: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (v.ifname !== undefined) out.push(...nameWords(String(v.ifname), IPVLAN_WORDS, isAddressWord));
  if (v.address !== undefined) out.push(String(v.address));
  if (v.mode !== undefined) out.push(String(v.mode));
  if (v.group !== undefined) out.push('group', String(v.group));
  return out;
}

export const ipvlan: LineCodec = {
  kind: 'line',
  fields: ['ifname', 'address', 'mode', 'group'],
  read: readIpvlan,
  print: printIpvlan,
};
