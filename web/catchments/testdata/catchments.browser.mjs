// Browser specification of the school office's catchments screen; run by
// TestCatchmentsScreenInBrowser as `node catchments.browser.mjs BASEURL` against the demo town
// on 24 November 2026, logged in as the school office. The demo town's planned change
// (datasets/demotown/areas/zs-next.geojson) moves 69 addresses from ZŠ Lidická to ZŠ Komenského.

import { readFile } from 'node:fs/promises';

import {
	start,
	axeCheck,
	expectEqual,
	expectText,
	expectTrue,
	fetchHTML,
	focusedElement,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const OVERVIEW = '/sprava/spadove-obvody';
const NEXT_YEAR = await readFile(new URL('../../../datasets/demotown/areas/zs-next.geojson', import.meta.url));
const BROKEN = Buffer.from('{"type": "FeatureCollection",\n "features": [,]}');

const t = await start();
const page = await t.newPage();

// upload fills in the upload form by keyboard and sends it with the file.
async function upload(name, body) {
	await page.goto(t.url(OVERVIEW));
	await page.getByLabel('Základní školy').check();
	await page.getByLabel('Platí od').fill('2027-09-01');
	await page.getByLabel('Soubor GeoJSON').setInputFiles({ name, mimeType: 'application/geo+json', buffer: body });
	await navigation(page, () => page.getByRole('button', { name: 'Nahrát a zobrazit změny' }).press('Enter'));
}

await t.step('the overview has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await page.goto(t.url(OVERVIEW));
	await expectText(page.locator('h1'), 'Spádové obvody škol');
	await axeCheck(page, OVERVIEW);
});

let formWithErrors;
await t.step('a broken file comes back with its line next to the field, and the summary leads to it', async () => {
	await upload('obvody.geojson', BROKEN);
	formWithErrors = await page.content();
	expectTrue(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), 'the error summary takes the focus');
	await expectText(page.locator('#soubor-error'), 'Chyba: Soubor nelze nahrát. Opravte chyby vypsané pod tímto polem a nahrajte ho znovu');
	const problem = await page.locator('.file-problems li').first().textContent();
	expectTrue(problem.startsWith('obvody.geojson: line 2, column'), `the problem names the file and line: ${problem}`);
	expectEqual(await page.getByLabel('Platí od').inputValue(), '2027-09-01', 'the date kept');
	await page.locator('.error-summary a').first().click();
	expectEqual(await focusedElement(page), 'soubor', 'the summary link focuses the file field');
	await axeCheck(page, 'the form with errors');
});

let draftHTML;
await t.step('the planned change shows its 69 addresses by street, a map, and can be discarded', async () => {
	await upload('zs-next.geojson', NEXT_YEAR);
	expectTrue(/\/sprava\/spadove-obvody\/navrh\/[0-9]+$/.test(new URL(page.url()).pathname), `the preview: ${page.url()}`);
	await expectText(page.locator('h1'), 'Návrh: Spádové obvody základních škol od 1. září 2027');
	await expectText(page.locator('.catchment-counts dd').first(), '69');
	await expectText(page.locator('.catchment-place th').first(), 'Štefánikova');
	expectEqual(await page.locator('.catchment-map path.map-area').count(), 3, 'areas drawn');
	draftHTML = await page.content();
	await axeCheck(page, 'the draft preview');
	await navigation(page, () => page.getByRole('button', { name: 'Zahodit návrh' }).click());
	await expectText(page.locator('main p.notice'), 'Návrh byl zahozen.');
});

await t.step('the overview, the form with errors and the preview are valid HTML (Nu HTML Checker)', async () => {
	await validateHTMLPages([
		{ name: 'overview', html: await fetchHTML(t.url(OVERVIEW)) },
		{ name: 'English overview', html: await fetchHTML(t.url(`/en${OVERVIEW}`)) },
		{ name: 'form with errors', html: formWithErrors },
		{ name: 'draft preview', html: draftHTML },
	]);
});

await t.finish();
