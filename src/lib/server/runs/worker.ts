/**
 * The delivery worker: claims due deliveries in batches, sends up to `concurrency` at once,
 * and records each attempt. A push nudges it so its deliveries leave at once; otherwise it
 * polls, which is also how it picks up work queued by other instances and retries that
 * come due.
 */

import type { Database } from '../db/client';
import { log } from '../log';
import { deliveriesTotal } from '../metrics';
import { retryDelayMs } from './backoff';
import { createAttemptRecorder, type AttemptRecorder } from './attempt-recorder';
import { claimDeliveries, type AttemptResult, type ClaimedDelivery } from './queue';
import type { Senders } from './senders';

export interface WorkerOptions {
	concurrency: number;
	batchSize: number;
	pollMs: number;
	/** How long a claim lasts; a worker that dies holding one lets it lapse after this. */
	leaseMs: number;
}

export interface DeliveryWorker {
	/** Look for work now rather than at the next poll. */
	nudge(): void;
	/** Stops claiming, waits for the deliveries in flight, and closes connections. */
	stop(): Promise<void>;
}

export function startDeliveryWorker(
	db: Database,
	senders: Senders,
	options: WorkerOptions
): DeliveryWorker {
	const inFlight = new Set<Promise<void>>();
	const recorder = createAttemptRecorder(db, { maxBatch: 200, maxWaitMs: 5 });
	let running = true;
	let wake: (() => void) | null = null;

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(done, ms);
			function done() {
				clearTimeout(timer);
				wake = null;
				resolve();
			}
			wake = done;
		});

	async function loop() {
		while (running) {
			const free = options.concurrency - inFlight.size;
			if (free <= 0) {
				await Promise.race(inFlight);
				continue;
			}
			const claimed = await claim(Math.min(free, options.batchSize));
			for (const delivery of claimed) track(deliver(senders, recorder, delivery));
			if (claimed.length === 0) await sleep(options.pollMs);
		}
	}

	async function claim(limit: number): Promise<ClaimedDelivery[]> {
		try {
			return await claimDeliveries(db, limit, options.leaseMs);
		} catch (error) {
			log.error({ err: error }, 'claiming deliveries failed; trying again shortly');
			await sleep(options.pollMs * 4);
			return [];
		}
	}

	function track(work: Promise<void>) {
		inFlight.add(work);
		work.finally(() => {
			inFlight.delete(work);
			wake?.();
		});
	}

	const stopped = loop();
	return {
		nudge: () => wake?.(),
		async stop() {
			running = false;
			wake?.();
			await stopped;
			await Promise.allSettled(inFlight);
			await senders.close();
		}
	};
}

async function deliver(
	senders: Senders,
	recorder: AttemptRecorder,
	delivery: ClaimedDelivery
): Promise<void> {
	const startedAt = new Date();
	const result = await senders.send(delivery).catch((error): AttemptResult => {
		log.error({ err: error, deliveryId: delivery.id }, 'sending a delivery failed unexpectedly');
		return {
			outcome: 'retry',
			durationMs: Date.now() - startedAt.getTime(),
			request: {},
			error: 'Pushmap failed while sending; it will try again.'
		};
	});

	const retryAt =
		result.outcome === 'retry'
			? new Date(
					Date.now() + retryDelayMs(delivery.plan.retry, delivery.attempt, result.retryAfterMs)
				)
			: null;
	try {
		const status = await recorder.record({ delivery, result, startedAt, retryAt });
		countAttempt(delivery.outputType, status);
		log.info(
			{
				runId: delivery.runId,
				deliveryId: delivery.id,
				output: delivery.outputId,
				attempt: delivery.attempt,
				status
			},
			'delivery attempt'
		);
	} catch (error) {
		// The lease will lapse and another claim will try again; the receiver sees the
		// same Idempotency-Key, so it can drop the repeat.
		log.error({ err: error, deliveryId: delivery.id }, 'recording a delivery attempt failed');
	}
}

/** Sent, failed, retried and dead, as the operations dashboard wants them. */
function countAttempt(type: string, status: 'succeeded' | 'retrying' | 'dead') {
	if (status === 'succeeded') {
		deliveriesTotal.inc({ type, result: 'sent' });
		return;
	}
	deliveriesTotal.inc({ type, result: 'failed' });
	deliveriesTotal.inc({ type, result: status === 'retrying' ? 'retried' : 'dead' });
}
