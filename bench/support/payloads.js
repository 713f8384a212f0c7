/**
 * Pushes the way a script sends them: a plain JSON array of rows, with the five columns of
 * the renewal story. Every value is derived from the row's index, so the same count always
 * gives the same bytes and runs compare like with like.
 */

const FIRST_NAMES = ['Ada', 'Brook', 'Chidi', 'Dana', 'Emeka', 'Freya', 'Goro', 'Hana', 'Ines'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Reyes'];
const PRODUCTS = ['Analytics Pro', 'Analytics Team', 'Embedded', 'Data Cloud', 'Starter'];
const FIRST_RENEWAL = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

/** The row at `index`: Customer Name, Email, Product, Renewal Date, Contract Value. */
export function renewalRow(index) {
	const first = FIRST_NAMES[index % FIRST_NAMES.length];
	const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
	const renewal = new Date(FIRST_RENEWAL + ((index * 7) % 365) * DAY_MS);
	return {
		'Customer Name': `${first} ${last} ${index}`,
		Email: `${first}.${last}.${index}@example.com`.toLowerCase(),
		Product: PRODUCTS[index % PRODUCTS.length],
		'Renewal Date': renewal.toISOString().slice(0, 10),
		'Contract Value': 500 + ((index * 7919) % 99_500) + (index % 100) / 100
	};
}

/** A plain-rows push of `count` rows, as the JSON text to send. */
export function plainRowsPush(count) {
	return JSON.stringify(Array.from({ length: count }, (_, index) => renewalRow(index)));
}
