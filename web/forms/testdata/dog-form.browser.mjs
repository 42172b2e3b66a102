// Browser specification of filing the dog form (web/forms); run by TestTheDogFormInBrowser as
// `node dog-form.browser.mjs BASEURL` against the demo town, logging in through the real
// development identity provider. Jana Nováková files the form without JavaScript, with the
// answers from her eID prefilled and two dogs, meeting the errors of each step on the way;
// then, with JavaScript, a conditional field shows and hides as she answers. Every page is
// checked with axe-core (light and dark) and, without JavaScript, the Nu HTML Checker.

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
import { fillDog, saveAndContinue } from './dog-form.mjs';

const FORM = '/formulare/prihlaseni-psa';

const t = await start();
const pages = []; // the HTML of each page met without JavaScript, for the Nu HTML Checker

/** Keeps the page's HTML for the checker and checks it with axe-core. */
async function check(page, name) {
	pages.push({ name, html: await page.content() });
	await axeCheck(page, name);
}

/** Logs Jana in from the form's start page, registering her at her first login. */
async function logIn(page) {
	await page.goto(t.url(FORM));
	await navigation(page, () => page.getByRole('link', { name: 'Přihlásit se a vyplnit' }).click());
	await navigation(page, () => page.getByRole('button', { name: 'Přihlásit se přes Identitu občana' }).click());
	await page.getByLabel('Uživatelské jméno').fill('jana');
	await page.getByLabel('Heslo').fill('obcan-demo');
	await navigation(page, () => page.getByRole('button', { name: 'Přihlásit se' }).click());
	if (new URL(page.url()).pathname === '/registrace') {
		await page.getByLabel('Souhlasím s podmínkami užívání účtu').check();
		await navigation(page, () => page.getByRole('button', { name: 'Založit účet' }).click());
	}
	await expectPath(page, FORM);
}



/** Expects the error summary to list messages, and to have the focus. */
async function expectErrors(page, ...messages) {
	const summary = page.locator('.error-summary');
	for (const m of messages) {
		await expectText(summary, new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	}
	expectTrue((await page.title()).startsWith('Chyba: '), `the title ${await page.title()} says there is an error`);
	expectEqual(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), true, 'the summary has the focus');
}

const page = await t.newPage({ javaScriptEnabled: false });

await t.step('the start page says what the form needs and asks to log in', async () => {
	await page.goto(t.url(FORM));
	await expectText(page.locator('h1'), 'Přihlášení psa k místnímu poplatku ze psů');
	await expectText(page.locator('main'), /Formulář má 4 kroky/);
	await check(page, 'the start page');
	await logIn(page);
	await check(page, 'the start page, logged in');
});

await t.step('step 1 is prefilled from her eID, and a name left out comes back as an error', async () => {
	await navigation(page, () => page.getByRole('button', { name: 'Vyplnit formulář' }).click());
	await expectPath(page, FORM + '/krok/1');
	expectEqual(await page.getByLabel('Jméno', { exact: true }).inputValue(), 'Jana', 'her given name');
	expectEqual(await page.getByLabel('Datum narození').inputValue(), '1985-04-12', 'her date of birth');
	expectTrue(await page.getByLabel('Česká 1318/30, 742 21 Kopřivnice').isChecked(), 'her address is chosen');
	await check(page, 'step 1');
	await page.getByLabel('Jméno', { exact: true }).fill('');
	await page.getByLabel('Jméno', { exact: true }).press('Enter'); // Enter saves and goes on
	await expectErrors(page, 'Držitel psa: vyplňte pole „Jméno“.');
	await check(page, 'step 1 with an error');
	await page.locator('.error-summary a').first().click();
	expectEqual(await focusedElement(page), 'holder.given', 'the summary leads to the field');
	await page.getByLabel('Jméno', { exact: true }).fill('Jana');
	await saveAndContinue(page);
	await expectPath(page, FORM + '/krok/2');
});

await t.step('step 2 takes two dogs, the second added by a button, and refuses a wrong chip number', async () => {
	await fillDog(page, 0, { name: 'Rex', breed: 'kříženec', sex: 'Pes', born: '2024-05-01', chip: '203098100123456', since: '2024-08-01', origin: 'Z útulku' });
	await navigation(page, () => page.getByRole('button', { name: 'Přidat dalšího psa' }).click());
	expectEqual(await page.getByRole('group', { name: 'Pes 1', exact: true }).getByLabel('Jméno psa').inputValue(), 'Rex', 'the first dog kept');
	await fillDog(page, 1, { name: 'Bety', breed: 'bígl', sex: 'Fena', born: '2025-03-20', chip: '12345', since: '2025-06-01', origin: 'Od chovatele nebo jiného držitele' });
	await check(page, 'step 2 with two dogs');
	await saveAndContinue(page);
	await expectErrors(page, 'Pes 2: pole „Číslo čipu“ nemá správný tvar');
	await check(page, 'step 2 with an error');
	await page.getByRole('group', { name: 'Pes 2', exact: true }).getByLabel('Číslo čipu').fill('203098100654321');
	await saveAndContinue(page);
	await expectPath(page, FORM + '/krok/3');
});

await t.step('step 3 shows the reason of an exemption once the form is updated, and asks for it', async () => {
	expectTrue(!(await page.getByLabel('Důvod osvobození').isVisible()), 'the reason is hidden until an exemption is claimed');
	await page.getByLabel('Osvobození od poplatku').check();
	await navigation(page, () => page.getByRole('button', { name: 'Aktualizovat formulář' }).click());
	expectTrue(await page.getByLabel('Důvod osvobození').isVisible(), 'the reason shows after the update');
	await saveAndContinue(page);
	await expectErrors(page, 'Vyberte jednu z možností v poli „Důvod osvobození“.', 'Přiložte soubor v poli „Doklad o nároku“.');
	await check(page, 'step 3 with errors');
	await page.getByLabel('Ne', { exact: true }).check();
	await saveAndContinue(page);
	await expectPath(page, FORM + '/krok/4');
});

await t.step('step 4 needs the declaration; the check lists every answer with a way back', async () => {
	await page.getByLabel('Pošlete mi ji poštou').check();
	await saveAndContinue(page);
	await expectErrors(page, 'Potvrzuji, že uvedené údaje jsou pravdivé a úplné');
	await check(page, 'step 4 with an error');
	await page.getByLabel('Potvrzuji, že uvedené údaje jsou pravdivé a úplné.').check();
	await saveAndContinue(page);
	await expectPath(page, FORM + '/kontrola');
	await expectText(page.locator('main'), /Pes 2: Jméno psa\s*Bety/);
	await check(page, 'the check of the answers');
	await navigation(page, () => page.getByRole('link', { name: 'Změnit Pes 2: Jméno psa' }).click());
	await expectPath(page, FORM + '/krok/2');
	await saveAndContinue(page);
	await expectPath(page, FORM + '/kontrola'); // a draft whose every step is done returns to its check
});

await t.step('in English the page speaks English and marks the Czech texts of the form', async () => {
	await page.goto(t.url('/en' + FORM + '/krok/2'));
	await expectText(page.locator('.form-progress'), 'Step 2 of 4');
	await expectText(page.getByRole('button', { name: 'Save and continue' }).last(), 'Save and continue');
	expectEqual(await page.getByText('Jméno psa').first().getAttribute('lang'), 'cs', 'the lang of a label');
	await check(page, 'step 2 in English');
	await page.goto(t.url(FORM + '/kontrola'));
});

await t.step('sending gives the receipt; the back button to the check lands on the same one', async () => {
	await navigation(page, () => page.getByRole('button', { name: 'Odeslat podání' }).click());
	await expectText(page.locator('h1'), 'Podání bylo odesláno');
	const receipt = new URL(page.url()).pathname;
	expectTrue(/^\/formulare\/podano\/P-2026-\d{6}$/.test(receipt), `the receipt's address ${receipt}`);
	await check(page, 'the receipt');
	await page.goBack(); // the check, never cached, leads to what it filed
	await expectPath(page, receipt);
	await navigation(page, () => page.getByRole('link', { name: 'Potvrzení k vytištění' }).click());
	await expectText(page.locator('h1'), 'Potvrzení o podání');
	await check(page, 'the printable confirmation');
});

await t.step('with JavaScript a conditional field shows and hides as she answers', async () => {
	const js = await t.newPage();
	await logIn(js);
	await navigation(js, () => js.getByRole('button', { name: 'Vyplnit formulář' }).click());
	await saveAndContinue(js);
	await fillDog(js, 0, { name: 'Alík', breed: 'jezevčík', sex: 'Pes', born: '2023-01-10', chip: '203098100111222', since: '2023-04-01', origin: 'Z vlastního odchovu' });
	await saveAndContinue(js);
	await expectPath(js, FORM + '/krok/3');
	expectTrue(!(await js.getByRole('button', { name: 'Aktualizovat formulář' }).isVisible()), 'no update button with JavaScript');
	await js.getByLabel('Osvobození od poplatku').check();
	expectTrue(await js.getByLabel('Důvod osvobození').isVisible(), 'the reason shows at once');
	expectTrue(await js.getByLabel('Doklad o nároku').isVisible(), 'the proof shows at once');
	await axeCheck(js, 'step 3 with the exemption claimed (JavaScript)');
	await js.getByLabel('Sníženou sazbu pro poživatele důchodu').check();
	expectTrue(!(await js.getByLabel('Důvod osvobození').isVisible()), 'the reason hides again');
	await saveAndContinue(js);
	await expectErrors(js, 'Prohlašuji, že jediným zdrojem mých příjmů');
	await axeCheck(js, 'step 3 with errors (JavaScript)');
});

await t.step('every page met without JavaScript is valid HTML (Nu HTML Checker)', async () => {
	await validateHTMLPages(pages);
}, { timeout: 90000 });

await t.finish();
