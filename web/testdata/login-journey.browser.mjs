// Browser journey of issue 5 through the real development identity provider (.ci/idp), without
// JavaScript: the demo citizen logs in, registers, sees her account with her address's answers
// and logs out; the editor logs in as staff, publishes a notice and finds it on the public board.
// Run by TestLoginJourneysInBrowser as `node login-journey.browser.mjs BASEURL`.

import {
	start,
	axeCheck,
	expectPath,
	expectText,
	expectTrue,
	navigation,
	validateHTMLPages,
} from '../browsertest/browser.mjs';

const t = await start();
const page = await t.newPage({ javaScriptEnabled: false });
const pages = []; // the portal's HTML of each step, for the Nu HTML Checker
const keep = async (name) => pages.push({ name, html: await page.content() });

/** Logs in at the provider's form as login with password. */
async function provider(login, password) {
	await expectText(page.locator('h1'), 'Přihlášení – demo Identita občana');
	await page.getByLabel('Uživatelské jméno').fill(login);
	await page.getByLabel('Heslo').fill(password);
	await navigation(page, () => page.getByRole('button', { name: 'Přihlásit se' }).click());
}

/** Logs out through the header button and the provider's confirmation. */
async function logOut() {
	await navigation(page, () => page.getByRole('button', { name: 'Odhlásit se' }).first().click());
	await expectText(page.locator('h1'), 'Odhlášení');
	await navigation(page, () => page.getByRole('button', { name: 'Odhlásit se' }).click());
	await expectPath(page, '/odhlaseno');
}

await t.step('the citizen starts from the header and logs in with the Citizen Identity', async () => {
	await page.goto(t.url('/'));
	await navigation(page, () => page.getByRole('link', { name: 'Přihlásit se' }).click());
	await expectPath(page, '/prihlaseni');
	await keep('login page');
	await axeCheck(page, 'login page');
	await navigation(page, () => page.getByRole('button', { name: 'Přihlásit se přes Identitu občana' }).click());
	await provider('jana', 'obcan-demo');
	await expectPath(page, '/registrace');
});

await t.step('her first login asks for consent, next to the field and in the summary', async () => {
	await expectText(page.locator('main'), /Jana Nováková/);
	await expectText(page.locator('main'), /Česká 1318\/30, 742 21 Kopřivnice/);
	await navigation(page, () => page.getByRole('button', { name: 'Založit účet' }).click());
	await expectText(page.getByRole('alert'), /souhlasit s podmínkami/);
	await keep('registration with an error');
	await axeCheck(page, 'registration with an error');
	await page.getByLabel('Souhlasím s podmínkami užívání účtu').check();
	await navigation(page, () => page.getByRole('button', { name: 'Založit účet' }).click());
	await expectPath(page, '/muj-ucet');
});

await t.step('her account answers for her address: polling station, bins and schools', async () => {
	const main = page.locator('main');
	await expectText(main, /Základní škola Komenského – jídelna/);
	await expectText(main, /Základní škola Kopřivnice, Komenského/);
	await expectText(main, /Mateřská škola Kopřivnice, Krátká/);
	await expectText(main, /směsný/);
	await keep('personal account');
	await axeCheck(page, 'personal account');
});

await t.step('she logs out of the portal and of the provider', async () => {
	await logOut();
	await page.goto(t.url('/muj-ucet'));
	await expectPath(page, '/prihlaseni?zpet=%2Fmuj-ucet');
});

await t.step('the editor logs in as staff and reaches the notice board\'s screens from Správa', async () => {
	await page.goto(t.url('/prihlaseni'));
	await navigation(page, () => page.getByRole('button', { name: 'Přihlášení pro zaměstnance úřadu' }).click());
	await provider('redaktorka', 'redaktor-demo');
	await expectPath(page, '/registrace');
	await page.getByLabel('Souhlasím s podmínkami užívání účtu').check();
	await navigation(page, () => page.getByRole('button', { name: 'Založit účet' }).click());
	await navigation(page, () => page.getByRole('link', { name: 'Správa' }).click());
	await expectPath(page, '/sprava');
	await keep('staff dashboard');
	await axeCheck(page, 'staff dashboard');
	await navigation(page, () => page.locator('main').getByRole('link', { name: 'Úřední deska' }).click());
	await expectPath(page, '/sprava/deska');
});

await t.step('she writes a notice, publishes it and finds it on the public board', async () => {
	await navigation(page, () => page.getByRole('link', { name: 'Nový dokument' }).click());
	await page.getByLabel('Název dokumentu').fill('Oznámení o přerušení dodávky vody v ulici Česká');
	await page.getByLabel('Zveřejňuje').fill('Odbor investic');
	await page.getByLabel('Kategorie').fill('Oznámení');
	const fortnight = new Date(Date.now() + 15 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	await page.getByLabel('Zveřejněno do').fill(fortnight);
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako koncept' }).click());
	const edit = page.url();
	await page.goto(t.url('/uredni-deska'));
	const onBoard = await page.locator('.board-list h2').allTextContents();
	expectTrue(!onBoard.some((title) => title.includes('přerušení dodávky vody')), 'the draft stays off the public board');
	await page.goto(edit);
	await navigation(page, () => page.getByRole('button', { name: 'Zveřejnit' }).click());
	await expectText(page.locator('p[role=status]'), 'Dokument je zveřejněn.');
	await page.goto(t.url('/uredni-deska'));
	await expectText(page.locator('.board-list h2').first(), 'Oznámení o přerušení dodávky vody v ulici Česká');
	await logOut();
});

await t.step('the pages are valid HTML', () => validateHTMLPages(pages));

await t.finish();
