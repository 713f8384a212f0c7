/**
 * Intake bench: how fast Pushmap takes pushes, against the least a push endpoint can do.
 *
 * What it measures, in one run:
 * - Throughput and latency of `POST /a/bench` on the built server (`pushmap serve`, on a
 *   fresh PostgreSQL database), for plain-rows pushes of 10 and of 1,000 rows, from 10
 *   connections: a 2 s warm-up, then 10 s measured. Every accepted push is a run recorded
 *   in the database, as in production.
 * - The same load on bench/baseline-server.js, which parses the body and inserts it into
 *   one table: no authentication, limits, shape recognition or run record.
 * - Memory: one 100,000-row push, and how far the server's resident set rose above what
 *   it was just before.
 *
 * How to read it: the machine is small (2 cores, shared by the bench client, both servers
 * and PostgreSQL), so absolute figures move from run to run. Compare Pushmap with the
 * baseline within one run: the ratio is the figure to track. Goals: 10-row throughput at
 * least half the baseline's; 1,000-row p99 under 150 ms; the 100,000-row push answered 200
 * with under 300 MB growth. A missed goal prints MISSED and still exits 0; errors (a
 * server that will not start, any non-2xx answer) exit 1.
 *
 * Environment: BENCH_WARMUP and BENCH_SECONDS (seconds per case, default 2 and 10),
 * BENCH_POSTGRES_URL (the PostgreSQL server, default postgres://postgres@127.0.0.1:5432).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureLargePush } from './intake/memory.js';
import { isBuilt, startBaseline, startPushmap } from './intake/servers.js';
import { confirmPushAccepted, setUpPushmap } from './intake/setup.js';
import { cleanupOnExit } from './support/cleanup.js';
import { createBenchDatabase, DEFAULT_SERVER_URL } from './support/database.js';
import { measurePosts } from './support/load.js';
import { plainRowsPush } from './support/payloads.js';
import { problemLines, sleep } from './support/processes.js';
import { formatMegabytes, formatNumber, formatTable } from './support/table.js';

const LOAD = {
	connections: 10,
	warmupSeconds: Number(process.env.BENCH_WARMUP ?? 2),
	seconds: Number(process.env.BENCH_SECONDS ?? 10)
};
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? DEFAULT_SERVER_URL;
const SIZES = [10, 1_000];
const LARGE_PUSH_ROWS = 100_000;
const GOALS = { smallRatio: 0.5, largeP99Ms: 150, growthBytes: 300 * 1024 * 1024 };

process.exitCode = await main();

async function main() {
	if (!isBuilt()) {
		console.error('The server is not built: run npm run build first.');
		return 1;
	}
	const cleanup = cleanupOnExit();
	try {
		const servers = await startServers(cleanup);
		const loads = await compareLoads(servers);
		const memory = await measureMemory(servers.pushmap);
		return report(loads, memory, servers);
	} catch (error) {
		console.error(`\nThe intake bench failed: ${error.message}`);
		return 1;
	} finally {
		await cleanup.run();
	}
}

async function startServers(cleanup) {
	const database = await createBenchDatabase('pushmap_bench', POSTGRES_URL);
	cleanup.add(() => database.drop());
	const dataDir = await mkdtemp(path.join(tmpdir(), 'pushmap-bench-'));
	cleanup.add(() => rm(dataDir, { recursive: true, force: true }));

	const pushmap = await startPushmap({ databaseUrl: database.url, dataDir });
	cleanup.add(() => pushmap.stop());
	const baseline = await startBaseline({ databaseUrl: database.url });
	cleanup.add(() => baseline.stop());

	const pushUrl = await setUpPushmap(pushmap.url);
	console.log(`Database ${database.name}; Pushmap at ${pushmap.url}, baseline at ${baseline.url}`);
	return {
		pushmap: { ...pushmap, pushUrl },
		baseline: { ...baseline, pushUrl: `${baseline.url}/a/bench` }
	};
}

/** For each push size: Pushmap under load, then the baseline under the same load. */
async function compareLoads({ pushmap, baseline }) {
	console.log(
		`\n${LOAD.connections} connections, ${LOAD.warmupSeconds} s warm-up, ${LOAD.seconds} s measured per case`
	);
	const loads = [];
	for (const rows of SIZES) {
		const body = plainRowsPush(rows);
		await confirmPushAccepted(pushmap.pushUrl, body, rows);
		const pushmapFigures = await measureCase(`Pushmap, ${formatNumber(rows)} rows`, pushmap, body);
		const baselineFigures = await measureCase(
			`baseline, ${formatNumber(rows)} rows`,
			baseline,
			body
		);
		loads.push({ rows, bytes: body.length, pushmap: pushmapFigures, baseline: baselineFigures });
	}
	return loads;
}

async function measureCase(name, server, body) {
	const figures = await measurePosts({ ...LOAD, url: server.pushUrl, body });
	console.log(
		`  ${name.padEnd(22)} ${formatNumber(figures.pushesPerSecond, 1)} pushes/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}`
	);
	if (failures(figures) > 0) {
		console.error(
			`  !!! ${name}: ${figures.non2xx} non-2xx answers, ${figures.errors} connection errors, ${figures.timeouts} timeouts; status counts ${JSON.stringify(figures.statusCodes)}`
		);
	}
	return { name, ...figures };
}

function failures(figures) {
	return figures.non2xx + figures.errors + figures.timeouts;
}

async function measureMemory(pushmap) {
	const body = plainRowsPush(LARGE_PUSH_ROWS);
	console.log(
		`\nOne ${formatNumber(LARGE_PUSH_ROWS)}-row push (${formatMegabytes(body.length)}) to Pushmap…`
	);
	// Let the load runs' garbage and pending inserts settle before taking the baseline RSS.
	await sleep(2_000);
	const memory = await measureLargePush({ url: pushmap.pushUrl, body, pid: pushmap.pid });
	console.log(
		`  status ${memory.status}, rowCount ${memory.rowCount}, in ${formatNumber(memory.seconds, 2)} s; RSS ${formatMegabytes(memory.rssBefore)} before, peak ${formatMegabytes(memory.peakRss)}`
	);
	return memory;
}

/** Prints the figures and the goals beside them; returns the exit code. */
function report(loads, memory, servers) {
	console.log(`\n${loadTable(loads)}\n\n${goalTable(loads, memory)}`);
	printServerProblems(servers);

	const failed = loads
		.flatMap((load) => [load.pushmap, load.baseline])
		.filter((f) => failures(f) > 0);
	const errors = [
		...failed.map((figures) => `${figures.name}: ${failures(figures)} failed pushes`),
		...(memory.status === 200 ? [] : [`the ${LARGE_PUSH_ROWS}-row push answered ${memory.status}`])
	];
	if (errors.length === 0) return 0;
	console.error(`\n!!! ERRORS — the figures above are not comparable:\n  ${errors.join('\n  ')}`);
	return 1;
}

function loadTable(loads) {
	const rows = loads.flatMap((load) =>
		[load.pushmap, load.baseline].map((figures) => [
			figures.name,
			formatNumber(figures.pushesPerSecond, 1),
			String(figures.p50Ms),
			String(figures.p99Ms),
			String(figures.non2xx),
			formatNumber(load.bytes / 1024, 1)
		])
	);
	return formatTable(['case', 'pushes/s', 'p50 ms', 'p99 ms', 'non-2xx', 'push KB'], rows);
}

function goalTable(loads, memory) {
	const [small, large] = loads;
	const smallRatio = ratio(small);
	const rows = [
		[
			'10-row throughput, Pushmap / baseline',
			formatNumber(smallRatio, 2),
			`≥ ${GOALS.smallRatio}`,
			verdict(smallRatio >= GOALS.smallRatio)
		],
		['1,000-row throughput, Pushmap / baseline', formatNumber(ratio(large), 2), '(none)', ''],
		[
			'1,000-row p99 latency, Pushmap',
			`${large.pushmap.p99Ms} ms`,
			`< ${GOALS.largeP99Ms} ms`,
			verdict(large.pushmap.p99Ms < GOALS.largeP99Ms)
		],
		[
			'100,000-row push, status',
			`${memory.status}, ${formatNumber(memory.rowCount ?? 0)} rows`,
			`200, ${formatNumber(LARGE_PUSH_ROWS)} rows`,
			verdict(memory.status === 200 && memory.rowCount === LARGE_PUSH_ROWS)
		],
		['100,000-row push, time', `${formatNumber(memory.seconds, 2)} s`, '(none)', ''],
		[
			'100,000-row push, RSS growth',
			formatMegabytes(memory.growth),
			`< ${formatMegabytes(GOALS.growthBytes)}`,
			verdict(memory.growth < GOALS.growthBytes)
		]
	];
	return formatTable(['goal', 'figure', 'target', ''], rows);
}

function ratio(load) {
	return load.pushmap.pushesPerSecond / load.baseline.pushesPerSecond;
}

function verdict(met) {
	return met ? 'met' : 'MISSED';
}

/** Warnings and errors the servers logged: a bench that makes a server complain is suspect. */
function printServerProblems({ pushmap, baseline }) {
	for (const server of [pushmap, baseline]) {
		const lines = problemLines(server.output());
		if (lines.length === 0) continue;
		console.log(`\n${server.name} printed ${lines.length} line(s) at warn or above; the first:`);
		for (const line of lines.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);
	}
}
