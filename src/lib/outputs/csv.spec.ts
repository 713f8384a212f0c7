import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let cell = '';
	let i = 0;
	while (i < text.length) {
		if (text[i] === '"') {
			i++;
			while (!(text[i] === '"' && text[i + 1] !== '"')) {
				cell += text[i];
				i += text[i] === '"' ? 2 : 1;
			}
			i++;
		} else if (text.startsWith('\r\n', i)) {
			records.push([...record, cell]);
			record = [];
			cell = '';
			i += 2;
		} else if (text[i] === ',') {
			record.push(cell);
			cell = '';
			i++;
		} else {
			cell += text[i++];
		}
	}
	return records;
}

describe('toCsv', () => {
	it('writes a header and one CRLF-terminated line per row, quoting where needed', () => {
		const csv = toCsv(
			['Name', 'Note', 'Value'],
			[
				{ Name: 'Ann', Note: 'says "hi", twice', Value: 3 },
				{ Name: 'Bo\nB', Note: null, Value: true }
			]
		);
		expect(csv).toBe(
			'Name,Note,Value\r\n' + 'Ann,"says ""hi"", twice",3\r\n' + '"Bo\nB",,true\r\n'
		);
	});

	it('prefixes text that a spreadsheet would run as a formula', () => {
		const csv = toCsv(
			['a', 'b', 'c', 'd', 'e', 'f'],
			[{ a: '=1+1', b: '+SUM(A1)', c: '-2+3', d: '@cmd', e: '\tx', f: '\rx' }]
		);
		expect(parseCsv(csv)[1]).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx"]);
	});

	it('leaves negative numbers as numbers', () => {
		expect(toCsv(['n'], [{ n: -5 }])).toBe('n\r\n-5\r\n');
	});

	it('guards formula-like column names as well', () => {
		expect(toCsv(['=HYPERLINK("x")'], [])).toBe(`"'=HYPERLINK(""x"")"\r\n`);
	});

	it('writes dates as ISO text and missing cells as empty', () => {
		const csv = toCsv(['when', 'gone'], [{ when: new Date(Date.UTC(2024, 0, 2)) }]);
		expect(csv).toBe('when,gone\r\n2024-01-02T00:00:00.000Z,\r\n');
	});

	it('reads back as the same cells, with only formula-like text prefixed', () => {
		const cell = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean());
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
				(cells) => {
					const rows = cells.map(([a, b]) => ({ a, b }));
					const parsed = parseCsv(toCsv(['a', 'b'], rows));
					const expected = cells.map((pair) =>
						pair.map((value) => {
							if (value === null) return '';
							const text = String(value);
							return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
						})
					);
					expect(parsed).toEqual([['a', 'b'], ...expected]);
				}
			)
		);
	});
});
