/**
 * What the demo's stand-ins received: the billing sink's requests and the caught emails.
 * Kept in memory, newest first, and capped, since they only show a walk-through; a restart
 * empties them.
 */

export const INBOX_LIMIT = 200;

export interface SinkRequest {
	id: number;
	/** The sink's path segment, e.g. `invoices`. */
	name: string;
	method: string;
	contentType: string | null;
	idempotencyKey: string | null;
	body: string;
	receivedAt: Date;
}

export interface CaughtEmail {
	id: number;
	from: string;
	to: string[];
	subject: string;
	text: string;
	receivedAt: Date;
}

export class Inbox<T extends { id: number }> {
	private items: T[] = [];
	private nextId = 1;

	add(item: Omit<T, 'id'>): T {
		const added = { ...item, id: this.nextId++ } as T;
		this.items.unshift(added);
		this.items.length = Math.min(this.items.length, INBOX_LIMIT);
		return added;
	}

	list(): T[] {
		return [...this.items];
	}

	clear(): void {
		this.items = [];
	}
}
