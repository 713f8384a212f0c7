import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReviewer, ADMIN, Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { discoverRoutes } from './support/routes';
import { startServer, type RunningServer } from './support/server';

/**
 * Who may use each route. A route missing here fails the suite: whoever adds one decides,
 * in this table, who may use it.
 */
const ACCESS: Record<string, 'public' | 'reviewer' | 'admin'> = {
	'/': 'reviewer',
	'/login': 'public',
	'/logout': 'public',
	'/setup': 'public',
	'/invite/[token]': 'public',
	'/healthz': 'public',
	'/readyz': 'public',
	'/metrics': 'public',
	'/(admin)/actions': 'admin',
	'/(admin)/actions/new': 'admin',
	'/(admin)/actions/[slug]': 'admin',
	'/(admin)/actions/[slug]/history': 'admin',
	'/(admin)/runs': 'reviewer',
	'/(admin)/runs/[id]': 'reviewer',
	'/(admin)/credentials': 'admin',
	'/(admin)/users': 'admin',
	'/(admin)/simulator': 'admin',
	'/(admin)/account': 'reviewer',
	'/api/me': 'reviewer',
	'/api/users': 'admin',
	'/api/users/[id]': 'admin',
	'/api/tokens': 'reviewer',
	'/api/tokens/[id]': 'reviewer',
	'/api/actions': 'admin',
	'/api/actions/[slug]': 'admin',
	'/api/actions/[slug]/publish': 'admin',
	'/api/actions/[slug]/versions': 'admin',
	'/api/actions/[slug]/preview': 'admin',
	'/api/actions/[slug]/test': 'admin',
	'/api/actions/[slug]/export': 'admin',
	'/api/runs': 'reviewer',
	'/api/runs/[id]': 'reviewer',
	'/api/runs/[id]/retry': 'reviewer',
	'/api/runs/[id]/replay': 'reviewer',
	'/api/runs/[id]/cancel': 'reviewer',
	'/api/runs/[id]/payload': 'reviewer',
	'/api/runs/export': 'reviewer',
	'/api/runs/chart': 'reviewer',
	'/api/runs/events': 'reviewer',
	'/api/credentials': 'admin',
	'/api/credentials/[name]': 'admin',
	'/a/[slug]': 'public',
	'/a/[slug]/api/api.js': 'public',
	'/demo': 'admin',
	'/demo/sink': 'admin',
	'/demo/sink/[name]': 'public',
	'/demo/mail': 'admin'
};

const routes = discoverRoutes();
const requests = routes.flatMap((route) =>
	route.methods.map((method) => ({ ...route, method, label: `${method} ${route.path}` }))
);
const guarded = requests.filter((r) => ACCESS[r.id] !== 'public');

describe.each(engines)('routes on %s', (engine) => {
	let server: RunningServer;
	let admin: Client;
	let reviewer: Client;

	beforeAll(async () => {
		server = await startServer(engine);
		admin = await setUpAdmin(server.url);
		reviewer = await addReviewer(admin);
	});
	afterAll(() => server?.destroy());

	function send(client: Client, method: string, path: string) {
		if (method === 'GET') return client.get(path);
		if (method === 'POST' && !path.startsWith('/api/')) return client.postForm(path, {});
		return client.sendJson(method, path, {});
	}

	it('lists every route in the access table', () => {
		const unlisted = routes.map((r) => r.id).filter((id) => !(id in ACCESS));
		expect(unlisted).toEqual([]);
		expect(guarded.length).toBeGreaterThan(10);
	});

	it('refuses every guarded page and endpoint to anonymous visitors', async () => {
		for (const request of guarded) {
			const response = await send(new Client(server.url), request.method, request.path);
			if (request.kind === 'page') {
				expect(response.status, request.label).toBe(303);
				expect(response.headers.get('location'), request.label).toMatch(/^\/login\?next=/);
			} else {
				expect(response.status, request.label).toBe(401);
				expect((await response.json()).error.code, request.label).toBe('unauthenticated');
			}
		}
	});

	it('refuses admin-only routes to reviewers and serves them the rest', async () => {
		for (const request of guarded) {
			const response = await send(reviewer, request.method, request.path);
			if (ACCESS[request.id] === 'admin') {
				expect(response.status, request.label).toBe(403);
			} else {
				expect([401, 403], request.label).not.toContain(response.status);
			}
		}
	});

	it('serves every guarded route to admins', async () => {
		for (const request of guarded.filter((r) => r.method === 'GET')) {
			const response = await send(admin, request.method, request.path);
			expect([401, 403], request.label).not.toContain(response.status);
			expect(response.status, request.label).toBeLessThan(500);
		}
	});

	it('refuses API tokens outside /api and honours their role inside it', async () => {
		const created = await reviewer.sendJson('POST', '/api/tokens', {
			name: 'script',
			role: 'admin'
		});
		expect(created.status).toBe(201);
		const { token } = await created.json();
		expect(token).toMatch(/^pm_/);

		const bearer = { authorization: `Bearer ${token}` };
		const anonymous = new Client(server.url);
		const me = await (await anonymous.get('/api/me', bearer)).json();
		expect(me).toMatchObject({
			email: 'rex@example.com',
			role: 'reviewer',
			authenticatedWith: 'token'
		});
		expect((await anonymous.get('/api/users', bearer)).status).toBe(403);
		expect((await anonymous.get('/runs', bearer)).status).toBe(303);
		expect((await anonymous.get('/api/me', { authorization: 'Bearer pm_wrong' })).status).toBe(401);
	});

	it('refuses a cookie-authenticated change sent from another site', async () => {
		const response = await admin.sendJson(
			'POST',
			'/api/users',
			{ email: 'mallory@example.com', role: 'admin' },
			{ origin: 'https://evil.example' }
		);
		expect(response.status).toBe(403);
		expect((await response.json()).error.code).toBe('cross-origin');
		const users = await (await admin.get('/api/users')).json();
		expect(users.users.map((u: { email: string }) => u.email)).not.toContain('mallory@example.com');
	});

	it('closes the setup page once an admin exists', async () => {
		const response = await new Client(server.url).postForm('/setup', {
			email: 'second@example.com',
			password: 'another long password'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login');
		const users = await (await admin.get('/api/users')).json();
		expect(users.users).toHaveLength(2);
	});

	it('signs in with the right password and throttles repeated failures', async () => {
		const visitor = new Client(server.url);
		const wrong = await visitor.postForm('/login', {
			email: ADMIN.email,
			password: 'nope nope nope'
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('do not match an account');

		const right = await visitor.postForm('/login', ADMIN);
		expect(right.status).toBe(303);
		expect(visitor.signedIn).toBe(true);

		const target = 'throttled@example.com';
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) {
			const attempt = await new Client(server.url).postForm('/login', {
				email: target,
				password: 'guess ' + i
			});
			statuses.push(attempt.status);
		}
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
	});

	it('signs out and forgets the session', async () => {
		const visitor = new Client(server.url);
		await visitor.postForm('/login', ADMIN);
		expect((await visitor.get('/api/me')).status).toBe(200);
		const out = await visitor.postForm('/logout', {});
		expect(out.status).toBe(303);
		expect((await visitor.get('/api/me')).status).toBe(401);
	});

	it('reports health, readiness and metrics', async () => {
		const anonymous = new Client(server.url);
		expect(await (await anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
		expect(await (await anonymous.get('/readyz')).json()).toMatchObject({
			status: 'ready',
			engine
		});
		const metrics = await (await anonymous.get('/metrics')).text();
		expect(metrics).toMatch(
			/pushmap_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/
		);
		expect(metrics).toContain('pushmap_http_request_duration_seconds_bucket');
		expect(metrics).toMatch(/pushmap_login_failures_total\{reason="throttled"\} [1-9]/);
	});

	it('logs one line per request with its request id', async () => {
		const response = await new Client(server.url).get('/healthz', {
			'x-request-id': 'trace-12345678'
		});
		expect(response.headers.get('x-request-id')).toBe('trace-12345678');
		await new Promise((resolve) => setTimeout(resolve, 50));
		const lines = server
			.output()
			.split('\n')
			.filter((line) => line.includes('trace-12345678'));
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0])).toMatchObject({ path: '/healthz', status: 200, msg: 'request' });
	});

	it('answers unknown pages with a plain not-found page', async () => {
		const response = await admin.get('/no-such-page');
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Page not found');
	});
});
