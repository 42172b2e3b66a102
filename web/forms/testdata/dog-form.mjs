// What the browser tests that file the dog form (/formulare/prihlaseni-psa) share.

import { navigation } from '../../browsertest/browser.mjs';

/** Presses the step's main button. */
export async function saveAndContinue(page) {
	await navigation(page, () => page.getByRole('button', { name: 'Uložit a pokračovat' }).last().click());
}

/** Fills the fields of the dog in row i (from 0). */
export async function fillDog(page, i, dog) {
	const row = page.getByRole('group', { name: `Pes ${i + 1}`, exact: true });
	await row.getByLabel('Jméno psa').fill(dog.name);
	await row.getByLabel('Plemeno').fill(dog.breed);
	await row.getByLabel(dog.sex, { exact: true }).check();
	await row.getByLabel('Datum narození psa').fill(dog.born);
	await row.getByLabel('Číslo čipu').fill(dog.chip);
	await row.getByLabel('Psa držím od').fill(dog.since);
	await row.getByLabel('Odkud pes pochází').selectOption({ label: dog.origin });
}
