import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { actions, actionVersions, runs } from '../src/lib/server/db/schema';
import { rowsOf } from '../src/lib/server/db/rows';
import { purgeExpiredRuns } from '../src/lib/server/runs/log/purge';
import { actionDefinition, createAction, waitForRun, type RunDetail } from './support/actions';
import { addReviewer, Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { openTestDatabase } from './support/database-handle';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { startServer, type RunningServer } from './support/server';

interface Summary {
	id: string;
	status: string;
	test: boolean;
	error: string | null;
	replayOf: string | null;
	action: { slug: string } | null;
	deliveries: { total: number; succeeded: number; failed: number; open: number };
}

describe.each(engines)('the run log on %s', (engine) => {
	let sink: HttpSink;
	let server: RunningServer;
	let admin: Client;
	let reviewer: Client;
	let sender: Client;

	beforeAll(async () => {
		sink = await startHttpSink();
		server = await startServer(engine, { PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}` });
		admin = await setUpAdmin(server.url);
		reviewer = await addReviewer(admin);
		sender = new Client(server.url);
	});
	beforeEach(() => sink.reset());
	afterAll(async () => {
		await server?.destroy();
		await sink?.close();
	});

	function invoiceOutput(body = '{ "customer": {{json Customer}} }', retry = { attempts: 1 }) {
		return {
			id: 'invoice',
			type: 'http',
			mode: 'per-row',
			retry: { initialDelaySeconds: 0.1, ...retry },
			request: { method: 'POST', url: `${sink.url}/invoices`, body }
		};
	}

	async function push(slug: string, rows: unknown) {
		const response = await sender.sendJson('POST', `/a/${slug}`, rows);
		return (await response.json()) as { runId: string; status: string; error?: unknown };
	}

	async function list(query: string): Promise<{ runs: Summary[]; next: string | null }> {
		const response = await reviewer.get(`/api/runs?${query}`);
		expect(response.status).toBe(200);
		return response.json();
	}

	it('filters runs by action, status and words in the payload, newest first', async () => {
		await createAction(admin, 'filter-a', { outputs: [] });
		await createAction(admin, 'filter-b', {
			expectedColumns: [{ name: 'Customer', required: true }],
			onMissingColumns: 'reject'
		});
		const first = await push('filter-a', [{ Customer: 'Umbrella Corporation' }]);
		const second = await push('filter-a', [{ Customer: 'Soylent Industries' }]);
		const rejected = await push('filter-b', [{ Client: 'Wayne Enterprises' }]);
		expect(rejected.status).toBeUndefined();

		const byAction = await list('action=filter-a');
		expect(byAction.runs.map((r) => r.id)).toEqual([second.runId, first.runId]);

		const byStatus = await list('action=filter-b&status=rejected');
		expect(byStatus.runs.map((r) => r.id)).toEqual([
			(rejected.error as { details: { runId: string } }).details.runId
		]);
		expect(byStatus.runs[0].error).toMatch(/Customer/);

		expect((await list('q=soylent')).runs.map((r) => r.id)).toEqual([second.runId]);
		expect((await list('q=umbrel')).runs.map((r) => r.id)).toEqual([first.runId]);
		expect((await list('q=wayne&action=filter-a')).runs).toEqual([]);
		expect((await list('status=succeeded&action=filter-a')).runs).toHaveLength(2);

		const future = new Date(Date.now() + 3_600_000).toISOString();
		expect((await list(`action=filter-a&from=${future}`)).runs).toEqual([]);
		expect((await reviewer.get('/api/runs?status=finished')).status).toBe(400);
	});

	it('pages through runs with a cursor, skipping and repeating none', async () => {
		await createAction(admin, 'paged', { outputs: [] });
		const pushed: string[] = [];
		for (let i = 0; i < 7; i++) pushed.push((await push('paged', [{ n: i }])).runId);

		const seen: string[] = [];
		let after: string | null = null;
		do {
			const page: { runs: Summary[]; next: string | null } = await list(
				`action=paged&limit=3${after ? `&after=${after}` : ''}`
			);
			expect(page.runs.length).toBeLessThanOrEqual(3);
			seen.push(...page.runs.map((r) => r.id));
			after = page.next;
		} while (after);
		expect(seen).toEqual(pushed.reverse());
	});

	it('counts runs per hour by status for the chart', async () => {
		await createAction(admin, 'charted', { outputs: [] });
		await push('charted', [{ a: 1 }]);
		await push('charted', [{ a: 2 }]);
		const chart = await (await reviewer.get('/api/runs/chart?action=charted')).json();
		expect(chart.bucket).toBe('hour');
		expect(chart.bars.length).toBeGreaterThanOrEqual(24);
		expect(chart.totals).toMatchObject({ all: 2, succeeded: 2, failed: 0 });
		expect(chart.bars.at(-1).counts.succeeded).toBe(2);
	});

	it('retries a failed delivery once the target recovers, numbering attempts on', async () => {
		await createAction(admin, 'retried', { outputs: [invoiceOutput()] });
		sink.respondWith({ status: 500, body: 'billing is down' });
		const { runId } = await push('retried', [{ Customer: 'Globex' }]);
		const failed = await waitForRun(reviewer, runId);
		expect(failed.run.status).toBe('failed');

		sink.respondWith({ status: 201, body: 'created' });
		const retried = await reviewer.sendJson('POST', `/api/runs/${runId}/retry`, {});
		expect(retried.status).toBe(200);
		expect(await retried.json()).toMatchObject({ retried: 1 });

		const detail = await waitForRun(reviewer, runId);
		expect(detail.run.status).toBe('succeeded');
		expect(detail.deliveries[0].attempts.map((a) => [a.number, a.responseStatus])).toEqual([
			[1, 500],
			[2, 201]
		]);
		expect(sink.requests).toHaveLength(2);
		const again = await reviewer.sendJson('POST', `/api/runs/${runId}/retry`, {});
		expect(again.status).toBe(409);
	});

	it('cancels deliveries waiting to retry, and the run settles', async () => {
		await createAction(admin, 'cancelled', {
			outputs: [invoiceOutput(undefined, { attempts: 5, initialDelaySeconds: 600 } as never)]
		});
		sink.respondWith({ status: 503 });
		const { runId } = await push('cancelled', [{ Customer: 'Initech' }, { Customer: 'Hooli' }]);
		await sink.waitFor(2);
		await until(async () => {
			const detail = await detailOf(runId);
			return detail.deliveries.every((d) => d.status === 'retrying');
		});

		const response = await reviewer.sendJson('POST', `/api/runs/${runId}/cancel`, {});
		expect(await response.json()).toEqual({ ok: true, cancelled: 2 });
		const detail = await detailOf(runId);
		expect(detail.run.status).toBe('failed');
		expect(detail.deliveries.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
		expect(detail.deliveries[0].lastError).toBe('Cancelled by rex@example.com.');
	});

	it('replays a push on a new version, showing the differences first', async () => {
		await createAction(admin, 'replayed', { outputs: [invoiceOutput()] });
		const { runId } = await push('replayed', [{ Customer: 'Acme' }]);
		await waitForRun(reviewer, runId);
		const republished = await admin.sendJson(
			'PUT',
			'/api/actions/replayed',
			actionDefinition('replayed', {
				outputs: [invoiceOutput('{ "customer": {{json Customer}}, "source": "replay" }')]
			})
		);
		expect(republished.status).toBeLessThan(300);

		const dry = await (
			await reviewer.sendJson('POST', `/api/runs/${runId}/replay`, { dryRun: true })
		).json();
		expect(dry).toMatchObject({ version: 2, originalVersion: 1, accepted: true });
		expect(dry.outputs).toHaveLength(1);
		expect(dry.outputs[0].changed).toBe(true);
		const added = dry.outputs[0].lines.filter((l: { kind: string }) => l.kind === 'added');
		expect(added.map((l: { text: string }) => l.text.trim())).toContain('"source": "replay"');
		expect(sink.requests).toHaveLength(1);

		const replay = await reviewer.sendJson('POST', `/api/runs/${runId}/replay`, {
			version: 'current'
		});
		expect(replay.status).toBe(201);
		const replayed = await replay.json();
		expect(replayed.version).toBe(2);
		const detail = await waitForRun(reviewer, replayed.runId);
		expect(detail.run).toMatchObject({ replayOf: runId, actionVersion: 2, status: 'succeeded' });
		expect(JSON.parse(sink.requests[1].body)).toEqual({ customer: 'Acme', source: 'replay' });

		const original = await reviewer.sendJson('POST', `/api/runs/${runId}/replay`, {
			version: 'original'
		});
		const originalRun = await waitForRun(reviewer, (await original.json()).runId);
		expect(originalRun.run.actionVersion).toBe(1);
		expect(JSON.parse(sink.requests[2].body)).toEqual({ customer: 'Acme' });
		const source = (await (await reviewer.get(`/api/runs/${runId}`)).json()) as {
			replays: { id: string }[];
		};
		expect(source.replays.map((r) => r.id).sort()).toEqual(
			[replayed.runId, originalRun.run.id].sort()
		);
	});

	it('refuses to replay a run whose action keeps no payloads', async () => {
		await createAction(admin, 'private', { outputs: [], retention: { keepPayloads: false } });
		const { runId } = await push('private', [{ Customer: 'Acme' }]);
		const response = await reviewer.sendJson('POST', `/api/runs/${runId}/replay`, {});
		expect(response.status).toBe(409);
		expect((await response.json()).error.code).toBe('no-payload');
		expect((await reviewer.get(`/api/runs/${runId}/payload`)).status).toBe(404);
	});

	it('exports the chosen runs as CSV and JSON', async () => {
		await createAction(admin, 'exported', { outputs: [] });
		const a = await push('exported', [{ x: 1 }]);
		const b = await push('exported', [{ x: 2 }]);
		await push('exported', [{ x: 3 }]);

		const csv = await reviewer.get(`/api/runs/export?format=csv&id=${a.runId}&id=${b.runId}`);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="runs-.*\.csv"/);
		const lines = (await csv.text()).trim().split('\r\n');
		expect(lines[0]).toMatch(/^id,receivedAt,finishedAt,action,/);
		expect(
			lines
				.slice(1)
				.map((line) => line.split(',')[0])
				.sort()
		).toEqual([a.runId, b.runId].sort());

		const json = await (await reviewer.get('/api/runs/export?format=json&action=exported')).json();
		expect(json.runs).toHaveLength(3);
		expect(json.runs[0]).toMatchObject({ action: 'exported', status: 'succeeded', rowCount: 1 });
	});

	it('sends changed and new runs as server-sent events', async () => {
		await createAction(admin, 'watched', { outputs: [invoiceOutput()] });
		sink.respondWith({ status: 200, delayMs: 2_500 });
		const controller = new AbortController();
		// The action is new, so every run of it is newer than the start of time.
		const response = await reviewer.get(
			'/api/runs/events?action=watched&since=0_00000000-0000-4000-8000-000000000000'
		);
		expect(response.headers.get('content-type')).toBe('text/event-stream');
		const events = readEvents(response, controller);

		const { runId } = await push('watched', [{ Customer: 'Acme' }]);
		const seen = await events.until((runs) =>
			runs.some((r) => r.id === runId && r.status === 'succeeded')
		);
		controller.abort();
		const mine = seen.filter((r) => r.id === runId);
		expect(mine[0].status).toBe('running');
		expect(mine.at(-1)).toMatchObject({ status: 'succeeded', deliveries: { succeeded: 1 } });
	});

	async function detailOf(runId: string): Promise<RunDetail> {
		return (await reviewer.get(`/api/runs/${runId}`)).json();
	}
});

describe.each(engines)('retention on %s', (engine) => {
	it('purges runs older than their action keeps them, and no others', async () => {
		const database = await openTestDatabase(engine);
		try {
			const { db } = database;
			const [shortLived, defaulted] = await db
				.insert(actions)
				.values([
					{ slug: 'short', label: 'Short', draft: {}, publishedVersion: 1 },
					{ slug: 'default', label: 'Default', draft: {}, publishedVersion: 1 }
				])
				.returning({ id: actions.id });
			await db.insert(actionVersions).values([
				{ actionId: shortLived.id, version: 1, definition: { retention: { days: 2 } } },
				{ actionId: defaulted.id, version: 1, definition: {} }
			]);
			const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
			const run = (
				actionId: string,
				days: number,
				status: 'succeeded' | 'running' = 'succeeded'
			) => ({
				actionId,
				actionVersion: 1,
				status,
				receivedAt: daysAgo(days)
			});
			await db
				.insert(runs)
				.values([
					run(shortLived.id, 1),
					run(shortLived.id, 3),
					run(shortLived.id, 5, 'running'),
					run(defaulted.id, 3),
					run(defaulted.id, 31),
					run(defaulted.id, 400)
				]);

			expect(await purgeExpiredRuns(db, 30)).toBe(3);
			const left = rowsOf<{ slug: string; days: number }>(
				await db.execute(sql`
					select a.slug, round(extract(epoch from now() - r.received_at) / 86400)::int as days
					from runs r join actions a on a.id = r.action_id order by a.slug, days`)
			).map((row) => `${row.slug}:${Number(row.days)}`);
			expect(left).toEqual(['default:3', 'short:1', 'short:5']);
			expect(await purgeExpiredRuns(db, 30)).toBe(0);
		} finally {
			await database.close();
		}
	});
});

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('The condition did not hold in time.');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Reads `run` events from a server-sent event stream until a condition holds. */
function readEvents(response: Response, controller: AbortController) {
	const runs: Summary[] = [];
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	controller.signal.addEventListener('abort', () => void reader.cancel());
	return {
		async until(done: (runs: Summary[]) => boolean, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			while (!done(runs)) {
				if (Date.now() > deadline) throw new Error(`No such event: ${JSON.stringify(runs)}`);
				const { value, done: ended } = await reader.read();
				if (ended) throw new Error('The event stream ended.');
				buffer += decoder.decode(value, { stream: true });
				const blocks = buffer.split('\n\n');
				buffer = blocks.pop() ?? '';
				for (const block of blocks) {
					const data = block.split('\n').find((line) => line.startsWith('data: '));
					if (block.includes('event: run') && data) runs.push(JSON.parse(data.slice(6)));
				}
			}
			return runs;
		}
	};
}
