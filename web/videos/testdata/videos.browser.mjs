// Browser specification of the video guides: the catalogue and a guide's page with its player,
// captions and transcript; run by TestVideoGuidesInBrowser as `node videos.browser.mjs BASEURL`
// against the demo town, whose videos .ci/media made with ffmpeg.

import {
	start,
	axeCheck,
	eventually,
	expectEqual,
	expectPath,
	expectText,
	expectTrue,
	fetchHTML,
	navigation,
	validateHTMLPages,
} from '../../browsertest/browser.mjs';

const DOG = {
	path: '/videonavody/jak-prihlasit-psa',
	title: 'Jak přihlásit psa',
	duration: 56, // seconds, as the content file says
	cues: 10,
	firstCue: 'Dobrý den, v tomto návodu vám ukážeme, jak přihlásit psa k místnímu poplatku ze psů.',
};

const t = await start();

// The Nu HTML Checker needs a JVM start: it checks the server's raw pages while the browser
// steps run; the last step reports what it found.
let validation;
await t.step('the server answers the catalogue and the guides as HTML', async () => {
	const pages = [];
	for (const path of ['/videonavody', DOG.path, '/en/videonavody', `/en${DOG.path}`]) {
		pages.push({ name: path, html: await fetchHTML(t.url(path)) });
	}
	validation = validateHTMLPages(pages).then(
		() => null,
		(err) => err,
	);
});

const page = await t.newPage();
const videoRequests = [];
page.on('response', (res) => {
	if (res.url().endsWith('/video')) {
		videoRequests.push({ status: res.status(), range: res.request().headers().range ?? null });
	}
});

await t.step('the catalogue lists the five guides and has no WCAG 2.1 A/AA violations', async () => {
	await page.goto(t.url('/videonavody'));
	await expectText(page.locator('h1'), 'Videonávody');
	expectEqual(await page.locator('.video-list > li').count(), 5, 'guides listed');
	await expectText(page.locator('.video-list li', { hasText: DOG.title }).locator('.video-facts'), /^Délka: 0:56 · Zveřejněno: 16\. února 2026$/);
	await axeCheck(page, 'the catalogue');
});

await t.step('a guide opens from the catalogue by keyboard', async () => {
	const link = page.getByRole('link', { name: DOG.title, exact: true });
	await link.focus();
	await navigation(page, () => page.keyboard.press('Enter'));
	await expectPath(page, DOG.path);
	await expectText(page.locator('h1'), DOG.title);
});

await t.step('the player loads the video and its length matches the guide', async () => {
	const video = page.locator('video');
	await eventually(() => video.evaluate((v) => v.readyState), 'readyState of the video', { check: (s) => s >= 1, timeout: 10000 });
	const duration = await video.evaluate((v) => v.duration);
	expectTrue(Math.abs(duration - DOG.duration) < 0.3, `the video lasts ${duration} s, want ${DOG.duration} s`);
	const size = await video.evaluate((v) => [v.videoWidth, v.videoHeight]);
	expectEqual(size, [640, 360], 'the video frame');
	expectEqual(await video.evaluate((v) => v.currentSrc.endsWith(`${'/videonavody/jak-prihlasit-psa'}/video`)), true, 'the video plays from its file');
});

await t.step('the Czech captions load in the player', async () => {
	const track = page.locator('video track');
	// HTMLTrackElement.LOADED is 2.
	await eventually(() => track.evaluate((el) => el.readyState), 'readyState of the captions track', { check: (s) => s === 2, timeout: 10000 });
	const captions = await page.locator('video').evaluate((v) => {
		const tt = v.textTracks[0];
		return { kind: tt.kind, language: tt.language, mode: tt.mode, cues: tt.cues.length, first: tt.cues[0].text };
	});
	expectEqual(captions, { kind: 'captions', language: 'cs', mode: 'showing', cues: DOG.cues, first: DOG.firstCue }, 'the captions track');
});

await t.step('seeking fetches the part of the video it needs by HTTP Range', async () => {
	const video = page.locator('video');
	await video.evaluate(
		(v) =>
			new Promise((resolve, reject) => {
				v.addEventListener('seeked', resolve, { once: true });
				v.addEventListener('error', () => reject(new Error(`media error ${v.error?.code}`)), { once: true });
				v.currentTime = 40;
			}),
	);
	expectTrue(
		videoRequests.some((r) => r.status === 206 && r.range),
		`the browser made a range request answered with 206: ${JSON.stringify(videoRequests)}`,
	);
	const caption = await eventually(() => video.evaluate((v) => [...v.textTracks[0].activeCues].map((c) => c.text).join(' ')), 'the caption shown at 0:40', {
		check: (s) => s.length > 0,
	});
	expectTrue(caption.includes('variabilním symbolem'), `the caption at 0:40 is the one written for it: ${caption}`);
});

await t.step('the player is reached and started from the keyboard', async () => {
	await page.getByRole('navigation', { name: 'Drobečková navigace' }).getByRole('link', { name: 'Videonávody' }).focus();
	await page.keyboard.press('Tab');
	expectEqual(await page.evaluate(() => document.activeElement?.tagName), 'VIDEO', 'the element focused after the breadcrumbs');
	const focusVisible = await page.evaluate(() => document.activeElement.matches(':focus-visible'));
	expectTrue(focusVisible, 'the focused player shows a focus indicator');
	const video = page.locator('video');
	await video.evaluate((v) => {
		v.muted = true; // the test machine has no speakers
		v.pause();
	});
	await page.keyboard.press('Space');
	await eventually(() => video.evaluate((v) => !v.paused && v.currentTime > 0), 'the video plays after Space');
	await page.keyboard.press('Space');
	await eventually(() => video.evaluate((v) => v.paused), 'the video pauses after Space again');
});

await t.step('the transcript and related situations are on the page, and it has no WCAG 2.1 A/AA violations', async () => {
	const transcript = page.getByRole('list', { name: 'Přepis videa' });
	expectEqual(await transcript.locator('li').count(), DOG.cues, 'transcript paragraphs');
	await expectText(transcript.locator('li').first(), `0:00 ${DOG.firstCue}`);
	const situations = page.getByRole('list', { name: 'Související životní situace' });
	expectEqual(await situations.getByRole('link').first().getAttribute('href'), '/zivotni-situace/prihlaseni-psa', 'the related situation');
	await axeCheck(page, 'the guide');
});

await t.step('in English the page keeps the Czech guide marked as Czech, without violations', async () => {
	await page.goto(t.url(`/en${DOG.path}`));
	await expectText(page.locator('h1[lang="cs"]'), DOG.title);
	expectEqual(await page.locator('video track').getAttribute('label'), 'Czech', 'the track label');
	await axeCheck(page, 'the English guide');
});

await t.step('without JavaScript the player, the transcript and the files are all there', async () => {
	const plain = await t.newPage({ javaScriptEnabled: false });
	await plain.goto(t.url(DOG.path));
	expectEqual(await plain.locator('video[controls] source[type="video/webm"]').count(), 1, 'the player');
	expectEqual(await plain.locator('ol.transcript li').count(), DOG.cues, 'transcript paragraphs');
	const download = plain.getByRole('link', { name: /^Stáhnout video \(WebM, \d+\s*kB\)$/ });
	expectEqual(await download.getAttribute('href'), `${DOG.path}/video`, 'the download link');
	await axeCheck(plain, 'the guide without JavaScript');
});

await t.step('every page is valid HTML', async () => {
	const err = await validation;
	if (err) {
		throw err;
	}
});

await t.finish();
