/**
 * Undo steps a bench registers as it acquires things (a database, a server, a directory),
 * run in reverse order exactly once: when the bench finishes, fails, or is interrupted.
 */

/** Returns `{ add(step), run() }`; SIGINT and SIGTERM run the steps, then exit. */
export function cleanupOnExit() {
	const steps = [];
	let running;

	const run = () => (running ??= runSteps(steps));
	const interrupt = (signal, code) =>
		process.once(signal, () => {
			console.error(`\n${signal}: stopping the servers and dropping the database…`);
			run().finally(() => process.exit(code));
		});
	interrupt('SIGINT', 130);
	interrupt('SIGTERM', 143);

	return { add: (step) => steps.push(step), run };
}

async function runSteps(steps) {
	for (const step of steps.reverse()) {
		// One failed step must not keep the others from running.
		try {
			await step();
		} catch (error) {
			console.error(`Cleaning up failed: ${error.message}`);
		}
	}
}
