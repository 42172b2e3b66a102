// Browser specification of the clerks' inbox and the citizen's page of a submission; run by
// TestInboxInBrowser as `node inbox.browser.mjs BASEURL` against the demo town with Jana
// Nováková's dog registration and Petr Dvořák's claim of an exemption filed, logging in
// through the development identity provider. Accessibility (axe-core, light and dark) and HTML
// validity (Nu) of the inbox, a search, a submission's page, the page with an error, and the
// citizen's page; the search by keyboard, which stays out of the address.

import {
	start,
	axeCheck,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	focusedElement,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const INBOX = '/sprava/podani';

const t = await start();
const pages = []; // the HTML of each page checked, for the Nu HTML Checker
const keep = async (page, name) => pages.push({ name, html: await page.content() });

/** Logs login in through the provider as staff or citizen, registering at their first login. */
async function logIn(page, button, login, password) {
	await page.goto(t.url('/prihlaseni'));
	await navigation(page, () => page.getByRole('button', { name: button }).click());
	await page.getByLabel('Uživatelské jméno').fill(login);
	await page.getByLabel('Heslo').fill(password);
	await navigation(page, () => page.getByRole('button', { name: 'Přihlásit se' }).click());
	if (new URL(page.url()).pathname === '/registrace') {
		await page.getByLabel('Souhlasím s podmínkami užívání účtu').check();
		await navigation(page, () => page.getByRole('button', { name: 'Založit účet' }).click());
	}
}

const clerk = await t.newPage();

await t.step('the clerk reaches the inbox from Správa; it counts the submissions by status', async () => {
	await logIn(clerk, 'Přihlášení pro zaměstnance úřadu', 'referent', 'referent-demo');
	await clerk.goto(t.url('/sprava'));
	await navigation(clerk, () => clerk.locator('main').getByRole('link', { name: 'Podání' }).click());
	await expectPath(clerk, INBOX);
	await expectText(clerk.locator('h1'), 'Podání');
	await expectText(clerk.locator('.inbox-counts'), /Podáno \(2\)/);
	expectEqual(await clerk.locator('.inbox-table tbody tr').count(), 2, 'submissions listed');
	await keep(clerk, 'inbox');
	await axeCheck(clerk, 'inbox');
});

await t.step('a search typed and sent by keyboard finds the applicant and stays out of the address', async () => {
	await clerk.getByLabel('Hledat', { exact: true }).focus();
	await clerk.keyboard.type('novakova');
	await navigation(clerk, () => clerk.keyboard.press('Enter'));
	await expectPath(clerk, INBOX);
	expectEqual(await clerk.locator('.inbox-table tbody tr').count(), 1, 'submissions found');
	await expectText(clerk.locator('.inbox-table tbody'), /Jana Nováková/);
	await keep(clerk, 'search results');
	await axeCheck(clerk, 'search results');
});

await t.step('the submission\'s page shows the answers; accepting without a reference number fails next to the field', async () => {
	await navigation(clerk, () => clerk.locator('.inbox-table tbody a').first().click());
	await expectText(clerk.locator('.inbox-answers'), /Jméno psa\s*Bára/);
	await keep(clerk, 'submission');
	await axeCheck(clerk, 'submission');
	await navigation(clerk, () => clerk.getByRole('button', { name: 'Přijmout', exact: true }).click());
	await expectText(clerk.locator('#prijmout-cj-error'), 'Chyba: Zadejte číslo jednací, pod kterým úřad podání eviduje');
	expectTrue(await clerk.evaluate(() => document.activeElement.classList.contains('error-summary')), 'the error summary takes the focus');
	await clerk.locator('.error-summary a').first().click();
	expectEqual(await focusedElement(clerk), 'prijmout-cj', 'the summary link focuses the reference number');
	await keep(clerk, 'submission with an error');
	await axeCheck(clerk, 'submission with an error');
});

await t.step('with its reference number the submission is accepted', async () => {
	await clerk.getByLabel('Číslo jednací').first().fill('MKOP/12345/2026');
	await navigation(clerk, () => clerk.getByRole('button', { name: 'Přijmout', exact: true }).click());
	await expectText(clerk.locator('p[role=status]'), 'Podání je přijato.');
	await expectText(clerk.locator('.inbox-history'), /Stav: Přijato/);
});

await t.step('the citizen sees the new status in her account', async () => {
	const jana = await t.newPage({ javaScriptEnabled: false });
	await logIn(jana, 'Přihlásit se přes Identitu občana', 'jana', 'obcan-demo');
	await expectPath(jana, '/muj-ucet');
	await navigation(jana, () => jana.getByRole('link', { name: /Přihlášení psa k místnímu poplatku ze psů/ }).click());
	await expectText(jana.locator('.inbox-history'), /Stav: Přijato/);
	await keep(jana, 'citizen\'s submission');
	await axeCheck(jana, 'citizen\'s submission');
	await jana.goto(t.url('/en' + new URL(jana.url()).pathname));
	await keep(jana, 'citizen\'s submission in English');
	await clerk.goto(t.url('/en' + INBOX));
	await keep(clerk, 'inbox in English');
});

await t.step('the pages are valid HTML (Nu HTML Checker)', () => validateHTMLPages(pages));

await t.finish();
