// The site-wide quality gate: crawls every public page reachable from the front page (both
// languages: the language switch is a link like any other) and checks each page type with
// axe-core (WCAG 2.1 A/AA, light and dark) and every page with the Nu HTML Checker, and keeps
// screenshots of each page type at 375 px and 1280 px in RADNICE_ARTEFACTS.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import {
	start,
	axeCheck,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	navigation,
	validateHTMLPages,
} from '../browsertest/browser.mjs';

const MAX_PAGES = 600; // a guard against a crawl that never ends, far above the demo's pages
const PER_TYPE = 2; // pages of one type checked with axe-core and photographed
const artefacts = process.env.RADNICE_ARTEFACTS;

const t = await start();
const origin = new URL(t.baseURL).origin;

// pageType groups pages that share a template: the path with numbers and the last segment of
// deeper paths generalised ("/en/uredni-deska/12" → "/en/uredni-deska/*").
function pageType(path) {
	const parts = path.split('/').filter(Boolean);
	const lang = parts[0] === 'en' ? parts.shift() : '';
	const generic = parts.map((p, i) => (/^\d+$/.test(p) || (i > 0 && i === parts.length - 1) ? '*' : p));
	return (lang ? '/' + lang : '') + '/' + generic.join('/');
}

const pages = new Map(); // path → html
const byType = new Map(); // type → [path]

await t.step('crawling from the front page reaches every public page', async () => {
	const queue = ['/'];
	const seen = new Set(queue);
	while (queue.length > 0) {
		const path = queue.shift();
		const response = await fetch(origin + path, { redirect: 'manual' });
		if (response.status >= 300 && response.status < 400) {
			continue;
		}
		expectTrue(response.status === 200, `GET ${path} answers 200 (got ${response.status}); it is linked from the site`);
		if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) {
			continue; // a download: calendar, vCard, attachment, feed
		}
		const html = await response.text();
		pages.set(path, html);
		const type = pageType(path);
		byType.set(type, [...(byType.get(type) ?? []), path]);
		for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"#]+)/g)) {
			const url = new URL(href.replaceAll('&amp;', '&'), origin + path);
			if (url.origin !== origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/static/')) {
				continue;
			}
			const next = url.pathname + url.search;
			if (!seen.has(next)) {
				seen.add(next);
				queue.push(next);
			}
		}
		expectTrue(pages.size <= MAX_PAGES, `the crawl stays under ${MAX_PAGES} pages`);
	}
	console.log(`     crawled ${pages.size} pages of ${byType.size} types`);
	for (const type of ['/', '/en/']) {
		expectTrue(byType.has(type), `the crawl reached ${type}`);
	}
});

await t.step('every page passes the Nu HTML Checker', async () => {
	await validateHTMLPages([...pages].map(([path, html]) => ({ name: path, html })));
});

await t.step('every page type has no WCAG 2.1 A/AA violations, and is photographed at 375 and 1280 px', async () => {
	const page = await t.newPage();
	for (const [type, paths] of byType) {
		for (const path of paths.slice(0, PER_TYPE)) {
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(origin + path);
			await axeCheck(page, path);
			if (artefacts) {
				const dir = join(artefacts, 'screenshots');
				await mkdir(dir, { recursive: true });
				const name = (type.replace(/[^a-z0-9]+/gi, '_') || 'home') + (paths.indexOf(path) ? '-2' : '');
				await page.screenshot({ path: join(dir, `${name}-1280.png`), fullPage: true });
				await page.setViewportSize({ width: 375, height: 800 });
				await page.screenshot({ path: join(dir, `${name}-375.png`), fullPage: true });
			}
		}
	}
}, { timeout: 600000 });

await t.step('by keyboard: the skip link comes first and the main navigation leads to its pages', async () => {
	const page = await t.newPage();
	await page.goto(origin + '/');
	await page.keyboard.press('Tab');
	expectEqual(await page.evaluate(() => document.activeElement.textContent), 'Přeskočit na obsah', 'the first focus');
	await page.keyboard.press('Enter');
	expectEqual(await page.evaluate(() => document.activeElement.id), 'obsah', 'focus after the skip link');
	// From the top again: Tab along the header until the navigation's "Úřední deska", then Enter.
	await page.goto(origin + '/');
	for (let i = 0; i < 20; i++) {
		await page.keyboard.press('Tab');
		if ((await page.evaluate(() => document.activeElement.textContent)) === 'Úřední deska') {
			break;
		}
	}
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, '/uredni-deska');
	await expectText(page.getByRole('navigation', { name: 'Hlavní navigace' }).locator('[aria-current="page"]'), 'Úřední deska');
});

await t.step('without JavaScript the header search answers from every feature', async () => {
	const page = await t.newPage({ javaScriptEnabled: false });
	await page.goto(origin + '/kontakty');
	await page.getByRole('search').first().getByRole('searchbox').fill('pes');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, '/hledat');
	await expectText(page.locator('h1'), 'Hledání na portálu');
	await expectText(page.getByRole('link', { name: 'Pořízení psa' }), 'Pořízení psa');
	await axeCheck(page, 'the search results');
});

await t.finish();
