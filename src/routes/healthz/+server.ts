import { json } from '@sveltejs/kit';

/** The process is up and serving. Says nothing about the database: see /readyz. */
export const GET = () => json({ status: 'ok' });
