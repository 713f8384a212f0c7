/**
 * Checks a definition against action.schema.json with Ajv and turns Ajv's errors into
 * findings a person can act on. Tagged unions (auth, outputs) use Ajv's discriminator on
 * `type`, so a bad email output yields email problems, not a wall of "must match oneOf".
 */

import Ajv, { type ErrorObject } from 'ajv';
import schema from './action.schema.json';
import { closestName } from './did-you-mean';
import type { Finding, PathSegment } from './problems';

/** The keyword the schema uses to give a pattern or shape rule a readable message. */
const HINT = 'x-error-message';

// Strict, so a mistake in the schema fails at load. strictRequired is off because the row
// filter tells a group from a condition by `required` alone; union types are allowed for a
// filter condition's value (text, number or boolean).
const ajv = new Ajv({
	allErrors: true,
	verbose: true,
	discriminator: true,
	strict: true,
	strictRequired: false,
	allowUnionTypes: true
});
ajv.addKeyword({ keyword: HINT, schemaType: 'string' });
const validateAgainstSchema = ajv.compile(schema);

/** The JSON Schema of an action definition; its descriptions document every field. */
export const actionDefinitionSchema = schema;

/** Findings for everything in `tree` that the JSON Schema rejects. */
export function schemaFindings(tree: unknown): Finding[] {
	if (validateAgainstSchema(tree)) return [];
	const errors = validateAgainstSchema.errors ?? [];
	return errors.flatMap((error) => {
		const finding = toFinding(error, tree);
		return finding ? [finding] : [];
	});
}

function toFinding(error: ErrorObject, tree: unknown): Finding | undefined {
	// Noise: `if` repeats what its `then` branch said; `discriminator` repeats the
	// required/enum problem on `type`; `propertyNames` repeats its inner pattern error.
	if (['if', 'discriminator', 'propertyNames'].includes(error.keyword)) return undefined;

	const at = pointerSegments(error.instancePath, tree);
	const params = error.params as Record<string, unknown>;
	if (error.keyword === 'required') {
		return { at: [...at, String(params.missingProperty)], message: 'required' };
	}
	if (error.keyword === 'additionalProperties') {
		const field = String(params.additionalProperty);
		return { at: [...at, field], message: unknownFieldMessage(field, allowedFields(error)) };
	}
	if (error.propertyName !== undefined) {
		return { at: [...at, error.propertyName], message: hintOf(error) ?? 'is not a valid name' };
	}
	return { at, message: describeError(error, params) };
}

function describeError(error: ErrorObject, params: Record<string, unknown>): string {
	const limit = params.limit;
	switch (error.keyword) {
		case 'type':
			return `must be ${typeNames(params.type)}`;
		case 'enum':
			return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
		case 'const':
			return `must be ${JSON.stringify(params.allowedValue)}`;
		case 'pattern':
			return hintOf(error) ?? `must match the pattern ${String(params.pattern)}`;
		case 'minLength':
			return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
		case 'maxLength':
			return `must be at most ${limit} characters long`;
		case 'minItems':
			return limit === 1 ? 'must have at least one item' : `must have at least ${limit} items`;
		case 'maxItems':
			return `must have at most ${limit} items`;
		case 'minProperties':
			return hintOf(error) ?? `must have at least ${limit} entries`;
		case 'maxProperties':
			return hintOf(error) ?? `must have at most ${limit} entries`;
		case 'minimum':
			return `must be at least ${limit}`;
		case 'maximum':
			return `must be at most ${limit}`;
		default:
			return error.message ?? 'is not valid';
	}
}

const TYPE_NAMES: Record<string, string> = {
	string: 'text',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	array: 'a list',
	null: 'null'
};

function typeNames(type: unknown): string {
	const types = Array.isArray(type) ? type.map(String) : String(type).split(',');
	const names = types.map((name) => TYPE_NAMES[name] ?? name);
	if (names.length === 1) return names[0];
	return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function unknownFieldMessage(field: string, allowed: string[]): string {
	const suggestion = closestName(field, allowed);
	if (suggestion) return `unknown field '${field}' — did you mean '${suggestion}'?`;
	if (allowed.length === 0) return `unknown field '${field}'`;
	return `unknown field '${field}'; the fields here are: ${allowed.join(', ')}`;
}

function allowedFields(error: ErrorObject): string[] {
	const properties: unknown = error.parentSchema?.properties;
	return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

function hintOf(error: ErrorObject): string | undefined {
	const hint: unknown = error.parentSchema?.[HINT];
	return typeof hint === 'string' ? hint : undefined;
}

/**
 * Turns Ajv's JSON Pointer into path segments, walking the data so that an array index
 * becomes a number while an object key that looks like one ("0") stays a key.
 */
function pointerSegments(pointer: string, tree: unknown): PathSegment[] {
	if (pointer === '') return [];
	const segments: PathSegment[] = [];
	let node = tree;
	for (const raw of pointer.slice(1).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (Array.isArray(node)) {
			const index = Number(key);
			segments.push(index);
			node = node[index];
		} else {
			segments.push(key);
			node = node !== null && typeof node === 'object' ? Reflect.get(node, key) : undefined;
		}
	}
	return segments;
}
