// A free loopback TCP port, for servers a test starts itself (shared with the scripts).
export { freePort } from '../../scripts/lib/process.ts';
