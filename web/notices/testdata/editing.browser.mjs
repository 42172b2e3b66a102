// Browser specification of the editors' screens of the notice board (/sprava/deska); run by
// TestNoticeEditingInBrowser as `node editing.browser.mjs BASEURL` against the demo town on
// 24 November 2026, every request made by an editor.

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

const LIST = '/sprava/deska';

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
const validations = [];

// settled turns a check's failure into its result, to be reported by a later step.
function settled(promise) {
	return promise.then(
		() => null,
		(err) => err,
	);
}

await t.step('the server answers each editors\' screen as HTML', async () => {
	const list = await fetchHTML(t.url(LIST));
	const edit = list.match(/<h2><a href="(\/sprava\/deska\/\d+)">/)[1];
	const mistakes = new URLSearchParams({ nazev: '', zverejnuje: 'Odbor dopravy', kategorie: '', vyveseno: '2026-12-05', 'zverejneno-do': '2026-12-01' });
	const pages = [
		{ name: 'list', html: list },
		{ name: 'drafts', html: await fetchHTML(t.url(`${LIST}?stav=draft`)) },
		{ name: 'new notice', html: await fetchHTML(t.url(`${LIST}/novy`)) },
		{ name: 'new notice with mistakes', html: await fetchHTML(t.url(`${LIST}/novy`), { status: 422, method: 'POST', body: mistakes }) },
		{ name: 'editing screen', html: await fetchHTML(t.url(edit)) },
		{ name: 'preview', html: await fetchHTML(t.url(`${edit}/nahled`)) },
		{ name: 'English editing screen', html: await fetchHTML(t.url(`/en${edit}`)) },
	];
	validations.push(settled(validateHTMLPages(pages)));
});

const page = await t.newPage();

await t.step('the list of notices has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await page.goto(t.url(LIST));
	await expectText(page.locator('h1'), 'Správa úřední desky');
	await axeCheck(page, 'the editors\' list');
});

await t.step('a new notice with mistakes comes back with each next to its field, summarised first', async () => {
	await navigation(page, () => page.getByRole('link', { name: 'Nový dokument' }).click());
	await expectPath(page, `${LIST}/novy`);
	await page.getByLabel('Vyvěšeno dne').fill('2026-12-05');
	await page.getByLabel('Zveřejněno do').fill('2026-12-01');
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako koncept' }).click());
	const summary = page.locator('.error-summary li');
	expectEqual(
		await summary.allTextContents(),
		['Zadejte název dokumentu.', 'Zadejte, kdo dokument zveřejňuje.', 'Zadejte kategorii dokumentu.', 'Datum „zveřejněno do“ nesmí být dříve než datum vyvěšení.'],
		'the problems summarised',
	);
	await expectText(page.locator('#zverejneno-do-error'), 'Chyba: Datum „zveřejněno do“ nesmí být dříve než datum vyvěšení.');
	expectEqual(await page.getByLabel('Zveřejněno do').getAttribute('aria-invalid'), 'true', 'the date is marked invalid');
	await axeCheck(page, 'the new notice form with mistakes');
});

await t.step('the notice is written, given an attachment, previewed and published to the board', async () => {
	await page.getByLabel('Název dokumentu').fill('Uzavírka ulice Husova');
	await page.getByLabel('Zveřejňuje').fill('Odbor dopravy');
	await page.getByLabel('Kategorie').fill('Doprava');
	await page.getByLabel('Vyvěšeno dne').fill('');
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako koncept' }).click());
	await expectText(page.locator('p[role=status]'), /^Koncept dokumentu je uložen\./);

	await page.getByLabel('Soubor', { exact: true }).setInputFiles({ name: 'Situace uzavírky.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
	await navigation(page, () => page.getByRole('button', { name: 'Přidat přílohu' }).click());
	await expectText(page.locator('p[role=status]'), 'Příloha je přidána.');
	await expectText(page.locator('.board-files li a').first(), 'Situace uzavírky');
	await axeCheck(page, 'the editing screen');

	await navigation(page, () => page.getByRole('link', { name: 'Náhled dokumentu' }).click());
	await expectText(page.locator('.preview-banner'), /^Náhled: takto bude stránka vypadat na portálu\./);
	await expectText(page.locator('h1'), 'Uzavírka ulice Husova');
	await axeCheck(page, 'the preview');

	await navigation(page, () => page.getByRole('link', { name: 'Zpět k úpravám' }).click());
	await navigation(page, () => page.getByRole('button', { name: 'Zveřejnit' }).click());
	await expectText(page.locator('p[role=status]'), 'Dokument je zveřejněn.');
	await navigation(page, () => page.getByRole('link', { name: 'Zobrazit na úřední desce' }).click());
	await expectPath(page, '/uredni-deska/2026-uzavirka-ulice-husova');
	await page.goto(t.url('/uredni-deska'));
	await expectText(page.locator('.board-list h2').first(), 'Uzavírka ulice Husova');
});

await t.step('at 320 px the editing screen fits the screen, with no WCAG 2.1 A/AA violations', async () => {
	await page.goto(t.url(LIST));
	await navigation(page, () => page.locator('.board-list h2 a').first().click());
	await page.setViewportSize({ width: 320, height: 640 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expectTrue(width <= 320, `the editing screen scrolls sideways at 320 px: ${width} px wide`);
	await axeCheck(page, 'the editing screen at 320 px');
});

await t.step('every editors\' screen is valid HTML (Nu HTML Checker)', async () => {
	const failures = (await Promise.all(validations)).filter(Boolean);
	if (failures.length > 0) {
		throw failures[0];
	}
});

await t.finish();
