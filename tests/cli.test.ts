import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renewalInvoicesExample } from '../src/lib/actions/examples/renewal-invoices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client';
import { createServerDatabase, engines, type ServerDatabase } from './support/databases';
import { root, startServer } from './support/server';

const run = promisify(execFile);

interface Result {
	code: number;
	stdout: string;
	stderr: string;
}

async function pushmap(args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			[path.join(root, 'bin/pushmap.js'), ...args],
			{
				env: { ...process.env, ...env },
				cwd: root
			}
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe('npx pushmap', () => {
	it('lists its commands and explains each one', async () => {
		const overview = await pushmap(['--help'], {});
		expect(overview.code).toBe(0);
		for (const name of [
			'serve',
			'migrate',
			'create-admin',
			'token',
			'normalize',
			'import',
			'export',
			'run',
			'register'
		]) {
			expect(overview.stdout).toContain(`  ${name}`);
			const help = await pushmap([name, '--help'], {});
			expect(help.code, name).toBe(0);
			expect(help.stdout, name).toMatch(new RegExp(`^Usage: npx pushmap ${name}`));
		}
	});

	it('says which commands exist when given an unknown one', async () => {
		const result = await pushmap(['frobnicate'], {});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Unknown command "frobnicate"');
		expect(result.stderr).toContain('create-admin');
	});

	it('shows the usage when an option is missing or unknown', async () => {
		const missing = await pushmap(['create-admin', '--email', 'a@example.com'], {});
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('Give --email and --password.');
		const unknown = await pushmap(['migrate', '--fast'], {});
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain("Unknown option '--fast'");
	});
});

describe('npx pushmap normalize', () => {
	it('prints the canonical table of a sample payload', async () => {
		const file = path.join(root, 'tests/fixtures/payloads/callback-answer-menu.json');
		const result = await pushmap(['normalize', file], {});
		expect(result.code).toBe(0);
		const table = JSON.parse(result.stdout);
		expect(table.format).toBe('callback.answer');
		expect(table.columns.map((c: { name: string }) => c.name)).toContain('Customer Name');
		expect(table.rows).toHaveLength(3);
	});

	it('says what it accepts when the payload is of no known shape', async () => {
		const file = path.join(tmpdir(), `unknown-${process.pid}.json`);
		await writeFile(file, '{"x": 1}');
		const result = await pushmap(['normalize', file], {});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('Pushmap did not recognise this payload. It accepts:');
	});
});

describe.each(engines)('npx pushmap on %s', (engine) => {
	let dataDir: string;
	let serverDatabase: ServerDatabase | null = null;
	let env: NodeJS.ProcessEnv;

	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(tmpdir(), 'pushmap-cli-'));
		serverDatabase = engine === 'postgres' ? await createServerDatabase() : null;
		env = {
			PUSHMAP_DATA_DIR: dataDir,
			PUSHMAP_SECRET_KEY: 'test-secret-key-with-enough-length',
			DATABASE_URL: serverDatabase?.url ?? ''
		};
	});
	afterAll(async () => {
		await serverDatabase?.drop();
		await rm(dataDir, { recursive: true, force: true });
	});

	it('migrates, creates an admin once, and prints a token that the server accepts', async () => {
		const migrated = await pushmap(['migrate'], env);
		expect(migrated.stdout).toMatch(/^Database is up to date \(\d+ migrations/);

		const created = await pushmap(
			['create-admin', '--email', 'Ops@Example.com', '--password', 'a long enough password'],
			env
		);
		expect(created.stdout.trim()).toBe('Created admin ops@example.com.');
		const again = await pushmap(
			['create-admin', '--email', 'ops@example.com', '--password', 'x'.repeat(12)],
			env
		);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('ops@example.com already has an account.');

		const issued = await pushmap(
			['token', 'create', '--email', 'ops@example.com', '--role', 'admin'],
			env
		);
		expect(issued.code).toBe(0);
		const token = issued.stdout.trim();
		expect(token).toMatch(/^pm_[\w-]{40,}$/);

		const server = await startServer(engine, { ...env, PUSHMAP_DATA_DIR: dataDir });
		try {
			const me = await new Client(server.url).get('/api/me', { authorization: `Bearer ${token}` });
			expect(await me.json()).toMatchObject({ email: 'ops@example.com', role: 'admin' });

			if (engine === 'embedded') {
				const blocked = await pushmap(['migrate'], env);
				expect(blocked.code).toBe(1);
				expect(blocked.stderr).toContain('is open in another Pushmap process');
				expect(blocked.stderr).toContain('set DATABASE_URL');
			} else {
				const beside = await pushmap(['migrate'], env);
				expect(beside.code).toBe(0);
			}
		} finally {
			await server.stop();
		}
	});

	it('imports a definition, publishes it, and exports the same definition', async () => {
		const file = path.join(dataDir, 'renewals.json');
		await writeFile(file, JSON.stringify(renewalInvoicesExample()));
		const imported = await pushmap(['import', file], env);
		expect(imported.stdout.trim()).toBe(
			'Imported "renewal-invoices" and published it as version 1.'
		);
		const again = await pushmap(['import', file], env);
		expect(again.stdout.trim()).toBe('Imported "renewal-invoices" and published it as version 2.');

		const exported = await pushmap(['export', 'renewal-invoices'], env);
		expect(JSON.parse(exported.stdout)).toEqual(renewalInvoicesExample());
		const first = await pushmap(['export', 'renewal-invoices', '--version', '1'], env);
		expect(JSON.parse(first.stdout).slug).toBe('renewal-invoices');
		const missing = await pushmap(['export', 'renewal-invoices', '--version', '9'], env);
		expect(missing.stderr).toContain('has no version 9');

		const sample = path.join(root, 'tests/fixtures/payloads/callback-answer-menu.json');
		const dry = await pushmap(['run', 'renewal-invoices', sample, '--dry-run'], env);
		const rendered = JSON.parse(dry.stdout);
		expect(rendered.rowsKept).toBe(3);
		expect(rendered.outputs.map((o: { outputId: string }) => o.outputId)).toEqual([
			'invoice',
			'invoice',
			'invoice',
			'notice',
			'notice',
			'notice'
		]);
		expect(JSON.parse(rendered.outputs[0].rendered.body)).toEqual({
			customer: 'Acme Corp',
			due: '2024-07-15'
		});

		const recorded = JSON.parse((await pushmap(['run', 'renewal-invoices', sample], env)).stdout);
		expect(recorded).toMatchObject({ status: 'running', rowCount: 3 });
		expect(recorded.outputs).toEqual([
			expect.objectContaining({ id: 'invoice', deliveries: 3 }),
			expect.objectContaining({ id: 'notice', deliveries: 3 })
		]);
	});

	it('lists every problem of an invalid definition with its field path', async () => {
		const broken = renewalInvoicesExample() as unknown as {
			outputs: { mode?: string }[];
			slug: string;
		};
		delete broken.outputs[1].mode;
		broken.slug = 'Not A Slug';
		const file = path.join(dataDir, 'broken.json');
		await writeFile(file, JSON.stringify(broken));
		const result = await pushmap(['import', file], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('The definition was not imported:');
		expect(result.stderr).toContain('outputs[1].mode: required');
		expect(result.stderr).toMatch(/slug: /);
	});

	it('says plainly when the token is for a user who does not exist', async () => {
		const result = await pushmap(['token', 'create', '--email', 'nobody@example.com'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('No user has the email nobody@example.com');
	});
});
