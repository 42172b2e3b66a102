// Browser specification of the "Najít adresu" pages; run by TestFindAddressInBrowser as
// `node find-address.browser.mjs BASEURL` against the demo town.

import {
	start,
	axeCheck,
	eventually,
	expectAttribute,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	fetchHTML,
	focusedElement,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const STEFANIKOVA = { id: 2401163, label: 'Štefánikova 1163/12, 742 21 Kopřivnice' };
const LUBINA = { id: 2500025, label: 'Lubina 25, 742 21 Kopřivnice' };
const MISSING = '/tato-stranka-neexistuje';

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run, and the open autocomplete's markup (built by the script) later; the last step
// reports what it found.
const validations = [];
const form = (q) => ({
	method: 'POST',
	headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ q }).toString(),
});

await t.step('the server answers each page with its status, as HTML', async () => {
	const pages = [
		{ name: 'search page', html: await fetchHTML(t.url('/adresa')) },
		{ name: 'results page', html: await fetchHTML(t.url('/adresa'), form('Štefánikova 1163/12')) },
		{ name: 'error page', html: await fetchHTML(t.url('/adresa'), { status: 422, ...form('') }) },
		{ name: 'address page', html: await fetchHTML(t.url(`/adresa/${STEFANIKOVA.id}`)) },
		{ name: 'English search page', html: await fetchHTML(t.url('/en/adresa')) },
		{ name: '404 page', html: await fetchHTML(t.url(MISSING), { status: 404 }) },
	];
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
const input = page.locator('#q');
const listbox = page.getByRole('listbox', { name: 'Návrhy adres', includeHidden: true });
const status = page.locator('#q ~ [role="status"]');
let apiRequests = 0;
page.on('request', (req) => {
	if (new URL(req.url()).pathname === '/api/v1/addresses') {
		apiRequests += 1;
	}
});

await t.step('the empty search page has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await page.goto(t.url('/adresa'));
	await expectText(page.locator('h1'), 'Najít adresu');
	await axeCheck(page, 'the empty search page');
});

await t.step('the script turns the field into a combobox with a hidden listbox', async () => {
	await expectAttribute(input, 'role', 'combobox');
	await expectAttribute(input, 'aria-autocomplete', 'list');
	await expectAttribute(input, 'aria-expanded', 'false');
	await expectAttribute(input, 'autocomplete', 'off');
	const controls = await input.getAttribute('aria-controls');
	expectEqual(await listbox.getAttribute('id'), controls, 'id of the listbox the field controls');
	expectTrue(await listbox.isHidden(), 'the listbox is hidden before typing');
	expectEqual(await status.getAttribute('aria-live'), 'polite', 'aria-live of the status region');
});

await t.step('the skip link leads by keyboard to the content, and Tab to the address field', async () => {
	await page.keyboard.press('Tab');
	expectEqual(await page.evaluate(() => document.activeElement.textContent), 'Přeskočit na obsah', 'first Tab stop');
	await page.keyboard.press('Enter');
	await eventually(() => focusedElement(page), 'focus after the skip link', { check: (id) => id === 'obsah' });
	await page.keyboard.press('Tab');
	expectEqual(await focusedElement(page), 'q', 'focused element after Tab from the content');
});

await t.step('typing "stefanikova 12" offers Štefánikova 1163/12 in an open listbox', async () => {
	apiRequests = 0;
	await page.keyboard.type('stefanikova 12', { delay: 20 });
	const option = page.getByRole('option', { name: STEFANIKOVA.label, exact: true });
	await option.waitFor({ state: 'visible' });
	await expectAttribute(input, 'aria-expanded', 'true');
	expectEqual((await page.getByRole('option').allTextContents())[0], STEFANIKOVA.label, 'first option');
	await expectText(status, /^Nalezeny 2 adresy\. Vyberte šipkami\.$/);
	expectTrue(apiRequests < 'stefanikova 12'.length / 2, `typing is debounced, yet it sent ${apiRequests} requests`);
});

await t.step('the open autocomplete has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await axeCheck(page, 'the open autocomplete');
	expectTrue(await listbox.isVisible(), 'the listbox stays open during the check');
	validations.push(settled(validateHTMLPages([{ name: 'open autocomplete (DOM)', html: await page.content() }])));
});

await t.step('ArrowDown highlights the first option through aria-activedescendant', async () => {
	const option = page.getByRole('option').first();
	const id = await option.getAttribute('id');
	expectTrue(id, 'the option has an id');
	await page.keyboard.press('ArrowDown');
	await expectAttribute(input, 'aria-activedescendant', id);
	await expectAttribute(option, 'aria-selected', 'true');
	expectEqual(await focusedElement(page), 'q', 'DOM focus stays in the field');
	await page.keyboard.press('ArrowDown');
	await expectAttribute(option, 'aria-selected', 'false');
	await page.keyboard.press('ArrowUp');
	await expectAttribute(input, 'aria-activedescendant', id);
});

await t.step('Enter on the highlighted option opens its address page', async () => {
	await page.keyboard.press('Enter');
	await expectPath(page, `/adresa/${STEFANIKOVA.id}`);
	await expectText(page.locator('h1'), STEFANIKOVA.label);
});

await t.step('the address page has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await axeCheck(page, 'the address page');
});

await t.step('Escape closes the open listbox, a second Escape clears the field', async () => {
	await page.goto(t.url('/adresa'));
	await input.focus();
	await page.keyboard.type('stefanikova 12');
	await listbox.waitFor({ state: 'visible' });
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Escape');
	await expectAttribute(input, 'aria-expanded', 'false');
	await expectAttribute(input, 'aria-activedescendant', null);
	expectTrue(await listbox.isHidden(), 'the listbox is hidden after Escape');
	expectEqual(await input.inputValue(), 'stefanikova 12', 'field after the first Escape');
	await page.keyboard.press('Escape');
	expectEqual(await input.inputValue(), '', 'field after the second Escape');
});

await t.step('typing "lubina 25" offers Lubina 25 first', async () => {
	await page.keyboard.type('lubina 25');
	await expectText(page.getByRole('option').first(), LUBINA.label);
	await expectAttribute(input, 'aria-expanded', 'true');
	await expectText(status, /^Nalezeno 8 adres\. Vyberte šipkami\.$/);
});

await t.step('Tab closes the listbox and moves on', async () => {
	await page.keyboard.press('Tab');
	await expectAttribute(input, 'aria-expanded', 'false');
	expectTrue(await listbox.isHidden(), 'the listbox is hidden after Tab');
	expectEqual(await page.evaluate(() => document.activeElement.textContent), 'Hledat', 'focus after Tab');
});

await t.step('a click on an option opens its address page', async () => {
	await input.focus();
	await page.keyboard.press('ArrowDown');
	const option = page.getByRole('option', { name: LUBINA.label, exact: true });
	await option.waitFor({ state: 'visible' });
	await option.click();
	await expectPath(page, `/adresa/${LUBINA.id}`);
	await expectText(page.locator('h1'), LUBINA.label);
});

await t.step('ArrowDown pressed before the suggestions arrive highlights the first one when they do', async () => {
	await page.goto(t.url('/adresa'));
	await input.focus();
	await page.keyboard.type('stefanikova 12');
	await page.keyboard.press('ArrowDown');
	const first = page.getByRole('option').first();
	await expectAttribute(first, 'aria-selected', 'true');
	await expectText(first, STEFANIKOVA.label);
	await expectAttribute(input, 'aria-activedescendant', await first.getAttribute('id'));
});

await t.step('text that matches nothing is announced and opens no list', async () => {
	await page.goto(t.url('/adresa'));
	await input.focus();
	await page.keyboard.type('Neexistující ulice 999');
	await expectText(status, 'Žádná adresa nenalezena.');
	await expectAttribute(input, 'aria-expanded', 'false');
	expectTrue(await listbox.isHidden(), 'the listbox stays hidden');
});

await t.step('Enter with no option highlighted submits the form to the results page', async () => {
	await page.goto(t.url('/adresa'));
	await input.focus();
	await page.keyboard.type('stefanikova 12');
	await listbox.waitFor({ state: 'visible' });
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectText(page.locator('h2#vysledky'), 'Výsledky');
	await page.getByRole('link', { name: STEFANIKOVA.label, exact: true }).waitFor();
});

await t.step('on the English page the autocomplete speaks English and leads to the English address page', async () => {
	await page.goto(t.url('/en/adresa'));
	await expectText(page.locator('h1'), 'Find an address');
	await input.focus();
	await page.keyboard.type('stefanikova 12');
	await page.getByRole('listbox', { name: 'Address suggestions' }).waitFor({ state: 'visible' });
	await expectText(status, /^2 addresses found\. Choose with the arrow keys\.$/);
	await axeCheck(page, 'the English page with the open autocomplete');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expectPath(page, `/en/adresa/${STEFANIKOVA.id}`);
	await expectText(page.locator('h1'), STEFANIKOVA.label);
});

await t.step('the 404 page has no WCAG 2.1 A/AA violations (light and dark)', async () => {
	const response = await page.goto(t.url(MISSING));
	expectEqual(response.status(), 404, 'status of a missing page');
	await expectText(page.locator('h1'), 'Stránka nenalezena');
	await axeCheck(page, 'the 404 page');
});

// ---- Without JavaScript ---------------------------------------------------------------------

const plain = await t.newPage({ javaScriptEnabled: false });
const plainInput = plain.locator('#q');

await t.step('without JavaScript the field stays a plain text input', async () => {
	await plain.goto(t.url('/adresa'));
	await expectAttribute(plainInput, 'role', null);
	await expectAttribute(plainInput, 'autocomplete', null);
	expectEqual(await plain.getByRole('listbox', { includeHidden: true }).count(), 0, 'listboxes without JavaScript');
});

await t.step('without JavaScript Enter submits the form and the results page links the address', async () => {
	await plainInput.fill('Štefánikova 1163/12');
	await navigation(plain, () => plainInput.press('Enter'));
	await expectText(plain.locator('ol.results li'), STEFANIKOVA.label);
	await axeCheck(plain, 'the results page');
	await plain.getByRole('link', { name: STEFANIKOVA.label, exact: true }).click();
	await expectPath(plain, `/adresa/${STEFANIKOVA.id}`);
	await expectText(plain.locator('h1'), STEFANIKOVA.label);
});

await t.step('submitting an empty form shows the error summary and marks the field invalid', async () => {
	await plain.goto(t.url('/adresa'));
	await navigation(plain, () => plain.getByRole('main').getByRole('button', { name: 'Hledat' }).click());
	const summary = plain.getByRole('alert');
	await expectText(summary.locator('h2'), 'Hledání se nepodařilo');
	await expectText(summary.locator('a[href="#q"]'), 'Zadejte adresu, kterou hledáte.');
	await expectAttribute(plainInput, 'aria-invalid', 'true');
	expectTrue((await plain.title()).startsWith('Chyba:'), 'the title starts with "Chyba:"');
	await axeCheck(plain, 'the page with the error');
});

// ---- HTML validity --------------------------------------------------------------------------

await t.step('the Nu HTML Checker finds no errors in the pages nor in the open autocomplete', async () => {
	const errors = (await Promise.all(validations)).filter(Boolean);
	if (errors.length > 0) {
		throw new Error(errors.map((err) => err.message).join('\n'));
	}
});

await t.finish();
