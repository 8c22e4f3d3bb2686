import type { Obj } from '../../context.js';
import type { Rule } from '../../rule.js';
import { iprouteLines, whereText, type IprouteLine } from './lines.js';
import { hostNames, iprouteDirs, NAME_KINDS, nameWords, type NameKind } from './names.js';

/** The named values of one line: [kind, pointer, value]. */
function namedValues(l: IprouteLine): [NameKind, string, unknown][] {
  const v = l.value;
  const out: [NameKind, string, unknown][] = [];
  const add = (kind: NameKind, field: string, value: unknown = v[field], pointer = `${l.pointer}/${field}`): void => {
    if (value !== undefined) out.push([kind, pointer, value]);
  };
  if (l.kind === 'address') add('scope', 'scope');
  if (l.kind === 'route') {
    add('table', 'table');
    add('scope', 'scope');
    add('protocol', 'protocol');
    add('dsfield', 'tos');
    add('realm', 'realms');
    const encapTos = (e: unknown, p: string): void => {
      const enc = e as Obj | undefined;
      if (enc) add('dsfield', '', enc.tos ?? enc.tc, p);
    };
    encapTos(v.encap, `${l.pointer}/encap`);
    const hops = Array.isArray(v.nexthop) ? (v.nexthop as Obj[]) : [];
    for (const nh of hops) {
      // next hops have no location of their own: the `nexthop` words
      add('realm', '', nh.realms, `${l.pointer}/nexthop`);
      encapTos(nh.encap, `${l.pointer}/nexthop`);
    }
  }
  if (l.kind === 'rule') {
    add('table', 'table');
    add('dsfield', 'tos');
    add('realm', 'realms');
    add('group', 'suppress_ifgroup');
  }
  return out;
}

/** A table, scope, protocol, realm, DS field or group name that is neither built in nor defined on this host. */
export const unknownName: Rule = {
  meta: {
    id: 'iproute/unknown-name',
    severity: 'warning',
    description: 'A routing table, scope, protocol, realm, DS field or interface group name that keepalived may not know.',
    docs:
      'Addresses, routes and rules can name a routing table, scope, route protocol, realm, DS field (`tos`) or interface group instead of giving its number. keepalived knows a few names itself (tables `default`, `main`, `local`; scopes `global`, `nowhere`, `host`, `link`, `site`; the standard route protocols) and looks any other name up in the iproute2 files (`rt_tables`, `rt_scopes`, `rt_protos`, `rt_realms`, `rt_dsfield`, `group` and their `.d/*.conf` files) of the host it runs on: `/etc/iproute2` (keepalived 2.3 also reads the distribution directory, and `iproute_etc_dir` / `iproute_usr_dir` in global_defs move them). A name it cannot find makes it reject the line (an address, route or rule), and `keepalived -t` fails.\n\n' +
      'kaconf checks names against the same files on the machine it runs on, which may not be where keepalived runs, so an unknown name is a warning. Using the number avoids the dependency.\n\n' +
      '```\nvirtual_routes {\n    10.5.0.0/16 dev eth0 table 100      ! or a name defined in rt_tables\n}\n```',
    keepalived: 'Routing table X not found for route / Invalid scope \'X\' specified for ADDRESS - ignoring',
  },
  check(ctx) {
    const gd = ctx.globalDefs;
    const etc = typeof gd.iproute_etc_dir === 'string' ? gd.iproute_etc_dir : undefined;
    const usr = typeof gd.iproute_usr_dir === 'string' ? gd.iproute_usr_dir : undefined;
    const dirs = ctx.atLeast('2.3.0') ? iprouteDirs(etc, usr) : ['/etc/iproute2'];
    for (const l of iprouteLines(ctx)) {
      for (const [kind, pointer, value] of namedValues(l)) {
        const info = NAME_KINDS[kind];
        for (const name of nameWords(kind, value)) {
          if (info.builtin.includes(name) || hostNames(kind, dirs).has(name)) continue;
          const what = l.kind === 'address' ? 'address' : l.kind;
          ctx.report({
            pointer,
            message: `${info.what} '${name}' in ${whereText(l)} is not a name keepalived knows by itself${info.builtin.length > 0 ? ` (${info.builtin.join(', ')})` : ''} and is not defined in ${dirs[0]}/${info.file} on this machine; keepalived rejects the ${what} on a host that does not define it`,
            hint: `use the number, or define the name in ${info.file} on the keepalived host`,
          });
        }
      }
    }
  },
};
