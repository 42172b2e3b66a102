// Browser specification of the notice board (úřední deska); run by TestNoticeBoardInBrowser as
// `node notices.browser.mjs BASEURL` against the demo town on 24 November 2026, when the board
// holds 14 current notices and its archive 9.

import {
	start,
	axeCheck,
	eventually,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	fetchHTML,
	focusedElement,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const BOARD = '/uredni-deska';
const LUBINA = '/uredni-deska/2026-zamer-pronajmu-pozemku-lubina';
const VOLBY = '/uredni-deska/2026-volby-oznameni-o-dobe-a-miste';
const FINANCE = 'Rozpočet a finance';

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
const validations = [];

await t.step('the server answers each page of the board as HTML', async () => {
	const pages = [];
	for (const [name, path, status] of [
		['board', BOARD],
		['board, searched and filtered', `${BOARD}?q=rozpocet&kategorie=${encodeURIComponent(FINANCE)}&rok=2026`],
		['board, nothing found', `${BOARD}?q=kosmodrom`],
		['archive', `${BOARD}/archiv`],
		['notice', LUBINA],
		['archived notice', VOLBY],
		['English board', `/en${BOARD}`],
		['English notice', `/en${LUBINA}`],
		['unknown notice', `${BOARD}/neexistuje`, 404],
	]) {
		pages.push({ name, html: await fetchHTML(t.url(path), { status: status ?? 200 }) });
	}
	validations.push(settled(validateHTMLPages(pages)));
});

// settled turns a check's failure into its result, to be reported by a later step.
function settled(promise) {
	return promise.then(
		() => null,
		(err) => err,
	);
}

// tabTo presses Tab until the element with the id has the focus.
async function tabTo(page, id) {
	for (let i = 0; i < 60; i++) {
		if ((await focusedElement(page)) === id) {
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached #${id}`);
}

// listed is the titles of the notices a board page lists.
async function listed(page) {
	return page.locator('.board-list h2').allTextContents();
}

// searchAndFilterByKeyboard searches the board for "rozpocet", then narrows it to one category,
// with the keyboard alone, as anyone can with or without JavaScript.
async function searchAndFilterByKeyboard(page) {
	await page.goto(t.url(BOARD));
	await tabTo(page, 'board-q');
	await page.keyboard.type('rozpocet');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, `${BOARD}?q=rozpocet&kategorie=&odbor=&rok=`);
	await expectText(page.locator('.board-count'), 'Nalezeno 6 dokumentů');
	expectEqual(await page.locator('#board-q').inputValue(), 'rozpocet', 'the search field keeps the words');

	await tabTo(page, 'board-kategorie');
	await page.keyboard.type('Rozp'); // a closed select picks the option its name starts with
	expectEqual(await page.locator('#board-kategorie').inputValue(), FINANCE, 'the category chosen by typing');
	await tabTo(page, 'board-rok');
	await page.keyboard.press('ArrowDown');
	expectEqual(await page.locator('#board-rok').inputValue(), '2026', 'the year chosen with the arrow key');
	await page.keyboard.press('Tab');
	expectEqual(await page.evaluate(() => document.activeElement.textContent), 'Zobrazit', 'the focus after the filters');
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, `${BOARD}?q=rozpocet&kategorie=Rozpo%C4%8Det+a+finance&odbor=&rok=2026`);
	await expectText(page.locator('.board-count'), 'Nalezeny 3 dokumenty');
	for (const meta of await page.locator('.board-meta').allTextContents()) {
		expectTrue(meta.startsWith(FINANCE), `every notice found is of the category: ${meta}`);
	}

	const clear = page.getByRole('link', { name: 'Zrušit filtry' });
	await clear.focus();
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, BOARD);
	expectEqual((await listed(page)).length, 14, 'notices on the whole board');
}

// ---- With JavaScript ------------------------------------------------------------------------

const page = await t.newPage();

await t.step('the board, its archive and a notice have no WCAG 2.1 A/AA violations (light and dark)', async () => {
	for (const [path, heading] of [
		[BOARD, 'Úřední deska'],
		[`${BOARD}?q=rozpocet&kategorie=${encodeURIComponent(FINANCE)}`, 'Úřední deska'],
		[`${BOARD}/archiv`, 'Archiv úřední desky'],
		[LUBINA, 'Záměr pronájmu části pozemku p. č. 512/3 v k. ú. Lubina'],
		[VOLBY, 'Oznámení o době a místě konání voleb do Zastupitelstva města Kopřivnice'],
		[`/en${BOARD}`, 'Official notice board'],
	]) {
		await page.goto(t.url(path));
		await expectText(page.locator('h1'), heading);
		await axeCheck(page, path);
	}
});

await t.step('the site navigation leads to the board, and the board to its archive and back', async () => {
	await page.goto(t.url('/'));
	await navigation(page, () => page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Úřední deska' }).click());
	await expectPath(page, BOARD);
	const parts = page.getByRole('navigation', { name: 'Části úřední desky' });
	await navigation(page, () => parts.getByRole('link', { name: 'Archiv' }).click());
	await expectPath(page, `${BOARD}/archiv`);
	expectEqual((await listed(page)).length, 9, 'notices in the archive');
	await navigation(page, () => page.getByRole('link', { name: 'Oznámení o době a místě konání voleb do Zastupitelstva města Kopřivnice' }).click());
	await expectText(page.locator('.board-notice .notice'), 'Dokument je v archivu: jeho zveřejnění skončilo 10. října 2026.');
	await navigation(page, () => page.getByRole('navigation', { name: 'Drobečková navigace' }).getByRole('link', { name: 'Úřední deska' }).click());
	await expectPath(page, BOARD);
});

await t.step('search and filters work from the keyboard', async () => {
	await searchAndFilterByKeyboard(page);
});

await t.step('a notice links its attachments, served as what they are', async () => {
	await page.goto(t.url(LUBINA));
	const files = page.locator('.board-files li');
	await expectText(files.nth(0), 'Záměr pronájmu části pozemku p. č. 512/3 (PDF, 3,1 kB)');
	const href = await files.nth(0).getByRole('link').getAttribute('href');
	const response = await page.request.get(t.url(href));
	expectEqual(response.headers()['content-type'], 'application/pdf', 'the attachment type');
	expectTrue((await response.body()).subarray(0, 5).toString() === '%PDF-', 'the attachment is a PDF');
});

await t.step('the board links its open data and its feed', async () => {
	await page.goto(t.url(BOARD));
	const data = page.getByRole('link', { name: 'Úřední deska jako otevřená data (JSON-LD, OFN Úřední desky)' });
	expectEqual(await data.getAttribute('rel'), 'alternate', 'rel of the open data link');
	const response = await page.request.get(t.url(await data.getAttribute('href')));
	expectEqual(response.headers()['content-type'], 'application/ld+json', 'the open data type');
	expectEqual((await response.json()).informace.length, 14, 'notices in the open data');
	const feed = page.getByRole('link', { name: 'Odběr novinek (Atom)' });
	expectEqual(await feed.getAttribute('type'), 'application/atom+xml', 'type of the feed link');
});

await t.step('at 320 px the board fits the screen, with no WCAG 2.1 A/AA violations', async () => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of [BOARD, LUBINA]) {
		await page.goto(t.url(path));
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expectTrue(width <= 320, `${path} scrolls sideways at 320 px: ${width} px wide`);
		await axeCheck(page, `${path} at 320 px`);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
});

// ---- Without JavaScript ---------------------------------------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });

await t.step('without JavaScript, search and filters work from the keyboard just the same', async () => {
	await searchAndFilterByKeyboard(plain);
	await axeCheck(plain, 'the board without JavaScript');
});

await t.step('every page of the board is valid HTML (Nu HTML Checker)', async () => {
	const failures = (await Promise.all(validations)).filter(Boolean);
	if (failures.length > 0) {
		throw failures[0];
	}
});

await t.finish();
