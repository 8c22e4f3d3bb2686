import type { Rule } from '../../rule.js';
import { acceptV2 } from './accept-v2.js';
import { downTimerAdverts } from './down-timer-adverts.js';
import { firstVipLinkLocal } from './first-vip-link-local.js';
import { garpLowerPrioDelay } from './garp-lower-prio-delay.js';
import { garpLowerPrioRepeat } from './garp-lower-prio-repeat.js';
import { higherPrioSendAdvert } from './higher-prio-send-advert.js';
import { ipv6Version2 } from './ipv6-version-2.js';
import { lowerPrioNoAdvert } from './lower-prio-no-advert.js';
import { masterNotOwner } from './master-not-owner.js';
import { noAuth } from './no-auth.js';
import { noVirtualIpaddress } from './no-virtual-ipaddress.js';
import { preemptDelay } from './preempt-delay.js';
import { unicast } from './unicast.js';
import { vmacAddress } from './vmac-address.js';
import { vmacXmitBase } from './vmac-xmit-base.js';

export const vrrpStrictRules: Rule[] = [
  ipv6Version2,
  masterNotOwner,
  noAuth,
  unicast,
  vmacAddress,
  firstVipLinkLocal,
  preemptDelay,
  downTimerAdverts,
  acceptV2,
  garpLowerPrioRepeat,
  garpLowerPrioDelay,
  lowerPrioNoAdvert,
  higherPrioSendAdvert,
  vmacXmitBase,
  noVirtualIpaddress,
];
