// The harness's own specification; run by TestHarness against a server of fixture pages.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import {
	start,
	axeCheck,
	expectEqual,
	expectText,
	expectTrue,
	fetchHTML,
	validateHTML,
	validateHTMLPages,
} from '../browser.mjs';

const t = await start();

// rejection runs fn and returns the message of the error it throws; it fails if none is thrown.
async function rejection(fn) {
	try {
		await fn();
	} catch (err) {
		return err.message;
	}
	throw new Error('expected an error, got none');
}

const page = await t.newPage();
const plain = await t.newPage({ javaScriptEnabled: false });

await t.step('axeCheck passes an accessible page, with and without JavaScript', async () => {
	await page.goto(t.url('/good'));
	await axeCheck(page, 'good');
	await plain.goto(t.url('/good'));
	await axeCheck(plain, 'good');
});

await t.step('axeCheck names the rules an inaccessible page breaks, with and without JavaScript', async () => {
	await page.goto(t.url('/bad'));
	const message = await rejection(() => axeCheck(page, 'bad'));
	expectTrue(/\[light\] image-alt \(critical\)/.test(message), `no image-alt violation in:\n${message}`);
	expectTrue(/\[light\] label \(critical\)/.test(message), `no label violation in:\n${message}`);
	expectTrue(message.includes('    img'), `no target in:\n${message}`);
	await plain.goto(t.url('/bad'));
	const plainMessage = await rejection(() => axeCheck(plain, 'bad'));
	expectTrue(plainMessage.includes('bad (without JavaScript)'), `label of:\n${plainMessage}`);
	expectTrue(/image-alt/.test(plainMessage), `no image-alt violation in:\n${plainMessage}`);
});

await t.step('axeCheck checks the dark colour scheme too and restores the light one', async () => {
	await page.goto(t.url('/dark'));
	const message = await rejection(() => axeCheck(page, 'dark'));
	expectTrue(/\[dark\] color-contrast/.test(message), `no dark contrast violation in:\n${message}`);
	expectTrue(!/\[light\]/.test(message), `a light violation in:\n${message}`);
	expectEqual(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), false, 'dark after the check');
	await axeCheck(page, 'dark', { colorSchemes: ['light'] });
});

await t.step('validateHTML accepts valid HTML', async () => {
	await validateHTML(await fetchHTML(t.url('/good')), 'good');
});

await t.step('validateHTMLPages reports each error with the page name and line', async () => {
	const message = await rejection(() =>
		validateHTMLPages([
			{ name: 'fine', html: '<!DOCTYPE html>\n<html lang="en"><title>x</title>\n<p>x</p>' },
			{ name: 'broken', html: '<!DOCTYPE html>\n<html lang="en"><title>x</title>\n<p><div>x</div></p>' },
		]),
	);
	expectTrue(message.includes('found 1 error(s)'), `error count in:\n${message}`);
	expectTrue(/^broken:3:\d+: No “p” element in scope/m.test(message), `no located error in:\n${message}`);
});

// failing runs the script that fails on purpose, as `node failing.browser.mjs BASEURL CASE`.
function failing(kase) {
	const script = fileURLToPath(new URL('./failing.browser.mjs', import.meta.url));
	return new Promise((resolve) => {
		execFile(process.execPath, [script, t.baseURL, kase], { timeout: 30000 }, (err, stdout, stderr) => {
			resolve({ code: err ? err.code : 0, output: stdout + stderr });
		});
	});
}

await t.step('a failed assertion ends the script with status 1 and names the step', async () => {
	const { code, output } = await failing('assertion');
	expectEqual(code, 1, 'exit status');
	expectTrue(output.includes('ok   this step passes'), `no passed step in:\n${output}`);
	expectTrue(output.includes('FAIL the heading reads "Bad"\n'), `no failed step in:\n${output}`);
	expectTrue(output.includes(`text of locator('h1'), want 'Bad'`), `no expectation in:\n${output}`);
	expectTrue(!output.includes('never runs'), `a step after the failure ran:\n${output}`);
});

await t.step('a CSP violation fails the step it happens in', async () => {
	const { code, output } = await failing('csp');
	expectEqual(code, 1, 'exit status');
	expectTrue(/FAIL the page loads\n\s+CSP violation in .*\/csp/.test(output), `no CSP failure in:\n${output}`);
});

await t.finish();
