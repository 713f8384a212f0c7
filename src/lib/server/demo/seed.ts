/**
 * Seeding the demo on a first start, and finding it again on later starts. A first start is
 * one with no account and no action yet: once someone has set Pushmap up, deleting the demo
 * keeps it deleted.
 */

import { count } from 'drizzle-orm';
import { saveAction } from '../actions/store';
import type { Database } from '../db/client';
import { actions, users } from '../db/schema';
import { openCredential, saveCredential } from '../secrets/credentials';
import { DEMO_SMTP_CREDENTIAL, demoAction } from './definition';

export async function isFirstStart(db: Database): Promise<boolean> {
	const [{ people }] = await db.select({ people: count() }).from(users);
	const [{ defined }] = await db.select({ defined: count() }).from(actions);
	return people === 0 && defined === 0;
}

export async function seedDemo(db: Database, key: Buffer, sinkBase: string, smtpPort: number) {
	await pointMailAt(db, key, smtpPort);
	const saved = await saveAction(db, demoAction(sinkBase), { publish: true });
	if (!saved.ok) throw new Error(`The demo action could not be saved: ${saved.message}`);
}

/**
 * The demo's mail credential's port while it still points at this machine's catcher; null
 * when it is gone or was pointed elsewhere, which turns the demo off.
 */
export async function demoMailPort(db: Database, key: Buffer): Promise<number | null> {
	const credential = await openCredential(db, key, DEMO_SMTP_CREDENTIAL);
	if (credential?.type !== 'smtp' || credential.publicFields.host !== '127.0.0.1') return null;
	const port = Number(credential.publicFields.port);
	return Number.isInteger(port) ? port : null;
}

export async function pointMailAt(db: Database, key: Buffer, port: number) {
	const problems = await saveCredential(db, key, {
		name: DEMO_SMTP_CREDENTIAL,
		type: 'smtp',
		fields: { host: '127.0.0.1', port, secure: false }
	});
	if (problems.length > 0) {
		throw new Error(`The demo mail credential could not be saved: ${problems[0].message}`);
	}
}
