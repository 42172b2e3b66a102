// Browser specification of the editors' screens of the life situations; run by
// TestEditingLifeSituationsInBrowser as `node staff.browser.mjs BASEURL` against the demo town,
// every request made by a logged-in editor.

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

const PAGES = [
	{ name: 'list', path: '/sprava/situace' },
	{ name: 'list of drafts', path: '/sprava/situace?stav=draft&kategorie=rodina-a-deti' },
	{ name: 'new situation', path: '/sprava/situace/nova' },
	{ name: 'editing', path: '/sprava/situace/prihlaseni-psa' },
	{ name: 'preview', path: '/sprava/situace/prihlaseni-psa/nahled' },
	{ name: 'editing in English', path: '/en/sprava/situace/prihlaseni-psa' },
];

const t = await start();

let validation;
await t.step('the server answers each screen, and a form with errors, as HTML', async () => {
	const pages = [];
	for (const p of PAGES) {
		pages.push({ name: p.name, html: await fetchHTML(t.url(p.path)) });
	}
	const empty = new URLSearchParams({ title: '', slug: 'Špatná adresa', laws: '' });
	pages.push({
		name: 'form with errors',
		html: await fetchHTML(t.url('/sprava/situace/nova'), { method: 'POST', body: empty, status: 422 }),
	});
	validation = validateHTMLPages(pages).then(
		() => null,
		(err) => err,
	);
});

const page = await t.newPage();

for (const p of PAGES.filter((p) => !p.path.startsWith('/en/'))) {
	await t.step(`the ${p.name} screen has no WCAG 2.1 A/AA violations (light and dark)`, async () => {
		await page.goto(t.url(p.path));
		await axeCheck(page, `the ${p.name} screen`);
	});
}

await t.step('the screens fit a 320 px wide screen without scrolling sideways', async () => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const p of PAGES) {
		await page.goto(t.url(p.path));
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expectTrue(overflow <= 0, `${p.path} is ${overflow} px wider than the screen`);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
});

// ---- Without JavaScript: the whole life of a new situation --------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });

await t.step('an empty form comes back with the error summary, each error next to its field', async () => {
	await plain.goto(t.url('/sprava/situace/nova'));
	await navigation(plain, () => plain.getByRole('button', { name: 'Založit koncept' }).click());
	await expectPath(plain, '/sprava/situace/nova');
	expectTrue((await plain.title()).startsWith('Chyba:'), 'the title starts with "Chyba:"');
	await expectText(plain.getByRole('alert').locator('a[href="#title"]'), 'Zadejte název životní situace.');
	expectEqual(await plain.locator('#title').getAttribute('aria-invalid'), 'true', 'aria-invalid of the title');
	await expectText(plain.locator('#laws-error'), 'Chyba: Uveďte alespoň jeden právní předpis.');
	await axeCheck(plain, 'the form with errors');
});

await t.step('a filled-in form makes a draft that is not public until published', async () => {
	await plain.locator('#title').fill('Chov včel ve městě');
	await plain.locator('#category').selectOption('stavby-a-zivotni-prostredi');
	await plain.locator('#summary').fill('Včelstva ohlásíte do ústřední evidence.');
	await plain.locator('#agenda').selectOption('zivotni-prostredi');
	for (const id of ['about', 'audience', 'preparation', 'fees', 'deadlines', 'online']) {
		await plain.locator(`#${id}`).fill('Text oddílu.');
	}
	await plain.locator('#laws').fill('zákon č. 154/2000 Sb., plemenářský zákon');
	await navigation(plain, () => plain.getByRole('button', { name: 'Založit koncept' }).click());
	await expectPath(plain, '/sprava/situace/chov-vcel-ve-meste?hotovo=zalozeno');
	await expectText(plain.getByRole('status'), 'Životní situace je založena jako koncept. Až bude hotová, zveřejněte ji.');
	expectEqual((await fetch(t.url('/zivotni-situace/chov-vcel-ve-meste'))).status, 404, 'status of the draft\'s public page');
	await navigation(plain, () => plain.getByRole('link', { name: 'Náhled' }).click());
	await expectText(plain.getByRole('note'), 'Náhled: takto bude stránka vypadat na portálu. Zatím není zveřejněna. Zpět k úpravám');
	await navigation(plain, () => plain.getByRole('link', { name: 'Zpět k úpravám' }).click());
	await navigation(plain, () => plain.getByRole('button', { name: 'Zveřejnit' }).click());
	await expectPath(plain, '/sprava/situace/chov-vcel-ve-meste?hotovo=stav');
	await navigation(plain, () => plain.getByRole('link', { name: 'Zobrazit na portálu' }).click());
	await expectPath(plain, '/zivotni-situace/chov-vcel-ve-meste');
	await expectText(plain.locator('h1'), 'Chov včel ve městě');
});

await t.step('the Nu HTML Checker finds no errors in the screens', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
});

await t.finish();
