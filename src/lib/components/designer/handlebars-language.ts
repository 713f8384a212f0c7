/**
 * Handlebars highlighting for the template fields. CodeMirror has no official Handlebars
 * mode, and a template here is mostly plain text (or HTML, or JSON) with mustaches in it, so
 * a small stream parser that styles the mustaches and leaves the rest plain is enough.
 */

import { StreamLanguage, type StreamParser } from '@codemirror/language';
import { BUILT_IN_HELPERS } from '$lib/mapping/environment';
import { HELPERS } from '$lib/mapping/helpers';

interface State {
	/** Inside `{{ … }}`. */
	inside: boolean;
	/** The next word is the mustache's head: a helper or a name. */
	atHead: boolean;
	/** Inside a `{{!-- … --}}` comment. */
	comment: boolean;
}

const HELPER_NAMES = new Set([...Object.keys(HELPERS), ...Object.keys(BUILT_IN_HELPERS)]);

const parser: StreamParser<State> = {
	name: 'handlebars',
	startState: () => ({ inside: false, atHead: false, comment: false }),
	token(stream, state) {
		if (state.comment) {
			if (stream.skipTo('--}}')) {
				stream.match('--}}');
				state.comment = false;
			} else stream.skipToEnd();
			return 'comment';
		}
		if (!state.inside) return outside(stream, state);
		return inside(stream, state);
	}
};

function outside(stream: Parameters<StreamParser<State>['token']>[0], state: State): string | null {
	if (stream.match('{{!--')) {
		state.comment = true;
		return 'comment';
	}
	if (stream.match(/^\{\{![^}]*\}\}/)) return 'comment';
	if (stream.match(/^\{\{\{?[#/^~]?/)) {
		state.inside = true;
		state.atHead = true;
		return 'meta';
	}
	if (!stream.skipTo('{{')) stream.skipToEnd();
	return null;
}

function inside(stream: Parameters<StreamParser<State>['token']>[0], state: State): string | null {
	if (stream.eatSpace()) return null;
	if (stream.match(/^~?\}\}\}?/)) {
		state.inside = false;
		return 'meta';
	}
	if (stream.match(/^"(?:\\"|[^"])*"/) || stream.match(/^'[^']*'/)) return 'string';
	if (stream.match(/^-?\d+(?:\.\d+)?/)) return 'number';
	if (stream.match(/^(?:true|false|null|undefined)\b/)) return 'atom';
	if (stream.match(/^[()=|]/)) return 'operator';
	if (stream.match(/^@?[^\s(){}=|"']+/)) {
		const word = stream.current();
		const head = state.atHead;
		state.atHead = false;
		if (head && HELPER_NAMES.has(word)) return 'keyword';
		if (word.startsWith('@')) return 'atom';
		return 'variableName';
	}
	stream.next();
	return null;
}

export const handlebars = StreamLanguage.define(parser);
