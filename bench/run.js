/**
 * Runs the benchmarks: every `bench/*.bench.js` and `bench/*.bench.ts` (through tsx), one
 * after another so they never compete for the machine, each printing its own figures.
 *
 * Usage: node bench/run.js [name…]   e.g. `node bench/run.js intake` runs intake.bench.js
 * only. Exits 1 if any bench did (an error, not a missed goal).
 */

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const benchDir = import.meta.dirname;
const BENCH_FILE = /^(.+)\.bench\.(js|ts)$/;

process.exitCode = await main(process.argv.slice(2));

async function main(names) {
	const benches = findBenches(names);
	if (benches.length === 0) {
		console.error(`No bench matches ${names.join(', ')}. Benches are bench/<name>.bench.{js,ts}.`);
		return 1;
	}

	const failed = [];
	for (const bench of benches) {
		console.log(`\n=== ${bench.name} (${path.relative(process.cwd(), bench.file)}) ===\n`);
		const code = await runBench(bench);
		if (code !== 0) failed.push(`${bench.name} (exit ${code})`);
	}

	if (benches.length > 1) console.log(`\n=== ${benches.length} benches run ===`);
	if (failed.length > 0) console.error(`Failed: ${failed.join(', ')}`);
	return failed.length > 0 ? 1 : 0;
}

/** The bench files in name order, only those named in `names` when any are. */
function findBenches(names) {
	return readdirSync(benchDir)
		.map((file) => BENCH_FILE.exec(file))
		.filter((match) => match !== null)
		.map(([file, name, extension]) => ({ name, extension, file: path.join(benchDir, file) }))
		.filter((bench) => names.length === 0 || names.includes(bench.name))
		.sort((a, b) => a.name.localeCompare(b.name));
}

function runBench({ file, extension }) {
	const args = extension === 'ts' ? ['--import', 'tsx', file] : [file];
	const child = spawn(process.execPath, args, { stdio: 'inherit' });
	// Ctrl-C reaches the bench too (same process group), and a SIGTERM is passed on: either
	// way the bench stops its servers and drops its database before this process exits.
	const ignore = () => {};
	const forward = () => child.kill('SIGTERM');
	process.on('SIGINT', ignore);
	process.on('SIGTERM', forward);
	return new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			process.off('SIGINT', ignore);
			process.off('SIGTERM', forward);
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}
