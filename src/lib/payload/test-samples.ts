/** The payload samples in tests/fixtures/payloads, for this folder's tests. */

import { readFileSync } from 'node:fs';

export const SAMPLE_FILES = [
	'callback-answer-menu.json',
	'callback-answerService-fetchData.json',
	'callback-context-menu.json',
	'callback-liveboard-classic.json',
	'callback-liveboard-viz-menu.json',
	'rest-v1-searchdata-response.json',
	'rest-v2-searchdata-response.json'
] as const;

export type SampleFile = (typeof SAMPLE_FILES)[number];

const SAMPLES_DIR = new URL('../../../tests/fixtures/payloads/', import.meta.url);

/** A fresh copy of a sample each call, so a test may change it freely. */
export function loadSample(file: SampleFile): unknown {
	return JSON.parse(readFileSync(new URL(file, SAMPLES_DIR), 'utf8'));
}

/** A sample as a mutable JSON object, for tests that edit it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadSampleObject(file: SampleFile): any {
	return loadSample(file);
}
