// Browser specification of the lookup pages "Kde volím", "Svoz odpadu", "Spádová škola" and
// "Moje adresa"; run by TestLookupPagesInBrowser as `node lookup.browser.mjs BASEURL` against
// the demo town with the test's areas, election and waste schedule, on 20 September 2027.

import {
	start,
	axeCheck,
	eventually,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	fetchHTML,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const STEFANIKOVA = { id: 2401163, label: 'Štefánikova 1163/12, 742 21 Kopřivnice' };
const STEFANIKOVA_12A = { id: 2401170, label: 'Štefánikova 1170/12a, 742 21 Kopřivnice' };
const LUBINA = 2500025; // outside every area
const NADRAZNI = 9837751; // in a polling district whose room is not published
const PAGES = [
	{ path: '/kde-volim', title: 'Kde volím', says: 'pátek 8. října 2027 14:00–22:00' },
	{ path: '/svoz-odpadu', title: 'Svoz odpadu', says: 'středa 29. září 2027' },
	{ path: '/spadova-skola', title: 'Spádová škola', says: 'Základní škola Komenského' },
	{ path: '/moje-adresa', title: 'Moje adresa', says: 'Gymnázium, učebna 12' },
];

// The map of "Kde volím" for Štefánikova 1163/12: its name, and its legend (the marks' labels).
const POLLING_MAP = 'Mapa volebního okrsku č. 1 s volební místností a vaší adresou';
const ROOM_MARK = 'Volební místnost: Gymnázium, učebna 12';
const ADDRESS_MARK = `Vaše adresa: ${STEFANIKOVA.label}`;

const t = await start();

// centre is the middle of a bounding box.
function centre(box) {
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// within reports whether a point lies inside a bounding box.
function within(point, box) {
	return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
}

// expectMapDrawn checks that a map's area and marks are drawn in view: the area inside the map,
// the address inside the area, the room in the map.
async function expectMapDrawn(map, area, room, address, what) {
	const [mapBox, areaBox, roomBox, addressBox] = await Promise.all([map, area, room, address].map((l) => l.boundingBox()));
	expectTrue(areaBox.width > 50 && areaBox.height > 50, `${what}: the area is drawn large enough to see (${JSON.stringify(areaBox)})`);
	expectTrue(within(areaBox, mapBox) && within({ x: areaBox.x + areaBox.width, y: areaBox.y + areaBox.height }, mapBox), `${what}: the area lies in the map`);
	expectTrue(within(centre(addressBox), areaBox), `${what}: the address lies in the area`);
	expectTrue(within(centre(roomBox), mapBox), `${what}: the polling room lies in the map`);
}

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
const validations = [];
const form = (q) => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ q }).toString(),
});

await t.step('the server answers each page with its status, as HTML', async () => {
	const pages = [];
	for (const p of PAGES) {
		pages.push({ name: `${p.title}: form`, html: await fetchHTML(t.url(p.path)) });
		pages.push({ name: `${p.title}: answer`, html: await fetchHTML(t.url(`${p.path}/${STEFANIKOVA.id}`)) });
	}
	pages.push(
		{ name: 'results', html: await fetchHTML(t.url('/kde-volim'), form('stefanikova 12')) },
		{ name: 'error', html: await fetchHTML(t.url('/svoz-odpadu'), { status: 422, ...form('') }) },
		{ name: 'nothing known', html: await fetchHTML(t.url(`/moje-adresa/${LUBINA}`)) },
		{ name: 'room not published', html: await fetchHTML(t.url(`/kde-volim/${NADRAZNI}`)) },
		{ name: 'English answer', html: await fetchHTML(t.url(`/en/kde-volim/${STEFANIKOVA.id}`)) },
	);
	validations.push(settled(validateHTMLPages(pages)));
});

// settled turns a check's failure into its result, to be reported by a later step.
function settled(promise) {
	return promise.then(
		() => null,
		(err) => err,
	);
}

// ---- With JavaScript ------------------------------------------------------------------------

const page = await t.newPage();

for (const p of PAGES) {
	await t.step(`"${p.title}": form and answer have no WCAG 2.1 A/AA violations (light and dark)`, async () => {
		await page.goto(t.url(p.path));
		await expectText(page.locator('h1'), p.title);
		await axeCheck(page, `the form of "${p.title}"`);
		await page.goto(t.url(`${p.path}/${STEFANIKOVA.id}`));
		await expectText(page.locator('h1'), p.title);
		expectTrue((await page.locator('main').textContent()).includes(p.says), `the answer says "${p.says}"`);
		await axeCheck(page, `the answer of "${p.title}"`);
	});
}

await t.step('answers that the data does not settle have no WCAG 2.1 A/AA violations', async () => {
	await page.goto(t.url(`/moje-adresa/${LUBINA}`));
	expectEqual(await page.locator('.notice').count(), 4, 'notices for polling, waste and both kinds of school');
	await axeCheck(page, 'the address outside every area');
	await page.goto(t.url(`/kde-volim/${NADRAZNI}`));
	await expectText(page.locator('.notice'), 'Volební místnost okrsku č. 2 pro tyto volby zatím není zveřejněna.');
	await axeCheck(page, 'the district without a published room');
});

await t.step('the front page leads to each lookup page', async () => {
	for (const p of PAGES) {
		await page.goto(t.url('/'));
		const link = page.getByRole('main').getByRole('link', { name: p.title, exact: true });
		await navigation(page, () => link.click());
		await expectPath(page, p.path);
		await expectText(page.locator('h1'), p.title);
	}
});

await t.step('the waste page links a calendar file for the address', async () => {
	await page.goto(t.url(`/svoz-odpadu/${STEFANIKOVA.id}`));
	const href = await page.getByRole('link', { name: 'Termíny svozu do kalendáře' }).getAttribute('href');
	expectEqual(href, `/api/v1/waste/${STEFANIKOVA.id}.ics`, 'calendar link');
	const response = await fetch(t.url(href));
	expectEqual(response.headers.get('content-type'), 'text/calendar; charset=utf-8', 'type of the calendar file');
	expectTrue((await response.text()).startsWith('BEGIN:VCALENDAR\r\n'), 'the file is an iCalendar');
});

await t.step('with JavaScript the map becomes a Leaflet map of the district and its marks, without tiles', async () => {
	await page.goto(t.url(`/kde-volim/${STEFANIKOVA.id}`));
	const figure = page.locator('figure.area-map');
	const map = figure.getByRole('region', { name: POLLING_MAP });
	await map.locator('path.map-area').waitFor();
	expectTrue(await figure.evaluate((f) => f.classList.contains('area-map-ready')), 'the figure is marked ready');
	expectTrue(!(await figure.locator('svg.area-map-svg').isVisible()), "the server's SVG gives way to the Leaflet map");
	expectEqual(await map.locator('path.map-area').count(), 1, 'area outlines');
	expectEqual(await map.locator('.leaflet-tile').count(), 0, 'tiles, without a basemap configured');
	const marks = map.locator('.leaflet-marker-icon.map-pin');
	expectEqual(await marks.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label'))), [ROOM_MARK, ADDRESS_MARK], 'the marks');
	await expectMapDrawn(map, map.locator('path.map-area'), marks.nth(0), marks.nth(1), 'the Leaflet map');
	expectEqual(await map.getByRole('button', { name: 'Přiblížit' }).count(), 1, 'the zoom buttons speak Czech');
});

await t.step('the Leaflet map and its marks work from the keyboard', async () => {
	const map = page.getByRole('region', { name: POLLING_MAP });
	const area = map.locator('path.map-area');
	const before = (await area.boundingBox()).width;
	await map.focus();
	await page.keyboard.press('+');
	await eventually(async () => (await area.boundingBox()).width, 'the width of the area after + zooms in', {
		check: (w) => w > 1.5 * before,
	});
	await map.locator('.map-pin.map-address').focus();
	await expectText(map.locator('.leaflet-tooltip'), ADDRESS_MARK);
});

await t.step('the English answer speaks English, its map too, with no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await page.goto(t.url(`/en/kde-volim/${STEFANIKOVA.id}`));
	expectEqual(await page.locator('html').getAttribute('lang'), 'en', 'the language of the page');
	await expectText(page.locator('h1'), 'Where do I vote');
	const text = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
	expectTrue(text.includes('Friday 8 October 2027 14:00–22:00'), 'the answer gives the polling days in English');
	const map = page.getByRole('region', { name: 'Map of polling district no. 1 with the polling station and your address' });
	await map.locator('path.map-area').waitFor();
	expectEqual(await map.getByRole('button', { name: 'Zoom in' }).count(), 1, 'the zoom buttons speak English');
	await axeCheck(page, 'the English answer');
});

await t.step('"Moje adresa" draws all five maps in Leaflet with no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await page.goto(t.url(`/moje-adresa/${STEFANIKOVA.id}`));
	await eventually(() => page.locator('figure.area-map-ready .leaflet-container path.map-area').count(), 'Leaflet maps drawn', { check: (n) => n === 5 });
	expectEqual(await page.locator('figure.area-map').count(), 5, 'maps: polling, waste, two primary schools, kindergarten');
	await axeCheck(page, 'the answers with their Leaflet maps');
});

await t.step("when the area cannot be fetched the server's SVG map stays", async () => {
	await page.route('**/api/v1/areas/*', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' }));
	try {
		await page.goto(t.url(`/kde-volim/${STEFANIKOVA.id}`));
		await page.waitForLoadState('networkidle');
		expectTrue(await page.getByRole('img', { name: POLLING_MAP }).isVisible(), 'the SVG map is shown');
		expectEqual(await page.locator('.leaflet-container').count(), 0, 'Leaflet maps');
	} finally {
		await page.unroute('**/api/v1/areas/*');
	}
});

// ---- Without JavaScript ---------------------------------------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });
const plainInput = plain.locator('#q');

await t.step("without JavaScript the answer shows the server's SVG map of the district, the room and the address", async () => {
	await plain.goto(t.url(`/kde-volim/${STEFANIKOVA.id}`));
	const map = plain.getByRole('img', { name: POLLING_MAP });
	expectTrue(await map.isVisible(), 'the SVG map is shown');
	await expectMapDrawn(map, map.locator('path.map-area'), map.locator('rect.map-facility'), map.locator('circle.map-address'), 'the SVG map');
	const legend = await plain.locator('figure.area-map figcaption li').allTextContents();
	expectEqual(legend.map((s) => s.replace(/\s+/g, ' ').trim()), ['Volební okrsek č. 1', ROOM_MARK, ADDRESS_MARK], 'the legend');
	expectEqual(await plain.locator('.leaflet-container').count(), 0, 'Leaflet maps');
	await axeCheck(plain, 'the answer with its SVG map');
});

await t.step('without JavaScript a clear address goes from the form straight to its answer', async () => {
	await plain.goto(t.url('/moje-adresa'));
	await plainInput.fill('Štefánikova 1163/12');
	await navigation(plain, () => plainInput.press('Enter'));
	await expectPath(plain, `/moje-adresa/${STEFANIKOVA.id}`);
	await expectText(plain.locator('.lookup-address strong'), STEFANIKOVA.label);
	const text = (await plain.locator('main').textContent()).replace(/\s+/g, ' ');
	for (const fact of ['volebního okrsku č. 1', 'sobota 9. října 2027 08:00–14:00', 'čtvrtek 30. září 2027', 'Mateřská škola Smetanova']) {
		expectTrue(text.includes(fact), `the answer says "${fact}"`);
	}
	await axeCheck(plain, 'the answer');
});

await t.step('without JavaScript several addresses are listed, and each link leads to its answer', async () => {
	await plain.goto(t.url('/kde-volim'));
	await plainInput.fill('stefanikova 12');
	await navigation(plain, () => plain.getByRole('button', { name: 'Zjistit' }).click());
	await expectText(plain.locator('h2#vysledky'), 'Výsledky');
	expectEqual(await plain.locator('ol.results li').allTextContents(), [STEFANIKOVA.label, STEFANIKOVA_12A.label], 'results');
	await axeCheck(plain, 'the results');
	await navigation(plain, () => plain.getByRole('link', { name: STEFANIKOVA_12A.label, exact: true }).click());
	await expectPath(plain, `/kde-volim/${STEFANIKOVA_12A.id}`);
	await expectText(plain.locator('dl.facts dd').first(), 'Gymnázium, učebna 12');
});

await t.step('without JavaScript an empty form shows the error summary and marks the field invalid', async () => {
	await plain.goto(t.url('/spadova-skola'));
	await navigation(plain, () => plain.getByRole('button', { name: 'Zjistit' }).click());
	const summary = plain.getByRole('alert');
	await expectText(summary.locator('a[href="#q"]'), 'Zadejte adresu, kterou hledáte.');
	expectEqual(await plainInput.getAttribute('aria-invalid'), 'true', 'aria-invalid of the field');
	expectTrue((await plain.title()).startsWith('Chyba:'), 'the title starts with "Chyba:"');
	await axeCheck(plain, 'the page with the error');
});

// ---- HTML validity --------------------------------------------------------------------------

await t.step('the Nu HTML Checker finds no errors in the pages', async () => {
	const errors = (await Promise.all(validations)).filter(Boolean);
	if (errors.length > 0) {
		throw new Error(errors.map((err) => err.message).join('\n'));
	}
});

await t.finish();
