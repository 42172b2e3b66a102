// Browser journey of issue 6, with JavaScript, through the real identity provider and a real
// SMTP catcher: Jana files the dog registration prefilled from her eID with two dogs, receives
// the confirmation e-mail (read through mailpit's API, RADNICE_MAILPIT_API), the clerk accepts
// the submission, and Jana sees its new status in her account. (The same form without
// JavaScript is web/forms' dog-form.browser.mjs.) Run by TestAFiledFormReachesTheClerkAndBackInBrowser.

import {
	start,
	axeCheck,
	eventually,
	expectPath,
	expectText,
	expectTrue,
	navigation,
} from '../browsertest/browser.mjs';
import { fillDog, saveAndContinue } from '../forms/testdata/dog-form.mjs';

const FORM = '/formulare/prihlaseni-psa';
const MAILPIT = process.env.RADNICE_MAILPIT_API;

const t = await start();
const jana = await t.newPage();
const clerk = await t.newPage();
let receipt;

/** Logs login in through the provider from wherever the page stands at its login form. */
async function provider(page, login, password) {
	await page.getByLabel('Uživatelské jméno').fill(login);
	await page.getByLabel('Heslo').fill(password);
	await navigation(page, () => page.getByRole('button', { name: 'Přihlásit se' }).click());
	if (new URL(page.url()).pathname === '/registrace') {
		await page.getByLabel('Souhlasím s podmínkami užívání účtu').check();
		await navigation(page, () => page.getByRole('button', { name: 'Založit účet' }).click());
	}
}



await t.step('Jana logs in from the form and finds her details filled in', async () => {
	await jana.goto(t.url(FORM));
	await navigation(jana, () => jana.getByRole('link', { name: 'Přihlásit se a vyplnit' }).click());
	await navigation(jana, () => jana.getByRole('button', { name: 'Přihlásit se přes Identitu občana' }).click());
	await provider(jana, 'jana', 'obcan-demo');
	await expectPath(jana, FORM);
	await navigation(jana, () => jana.getByRole('button', { name: 'Vyplnit formulář' }).click());
	expectTrue(await jana.getByLabel('Příjmení').inputValue() === 'Nováková', 'her family name is prefilled');
	expectTrue(await jana.getByLabel('Česká 1318/30, 742 21 Kopřivnice').isChecked(), 'her address is chosen');
	await saveAndContinue(jana);
});

await t.step('she registers two dogs and sends the form', async () => {
	await fillDog(jana, 0, { name: 'Rex', breed: 'kříženec', sex: 'Pes', born: '2024-05-01', chip: '203098100123456', since: '2024-08-01', origin: 'Z útulku' });
	await navigation(jana, () => jana.getByRole('button', { name: 'Přidat dalšího psa' }).click());
	await fillDog(jana, 1, { name: 'Bety', breed: 'bígl', sex: 'Fena', born: '2025-03-20', chip: '203098100654321', since: '2025-06-01', origin: 'Od chovatele nebo jiného držitele' });
	await saveAndContinue(jana);
	await jana.getByLabel('Ne', { exact: true }).check();
	await saveAndContinue(jana);
	await jana.getByLabel('Pošlete mi ji poštou').check();
	await jana.getByLabel('Potvrzuji, že uvedené údaje jsou pravdivé a úplné.').check();
	await saveAndContinue(jana);
	await expectPath(jana, FORM + '/kontrola');
	await expectText(jana.locator('main'), /Pes 2: Jméno psa\s*Bety/);
	await navigation(jana, () => jana.getByRole('button', { name: 'Odeslat podání' }).click());
	await expectText(jana.locator('h1'), 'Podání bylo odesláno');
	receipt = new URL(jana.url()).pathname.split('/').pop();
	await axeCheck(jana, 'the receipt');
});

await t.step('the confirmation e-mail arrives, its subject naming the receipt and not her', async () => {
	const found = await eventually(async () => {
		const res = await fetch(`${MAILPIT}/api/v1/search?query=${encodeURIComponent('to:jana.novakova@posta.example')}`);
		const body = await res.json();
		return body.messages.find((m) => m.Subject.includes(receipt));
	}, 'the e-mail in mailpit', { timeout: 15000 });
	expectTrue(!/Nováková|Jana/.test(found.Subject), `the subject ${found.Subject} names no one`);
});

await t.step('the clerk accepts it with its reference number', async () => {
	await clerk.goto(t.url('/prihlaseni'));
	await navigation(clerk, () => clerk.getByRole('button', { name: 'Přihlášení pro zaměstnance úřadu' }).click());
	await provider(clerk, 'referent', 'referent-demo');
	await clerk.goto(t.url('/sprava/podani'));
	await navigation(clerk, () => clerk.locator('.inbox-table tbody a').first().click());
	await expectText(clerk.locator('main'), new RegExp(receipt));
	await expectText(clerk.locator('.inbox-answers'), /Jméno psa\s*Bety/);
	await clerk.getByLabel('Číslo jednací').first().fill('MKOP/777/2026');
	await navigation(clerk, () => clerk.getByRole('button', { name: 'Přijmout', exact: true }).click());
	await expectText(clerk.locator('p[role=status]'), 'Podání je přijato.');
});

await t.step('Jana sees the new status in her account, and an e-mail tells her too', async () => {
	await jana.goto(t.url('/muj-ucet'));
	await navigation(jana, () => jana.getByRole('link', { name: /Přihlášení psa k místnímu poplatku ze psů/ }).first().click());
	await expectText(jana.locator('.inbox-history'), /Stav: Přijato/);
	await axeCheck(jana, 'her submission');
	await eventually(async () => {
		const res = await fetch(`${MAILPIT}/api/v1/search?query=${encodeURIComponent('to:jana.novakova@posta.example')}`);
		return (await res.json()).messages.length >= 2;
	}, 'the status e-mail in mailpit', { timeout: 15000 });
});

await t.finish();
