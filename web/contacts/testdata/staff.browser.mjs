// Browser specification of the editors' screens of the contacts; run by
// TestEditingContactsInBrowser as `node staff.browser.mjs BASEURL` against the demo town, every
// request made by a logged-in editor.

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
	{ name: 'overview', path: '/sprava/kontakty' },
	{ name: 'department', path: '/sprava/kontakty/odbory/ekonomicky' },
	{ name: 'new department', path: '/sprava/kontakty/odbory/novy' },
	{ name: 'department preview', path: '/sprava/kontakty/odbory/poplatky/nahled' },
	{ name: 'person', path: '/sprava/kontakty/lide/11' },
	{ name: 'new person', path: '/sprava/kontakty/lide/novy' },
	{ name: 'person preview', path: '/sprava/kontakty/lide/11/nahled' },
];

const t = await start();

let validation;
await t.step('the server answers each screen, and forms with errors, as HTML', async () => {
	const pages = [];
	for (const p of PAGES) {
		pages.push({ name: p.name, html: await fetchHTML(t.url(p.path)) });
	}
	const bad = new URLSearchParams({ name: '', given: '', phone: '123', email: 'x@' });
	for (const path of ['/sprava/kontakty/odbory/novy', '/sprava/kontakty/lide/novy']) {
		pages.push({ name: `errors of ${path}`, html: await fetchHTML(t.url(path), { method: 'POST', body: bad, status: 422 }) });
	}
	validation = validateHTMLPages(pages).then(
		() => null,
		(err) => err,
	);
});

const page = await t.newPage();

for (const p of PAGES) {
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

const plain = await t.newPage({ javaScriptEnabled: false });

await t.step('without JavaScript a wrong phone number comes back next to its field, then the person is saved', async () => {
	await plain.goto(t.url('/sprava/kontakty/lide/11'));
	await plain.locator('#phone').fill('12 34');
	await navigation(plain, () => plain.getByRole('button', { name: 'Uložit změny' }).click());
	await expectText(plain.getByRole('alert').locator('a[href="#phone"]'), 'Zadejte české telefonní číslo o devíti číslicích, například 556 879 411.');
	expectEqual(await plain.locator('#phone').getAttribute('aria-invalid'), 'true', 'aria-invalid of the phone');
	await axeCheck(plain, 'the person form with errors');
	await plain.locator('#phone').fill('556879400');
	await navigation(plain, () => plain.getByRole('button', { name: 'Uložit změny' }).click());
	await expectPath(plain, '/sprava/kontakty/lide/11?hotovo=ulozeno');
	expectEqual(await plain.locator('#phone').inputValue(), '+420 556 879 400', 'the phone as saved');
});

await t.step('when she leaves, she is withdrawn and her public page is gone', async () => {
	await navigation(plain, () => plain.getByRole('button', { name: 'Stáhnout ze zveřejnění' }).click());
	await expectPath(plain, '/sprava/kontakty/lide/11?hotovo=stav');
	expectEqual((await fetch(t.url('/kontakty/osoba/11'))).status, 404, 'status of her public page');
	expectEqual((await fetch(t.url('/kontakty/osoba/11.vcf'))).status, 404, 'status of her vCard');
});

await t.step('the Nu HTML Checker finds no errors in the screens', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
});

await t.finish();
