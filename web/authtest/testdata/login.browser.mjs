// Browser specification of the development identity provider's pages (.ci/idp/provider.mjs);
// run by TestLoginAndLogoutPagesInBrowser as `node login.browser.mjs BASEURL`, where BASEURL is
// a minimal portal that starts the login at /login, lands on /ucet and logs out at /logout.

import {
	start,
	axeCheck,
	expectAttribute,
	expectPath,
	expectText,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const t = await start();
const page = await t.newPage({ javaScriptEnabled: false });
const pages = []; // the provider's raw HTML, for the Nu HTML Checker
const keep = (name) => async (response) => pages.push({ name, html: await response.text() });

await t.step('the portal sends the browser to the Czech login form', async () => {
	const response = await page.goto(t.url('/login'));
	await keep('login form')(response);
	await expectText(page.locator('h1'), 'Přihlášení – demo Identita občana');
	await expectAttribute(page.locator('html'), 'lang', 'cs');
	await axeCheck(page, 'login form');
});

await t.step('a wrong password shows the error and keeps the login name', async () => {
	await page.getByLabel('Uživatelské jméno').fill('jana');
	await page.getByLabel('Heslo').fill('spatne-heslo');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		navigation(page, () => page.getByRole('button', { name: 'Přihlásit se' }).click()),
	]);
	await keep('login form with an error')(response);
	await expectText(page.getByRole('alert'), /Uživatelské jméno nebo heslo není správné\./);
	await expectAttribute(page.getByLabel('Uživatelské jméno'), 'value', 'jana');
	await expectAttribute(page.getByLabel('Heslo'), 'aria-invalid', 'true');
	await axeCheck(page, 'login form with an error');
});

await t.step('the right password, typed on the keyboard, returns to the portal', async () => {
	await page.getByLabel('Heslo').fill('obcan-demo');
	await navigation(page, () => page.getByLabel('Heslo').press('Enter'));
	await expectPath(page, '/ucet');
});

await t.step('logout asks in Czech and returns to the portal', async () => {
	const response = await page.goto(t.url('/logout'));
	await keep('logout page')(response);
	await expectText(page.locator('h1'), 'Odhlášení');
	await axeCheck(page, 'logout page');
	await navigation(page, () => page.getByRole('button', { name: 'Odhlásit se' }).click());
	await expectPath(page, '/odhlaseno');
});

await t.step('the pages are valid HTML', () => validateHTMLPages(pages));

await t.finish();
