import type { Rule } from '../../rule.js';
import { advertInt } from './advert-int.js';
import { expiredTimerNeedsNopreempt } from './expired-timer-needs-nopreempt.js';
import { garpExtraIfUnused } from './garp-extra-if-unused.js';
import { garpGroupNoInterval } from './garp-group-no-interval.js';
import { ipv6Version2 } from './ipv6-version-2.js';
import { ipvlanWithoutAddress } from './ipvlan-without-address.js';
import { loopbackInterface } from './loopback-interface.js';
import { masterDefaultPriority } from './master-default-priority.js';
import { nativeIpv6WithIpv4 } from './native-ipv6-with-ipv4.js';
import { noInterface } from './no-interface.js';
import { noVip } from './no-vip.js';
import { nopreemptWithMaster } from './nopreempt-with-master.js';
import { nopreemptWithOwner } from './nopreempt-with-owner.js';
import { ownerStateBackup } from './owner-state-backup.js';
import { preemptDelayWithMaster } from './preempt-delay-with-master.js';
import { preemptDelayWithNopreempt } from './preempt-delay-with-nopreempt.js';
import { promoteSecondariesWithVmac } from './promote-secondaries-with-vmac.js';
import { stateBackupAfterMaster } from './state-backup-after-master.js';
import { syncGroupEmpty } from './sync-group-empty.js';
import { syncGroupMixedOwner } from './sync-group-mixed-owner.js';
import { syncGroupSingleMember } from './sync-group-single-member.js';
import { syncGroupWeightWithOwner } from './sync-group-weight-with-owner.js';
import { tooManyVips } from './too-many-vips.js';
import { trackGroupEmpty } from './track-group-empty.js';
import { trackOwnInterface } from './track-own-interface.js';
import { trackProcessQuorum } from './track-process-quorum.js';
import { trackWeightInSyncGroup } from './track-weight-in-sync-group.js';
import { trackWeightWithOwner } from './track-weight-with-owner.js';
import { unicastIpvlan } from './unicast-ipvlan.js';
import { unicastPeerIsSelf } from './unicast-peer-is-self.js';
import { unicastPeerTtlRange } from './unicast-peer-ttl-range.js';
import { unicastTtlWithoutPeers } from './unicast-ttl-without-peers.js';
import { unicastVmacNeedsXmitBase } from './unicast-vmac-needs-xmit-base.js';
import { unicastVmacWithoutInterface } from './unicast-vmac-without-interface.js';
import { versionConflict } from './version-conflict.js';
import { vipUseVmac } from './vip-use-vmac.js';
import { vipWithoutInterface } from './vip-without-interface.js';
import { vmacXmitBaseWithoutVmac } from './vmac-xmit-base-without-vmac.js';
import { vrfMisuse } from './vrf-misuse.js';

export const vrrpRules: Rule[] = [
  unicastPeerIsSelf,
  noInterface,
  loopbackInterface,
  noVip,
  masterDefaultPriority,
  ownerStateBackup,
  advertInt,
  versionConflict,
  nativeIpv6WithIpv4,
  ipv6Version2,
  nopreemptWithOwner,
  nopreemptWithMaster,
  preemptDelayWithMaster,
  preemptDelayWithNopreempt,
  expiredTimerNeedsNopreempt,
  tooManyVips,
  syncGroupEmpty,
  syncGroupSingleMember,
  syncGroupMixedOwner,
  trackWeightInSyncGroup,
  trackWeightWithOwner,
  syncGroupWeightWithOwner,
  trackOwnInterface,
  unicastVmacWithoutInterface,
  unicastVmacNeedsXmitBase,
  unicastIpvlan,
  vmacXmitBaseWithoutVmac,
  promoteSecondariesWithVmac,
  ipvlanWithoutAddress,
  vipUseVmac,
  vipWithoutInterface,
  garpExtraIfUnused,
  garpGroupNoInterval,
  trackGroupEmpty,
  unicastTtlWithoutPeers,
  unicastPeerTtlRange,
  trackProcessQuorum,
  stateBackupAfterMaster,
  vrfMisuse,
];
