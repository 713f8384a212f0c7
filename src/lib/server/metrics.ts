/**
 * Prometheus metrics, served at /metrics. One registry per process; later parts add their
 * counters here so the whole set is visible in one place.
 */

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'pushmap_' });

export const httpRequests = new Counter({
	name: 'pushmap_http_requests_total',
	help: 'HTTP requests served, by route and status.',
	labelNames: ['method', 'route', 'status'] as const,
	registers: [registry]
});

export const httpDuration = new Histogram({
	name: 'pushmap_http_request_duration_seconds',
	help: 'Time to produce a response, by route.',
	labelNames: ['method', 'route'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

export const loginFailuresTotal = new Counter({
	name: 'pushmap_login_failures_total',
	help: 'Failed sign-ins, including those refused because of throttling.',
	labelNames: ['reason'] as const,
	registers: [registry]
});

export const pushesTotal = new Counter({
	name: 'pushmap_pushes_total',
	help: 'Pushes received by action endpoints, by action and outcome.',
	labelNames: ['action', 'outcome'] as const,
	registers: [registry]
});

export const pushAuthFailures = new Counter({
	name: 'pushmap_push_auth_failures_total',
	help: 'Pushes refused because their credentials were missing or wrong.',
	labelNames: ['action'] as const,
	registers: [registry]
});

export const pushRows = new Histogram({
	name: 'pushmap_push_rows',
	help: 'Rows per accepted push.',
	buckets: [0, 1, 10, 100, 1_000, 10_000, 100_000],
	registers: [registry]
});

export const deliveriesTotal = new Counter({
	name: 'pushmap_deliveries_total',
	help: 'Delivery attempts by output type and result: sent, failed, and of the failed, retried or dead.',
	labelNames: ['type', 'result'] as const,
	registers: [registry]
});

let measureQueueDepth: (() => Promise<number>) | null = null;

/** The queue depth is read from the database when metrics are scraped. */
export function queueDepthFrom(measure: () => Promise<number>) {
	measureQueueDepth = measure;
}

export const queueDepth = new Gauge({
	name: 'pushmap_delivery_queue_depth',
	help: 'Deliveries waiting to be sent, retrying, or being sent, across all instances.',
	registers: [registry],
	async collect() {
		if (measureQueueDepth) this.set(await measureQueueDepth());
	}
});
