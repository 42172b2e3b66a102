// Browser specification of the editors' screens of the video guides (/sprava/videa); run by
// TestVideoEditingInBrowser as `node editing.browser.mjs BASEURL` against the demo town, every
// request made by an editor.

import {
	start,
	axeCheck,
	eventually,
	expectEqual,
	expectPath,
	expectText,
	fetchHTML,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const LIST = '/sprava/videa';
const DOG = `${LIST}/jak-prihlasit-psa`;

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
const validations = [];

function settled(promise) {
	return promise.then(
		() => null,
		(err) => err,
	);
}

await t.step('the server answers each editors\' screen as HTML', async () => {
	const mistakes = new FormData();
	for (const [name, value] of Object.entries({ nazev: '', popis: 'Popis.', delka: 'pět minut', titulky: 'Dobrý den.' })) {
		mistakes.append(name, value);
	}
	const pages = [
		{ name: 'list', html: await fetchHTML(t.url(LIST)) },
		{ name: 'new guide', html: await fetchHTML(t.url(`${LIST}/novy`)) },
		{ name: 'new guide with mistakes', html: await fetchHTML(t.url(`${LIST}/novy`), { status: 422, method: 'POST', body: mistakes }) },
		{ name: 'editing screen', html: await fetchHTML(t.url(DOG)) },
		{ name: 'preview', html: await fetchHTML(t.url(`${DOG}/nahled`)) },
		{ name: 'English editing screen', html: await fetchHTML(t.url(`/en${DOG}`)) },
	];
	validations.push(settled(validateHTMLPages(pages)));
});

const page = await t.newPage();

await t.step('the list and a guide\'s editing screen have no WCAG 2.1 A/AA violations (light and dark)', async () => {
	await page.goto(t.url(LIST));
	await expectText(page.locator('h1'), 'Správa videonávodů');
	await axeCheck(page, 'the editors\' list');
	await navigation(page, () => page.getByRole('link', { name: 'Jak přihlásit psa' }).click());
	await expectPath(page, DOG);
	expectEqual(await page.getByRole('checkbox', { name: 'Pořízení psa' }).isChecked(), true, 'the linked situation is ticked');
	await axeCheck(page, 'the editing screen');
});

await t.step('a new guide with mistakes comes back with each next to its field, summarised first', async () => {
	await page.goto(t.url(`${LIST}/novy`));
	await page.getByLabel('Délka videa').fill('pět minut');
	await page.getByLabel('Titulky a přepis (WebVTT)').fill('Dobrý den.');
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako koncept' }).click());
	expectEqual(
		await page.locator('.error-summary li').allTextContents(),
		[
			'Zadejte název videonávodu.',
			'Zadejte popis videonávodu.',
			'Zadejte délku videa jako minuty:sekundy, například 1:30.',
			'Titulky nejsou soubor WebVTT: první řádek musí být WEBVTT.',
		],
		'the problems summarised',
	);
	await axeCheck(page, 'the new guide form with mistakes');
});

await t.step('a guide is written, given the video, previewed and published', async () => {
	const video = await (await page.request.get(t.url('/videonavody/jak-prihlasit-psa/video'))).body();
	await page.getByLabel('Název videonávodu').fill('Jak požádat o parkovací kartu');
	await page.getByLabel('Popis').fill('Návod provede žádostí o parkovací kartu.');
	await page.getByLabel('Délka videa').fill('0:56');
	await page.getByLabel('Titulky a přepis (WebVTT)').fill('WEBVTT\n\n00:00.500 --> 00:06.000\nDobrý den.\n');
	await page.getByRole('checkbox', { name: 'Parkovací karta pro rezidenty a firmy' }).check();
	await navigation(page, () => page.getByRole('button', { name: 'Uložit jako koncept' }).click());
	await expectText(page.locator('p[role=status]'), /^Koncept videonávodu je uložen\./);

	await page.getByLabel('Soubor videa').setInputFiles({ name: 'parkovaci-karta.webm', mimeType: 'video/webm', buffer: video });
	await navigation(page, () => page.getByRole('button', { name: 'Nahrát video' }).click());
	await expectText(page.locator('p[role=status]'), 'Video je nahráno.');

	await navigation(page, () => page.getByRole('link', { name: 'Náhled videonávodu' }).click());
	await expectText(page.locator('.preview-banner'), /^Náhled: takto bude stránka vypadat na portálu\./);
	// The player loads the draft's video and captions from the editors' addresses.
	await eventually(() => page.locator('video').evaluate((v) => v.readyState >= 1 && v.textTracks.length === 1), 'the draft\'s video loads in the preview');
	await axeCheck(page, 'the preview');

	await navigation(page, () => page.getByRole('link', { name: 'Zpět k úpravám' }).click());
	await navigation(page, () => page.getByRole('button', { name: 'Zveřejnit' }).click());
	await expectText(page.locator('p[role=status]'), 'Videonávod je zveřejněn.');
	await page.goto(t.url('/videonavody'));
	await expectText(page.locator('.video-list h2').first(), 'Jak požádat o parkovací kartu');
});

await t.step('every editors\' screen is valid HTML (Nu HTML Checker)', async () => {
	const failures = (await Promise.all(validations)).filter(Boolean);
	if (failures.length > 0) {
		throw failures[0];
	}
});

await t.finish();
