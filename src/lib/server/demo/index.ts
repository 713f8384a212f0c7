/**
 * The first-run demo: the renewal-invoice action, a billing sink at /demo/sink/<name> on this
 * server, and a mail catcher on a loopback port, so a new user can walk through the seed's
 * story at once. Its deliveries go to this machine, which the outbound guard refuses; the
 * demo asks for exactly its two targets (this server's port and the catcher's) and nothing
 * more, and only while the demo is in use. PUSHMAP_DEMO=off turns all of it off.
 */

import type { Config } from '../config';
import type { Database } from '../db/client';
import { log } from '../log';
import { Inbox, type CaughtEmail, type SinkRequest } from './inbox';
import { demoMailPort, isFirstStart, pointMailAt, seedDemo } from './seed';
import { demoEnabled, ownAddress } from './settings';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher';

export interface ActiveDemo {
	/** Where the demo action sends its invoices, e.g. http://127.0.0.1:3000/demo/sink. */
	sinkBase: string;
	sink: Inbox<SinkRequest>;
	mail: Inbox<CaughtEmail>;
	smtpPort: number;
}

let active: (ActiveDemo & { catcher: SmtpCatcher }) | null = null;

/** The running demo, or null when it is off or not in use. */
export function activeDemo(): ActiveDemo | null {
	return active;
}

/**
 * Seeds the demo on a first start and starts its mail catcher when the demo is in use.
 * Returns the outbound-allow entries its deliveries need (none when it is off).
 */
export async function startDemo(config: Config, db: Database, key: Buffer): Promise<string[]> {
	if (!demoEnabled() || active) return [];
	const self = ownAddress(config.host, config.port);
	const sinkBase = `http://${self.host}:${self.port}/demo/sink`;

	const firstStart = await isFirstStart(db);
	const mailPort = firstStart ? null : await demoMailPort(db, key);
	if (!firstStart && mailPort === null) return [];

	const mail = new Inbox<CaughtEmail>();
	const catcher = await startSmtpCatcher(mail, mailPort);
	try {
		if (firstStart) await seedDemo(db, key, sinkBase, catcher.port);
		else if (catcher.port !== mailPort) await pointMailAt(db, key, catcher.port);
	} catch (error) {
		await catcher.close();
		throw error;
	}

	active = { sinkBase, sink: new Inbox<SinkRequest>(), mail, smtpPort: catcher.port, catcher };
	log.info(
		{ sink: sinkBase, smtpPort: catcher.port, seeded: firstStart },
		'demo ready: the renewal-invoices action delivers to the demo billing page and mailbox'
	);
	return [`${self.host}:${self.port}`, `127.0.0.1:${catcher.port}`];
}

export async function stopDemo(): Promise<void> {
	const stopping = active;
	active = null;
	await stopping?.catcher.close();
}
