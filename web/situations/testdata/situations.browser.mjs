// Browser specification of the life situations; run by TestLifeSituationsInBrowser as
// `node situations.browser.mjs BASEURL` against the demo town with its content.

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

const DOG = { title: 'Pořízení psa', path: '/zivotni-situace/prihlaseni-psa' };
const TREES = { title: 'Kácení stromů a keřů (povolení ke kácení dřevin)', path: '/zivotni-situace/kaceni-drevin' };
const PAGES = [
	{ name: 'signpost', path: '/zivotni-situace' },
	{ name: 'results', path: '/zivotni-situace?q=pes' },
	{ name: 'nothing found', path: '/zivotni-situace?q=xyzzy' },
	{ name: 'category', path: '/zivotni-situace/kategorie/rodina-a-deti' },
	{ name: 'situation with forms and videos', path: DOG.path },
	{ name: 'situation without videos', path: TREES.path },
	{ name: 'situation with wide tables', path: '/zivotni-situace/cestovni-pas' },
	{ name: 'signpost in English', path: '/en/zivotni-situace?q=pes' },
	{ name: 'situation in English', path: `/en${DOG.path}` },
];

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
let validation;
await t.step('the server answers each page as HTML', async () => {
	const pages = [];
	for (const p of PAGES) {
		pages.push({ name: p.name, html: await fetchHTML(t.url(p.path)) });
	}
	validation = validateHTMLPages(pages).then(
		() => null,
		(err) => err,
	);
});

// ---- With JavaScript (the pages have none of their own) --------------------------------------

const page = await t.newPage();

for (const p of PAGES) {
	await t.step(`the ${p.name} page has no WCAG 2.1 A/AA violations (light and dark)`, async () => {
		await page.goto(t.url(p.path));
		await axeCheck(page, `the ${p.name} page`);
	});
}

await t.step('by keyboard: the search field, "pes", Enter, and the dog at the top of the results', async () => {
	await page.goto(t.url('/zivotni-situace'));
	await page.keyboard.press('Tab');
	expectEqual(await page.evaluate(() => document.activeElement.textContent), 'Přeskočit na obsah', 'first Tab stop');
	await page.keyboard.press('Enter');
	for (let i = 0; i < 5 && (await focusedElement(page)) !== 'situation-q'; i++) {
		await page.keyboard.press('Tab');
	}
	expectEqual(await focusedElement(page), 'situation-q', 'the search field, a few Tabs into the content');
	await page.keyboard.type('pes');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, '/zivotni-situace?q=pes');
	await expectText(page.locator('h2#vysledky'), 'Výsledky hledání');
	const first = page.locator('.situation-results li > a').first();
	await expectText(first, DOG.title);
	const focused = () => first.evaluate((el) => el === document.activeElement);
	await page.locator('#situation-q').focus();
	for (let i = 0; i < 3 && !(await focused()); i++) {
		await page.keyboard.press('Tab');
	}
	expectTrue(await focused(), 'the first result follows the search button');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, DOG.path);
	await expectText(page.locator('h1'), DOG.title);
});

await t.step('the contents of a situation lead to its sections', async () => {
	await page.goto(t.url(DOG.path));
	const contents = page.getByRole('navigation', { name: 'Na této stránce' });
	expectEqual(
		(await contents.getByRole('link').allTextContents()).length,
		10,
		'links to the ten sections of a situation with videos',
	);
	await contents.getByRole('link', { name: 'Poplatky' }).click();
	await expectPath(page, DOG.path);
	expectEqual(new URL(page.url()).hash, '#poplatky', 'the address names the section');
	expectTrue(await page.locator('#poplatky h2').isVisible(), 'the section is in view');
	const booking = page.locator('#kdo-to-vyrizuje').getByRole('link', { name: 'Objednat se online' });
	expectEqual(await booking.getAttribute('href'), 'https://rezervace.koprivnice.example/poplatky', 'the booking link');
});

await t.step('the pages fit a 320 px wide screen without scrolling sideways', async () => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const p of PAGES.filter((p) => !p.path.startsWith('/en/'))) {
		await page.goto(t.url(p.path));
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expectTrue(overflow <= 0, `${p.path} is ${overflow} px wider than the screen`);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
});

// ---- Without JavaScript ---------------------------------------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });

await t.step('without JavaScript the search finds the tree felling permit, diacritics and endings aside', async () => {
	await plain.goto(t.url('/zivotni-situace'));
	await plain.locator('#situation-q').fill('kaceni stromu');
	await navigation(plain, () => plain.locator('main').getByRole('button', { name: 'Hledat' }).click());
	await expectPath(plain, '/zivotni-situace?q=kaceni+stromu');
	await expectText(plain.locator('.situation-results li > a').first(), TREES.title);
	await axeCheck(plain, 'the results');
	await navigation(plain, () => plain.locator('.situation-results li > a').first().click());
	await expectPath(plain, TREES.path);
	await expectText(plain.locator('h1'), TREES.title);
});

await t.step('without JavaScript a category leads to its situations and back', async () => {
	await plain.goto(t.url('/zivotni-situace'));
	await navigation(plain, () => plain.getByRole('link', { name: 'Rodina a děti', exact: true }).click());
	await expectPath(plain, '/zivotni-situace/kategorie/rodina-a-deti');
	expectEqual(await plain.locator('.situation-list > li').count(), 6, 'situations of the category');
	await axeCheck(plain, 'the category');
	await navigation(plain, () => plain.getByRole('navigation', { name: 'Drobečková navigace' }).getByRole('link', { name: 'Životní situace' }).click());
	await expectPath(plain, '/zivotni-situace');
});

// ---- HTML validity --------------------------------------------------------------------------

await t.step('the Nu HTML Checker finds no errors in the pages', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
});

await t.finish();
