import type { Rule } from '../../rule.js';
import { bfdCheckInstance } from './bfd-check-instance.js';
import { bfdCheckWithoutName } from './bfd-check-without-name.js';
import { bindtoFamily } from './bindto-family.js';
import { fileCheckTrackFile } from './file-check-track-file.js';
import { fileCheckWithoutTrackFile } from './file-check-without-track-file.js';
import { httpWithoutUrl } from './http-without-url.js';
import { linkLocalBindIf } from './link-local-bind-if.js';
import { miscWithoutPath } from './misc-without-path.js';
import { noPort } from './no-port.js';
import { regexOffsets } from './regex-offsets.js';
import { regexWithoutRegex } from './regex-without-regex.js';
import { reportedDuplicate } from './reported-duplicate.js';
import { sslContext } from './ssl-context.js';
import { statusCodeRange } from './status-code-range.js';
import { timeoutExceedsInterval } from './timeout-exceeds-interval.js';
import { udpHexFf } from './udp-hex-ff.js';
import { udpReplyLength } from './udp-reply-length.js';
import { urlWithoutPath } from './url-without-path.js';

export const checkerRules: Rule[] = [
  bindtoFamily,
  linkLocalBindIf,
  udpReplyLength,
  udpHexFf,
  fileCheckTrackFile,
  fileCheckWithoutTrackFile,
  bfdCheckInstance,
  bfdCheckWithoutName,
  urlWithoutPath,
  httpWithoutUrl,
  miscWithoutPath,
  statusCodeRange,
  reportedDuplicate,
  regexWithoutRegex,
  regexOffsets,
  timeoutExceedsInterval,
  noPort,
  sslContext,
];
