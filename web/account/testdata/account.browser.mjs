// Browser specification of the personal account; run by TestAccountInBrowser as
// `node account.browser.mjs BASEURL` against the demo town with Jana Nováková logged in, on
// Monday 23 November 2026.

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

const PAGES = [
	{ name: 'overview', path: '/muj-ucet' },
	{ name: 'contact details', path: '/muj-ucet/udaje' },
	{ name: 'address', path: '/muj-ucet/adresa' },
	{ name: 'deletion', path: '/muj-ucet/zruseni' },
	{ name: 'deleted', path: '/muj-ucet/zruseno' },
	{ name: 'overview in English', path: '/en/muj-ucet' },
];

// Forms posted as a browser without JavaScript posts them, and the status they must answer.
const POSTS = [
	{ name: 'contact details with errors', path: '/muj-ucet/udaje', form: { email: 'jana@posta', telefon: '12345' }, status: 422 },
	{ name: 'addresses found', path: '/muj-ucet/adresa', form: { q: 'stefanikova 12' }, status: 200 },
	{ name: 'empty address search', path: '/muj-ucet/adresa', form: { q: '' }, status: 422 },
	{ name: 'no address chosen', path: '/muj-ucet/adresa', form: { hledano: 'stefanikova 12' }, status: 422 },
	{ name: 'unconfirmed deletion', path: '/muj-ucet/zruseni', form: {}, status: 422 },
];

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
let validation;
await t.step('the server answers each page and form with its status, as HTML', async () => {
	const pages = [];
	for (const p of PAGES) {
		pages.push({ name: p.name, html: await fetchHTML(t.url(p.path)) });
	}
	for (const p of POSTS) {
		const html = await fetchHTML(t.url(p.path), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(p.form).toString(),
			status: p.status,
		});
		pages.push({ name: p.name, html });
	}
	validation = validateHTMLPages(pages).then(
		() => null,
		(err) => err,
	);
});

const page = await t.newPage({ javaScriptEnabled: false });

for (const p of PAGES.filter((p) => !p.path.startsWith('/en/'))) {
	await t.step(`the ${p.name} page has no WCAG 2.1 A/AA violations (light and dark)`, async () => {
		await page.goto(t.url(p.path));
		await axeCheck(page, `the ${p.name} page`);
	});
}

await t.step('the overview shows what applies at her address, with links to the full answers', async () => {
	await page.goto(t.url('/muj-ucet'));
	const address = page.getByRole('region', { name: 'Moje adresa' });
	await expectText(address.locator('.lookup-address'), 'Česká 1318/30, 742 21 Kopřivnice (podle vaší elektronické identity)');
	await expectText(address.locator('dd').first(), /Základní škola Komenského – jídelna/);
	await navigation(page, () => address.getByRole('link', { name: 'Kde volím' }).click());
	await expectPath(page, '/kde-volim/1009830');
});

await t.step('wrong contact details come back with the errors, first in a summary that has the focus', async () => {
	await page.goto(t.url('/muj-ucet/udaje'));
	await page.getByLabel('E-mail').fill('jana@posta');
	await page.getByLabel('Telefon').fill('12345');
	await navigation(page, () => page.getByRole('button', { name: 'Uložit' }).click());
	await expectText(page.locator('.error-summary'), /Zadejte e-mail ve tvaru jmeno@example.cz/);
	expectEqual(await page.title(), 'Chyba: E-mail a telefon – Město Kopřivnice', 'the title says there is an error');
	await axeCheck(page, 'the contact form with errors');
	await page.locator('.error-summary a[href="#telefon"]').click();
	expectEqual(await focusedElement(page), 'telefon', 'the summary leads to the field');
});

await t.step('right contact details are saved, the phone written the Czech way', async () => {
	await page.getByLabel('E-mail').fill('jana@example.cz');
	await page.getByLabel('Telefon').fill('777123456');
	await navigation(page, () => page.getByRole('button', { name: 'Uložit' }).click());
	await expectPath(page, '/muj-ucet');
	const details = page.getByRole('region', { name: 'Moje údaje' });
	await expectText(details, /E-mail\s*jana@example.cz/);
	await expectText(details, /Telefon\s*\+420 777 123 456/);
});

await t.step('another address is found, chosen from a list and shown with its answers', async () => {
	await page.goto(t.url('/muj-ucet/adresa'));
	await page.getByLabel('Najděte svou adresu').fill('stefanikova 12');
	await navigation(page, () => page.getByRole('button', { name: 'Najít adresu' }).click());
	expectTrue(!page.url().includes('stefanikova') && !page.url().includes('2401'), 'the address stays out of the URL');
	await axeCheck(page, 'the addresses found');
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako moji adresu' }).click());
	await expectText(page.locator('.error-summary'), /Vyberte svou adresu ze seznamu/);
	await axeCheck(page, 'the addresses found, none chosen');
	await page.getByLabel('Štefánikova 1163/12, 742 21 Kopřivnice').check();
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako moji adresu' }).click());
	await expectPath(page, '/muj-ucet');
	await expectText(page.locator('.lookup-address'), 'Štefánikova 1163/12, 742 21 Kopřivnice (vybrali jste ji sami)');
});

await t.step('the address from her eID is offered back', async () => {
	await page.goto(t.url('/muj-ucet/adresa'));
	await axeCheck(page, 'the address page offering the eID address');
	await navigation(page, () => page.getByRole('button', { name: 'Použít adresu z elektronické identity' }).click());
	await expectText(page.locator('.lookup-address'), 'Česká 1318/30, 742 21 Kopřivnice (podle vaší elektronické identity)');
});

await t.step('the data download is a JSON file to save', async () => {
	const response = await page.request.get(t.url('/muj-ucet/data'));
	expectEqual(response.headers()['content-disposition'], 'attachment; filename="moje-data-2026-11-23.json"', 'Content-Disposition');
	const doc = await response.json();
	expectEqual(doc.account.given_name, 'Jana', 'the name in the data');
	expectEqual(doc.contact.email, 'jana@example.cz', 'the e-mail in the data');
});

await t.step('the deletion needs the confirmation, then ends on its confirmation page', async () => {
	await page.goto(t.url('/muj-ucet/zruseni'));
	await navigation(page, () => page.getByRole('button', { name: 'Zrušit účet' }).click());
	await expectText(page.locator('.error-summary'), /Potvrďte, že rozumíte/);
	await axeCheck(page, 'the deletion with an error');
	await page.getByLabel('Rozumím, že zrušení účtu nelze vrátit zpět').check();
	await navigation(page, () => page.getByRole('button', { name: 'Zrušit účet' }).click());
	await expectPath(page, '/muj-ucet/zruseno');
	await expectText(page.locator('h1'), 'Účet byl zrušen');
});

await t.step('every page and form answer is valid HTML (Nu HTML Checker)', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
}, { timeout: 90000 });

await t.finish();
