import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction, RENEWAL_COLUMNS, samplePayload, SAMPLE_PAYLOADS } from './support/actions';
import { Client, setUpAdmin } from './support/client';
import { startServer, type RunningServer } from './support/server';

/** Bodies a careless or hostile sender might push: every answer must be a 4xx that explains. */
const malformedBody = fc.oneof(
	fc.jsonValue().map((value) => JSON.stringify(value)),
	fc.string({ maxLength: 200 }),
	fc.constantFrom(...SAMPLE_PAYLOADS).chain((file) => {
		const text = JSON.stringify(samplePayload(file));
		return fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut));
	}),
	fc.nat({ max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
	fc.constant('{"__proto__": {"polluted": true}, "rows": [{"__proto__": 1, "constructor": 2}]}'),
	fc.constant(JSON.stringify({ rows: [{ note: 'x'.repeat(3_000_000) }] })),
	fc.constant('{"data": {"embedAnswerData": {"columns": 5, "data": "nope"}}}'),
	fc.constant('{"contents": [{"column_names": [1, {}], "data_rows": [[null]]}]}'),
	fc.constant('{"columnNames": ["a"], "data": [[1, 2, 3], "row"]}')
);

describe('malformed pushes', () => {
	let server: RunningServer;
	let sender: Client;

	beforeAll(async () => {
		server = await startServer('embedded');
		const admin = await setUpAdmin(server.url);
		await createAction(admin, 'fuzz', {
			expectedColumns: RENEWAL_COLUMNS,
			onMissingColumns: 'reject'
		});
		sender = new Client(server.url);
	});
	afterAll(() => server?.destroy());

	it('always get a 4xx with a message, and the server keeps serving', async () => {
		await fc.assert(
			fc.asyncProperty(malformedBody, async (body) => {
				const response = await sender.request('/a/fuzz', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body
				});
				const answer = await response.json();
				if (response.status === 200) return; // A truncation can still be a valid answer.
				expect(response.status).toBeGreaterThanOrEqual(400);
				expect(response.status).toBeLessThan(500);
				expect(typeof answer.error.message).toBe('string');
				expect(answer.error.message.length).toBeGreaterThan(10);
			}),
			{ numRuns: 150 }
		);

		expect((await sender.get('/healthz')).status).toBe(200);
		expect(server.output()).not.toMatch(/"level":50/);
	});
});
