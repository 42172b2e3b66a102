// Browser specification of the embeddable widget <radnice-lookup>; run by
// TestWidgetOnAnotherSiteInBrowser as `node widget.browser.mjs PORTALURL` with the host site,
// another origin, in RADNICE_WIDGET_HOST. The portal serves the demo town with a weekly
// collection of mixed waste on Tuesdays in every zone.

import {
	start,
	axeCheck,
	expectAttribute,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	fetchHTML,
	navigation,
	validateHTML,
} from '../../browsertest/browser.mjs';

const STEFANIKOVA = { id: 2401163, label: 'Štefánikova 1163/12, 742 21 Kopřivnice' };
const STEFANIKOVA_12A = { id: 2401170, label: 'Štefánikova 1170/12a, 742 21 Kopřivnice' };
const LUBINA = { id: 2500025, label: 'Lubina 25, 742 21 Kopřivnice' };
// A date as the widget writes it: "út 1. 12. 2026" (with no-break spaces, collapsed here).
const CZECH_DATE = /^(po|út|st|čt|pá|so|ne) \d{1,2}\. \d{1,2}\. \d{4}$/;

const t = await start();
const host = process.env.RADNICE_WIDGET_HOST;

// A date as the English widget writes it: "Tue 1 Dec 2026".
const ENGLISH_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;

// The Nu HTML Checker needs a JVM start: it checks the documentation pages while the browser
// steps run; the last step reports what it found.
const validation = Promise.all(
	['/pro-weby', '/en/pro-weby'].map((path) => fetchHTML(t.url(path)).then((html) => validateHTML(html, path))),
).then(
	() => null,
	(err) => err,
);

const page = await t.newPage();
const apiRequests = [];
page.on('request', (request) => {
	if (request.url().startsWith(t.url('/api/v1/'))) {
		apiRequests.push(request);
	}
});
const waste = page.locator('radnice-lookup[kind="waste"]');
const all = page.locator('radnice-lookup[kind="all"]');
const wasteInput = waste.getByRole('combobox', { name: 'Vaše adresa' });
const allInput = all.getByRole('combobox', { name: 'Vaše adresa' });

await t.step('a page of another origin embeds two widgets, each in its own shadow root', async () => {
	expectTrue(host && new URL(host).origin !== new URL(t.baseURL).origin, `the host ${host} is another origin than the portal ${t.baseURL}`);
	await page.goto(host);
	await expectText(waste.getByRole('heading', { level: 2 }), 'Svoz odpadu');
	await expectText(all.getByRole('heading', { level: 2 }), 'Moje adresa');
	expectEqual(await page.locator('radnice-lookup').evaluateAll((els) => els.map((el) => el.shadowRoot?.mode)), ['open', 'open'], 'shadow roots');
	expectEqual(await waste.locator(':scope > a').isVisible(), false, 'the fallback link is visible');
	await axeCheck(page, 'the host page with the widgets');
});

await t.step('the host page stylesheet does not reach into the widget', async () => {
	const hostile = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontSize);
	expectEqual(hostile, '40px', 'font size of the host page heading (the stylesheet applies)');
	const styles = await waste.evaluate(({ shadowRoot: root }) => {
		const style = (selector) => {
			const s = getComputedStyle(root.querySelector(selector));
			return {
				color: s.color,
				fontSize: s.fontSize,
				serif: s.fontFamily.includes('Times'),
				textTransform: s.textTransform,
				letterSpacing: s.letterSpacing,
				display: s.display,
				border: s.borderTopStyle,
			};
		};
		return { label: style('label'), input: style('input'), button: style('button'), heading: style('h2'), listbox: style('[role="listbox"]') };
	});
	const text = { serif: false, textTransform: 'none', letterSpacing: 'normal' };
	expectEqual(styles.label, { color: 'rgb(27, 31, 36)', fontSize: '16px', ...text, display: 'block', border: 'none' }, 'label');
	expectEqual(styles.heading, { color: 'rgb(27, 31, 36)', fontSize: '20px', ...text, display: 'block', border: 'none' }, 'heading');
	expectEqual(styles.input, { color: 'rgb(27, 31, 36)', fontSize: '16px', ...text, display: 'block', border: 'solid' }, 'input');
	expectEqual(styles.button, { color: 'rgb(255, 255, 255)', fontSize: '16px', ...text, display: 'inline-block', border: 'solid' }, 'button');
	expectEqual(styles.listbox.display, 'none', 'the closed listbox');
});

await t.step('typed letters bring suggestions, the keyboard picks one and the waste answer shows dates', async () => {
	await wasteInput.click();
	await wasteInput.pressSequentially('stefanikova 12', { delay: 20 });
	const listbox = waste.getByRole('listbox', { name: 'Návrhy adres' });
	await expectAttribute(wasteInput, 'aria-expanded', 'true');
	// Suggestions for the text typed so far may show first: wait for those of the whole text.
	await expectText(waste.getByRole('status'), 'Nalezeny 2 adresy. Vyberte šipkami.');
	expectEqual(await listbox.getByRole('option').allTextContents(), [STEFANIKOVA.label, STEFANIKOVA_12A.label], 'suggestions');
	await wasteInput.press('ArrowDown');
	await expectAttribute(wasteInput, 'aria-activedescendant', 'option-0');
	await wasteInput.press('ArrowDown');
	await expectAttribute(wasteInput, 'aria-activedescendant', 'option-1');
	await wasteInput.press('ArrowUp');
	await expectAttribute(wasteInput, 'aria-activedescendant', 'option-0');
	await expectAttribute(listbox.getByRole('option', { name: STEFANIKOVA.label }), 'aria-selected', 'true');
	await axeCheck(page, 'the host page with suggestions open');

	await wasteInput.press('Enter');
	await expectAttribute(wasteInput, 'aria-expanded', 'false');
	expectEqual(await wasteInput.inputValue(), STEFANIKOVA.label, 'the field after the choice');
	const answer = waste.locator('.answer');
	await expectText(answer.locator('p').first(), `Adresa: ${STEFANIKOVA.label}`);
	expectEqual(await waste.evaluate((el) => el.shadowRoot.activeElement?.textContent), `Adresa: ${STEFANIKOVA.label}`, 'focus after the answer');
	await expectText(answer.locator('p').nth(1), /^Svozová oblast: Oblast /);
	await expectText(answer.locator('dt'), 'směsný');
	const dates = await answer.locator('dd time').allTextContents();
	expectEqual(dates.length, 3, 'dates shown');
	for (const d of dates) {
		expectTrue(CZECH_DATE.test(d.replace(/\s+/g, ' ')), `"${d}" is a Czech date like "út 1. 12. 2026"`);
	}
	expectEqual(await answer.getByRole('link', { name: 'Více na portálu' }).getAttribute('href'), t.url(`/svoz-odpadu/${STEFANIKOVA.id}`), 'link to the portal');
	expectEqual(
		await answer.getByRole('link', { name: 'Termíny svozu do kalendáře' }).getAttribute('href'),
		t.url(`/api/v1/waste/${STEFANIKOVA.id}.ics`),
		'calendar link',
	);
	await axeCheck(page, 'the host page with the waste answer');
});

await t.step('the widget read the API across origins', async () => {
	expectTrue(apiRequests.length >= 2, `requests to the portal's API: ${apiRequests.length}`);
	// Requests the widget aborted (a newer text superseded them) never got their headers sent.
	for (const request of apiRequests.filter((r) => !r.failure())) {
		expectEqual(await request.headerValue('origin'), new URL(host).origin, `Origin of ${request.url()}`);
		expectEqual((await request.response())?.status(), 200, `status of ${request.url()}`);
	}
});

await t.step('Escape closes the suggestions, a second Escape empties the field', async () => {
	await wasteInput.fill('');
	await wasteInput.pressSequentially('lubina 2', { delay: 20 });
	await expectAttribute(wasteInput, 'aria-expanded', 'true');
	await wasteInput.press('Escape');
	await expectAttribute(wasteInput, 'aria-expanded', 'false');
	expectEqual(await wasteInput.inputValue(), 'lubina 2', 'the field after one Escape');
	await wasteInput.press('Escape');
	expectEqual(await wasteInput.inputValue(), '', 'the field after two Escapes');
});

await t.step('"all" answers a text submitted with Enter, its parts under headings one level lower', async () => {
	await allInput.fill(LUBINA.label);
	await allInput.press('Enter');
	const answer = all.locator('.answer');
	await expectText(answer.locator('p').first(), `Adresa: ${LUBINA.label}`);
	expectEqual(await answer.getByRole('heading', { level: 3 }).allTextContents(), ['Kde volím', 'Svoz odpadu', 'Spádová škola'], 'part headings');
	const text = (await answer.textContent()).replace(/\s+/g, ' ');
	for (const fact of ['Vaše adresa patří do volebního okrsku č. ', 'Svozová oblast: ', 'Základní škola', 'Mateřská škola']) {
		expectTrue(text.includes(fact), `the answer says "${fact}"`);
	}
	expectEqual(await answer.getByRole('link', { name: 'Více na portálu' }).getAttribute('href'), t.url(`/moje-adresa/${LUBINA.id}`), 'link to the portal');
	await axeCheck(page, 'the host page with the whole answer');
});

await t.step('a text that matches several addresses lists them to choose from', async () => {
	await allInput.fill('stefanikova 12');
	await allInput.press('Enter');
	const answer = all.locator('.answer');
	await expectText(answer.locator('p').first(), 'Zadání odpovídá více adresám. Vyberte tu svou:');
	expectEqual(await answer.getByRole('button').allTextContents(), [STEFANIKOVA.label, STEFANIKOVA_12A.label], 'candidates');
	await axeCheck(page, 'the host page with candidates', { colorSchemes: ['light'] });
	await answer.getByRole('button', { name: STEFANIKOVA_12A.label }).click();
	await expectText(answer.locator('p').first(), `Adresa: ${STEFANIKOVA_12A.label}`);
});

await t.step('an empty field says what to type', async () => {
	await allInput.fill('');
	await allInput.press('Enter');
	await expectText(all.locator('#error'), 'Zadejte adresu, kterou hledáte.');
	await expectAttribute(allInput, 'aria-invalid', 'true');
	await expectAttribute(allInput, 'aria-describedby', 'hint error');
	await axeCheck(page, 'the host page with the error', { colorSchemes: ['light'] });
	await allInput.pressSequentially('L');
	await expectAttribute(allInput, 'aria-invalid', null);
});

await t.step('failures of the portal show as readable messages', async () => {
	const lookups = t.url('/api/v1/lookup') + '?*';
	const failures = [
		[(route) => route.abort('internetdisconnected'), 'Portál se nepodařilo zastihnout. Zkontrolujte připojení k internetu a zkuste to znovu.'],
		[
			(route) =>
				route.fulfill({
					status: 503,
					contentType: 'application/problem+json',
					headers: { 'Access-Control-Allow-Origin': '*' },
					body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
				}),
			'Portál teď nemůže odpovědět. Zkuste to prosím za chvíli znovu.',
		],
	];
	for (const [handler, message] of failures) {
		await page.route(lookups, handler);
		await allInput.fill(LUBINA.label);
		await allInput.press('Enter');
		await expectText(all.getByRole('alert'), message);
		await page.unroute(lookups, handler);
	}
	await allInput.press('Enter');
	await expectText(all.locator('.answer p').first(), `Adresa: ${LUBINA.label}`);
});

await t.step('the documentation page shows the snippets for this portal and a live preview that works', async () => {
	const docs = await t.newPage();
	await docs.goto(t.url('/'));
	await navigation(docs, () => docs.getByRole('link', { name: 'Vložte vyhledávání na svůj web' }).click());
	await expectPath(docs, '/pro-weby');
	await expectText(docs.locator('h1'), 'Vložte vyhledávání na svůj web');
	const snippets = await docs.locator('pre.snippet').allTextContents();
	expectTrue(snippets.includes(`<script src="${t.baseURL}/widget.js" defer></script>`), `a snippet loads the script: ${snippets[0]}`);
	for (const kind of ['waste', 'polling', 'schools', 'all']) {
		expectTrue(
			snippets.some((s) => s.startsWith(`<radnice-lookup kind="${kind}">`)),
			`a snippet embeds kind="${kind}"`,
		);
	}
	const preview = docs.locator('radnice-lookup');
	await expectText(preview.getByRole('heading', { level: 3 }), 'Moje adresa');
	await axeCheck(docs, 'the documentation page');
	const input = preview.getByRole('combobox', { name: 'Vaše adresa' });
	await input.pressSequentially('stefanikova 12', { delay: 20 });
	await expectAttribute(input, 'aria-expanded', 'true');
	// Suggestions for the text typed so far may show first: wait for those of the whole text.
	await expectText(preview.getByRole('status'), 'Nalezeny 2 adresy. Vyberte šipkami.');
	await input.press('ArrowDown');
	await input.press('Enter');
	await expectText(preview.locator('.answer p').first(), `Adresa: ${STEFANIKOVA.label}`);
	expectEqual(await preview.locator('.answer').getByRole('heading', { level: 4 }).count(), 3, 'part headings of level 4');
	await axeCheck(docs, 'the documentation page with an answer in the preview');
});

await t.step('on the English documentation page the preview speaks English and links English pages', async () => {
	const docs = await t.newPage();
	await docs.goto(t.url('/en/pro-weby'));
	await expectText(docs.locator('h1'), 'Put the lookups on your website');
	const preview = docs.locator('radnice-lookup');
	await expectText(preview.getByRole('heading', { level: 3 }), 'My address');
	const input = preview.getByRole('combobox', { name: 'Your address' });
	await input.pressSequentially('stefanikova 12', { delay: 20 });
	await expectText(preview.getByRole('status'), '2 addresses found. Choose with the arrow keys.');
	await input.press('ArrowDown');
	await input.press('Enter');
	const answer = preview.locator('.answer');
	await expectText(answer.locator('p').first(), `Address: ${STEFANIKOVA.label}`);
	expectEqual(await answer.getByRole('heading', { level: 4 }).allTextContents(), ['Where do I vote', 'Waste collection', 'Catchment school'], 'part headings');
	for (const d of await answer.locator('dd time').allTextContents()) {
		expectTrue(ENGLISH_DATE.test(d.replace(/\s+/g, ' ')), `"${d}" is an English date like "Tue 1 Dec 2026"`);
	}
	expectEqual(await answer.getByRole('link', { name: 'More on the portal' }).getAttribute('href'), t.url(`/en/moje-adresa/${STEFANIKOVA.id}`), 'link to the portal');
	await axeCheck(docs, 'the English documentation page with an answer in the preview');
});

await t.step('the Nu HTML Checker finds no errors in the documentation pages', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
});

await t.finish();
