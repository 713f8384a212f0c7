import { describe, expect, it } from 'vitest';
import { allows, requiredAccess } from './access';

describe('route access', () => {
	it('opens sign-in, setup, operations and action endpoints to everyone', () => {
		for (const path of [
			'/login',
			'/setup',
			'/invite/abc',
			'/healthz',
			'/readyz',
			'/metrics',
			'/a/renewals'
		]) {
			expect(requiredAccess(path), path).toBe('public');
		}
	});

	it('lets reviewers read runs and their own account', () => {
		for (const path of [
			'/',
			'/runs',
			'/runs/123',
			'/api/runs',
			'/account',
			'/api/me',
			'/api/tokens/1'
		]) {
			expect(requiredAccess(path), path).toBe('reviewer');
		}
	});

	it('keeps everything else for admins, including paths nobody has listed', () => {
		for (const path of [
			'/actions',
			'/users',
			'/api/users',
			'/credentials',
			'/simulator',
			'/new-thing',
			'/a'
		]) {
			expect(requiredAccess(path), path).toBe('admin');
		}
	});

	it('does not let a look-alike path borrow a public prefix', () => {
		expect(requiredAccess('/loginx')).toBe('admin');
		expect(requiredAccess('/healthz/../users')).toBe('admin');
		expect(requiredAccess('/runsheet')).toBe('admin');
	});

	it('grants admins everything and reviewers only what is theirs', () => {
		expect(allows('admin', 'admin')).toBe(true);
		expect(allows('reviewer', 'reviewer')).toBe(true);
		expect(allows('reviewer', 'admin')).toBe(false);
		expect(allows('reviewer', 'public')).toBe(true);
	});
});
