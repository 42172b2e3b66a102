// Browser specification of the contacts pages; run by TestContactsInBrowser as
// `node contacts.browser.mjs BASEURL` against the demo town on Monday 23 November 2026, 9:00.

import {
	start,
	axeCheck,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	fetchHTML,
	focusedElement,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const FEES = { agenda: 'Místní poplatky', path: '/kontakty/agenda/poplatky', booking: 'https://rezervace.koprivnice.example/poplatky' };
const NOVAKOVA = { name: 'Ing. Jana Nováková', path: '/kontakty/osoba/11' };
const PAGES = [
	{ name: 'contacts', path: '/kontakty' },
	{ name: 'results', path: '/kontakty/hledat?q=poplatek+za+psa' },
	{ name: 'results by name', path: '/kontakty/hledat?q=Novak' },
	{ name: 'nothing found', path: '/kontakty/hledat?q=xyzzy' },
	{ name: 'empty search', path: '/kontakty/hledat?q=', status: 422 },
	{ name: 'department', path: '/kontakty/odbor/ekonomicky' },
	{ name: 'section', path: '/kontakty/odbor/poplatky' },
	{ name: 'person', path: NOVAKOVA.path },
	{ name: 'person with own hours', path: '/kontakty/osoba/31' },
	{ name: 'agenda', path: FEES.path },
	{ name: 'appointments', path: '/objednani' },
	{ name: 'contacts in English', path: '/en/kontakty' },
	{ name: 'agenda in English', path: '/en/kontakty/agenda/poplatky' },
];

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
let validation;
await t.step('the server answers each page with its status, as HTML', async () => {
	const pages = [];
	for (const p of PAGES) {
		pages.push({ name: p.name, html: await fetchHTML(t.url(p.path), { status: p.status ?? 200 }) });
	}
	validation = validateHTMLPages(pages).then(
		() => null,
		(err) => err,
	);
});

// ---- With JavaScript (the pages have none of their own) --------------------------------------

const page = await t.newPage();

for (const p of PAGES.filter((p) => !p.path.startsWith('/en/'))) {
	await t.step(`the ${p.name} page has no WCAG 2.1 A/AA violations (light and dark)`, async () => {
		await page.goto(t.url(p.path));
		await axeCheck(page, `the ${p.name} page`);
	});
}

await t.step('the contacts page says the office is open, until when, and its hours', async () => {
	await page.goto(t.url('/kontakty'));
	await expectText(page.locator('main .office-status'), 'Nyní otevřeno, zavírá v 11:30');
	// Every page's footer says the same.
	await expectText(page.getByRole('contentinfo').locator('.office-status'), 'Nyní otevřeno, zavírá v 11:30');
	await expectText(page.locator('#uredni-hodiny + .office-status + dl.hours dt').first(), 'Pondělí');
});

await t.step('by keyboard: the search field, a question, Enter, and the agenda that answers it', async () => {
	await page.goto(t.url('/kontakty'));
	await page.keyboard.press('Tab');
	expectEqual(await page.evaluate(() => document.activeElement.textContent), 'Přeskočit na obsah', 'first Tab stop');
	await page.keyboard.press('Enter');
	for (let i = 0; i < 5 && (await focusedElement(page)) !== 'q'; i++) {
		await page.keyboard.press('Tab');
	}
	expectEqual(await focusedElement(page), 'q', 'the search field, a few Tabs into the content');
	await page.keyboard.type('kdo vyřizuje poplatek za psa');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, '/kontakty/hledat?q=kdo+vy%C5%99izuje+poplatek+za+psa');
	await expectText(page.locator('h2#vysledky'), 'Výsledky pro „kdo vyřizuje poplatek za psa“');
	const agenda = page.getByRole('link', { name: FEES.agenda, exact: true });
	const focused = () => agenda.evaluate((el) => el === document.activeElement);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter'); // the skip link, to the content
	for (let i = 0; i < 8 && !(await focused()); i++) {
		await page.keyboard.press('Tab');
	}
	expectTrue(await focused(), 'the agenda found is a few Tabs into the content');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, FEES.path);
	const booking = page.getByRole('link', { name: 'Objednat se online' });
	expectEqual(await booking.getAttribute('href'), FEES.booking, 'the booking link');
});

await t.step('the pages fit a 320 px wide screen without scrolling sideways', async () => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of ['/kontakty', '/kontakty/hledat?q=poplatek+za+psa', NOVAKOVA.path]) {
		await page.goto(t.url(path));
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expectTrue(overflow <= 0, `${path} is ${overflow} px wider than the screen`);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
});

// ---- Without JavaScript ---------------------------------------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });

await t.step('without JavaScript a search by name finds the person, diacritics aside', async () => {
	await plain.goto(t.url('/kontakty'));
	await plain.locator('#q').fill('Novakova');
	await navigation(plain, () => plain.getByRole('button', { name: 'Hledat', exact: true }).last().click());
	await expectPath(plain, '/kontakty/hledat?q=Novakova');
	expectEqual(await plain.locator('#nalezeni-lide + .contact-cards .contact-name').allTextContents(), [NOVAKOVA.name], 'people found');
	await axeCheck(plain, 'the results');
	await navigation(plain, () => plain.getByRole('link', { name: NOVAKOVA.name }).click());
	await expectPath(plain, NOVAKOVA.path);
	await expectText(plain.locator('h1'), NOVAKOVA.name);
});

await t.step('the person page offers the contact as a vCard', async () => {
	const href = await plain.getByRole('link', { name: 'Uložit kontakt (vCard)' }).getAttribute('href');
	expectEqual(href, `${NOVAKOVA.path}.vcf`, 'the vCard link');
	const response = await fetch(t.url(href));
	expectEqual(response.headers.get('content-type'), 'text/vcard; charset=utf-8', 'type of the vCard');
	const card = await response.text();
	expectTrue(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n') && card.includes('\r\nFN:Ing. Jana Nováková\r\n'), `a vCard of the person: ${card}`);
});

await t.step('without JavaScript an empty search shows the error summary and marks the field invalid', async () => {
	await plain.goto(t.url('/kontakty/hledat'));
	await navigation(plain, () => plain.locator('main').getByRole('button', { name: 'Hledat' }).click());
	await expectText(plain.getByRole('alert').locator('a[href="#q"]'), 'Zadejte, co hledáte: jméno, odbor nebo co potřebujete vyřídit.');
	expectEqual(await plain.locator('#q').getAttribute('aria-invalid'), 'true', 'aria-invalid of the field');
	expectTrue((await plain.title()).startsWith('Chyba:'), 'the title starts with "Chyba:"');
	await axeCheck(plain, 'the page with the error');
});

// ---- HTML validity --------------------------------------------------------------------------

await t.step('the Nu HTML Checker finds no errors in the pages', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
});

await t.finish();
