import type { Rule } from '../../rule.js';
import { checkerOptionWithoutCheckers } from './checker-option-without-checkers.js';
import { duplicateRealServer } from './duplicate-real-server.js';
import { fwmarkProtocol } from './fwmark-protocol.js';
import { groupEmpty } from './group-empty.js';
import { groupEntry } from './group-entry.js';
import { groupFamily } from './group-family.js';
import { groupMixedFwmark } from './group-mixed-fwmark.js';
import { groupUndefined } from './group-undefined.js';
import { haSuspendFwmark } from './ha-suspend-fwmark.js';
import { hysteresisQuorum } from './hysteresis-quorum.js';
import { ipFamilyConflict } from './ip-family-conflict.js';
import { noRealServers } from './no-real-servers.js';
import { omegaWithoutEffect } from './omega-without-effect.js';
import { opsRequiresUdp } from './ops-requires-udp.js';
import { protocolMissing } from './protocol-missing.js';
import { quorumExceedsWeight } from './quorum-exceeds-weight.js';
import { realServerFamily } from './real-server-family.js';
import { addressSuffix } from './address-suffix.js';
import { realServerPort } from './real-server-port.js';
import { reportedDuplicate } from './reported-duplicate.js';
import { schedulerFlags } from './scheduler-flags.js';
import { sorryServerFamily } from './sorry-server-family.js';
import { sorryServerInhibit } from './sorry-server-inhibit.js';
import { snmpNameWords } from './snmp-name-words.js';
import { sorryServerOrder } from './sorry-server-order.js';
import { sorryServerPort } from './sorry-server-port.js';
import { synonyms } from './synonyms.js';
import { zeroPort } from './zero-port.js';

export const ipvsRules: Rule[] = [
  groupUndefined,
  groupFamily,
  groupMixedFwmark,
  groupEntry,
  groupEmpty,
  ipFamilyConflict,
  realServerFamily,
  sorryServerFamily,
  noRealServers,
  duplicateRealServer,
  schedulerFlags,
  sorryServerOrder,
  protocolMissing,
  fwmarkProtocol,
  haSuspendFwmark,
  opsRequiresUdp,
  zeroPort,
  quorumExceedsWeight,
  hysteresisQuorum,
  realServerPort,
  sorryServerPort,
  sorryServerInhibit,
  reportedDuplicate,
  snmpNameWords,
  synonyms,
  omegaWithoutEffect,
  checkerOptionWithoutCheckers,
  addressSuffix,
];
