// A browser test that fails on purpose, for harness.browser.mjs: node failing.browser.mjs BASEURL CASE.

import { start, expectText } from '../browser.mjs';

const t = await start();
const page = await t.newPage();
const kase = process.argv[3];

await t.step('this step passes', async () => {
	await page.goto(t.url('/good'));
});

if (kase === 'assertion') {
	await t.step('the heading reads "Bad"', async () => {
		await expectText(page.locator('h1'), 'Bad', { timeout: 300 });
	});
}

if (kase === 'csp') {
	await t.step('the page loads', async () => {
		await page.goto(t.url('/csp'));
		await expectText(page.locator('h1'), 'Inline style');
	});
}

await t.step('never runs', async () => {});
await t.finish();
