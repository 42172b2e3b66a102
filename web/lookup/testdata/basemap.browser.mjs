// Browser specification of the maps over a configured basemap; run by
// TestMapsDrawTheBasemapInBrowser as `node basemap.browser.mjs BASEURL` against the portal
// whose tile URL names a local tile server of another origin.

import { start, axeCheck, eventually, expectText, expectTrue } from '../../browsertest/browser.mjs';

const STEFANIKOVA = 2401163;

const t = await start();
const page = await t.newPage();

await t.step('the map loads the basemap tiles from their server, within the Content Security Policy', async () => {
	const response = await page.goto(t.url(`/svoz-odpadu/${STEFANIKOVA}`));
	const tiles = await page.locator('figure.area-map').getAttribute('data-tiles');
	const origin = new URL(tiles.replace('{z}/{x}/{y}', '0/0/0')).origin;
	expectTrue(origin !== new URL(t.baseURL).origin, 'the tiles come from another origin');
	const csp = response.headers()['content-security-policy'];
	expectTrue(csp.includes(`img-src 'self' data: ${origin};`), `the policy ${csp} allows images from ${origin}`);
	const map = page.locator('.leaflet-container.area-map-tiles');
	await eventually(() => map.locator('img.leaflet-tile-loaded').count(), 'tiles loaded', { check: (n) => n > 0 });
	const sources = await map.locator('img.leaflet-tile').evaluateAll((imgs) => imgs.map((img) => img.src));
	expectTrue(sources.every((src) => src.startsWith(origin + '/')), `every tile comes from ${origin}: ${sources}`);
	await expectText(map.locator('.leaflet-control-attribution'), 'Leaflet | Podkladová mapa: testovací dlaždice');
	expectTrue(await map.locator('path.map-area').isVisible(), 'the area is drawn over the tiles');
	expectTrue(await map.locator('.map-pin.map-address').isVisible(), 'the address is marked over the tiles');
});

await t.step('the map over the basemap has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await axeCheck(page, 'the map over the basemap');
});

await t.finish();
