/** The User-Agent Pushmap sends, so receivers can tell its requests apart in their logs. */

import packageJson from '../../../package.json';

export const USER_AGENT = `Pushmap/${packageJson.version}`;
