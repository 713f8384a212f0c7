import { describe, expect, it } from 'vitest';
import schema from './action.schema.json';
import { SLUG_PATTERN } from './slug';

type SchemaNode = Record<string, unknown>;

/** Every property schema in the document, with a readable location. */
function allProperties(node: unknown, at = '#'): { at: string; schema: SchemaNode }[] {
	if (node === null || typeof node !== 'object') return [];
	const found: { at: string; schema: SchemaNode }[] = [];
	const record = node as SchemaNode;
	const properties = record.properties as Record<string, SchemaNode> | undefined;
	for (const [name, property] of Object.entries(properties ?? {})) {
		found.push({ at: `${at}/properties/${name}`, schema: property });
	}
	for (const [key, child] of Object.entries(record)) {
		found.push(...allProperties(child, `${at}/${key}`));
	}
	return found;
}

function definitionOf(name: string): SchemaNode {
	return (schema.definitions as Record<string, SchemaNode>)[name];
}

describe('action.schema.json', () => {
	it('describes every property, for the designer and the docs', () => {
		const undescribed = allProperties(schema)
			.filter(({ schema: property }) => typeof property.description !== 'string')
			.map(({ at }) => at);
		expect(undescribed).toEqual([]);
	});

	it('documents the defaults that validation applies', () => {
		const properties = schema.properties;
		expect(properties.onMissingColumns.default).toBe('warn');
		expect(properties.auth.default).toEqual({ type: 'none' });
		expect(properties.window.properties.size.default).toBe('medium');
		expect(properties.placement.default).toBe('menu');
		expect(properties.bindings.default).toEqual([]);
		expect(properties.expectedColumns.default).toEqual([]);
	});

	it('uses the same slug rule as slug.ts', () => {
		expect(definitionOf('slug').pattern).toBe(SLUG_PATTERN.source);
	});

	it('catches typos: every object in it refuses unknown fields, except name-to-value maps', () => {
		const open = Object.entries(schema.definitions as Record<string, SchemaNode>)
			.filter(([, node]) => node.type === 'object' && node.additionalProperties !== false)
			.filter(([, node]) => !node.discriminator)
			.map(([name]) => name);
		expect(open).toEqual(['templateMap']);
	});
});
