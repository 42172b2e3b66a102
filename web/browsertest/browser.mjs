// Shared harness of the portal's browser tests. A feature's script (run by browsertest.Run
// as `node SCRIPT BASEURL`) imports it by relative path:
//
//	import { start, expectAttribute, axeCheck, validateHTMLPages } from '../../browsertest/browser.mjs';
//	const t = await start();
//	await t.step('the search page has a heading', async () => { ... });
//	await t.finish();
//
// It drives Debian's Chromium (/usr/bin/chromium) through playwright-core; it never downloads
// a browser. Steps run in order; the first failing step prints a clear message, saves a
// screenshot of every open page and exits non-zero. A Chromium that cannot be launched is a
// failure, never a skip.

import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Path of the browser the tests use: Debian's own Chromium package. */
export const CHROMIUM = '/usr/bin/chromium';

/** Command-line flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The axe-core tags every page must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** How long one Playwright action or expectation waits, in milliseconds. */
export const DEFAULT_TIMEOUT = 5000;

/** How long one step may take, in milliseconds. */
export const STEP_TIMEOUT = 30000;

// Browser contexts made with javaScriptEnabled: false; axeCheck needs scripts to run.
const noScriptContexts = new WeakSet();

/** Launches Debian's Chromium; throws with a hint when it cannot. */
export async function launch() {
	try {
		return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30000 });
	} catch (err) {
		throw new Error(`cannot launch ${CHROMIUM} (install it with .ci/browser-deps): ${err.message}`);
	}
}

/**
 * Starts a browser test: reads the base URL from the command line, launches Chromium and
 * returns the harness, with
 *   baseURL, browser          the server under test and the browser;
 *   url(path)                 an absolute URL on the server;
 *   newPage(contextOptions)   a page in a fresh browser context (e.g. {javaScriptEnabled: false});
 *                             uncaught page errors and CSP violations fail the step they occur in;
 *   step(name, fn, {timeout}) runs one named check (within STEP_TIMEOUT ms unless given);
 *   finish()                  closes the browser and reports success.
 */
export async function start() {
	const baseURL = process.argv[2];
	if (!baseURL || !/^https?:\/\//.test(baseURL)) {
		fail('usage', new Error(`usage: node ${process.argv[1]} BASEURL (got ${inspect(baseURL)})`));
	}
	const started = Date.now();
	let browser;
	try {
		browser = await launch();
	} catch (err) {
		fail('launch Chromium', err);
	}
	const pages = [];
	const problems = [];
	let passed = 0;

	const t = {
		baseURL,
		browser,

		url(path) {
			return new URL(path, baseURL).href;
		},

		async newPage(contextOptions = {}) {
			const context = await browser.newContext({ locale: 'cs-CZ', ...contextOptions });
			context.setDefaultTimeout(DEFAULT_TIMEOUT);
			context.setDefaultNavigationTimeout(2 * DEFAULT_TIMEOUT);
			if (contextOptions.javaScriptEnabled === false) {
				noScriptContexts.add(context);
			}
			const page = await context.newPage();
			page.on('pageerror', (err) => problems.push(`uncaught error in ${page.url()}: ${err.message}`));
			page.on('console', (msg) => {
				if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) {
					problems.push(`CSP violation in ${page.url()}: ${msg.text()}`);
				}
			});
			pages.push(page);
			return page;
		},

		async step(name, fn, { timeout = STEP_TIMEOUT } = {}) {
			const begun = Date.now();
			let timer;
			try {
				await Promise.race([
					fn(),
					new Promise((_, reject) => {
						timer = setTimeout(() => reject(new Error(`the step took longer than ${timeout} ms`)), timeout);
					}),
				]);
				clearTimeout(timer);
				if (problems.length > 0) {
					throw new Error(problems.join('\n'));
				}
			} catch (err) {
				await screenshots(pages, name);
				await browser.close().catch(() => {});
				fail(name, err);
			}
			passed += 1;
			console.log(`ok   ${name} (${Date.now() - begun} ms)`);
		},

		async finish() {
			if (problems.length > 0) {
				await browser.close().catch(() => {});
				fail('after the last step', new Error(problems.join('\n')));
			}
			await browser.close();
			console.log(`all ${passed} steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		},
	};
	return t;
}

// fail reports the failed step and ends the process with a non-zero status.
function fail(name, err) {
	const detail = err instanceof Error ? err.message : inspect(err);
	console.log(`FAIL ${name}\n${indent(detail)}`);
	if (err instanceof Error && err.stack && process.env.BROWSERTEST_STACK) {
		console.log(indent(err.stack));
	}
	process.exit(1);
}

function indent(text) {
	return String(text)
		.split('\n')
		.map((line) => '     ' + line)
		.join('\n');
}

// screenshots saves a picture of every open page, for the report of a failed step.
async function screenshots(pages, stepName) {
	const open = pages.filter((p) => !p.isClosed());
	if (open.length === 0) {
		return;
	}
	const dir = await mkdtemp(join(tmpdir(), 'browsertest-'));
	const slug = stepName.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
	for (const [i, page] of open.entries()) {
		const file = join(dir, `${slug}-${i + 1}.png`);
		try {
			await page.screenshot({ path: file, fullPage: true, timeout: 3000 });
			console.log(`     screenshot of ${page.url()}: ${file}`);
		} catch {
			// A page that cannot be captured is no reason to hide the real failure.
		}
	}
}

// ---- Assertions ----------------------------------------------------------------------------

/** Fails unless actual and expected are the same (===, or equal as JSON for objects). */
export function expectEqual(actual, expected, what = 'value') {
	const same =
		typeof expected === 'object' && expected !== null
			? JSON.stringify(actual) === JSON.stringify(expected)
			: actual === expected;
	if (!same) {
		throw new Error(`${what}: got ${inspect(actual)}, want ${inspect(expected)}`);
	}
}

/** Fails unless cond is truthy. */
export function expectTrue(cond, what) {
	if (!cond) {
		throw new Error(what);
	}
}

/**
 * Waits until probe() returns a value that check accepts (default: truthy); fails with the
 * last value seen after timeout ms. Returns that value.
 */
export async function eventually(probe, what, { check = Boolean, timeout = DEFAULT_TIMEOUT } = {}) {
	const deadline = Date.now() + timeout;
	let last;
	for (;;) {
		try {
			last = await probe();
			if (check(last)) {
				return last;
			}
		} catch (err) {
			last = err;
		}
		if (Date.now() > deadline) {
			throw new Error(`${what}: still ${inspect(last)} after ${timeout} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Waits until the element's attribute equals expected (null: until it is absent). */
export async function expectAttribute(locator, name, expected, options = {}) {
	return eventually(() => locator.getAttribute(name, { timeout: 1000 }), `attribute ${name} of ${locator}, want ${inspect(expected)}`, {
		check: (v) => v === expected,
		...options,
	});
}

/** Waits until the element's text, with white space collapsed, equals expected or matches it. */
export async function expectText(locator, expected, options = {}) {
	const matches = (v) => (expected instanceof RegExp ? expected.test(v) : v === expected);
	return eventually(
		async () => (await locator.textContent({ timeout: 1000 })).replace(/\s+/g, ' ').trim(),
		`text of ${locator}, want ${inspect(expected)}`,
		{ check: (v) => typeof v === 'string' && matches(v), ...options },
	);
}

/** Waits until the page's path (with query) equals expected. */
export async function expectPath(page, expected, options = {}) {
	return eventually(
		() => {
			const u = new URL(page.url());
			return u.pathname + u.search;
		},
		`path of the page, want ${inspect(expected)}`,
		{ check: (v) => v === expected, ...options },
	);
}

/** Performs action (e.g. a click or key press) and waits until the page it leads to has loaded. */
export async function navigation(page, action) {
	await Promise.all([page.waitForEvent('load', { timeout: 2 * DEFAULT_TIMEOUT }), action()]);
}

/** The id of the focused element, or its tag name when it has none. */
export async function focusedElement(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		return el ? el.id || el.tagName.toLowerCase() : null;
	});
}

// ---- Accessibility: axe-core ---------------------------------------------------------------

let axeSource;

/**
 * Runs axe-core on the page in its current state and fails on any WCAG 2.1 A/AA violation,
 * listing rule id, impact and the offending elements. By default it checks the light and the
 * dark colour scheme (prefers-color-scheme) and leaves the page in the scheme it found.
 */
export async function axeCheck(page, label = page.url(), options = {}) {
	if (!noScriptContexts.has(page.context())) {
		return axeRun(page, label, options);
	}
	// axe-core needs timers, which do not run where JavaScript is off: check a copy of the
	// page's DOM, served at the same address with its styles but with scripts blocked.
	const url = page.url().replace(/#.*$/, '');
	const html = await page.content();
	const context = await page.context().browser().newContext({ locale: 'cs-CZ', viewport: page.viewportSize() });
	try {
		const copy = await context.newPage();
		await copy.route('**/*', (route) => {
			const req = route.request();
			if (req.isNavigationRequest() && req.url() === url) {
				return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
			}
			if (req.resourceType() === 'script') {
				return route.abort();
			}
			return route.continue();
		});
		await copy.goto(url);
		await axeRun(copy, `${label} (without JavaScript)`, options);
	} finally {
		await context.close();
	}
}

async function axeRun(page, label, { colorSchemes = ['light', 'dark'] } = {}) {
	axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
	const wasDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
	const report = [];
	try {
		for (const scheme of colorSchemes) {
			await page.emulateMedia({ colorScheme: scheme });
			// Evaluated through the DevTools protocol, so the page's CSP does not block it.
			if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
				await page.evaluate(axeSource);
			}
			const violations = await page.evaluate(async (tags) => {
				const result = await window.axe.run(document, {
					runOnly: { type: 'tag', values: tags },
					resultTypes: ['violations'],
				});
				return result.violations.map((v) => ({
					id: v.id,
					impact: v.impact,
					help: v.help,
					nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
				}));
			}, WCAG_TAGS);
			for (const v of violations) {
				report.push(`[${scheme}] ${v.id} (${v.impact}): ${v.help}`);
				for (const n of v.nodes) {
					report.push(`    ${n.target}`);
					report.push(...n.summary.split('\n').map((line) => `      ${line}`));
				}
			}
		}
	} finally {
		await page.emulateMedia({ colorScheme: wasDark ? 'dark' : 'light' });
	}
	if (report.length > 0) {
		throw new Error(`axe-core found WCAG 2.1 A/AA violations on ${label}:\n${report.join('\n')}`);
	}
}

// ---- HTML validity: the Nu HTML Checker ----------------------------------------------------

/** Fetches a page's raw HTML from the server, failing unless it answers with the status given. */
export async function fetchHTML(url, { status = 200, ...init } = {}) {
	const response = await fetch(url, init);
	const body = await response.text();
	if (response.status !== status) {
		throw new Error(`${init.method ?? 'GET'} ${url}: status ${response.status}, want ${status}`);
	}
	const type = response.headers.get('content-type') ?? '';
	if (!type.startsWith('text/html')) {
		throw new Error(`${init.method ?? 'GET'} ${url}: Content-Type ${type}, want text/html`);
	}
	return body;
}

/** Validates one HTML document with the Nu HTML Checker; fails on any error. */
export async function validateHTML(html, name) {
	return validateHTMLPages([{ name, html }]);
}

/**
 * Validates HTML documents ({name, html}) with the Nu HTML Checker (vnu.jar from the vnu-jar
 * package, on the system's Java) in one run, and fails listing every error.
 */
export async function validateHTMLPages(docs) {
	const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
	const dir = await mkdtemp(join(tmpdir(), 'vnu-'));
	try {
		const files = new Map();
		for (const [i, doc] of docs.entries()) {
			const sub = join(dir, String(i));
			await mkdir(sub);
			const file = join(sub, 'page.html');
			await writeFile(file, doc.html);
			files.set(`file:${file}`, doc.name);
		}
		const output = await new Promise((resolve, reject) => {
			execFile(
				'java',
				// A short run: the quick JIT tier and the serial collector cost the least CPU; that
				// tier needs a deeper stack for the schema than the checker's 512k minimum.
				[
					'-Xss16m',
					'-XX:TieredStopAtLevel=1',
					'-XX:+UseSerialGC',
					'-jar',
					jar,
					'--errors-only',
					'--format',
					'json',
					...[...files.keys()].map((u) => u.slice('file:'.length)),
				],
				{ maxBuffer: 16 << 20, timeout: 60000 },
				(err, stdout, stderr) => {
					if (err && err.code === 'ENOENT') {
						reject(new Error('java not found: install it with .ci/browser-deps'));
						return;
					}
					// vnu exits 1 when it finds errors; its JSON report is on stderr either way.
					resolve({ err, text: stderr || stdout });
				},
			);
		});
		let report;
		try {
			report = JSON.parse(output.text);
		} catch {
			throw new Error(`the Nu HTML Checker failed: ${output.err?.message ?? ''}\n${output.text}`);
		}
		const errors = report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
		if (errors.length > 0) {
			const lines = errors.map((m) => {
				const where = `${files.get(m.url) ?? m.url}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
				return `${where}: ${m.message}\n    ${(m.extract ?? '').replace(/\n/g, '⏎')}`;
			});
			throw new Error(`the Nu HTML Checker found ${errors.length} error(s):\n${lines.join('\n')}`);
		}
		if (output.err) {
			throw new Error(`the Nu HTML Checker failed: ${output.err.message}`);
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
