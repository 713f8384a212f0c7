/**
 * Copies an input into a plain JSON tree before anything else looks at it. Definitions
 * come from files, forms and scripts; a cycle, a getter or a Date would otherwise reach
 * Ajv and the checks, which assume JSON and could recurse forever or run foreign code.
 */

import type { Finding, PathSegment } from './problems';

/** Deeper than any sensible definition (row filters nest); stops runaway recursion. */
export const MAX_DEPTH = 64;

export type JsonTreeResult = { ok: true; tree: unknown } | { ok: false; findings: Finding[] };

/**
 * Returns a fresh copy of `input` made only of JSON values, or findings for what is not
 * JSON. Object properties whose value is `undefined` are left out, as JSON.stringify does.
 */
export function readJsonTree(input: unknown): JsonTreeResult {
	const findings: Finding[] = [];
	const tree = copyValue(input, [], new Set(), findings);
	return findings.length === 0 ? { ok: true, tree } : { ok: false, findings };
}

function copyValue(
	value: unknown,
	at: PathSegment[],
	ancestors: Set<object>,
	findings: Finding[]
): unknown {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') return copyNumber(value, at, findings);
	if (typeof value !== 'object') {
		findings.push({ at, message: `must be a JSON value, not ${describe(value)}` });
		return null;
	}
	if (ancestors.has(value)) {
		findings.push({ at, message: 'must not contain itself (the value refers back to itself)' });
		return null;
	}
	if (at.length >= MAX_DEPTH) {
		findings.push({ at, message: `is nested more than ${MAX_DEPTH} levels deep` });
		return null;
	}

	ancestors.add(value);
	const copy = Array.isArray(value)
		? copyArray(value, at, ancestors, findings)
		: copyObject(value, at, ancestors, findings);
	ancestors.delete(value);
	return copy;
}

function copyNumber(value: number, at: PathSegment[], findings: Finding[]): number | null {
	if (Number.isFinite(value)) return value;
	findings.push({ at, message: 'must be a finite number' });
	return null;
}

function copyArray(
	value: unknown[],
	at: PathSegment[],
	ancestors: Set<object>,
	findings: Finding[]
): unknown[] {
	const copy: unknown[] = [];
	for (let index = 0; index < value.length; index++) {
		copy.push(copyValue(value[index], [...at, index], ancestors, findings));
	}
	return copy;
}

function copyObject(
	value: object,
	at: PathSegment[],
	ancestors: Set<object>,
	findings: Finding[]
): Record<string, unknown> | null {
	const prototype = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) {
		findings.push({ at, message: `must be a JSON value, not ${describe(value)}` });
		return null;
	}

	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const descriptor = Object.getOwnPropertyDescriptor(value, key);
		if (!descriptor || descriptor.get || descriptor.set) {
			findings.push({ at: [...at, key], message: 'must be a plain value, not a getter' });
			continue;
		}
		if (descriptor.value === undefined) continue;
		// defineProperty, not assignment: a key named "__proto__" stays an ordinary key.
		Object.defineProperty(copy, key, {
			value: copyValue(descriptor.value, [...at, key], ancestors, findings),
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return copy;
}

function describe(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (typeof value === 'function') return 'a function';
	if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
	// Read through descriptors so that describing a value never runs one of its getters.
	const prototype: unknown = Object.getPrototypeOf(value);
	const constructor: unknown =
		prototype === null
			? undefined
			: Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
	const name: unknown =
		typeof constructor === 'function'
			? Object.getOwnPropertyDescriptor(constructor, 'name')?.value
			: undefined;
	return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object with a prototype';
}
