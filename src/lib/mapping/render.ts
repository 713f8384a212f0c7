/**
 * Dry-run rendering of a whole action: filter the rows, evaluate the bindings, and render
 * every output as it would be delivered, without sending anything. The runtime renders a
 * real push the same way, then queues what this returns.
 *
 * An action is compiled once per version; each push then costs, per row, one filter test,
 * the row bindings, writing the row into a context and the renders; nothing is parsed again.
 */

import type { HttpOutput } from '../actions/definition';
import type { CanonicalTable, Row } from '../payload/types';
import type { BindingValues, PushView } from './bindings';
import type { CompiledAction } from './compile-action';
import type { CompiledOutput } from './compile-output';
import {
	buildPushView,
	pushContext,
	rowContext,
	rowContextWriter,
	type TemplateContext
} from './context';
import { OutputRender } from './field-render';
import { batchSizeOf, PAGE_FIELD } from './output-fields';
import type { MappingProblem } from './problems';
import { renderEmail } from './render-email';
import { renderForm } from './render-form';
import { renderHttp } from './render-http';
import type { RenderedOutput } from './rendered';
import { renderTemplate, TEMPLATE_LIMITS, type RenderLimits } from './templates';

export { compileAction, type CompiledAction } from './compile-action';

export interface RenderOptions {
	/** The run's time: for the relative date filters and the date helpers. */
	now: Date;
	/** Render per-row outputs, batches and table forms for at most this many kept rows. */
	rowLimit?: number;
	/** Per field render; defaults to TEMPLATE_LIMITS. */
	timeLimitMs?: number;
	maxOutputChars?: number;
}

export interface RenderResult {
	rowsIn: number;
	rowsKept: number;
	outputs: RenderedOutput[];
	page?: { html: string | null; problems: MappingProblem[] };
	/** Problems of the action as a whole: its bindings and row filter. */
	problems: MappingProblem[];
}

export interface RowRenderResult {
	rowIndex: number;
	/** Whether the row filter keeps this row; a dropped row is still rendered for the preview. */
	kept: boolean;
	outputs: RenderedOutput[];
	problems: MappingProblem[];
}

/** What one push's renders share: limits, the kept rows, the push view and its binding values. */
interface Push {
	compiled: CompiledAction;
	limits: RenderLimits;
	keptIndexes: number[];
	view: PushView;
	pushValues: BindingValues;
}

function preparePush(
	compiled: CompiledAction,
	table: CanonicalTable,
	options: RenderOptions
): Push {
	const keep = compiled.filter.at(options.now);
	const keptIndexes: number[] = [];
	const keptRows: Row[] = [];
	for (let i = 0; i < table.rows.length; i++) {
		if (keep(table.rows[i])) {
			keptIndexes.push(i);
			keptRows.push(table.rows[i]);
		}
	}
	const view = buildPushView(table, keptRows);
	return {
		compiled,
		limits: {
			now: options.now,
			timeLimitMs: options.timeLimitMs ?? TEMPLATE_LIMITS.timeLimitMs,
			maxOutputChars: options.maxOutputChars ?? TEMPLATE_LIMITS.maxOutputChars
		},
		keptIndexes,
		view,
		pushValues: compiled.bindings.evaluatePush(view)
	};
}

/** Renders every output (and the page) of a compiled action over a pushed table. */
export function renderAction(
	compiled: CompiledAction,
	table: CanonicalTable,
	options: RenderOptions
): RenderResult {
	const push = preparePush(compiled, table, options);
	const limit = Math.min(push.keptIndexes.length, options.rowLimit ?? Infinity);
	const byOutput: RenderedOutput[][] = compiled.outputs.map(() => []);

	// Row by row, so every per-row output of a row shares one context. The renders keep only
	// text, so one context object can be rewritten for each row.
	const rowOutputs = compiled.outputs
		.map((output, i) => ({ output, i }))
		.filter(({ output }) => output.context === 'row' && output.problems.length === 0);
	if (rowOutputs.length > 0) {
		const contextFor = rowContextWriter(push.view, push.pushValues, compiled.bindings);
		for (let k = 0; k < limit; k++) {
			const rowIndex = push.keptIndexes[k];
			const context = contextFor(table.rows[rowIndex]);
			for (const { output, i } of rowOutputs) {
				byOutput[i].push(renderOutput(push, output, context, rowIndex));
			}
		}
	}
	compiled.outputs.forEach((output, i) => {
		if (output.problems.length > 0) {
			byOutput[i].push(unrendered(output));
		} else if (output.context === 'push') {
			byOutput[i].push(...renderPushOutput(push, table, output, limit));
		}
	});

	return {
		rowsIn: table.rows.length,
		rowsKept: push.keptIndexes.length,
		outputs: byOutput.flat(),
		...(compiled.definition.page !== undefined ? { page: renderPage(push) } : {}),
		problems: [...compiled.bindings.problems, ...compiled.filter.problems]
	};
}

/** Renders the per-row outputs for one selected row, for the designer's preview. */
export function renderRow(
	compiled: CompiledAction,
	table: CanonicalTable,
	rowIndex: number,
	options: Partial<RenderOptions> = {}
): RowRenderResult {
	if (!Number.isInteger(rowIndex) || rowIndex < 0 || rowIndex >= table.rows.length) {
		const message = `There is no row ${rowIndex}; the push has ${table.rows.length} rows (from 0).`;
		return {
			rowIndex,
			kept: false,
			outputs: [],
			problems: [{ code: 'row-out-of-range', message, rowIndex }]
		};
	}
	const push = preparePush(compiled, table, { ...options, now: options.now ?? new Date() });
	const context = rowContextAt(push, table, rowIndex);
	const outputs = compiled.outputs
		.filter((output) => output.context === 'row')
		.map((output) =>
			output.problems.length > 0
				? unrendered(output)
				: renderOutput(push, output, context, rowIndex)
		);
	return {
		rowIndex,
		kept: push.keptIndexes.includes(rowIndex),
		outputs,
		problems: [...compiled.bindings.problems, ...compiled.filter.problems]
	};
}

function rowContextAt(push: Push, table: CanonicalTable, rowIndex: number): TemplateContext {
	return rowContext(table.rows[rowIndex], push.view, push.pushValues, push.compiled.bindings);
}

/** Renders a once-per-push output: once, once per batch, or as a table form with a record per row. */
function renderPushOutput(
	push: Push,
	table: CanonicalTable,
	output: CompiledOutput,
	limit: number
): RenderedOutput[] {
	const definition = output.output;
	const kept = push.keptIndexes.slice(0, limit);
	if (definition.type === 'http' && definition.mode === 'per-row') {
		return renderBatches(push, table, output, definition, kept);
	}
	const context = pushContext(push.view, push.pushValues);
	if (definition.type === 'form' && definition.form.layout === 'table') {
		const records = kept.map((rowIndex) => rowContextAt(push, table, rowIndex));
		return [renderOutput(push, output, context, null, records)];
	}
	return [renderOutput(push, output, context, null)];
}

function renderBatches(
	push: Push,
	table: CanonicalTable,
	output: CompiledOutput,
	definition: HttpOutput,
	kept: number[]
): RenderedOutput[] {
	const size = batchSizeOf(definition);
	const rendered: RenderedOutput[] = [];
	for (let start = 0; start < kept.length; start += size) {
		const rowIndexes = kept.slice(start, start + size);
		const rows = rowIndexes.map((rowIndex) => table.rows[rowIndex]);
		const context = pushContext(push.view, push.pushValues, rows);
		rendered.push({ ...renderOutput(push, output, context, rowIndexes[0]), rowIndexes });
	}
	return rendered;
}

/** Renders one output over one context; `records` are the table form's per-row contexts. */
function renderOutput(
	push: Push,
	output: CompiledOutput,
	context: TemplateContext,
	rowIndex: number | null,
	records: TemplateContext[] = [context]
): RenderedOutput {
	const job = new OutputRender(output, push.limits, rowIndex);
	const definition = output.output;
	const { id: outputId, mode } = definition;
	const { problems } = job;
	switch (definition.type) {
		case 'http': {
			const rendered = renderHttp(job, definition, context);
			return {
				outputId,
				type: 'http',
				mode,
				rowIndex,
				rendered: job.failed ? null : rendered,
				problems
			};
		}
		case 'email': {
			const rendered = renderEmail(job, definition, context);
			return {
				outputId,
				type: 'email',
				mode,
				rowIndex,
				rendered: job.failed ? null : rendered,
				problems
			};
		}
		case 'form': {
			const rendered = renderForm(job, definition, context, records);
			return {
				outputId,
				type: 'form',
				mode,
				rowIndex,
				rendered: job.failed ? null : rendered,
				problems
			};
		}
		case 'page': {
			const html = job.field(PAGE_FIELD, context);
			return {
				outputId,
				type: 'page',
				mode,
				rowIndex,
				rendered: html === null ? null : { html },
				problems
			};
		}
	}
}

/** An output that did not compile: reported once, with nothing rendered. */
function unrendered(output: CompiledOutput): RenderedOutput {
	const { id, type, mode } = output.output;
	return {
		outputId: id,
		type,
		mode,
		rowIndex: null,
		rendered: null,
		problems: output.problems
	} as RenderedOutput;
}

function renderPage(push: Push): { html: string | null; problems: MappingProblem[] } {
	const template = push.compiled.page;
	if (!template) {
		const problems = push.compiled.problems.filter(
			(problem) => problem.field === PAGE_FIELD && !problem.outputId
		);
		return { html: null, problems };
	}
	const result = renderTemplate(template, pushContext(push.view, push.pushValues), push.limits);
	return typeof result === 'string'
		? { html: result, problems: [] }
		: { html: null, problems: [{ ...result, field: PAGE_FIELD }] };
}
