import type { Rule } from '../../rule.js';
import { fifoSharedPath } from './fifo-shared-path.js';
import { firewallAuto } from './firewall-auto.js';
import { firewallConflict } from './firewall-conflict.js';
import { iptablesUnsupported } from './iptables-unsupported.js';
import { largeInterval } from './large-interval.js';
import { lvsSyncDaemonConflict } from './lvs-sync-daemon-conflict.js';
import { netNamespaceTest } from './net-namespace-test.js';
import { notificationEmailEmpty } from './notification-email-empty.js';
import { notificationEmailMissing } from './notification-email-missing.js';
import { processNameShared } from './process-name-shared.js';
import { processNamesOrder } from './process-names-order.js';
import { reportedDuplicate } from './reported-duplicate.js';
import { rxBufsPolicy } from './rx-bufs-policy.js';
import { smtpServerMissing } from './smtp-server-missing.js';
import { smtpServerUnresolvable } from './smtp-server-unresolvable.js';
import { vrrpMinGarpOrder } from './vrrp-min-garp-order.js';

export const globalRules: Rule[] = [
  iptablesUnsupported,
  firewallConflict,
  firewallAuto,
  reportedDuplicate,
  smtpServerMissing,
  smtpServerUnresolvable,
  notificationEmailMissing,
  notificationEmailEmpty,
  fifoSharedPath,
  lvsSyncDaemonConflict,
  netNamespaceTest,
  largeInterval,
  vrrpMinGarpOrder,
  processNamesOrder,
  processNameShared,
  rxBufsPolicy,
];
