// Browser specification of the lookup pages "Kde volím", "Svoz odpadu", "Spádová škola" and
// "Moje adresa"; run by TestLookupPagesInBrowser as `node lookup.browser.mjs BASEURL` against
// the demo town with the test's areas, election and waste schedule, on 20 September 2027.

import {
	start,
	axeCheck,
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

const t = await start();

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

await t.step('the site navigation leads to each lookup page', async () => {
	await page.goto(t.url('/'));
	for (const p of PAGES) {
		const link = page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: p.title, exact: true });
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

// ---- Without JavaScript ---------------------------------------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });
const plainInput = plain.locator('#q');

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
