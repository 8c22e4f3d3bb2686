import { ruleTester } from '../../helpers/lint.js';

const tp = (body: string): string => `vrrp_track_process tp {\n  process sshd\n${body}}\n`;

ruleTester('vrrp/track-process-quorum', {
  valid: [
    { name: 'quorum then a larger quorum_max', code: tp('  quorum 2\n  quorum_max 4\n') },
    { name: 'quorum_max then a smaller quorum', code: tp('  quorum_max 4\n  quorum 2\n') },
    { name: 'quorum_max 0 without quorum', code: tp('  quorum_max 0\n') },
  ],
  invalid: [
    { name: 'quorum above an earlier quorum_max', code: tp('  quorum_max 1\n  quorum 2\n'), lines: [4], messages: ['quorum_max 1'] },
    { name: 'quorum_max below an earlier quorum', code: tp('  quorum 3\n  quorum_max 2\n'), lines: [4], messages: ['quorum 3'] },
  ],
});
