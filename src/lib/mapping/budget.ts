/**
 * The time and size budget of one template render.
 *
 * Handlebars renders synchronously, so nothing outside a render can stop it. Without
 * partials (which are refused) a template's work is its size times the lengths of the
 * lists it loops over, and every loop goes through `each` (blockHelperMissing hands
 * `{{#rows}}` sections to it too). So the budget is checked in our `each`, once per
 * iteration, and in every helper call; going over throws a BudgetExceeded that the render
 * turns into a problem. A worker thread with a hard timeout would stop anything, but would
 * cost a message round trip per render, which 100,000 rows cannot afford.
 *
 * The budget lives in module state because a render cannot be interleaved with another one:
 * it runs from start to end on one thread, and `withBudget` always restores what it found.
 */

export class BudgetExceeded extends Error {
	constructor(
		readonly code: 'render-timeout' | 'output-too-large',
		message: string
	) {
		super(message);
	}
}

/** What a render is allowed: the caller's limits, kept as given (never copied per render). */
export interface BudgetLimits {
	timeLimitMs: number;
	maxOutputChars: number;
	now: Date;
}

let current: BudgetLimits | null = null;
let deadline = 0;

/** Runs one render under a deadline and an output size limit, with `now` for the date helpers. */
export function withBudget<T>(limits: BudgetLimits, render: () => T): T {
	const outer = current;
	const outerDeadline = deadline;
	current = limits;
	deadline = Date.now() + limits.timeLimitMs;
	try {
		return render();
	} finally {
		current = outer;
		deadline = outerDeadline;
	}
}

/** Throws once the current render has run past its deadline. */
export function checkDeadline(): void {
	if (current && Date.now() > deadline) {
		throw new BudgetExceeded(
			'render-timeout',
			`The template took longer than ${current.timeLimitMs} ms to render; loop over fewer rows or simplify it.`
		);
	}
}

/** Throws once text built by the current render is longer than the output limit. */
export function checkOutputSize(length: number): void {
	if (current && length > current.maxOutputChars) {
		throw new BudgetExceeded(
			'output-too-large',
			`The rendered text is longer than ${current.maxOutputChars} characters.`
		);
	}
}

/** The time the current render treats as now: the run's, so renders are repeatable. */
export function renderNow(): Date {
	return current ? current.now : new Date();
}
