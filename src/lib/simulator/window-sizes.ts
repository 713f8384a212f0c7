/**
 * The window a BI host opens for an action, per the size the admin chose. ThoughtSpot offers
 * small, medium and large; these are the sizes the action's page is laid out for.
 */

import type { WindowSize } from '../actions/definition';

export interface WindowDimensions {
	width: number;
	height: number;
}

export const WINDOW_SIZES: Record<WindowSize, WindowDimensions> = {
	small: { width: 400, height: 300 },
	medium: { width: 800, height: 600 },
	large: { width: 1200, height: 800 }
};

export const WINDOW_SIZE_NAMES = Object.keys(WINDOW_SIZES) as WindowSize[];

/** The `window.open` features for a size: a plain popup, without toolbars. */
export function windowFeatures(size: WindowSize): string {
	const { width, height } = WINDOW_SIZES[size];
	return `popup=yes,width=${width},height=${height}`;
}
