/**
 * Collects finished attempts and writes them in batches: while one batch is being written,
 * the next gathers, so under load each transaction carries many attempts and when quiet an
 * attempt waits at most a few milliseconds.
 */

import type { Database } from '../db/client';
import { recordAttempts, type AttemptRecord, type DeliveryStatusAfter } from './queue';

interface Pending {
	record: AttemptRecord;
	resolve(status: DeliveryStatusAfter): void;
	reject(error: unknown): void;
}

export interface AttemptRecorder {
	/** Resolves with the delivery's new status once its attempt is stored. */
	record(record: AttemptRecord): Promise<DeliveryStatusAfter>;
}

export function createAttemptRecorder(
	db: Database,
	options: { maxBatch: number; maxWaitMs: number }
): AttemptRecorder {
	const pending: Pending[] = [];
	let writing = false;
	let timer: NodeJS.Timeout | null = null;

	function schedule() {
		if (writing || timer) return;
		if (pending.length >= options.maxBatch) {
			void write();
		} else {
			timer = setTimeout(write, options.maxWaitMs);
		}
	}

	async function write() {
		timer = null;
		writing = true;
		const batch = pending.splice(0, options.maxBatch);
		try {
			const statuses = await recordAttempts(
				db,
				batch.map((item) => item.record)
			);
			batch.forEach((item, i) => item.resolve(statuses[i]));
		} catch (error) {
			for (const item of batch) item.reject(error);
		} finally {
			writing = false;
			if (pending.length > 0) schedule();
		}
	}

	return {
		record(record) {
			return new Promise((resolve, reject) => {
				pending.push({ record, resolve, reject });
				schedule();
			});
		}
	};
}
