/**
 * Live updates for the run log as server-sent events. Each stream polls the database once
 * a second for the runs its page shows and for new runs that match its filters, and sends
 * what changed. Polling the database, rather than listening to events inside this process,
 * sees runs received and delivered by every instance. The queries are cheap: runs by
 * primary key, and new runs by the (received_at, id) index from the newest one seen.
 */

import { decodeCursor, type RunCursor } from '../../../runs/cursor';
import type { RunFilters } from '../../../runs/filters';
import type { Database } from '../../db/client';
import { log } from '../../log';
import { runConditions, runsSource } from './conditions';
import { findRunSummaries, selectRuns, type RunSummary } from './list';

export const MAX_WATCHED = 200;

export interface EventOptions {
	pollMs?: number;
	/** A stream ends after this long; the browser reconnects by itself. */
	lifetimeMs?: number;
	heartbeatMs?: number;
}

const open = new Set<() => void>();

// The adapter waits for open connections before it exits; streams that never end would
// hold a stopping server for its whole shutdown timeout, so they end at once instead.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => {
		for (const close of open) close();
	});
}

export function runEventStream(
	db: Database,
	filters: RunFilters,
	watch: string[],
	since: RunCursor | null,
	options: EventOptions = {}
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const watched = new Set(watch.slice(0, MAX_WATCHED));
	const seen = new Map<string, string>();
	let newest = since;
	let closed = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let close = () => {};

	return new ReadableStream<Uint8Array>({
		start(controller) {
			const started = Date.now();
			let lastWrite = Date.now();
			const send = (text: string) => {
				controller.enqueue(encoder.encode(text));
				lastWrite = Date.now();
			};
			close = () => {
				if (closed) return;
				closed = true;
				clearTimeout(timer);
				open.delete(close);
				controller.close();
			};
			open.add(close);
			send('retry: 2000\n\n');

			const tick = async () => {
				try {
					for (const run of await changes()) send(`event: run\ndata: ${JSON.stringify(run)}\n\n`);
					if (Date.now() - lastWrite > (options.heartbeatMs ?? 15_000)) send(': still here\n\n');
				} catch (error) {
					log.warn({ err: error }, 'run log live updates could not read the database');
				}
				if (closed) return;
				if (Date.now() - started > (options.lifetimeMs ?? 5 * 60_000)) return close();
				timer = setTimeout(tick, options.pollMs ?? 1_000);
			};
			void tick();
		},
		cancel() {
			close();
		}
	});

	/** Watched runs that changed since the last look, then runs new since the newest seen. */
	async function changes(): Promise<(RunSummary & { isNew: boolean })[]> {
		const found: (RunSummary & { isNew: boolean })[] = [];
		for (const run of await findRunSummaries(db, [...watched])) {
			if (changedSinceSeen(run)) found.push({ ...run, isNew: false });
		}
		if (!newest) return found;

		const conditions = runConditions(filters, { newerThan: newest });
		const fresh = await selectRuns(db, runsSource(filters), conditions, 50, 'oldest');
		for (const run of fresh) {
			changedSinceSeen(run);
			if (watched.size < MAX_WATCHED) watched.add(run.id);
			found.push({ ...run, isNew: true });
		}
		const last = fresh.at(-1);
		if (last) newest = decodeCursor(last.cursor);
		return found;
	}

	function changedSinceSeen(run: RunSummary): boolean {
		const key = JSON.stringify([run.status, run.finishedAt, run.deliveries, run.error]);
		const changed = seen.get(run.id) !== key;
		seen.set(run.id, key);
		return changed;
	}
}
