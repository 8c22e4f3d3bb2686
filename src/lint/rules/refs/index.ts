import type { Rule } from '../../rule.js';
import { duplicateTrack } from './duplicate-track.js';
import { duplicateVip } from './duplicate-vip.js';
import { duplicateVipInInstance } from './duplicate-vip-in-instance.js';
import { duplicateVrid } from './duplicate-vrid.js';
import { garpGroupInterfaceTwice } from './garp-group-interface-twice.js';
import { instanceInTwoSyncGroups } from './instance-in-two-sync-groups.js';
import { lvsSyncDaemonInstance } from './lvs-sync-daemon-instance.js';
import { syncGroupUnknownInstance } from './sync-group-unknown-instance.js';
import { trackBfdUndefined } from './track-bfd-undefined.js';
import { trackFileUndefined } from './track-file-undefined.js';
import { trackGroupUndefined } from './track-group-undefined.js';
import { trackGroupUnknownInstance } from './track-group-unknown-instance.js';
import { trackProcessUndefined } from './track-process-undefined.js';
import { trackScriptUndefined } from './track-script-undefined.js';
import { trackedByInstanceAndGroup } from './tracked-by-instance-and-group.js';
import { unusedScript } from './unused-script.js';

export const refsRules: Rule[] = [
  trackScriptUndefined,
  trackFileUndefined,
  trackProcessUndefined,
  trackBfdUndefined,
  duplicateTrack,
  trackedByInstanceAndGroup,
  syncGroupUnknownInstance,
  instanceInTwoSyncGroups,
  trackGroupUndefined,
  trackGroupUnknownInstance,
  lvsSyncDaemonInstance,
  duplicateVrid,
  duplicateVip,
  duplicateVipInInstance,
  unusedScript,
  garpGroupInterfaceTwice,
];
