/*
 * Radnice widget: the portal's address lookup on other web sites, with one script and one element:
 *
 *   <script src="https://PORTAL/widget.js" defer></script>
 *   <radnice-lookup kind="waste"></radnice-lookup>
 *
 * Attributes, read when the element is first connected:
 *   kind           "polling", "waste", "schools" or "all" (the default): what the answer shows;
 *   heading-level  1 to 6, default 2: the level of the widget's heading (parts of "all" one lower);
 *   portal         the portal's address; by default where this script was loaded from;
 *   lang           "cs" or "en": the widget's language. Without it the widget speaks English
 *                  when the page around it is English (the nearest lang attribute), Czech
 *                  otherwise; the API's own messages are Czech, the English ones are here.
 *
 * The element draws into its own open shadow root styled by a constructed stylesheet, so the
 * host page's CSS does not reach inside and the widget's CSS does not leak out; it needs no
 * inline script or style, whatever the host's Content Security Policy. It reads the public API:
 * suggestions from /api/v1/addresses (a WAI-ARIA combobox as in address-search.js), the answer
 * from /api/v1/lookup. Content inside the element is shown only where the widget cannot run.
 */
(() => {
	'use strict';

	if (customElements.get('radnice-lookup')) {
		return; // the script is on the page twice
	}

	// Relative to this script's address: the portal, unless an element names another.
	const scriptURL = document.currentScript ? document.currentScript.src : location.href;

	const DEBOUNCE_MS = 150;
	const LIMIT = 8;
	const MIN_LENGTH = 2;
	const SHOWN_DATES = 3;

	// The kinds of answer: the portal page with the full answer, and what draws the answer
	// ("all" draws the other three under their headings); their words are in TEXTS.
	const KINDS = {
		polling: { page: 'kde-volim', draw: pollingAnswer },
		waste: { page: 'svoz-odpadu', draw: wasteAnswer },
		schools: { page: 'spadova-skola', draw: schoolsAnswer },
		all: { page: 'moje-adresa', draw: null },
	};
	const PARTS = ['polling', 'waste', 'schools'];

	const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

	// The widget's words in its two languages. Functions put in what varies; the plural of the
	// number of suggestions found is picked by Intl.PluralRules ("one", "few", "other").
	const TEXTS = {
		cs: {
			pages: '', // the portal's Czech pages are at its root
			plural: new Intl.PluralRules('cs'),
			kinds: {
				polling: ['Kde volím', 'Zjistěte, do kterého volebního okrsku patří vaše adresa a kde je vaše volební místnost.'],
				waste: ['Svoz odpadu', 'Zjistěte, kdy se u vaší adresy vyváží popelnice a nádoby na tříděný odpad.'],
				schools: ['Spádová škola', 'Zjistěte, která základní a mateřská škola je pro vaši adresu spádová.'],
				all: ['Moje adresa', 'Zjistěte, kde volíte, kdy se u vás vyváží odpad a které školy jsou pro vás spádové.'],
			},
			empty: 'Zadejte adresu, kterou hledáte.',
			invalid: 'Zadejte název ulice nebo části obce, číslo domu nebo PSČ.',
			notFound: 'Adresu jsme nenašli. Zkontrolujte číslo domu nebo zkuste zadat jen název ulice či části obce.',
			unknown: 'Tuto adresu portál nezná.',
			network: 'Portál se nepodařilo zastihnout. Zkontrolujte připojení k internetu a zkuste to znovu.',
			failed: 'Portál teď nemůže odpovědět. Zkuste to prosím za chvíli znovu.',
			noSuggestions: 'Návrhy adres se nepodařilo načíst. Hledat můžete tlačítkem Zjistit.',
			suggestions: 'Návrhy adres',
			label: 'Vaše adresa',
			hint: 'Ulice a číslo domu, nebo část obce a číslo popisné.',
			button: 'Zjistit',
			searching: 'Hledám…',
			candidates: 'Zadání odpovídá více adresám. Vyberte tu svou:',
			address: 'Adresa: ',
			retired: 'Tato adresa byla v registru RÚIAN zrušena.',
			more: 'Více na portálu',
			none: 'Žádná adresa nenalezena.',
			found: { one: (n) => `Nalezena ${n} adresa.`, few: (n) => `Nalezeny ${n} adresy.`, other: (n) => `Nalezeno ${n} adres.` },
			choose: 'Vyberte šipkami.',
			weekdays: ['ne', 'po', 'út', 'st', 'čt', 'pá', 'so'],
			date: (weekday, d, m, y) => `${weekday} ${d}.\u00a0${m}.\u00a0${y}`, // "út 1. 12. 2026"
			districtLead: 'Vaše adresa patří do ',
			district: (n) => `volebního okrsku č.\u00a0${n}`,
			election: 'Volby',
			station: 'Volební místnost',
			stationAddress: 'Adresa místnosti',
			note: 'Poznámka',
			when: 'Kdy volit',
			round: (n) => `${n}. kolo: `,
			zone: 'Svozová oblast: ',
			noCollection: 'V nejbližších týdnech se nesváží.',
			calendar: 'Termíny svozu do kalendáře',
			calendarDetail: ' (soubor iCalendar)',
			primarySchool: 'Základní škola',
			kindergarten: 'Mateřská škola',
			anySchool: 'Spádová je kterákoli z těchto škol:',
			notCovered: {}, // the API's messages are Czech
		},
		en: {
			pages: 'en/',
			plural: new Intl.PluralRules('en'),
			kinds: {
				polling: ['Where do I vote', 'Find out which polling district your address belongs to and where your polling station is.'],
				waste: ['Waste collection', 'Find out when the bins and the containers for sorted waste are emptied at your address.'],
				schools: ['Catchment school', 'Find out which primary school and kindergarten your address belongs to.'],
				all: ['My address', 'Find out where you vote, when your waste is collected and which schools are your catchment schools.'],
			},
			empty: 'Enter the address you are looking for.',
			invalid: 'Enter the name of a street or part of town, a house number or a postcode.',
			notFound: 'We did not find the address. Check the house number, or enter just the name of the street or part of town.',
			unknown: 'The portal does not know this address.',
			network: 'The portal could not be reached. Check your internet connection and try again.',
			failed: 'The portal cannot answer now. Please try again in a moment.',
			noSuggestions: 'Address suggestions could not be loaded. You can search with the Look up button.',
			suggestions: 'Address suggestions',
			label: 'Your address',
			hint: 'Street and house number, or part of town and building number.',
			button: 'Look up',
			searching: 'Searching…',
			candidates: 'Several addresses match. Choose yours:',
			address: 'Address: ',
			retired: 'This address has been withdrawn from the RÚIAN register.',
			more: 'More on the portal',
			none: 'No address found.',
			found: { one: (n) => `${n} address found.`, other: (n) => `${n} addresses found.` },
			choose: 'Choose with the arrow keys.',
			weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
			date: (weekday, d, m, y) => `${weekday} ${d}\u00a0${ENGLISH_MONTHS[m - 1]}\u00a0${y}`, // "Tue 1 Dec 2026"
			districtLead: 'Your address belongs to ',
			district: (n) => `polling district no.\u00a0${n}`,
			election: 'Election',
			station: 'Polling station',
			stationAddress: 'Address of the polling station',
			note: 'Note',
			when: 'When to vote',
			round: (n) => `Round ${n}: `,
			zone: 'Waste zone: ',
			noCollection: 'No collection in the coming weeks.',
			calendar: 'Collection dates for your calendar',
			calendarDetail: ' (an iCalendar file)',
			primarySchool: 'Primary school',
			kindergarten: 'Kindergarten',
			anySchool: 'Any of these schools is a catchment school:',
			// Why an answer is not known, by part and the API's reason; the answer fills in its area.
			notCovered: {
				'polling no_area': () => 'The address does not lie in any polling district.',
				'polling ambiguous': () => 'The address lies in more than one polling district; the office is checking the data.',
				'polling no_election': () => 'No election has been called.',
				'polling no_station': (a) => `The polling station of district no. ${a.district.number} has not been published for this election yet.`,
				'waste no_area': () => 'The address does not lie in any waste zone.',
				'waste ambiguous': () => 'The address lies in more than one waste zone; the office is checking the data.',
				'waste no_schedule': (a) => `There is no collection schedule for the waste zone ${a.zone.name}.`,
				'zs no_area': () => 'The address does not lie in the catchment area of any primary school.',
				'ms no_area': () => 'The address does not lie in the catchment area of any kindergarten.',
			},
		},
	};
	const CSS = `
.widget {
	all: initial;
	display: block;
	box-sizing: border-box;
	max-width: 42em;
	padding: 1em 1.25em;
	border: 1px solid #8a94a3;
	border-radius: 0.25em;
	background: #ffffff;
	color: #1b1f24;
	font: 400 medium/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
	text-align: start;
}
*, *::before, *::after { box-sizing: border-box; }
h1, h2, h3, h4, h5, h6 { font-size: 1.25em; line-height: 1.25; font-weight: 700; margin: 0 0 0.5em; }
.part > :first-child { font-size: 1.1em; margin-top: 1.25em; }
p { margin: 0 0 0.75em; }
a { color: #0b5cad; text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid #0b5cad; outline-offset: 2px; }
label { display: block; font-weight: 600; margin-bottom: 0.25em; }
.hint { display: block; color: #4a5360; margin-bottom: 0.5em; }
.error { color: #b3261e; font-weight: 600; }
.field { position: relative; margin-bottom: 0.75em; }
input {
	display: block; width: 100%; margin: 0; padding: 0.5em 0.6em; font: inherit; color: inherit;
	background: #ffffff; border: 2px solid #1b1f24; border-radius: 0;
}
input[aria-invalid="true"] { border-color: #b3261e; }
button {
	margin: 0; padding: 0.5em 1.1em; font: inherit; font-weight: 600; color: #ffffff; background: #0b5cad;
	border: 2px solid transparent; border-radius: 0.25em; cursor: pointer;
}
button.link { padding: 0; font-weight: 400; color: #0b5cad; background: none; border: 0; text-decoration: underline; text-underline-offset: 0.15em; text-align: start; }
.listbox {
	position: absolute; top: 100%; left: 0; right: 0; z-index: 1; margin: 0; padding: 0; list-style: none;
	background: #ffffff; border: 2px solid #1b1f24; border-top: 0; max-height: 20em; overflow-y: auto;
}
.listbox[hidden] { display: none; }
.listbox li { padding: 0.45em 0.6em; cursor: pointer; }
.listbox li:hover { background: #f2f5f8; text-decoration: underline; }
.listbox li[aria-selected="true"] { background: #0b5cad; color: #ffffff; }
.answer { margin-top: 1.25em; }
.answer:empty { display: none; }
.answer > :first-child:focus { outline: none; }
dl { display: grid; grid-template-columns: minmax(7em, max-content) 1fr; gap: 0.35em 1.25em; margin: 0 0 0.75em; }
dt { font-weight: 600; }
dd { margin: 0; }
ul { margin: 0; padding-left: 1.25em; }
ul.plain { padding: 0; list-style: none; }
li { margin: 0.15em 0; }
.notice { margin: 0 0 0.75em; padding: 0.6em 0.9em; border-left: 4px solid #0b5cad; background: #f2f5f8; }
dd .notice { margin: 0; }
.detail { display: block; color: #4a5360; }
.visually-hidden {
	position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
@media (max-width: 30em) {
	dl { grid-template-columns: 1fr; gap: 0.1em; }
	dd { margin-bottom: 0.5em; }
}
@media (forced-colors: active) {
	.listbox li[aria-selected="true"] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
}
`;

	// One stylesheet for every element on the page.
	const sheet = new CSSStyleSheet();
	sheet.replaceSync(CSS);

	// ---- Building the DOM ----------------------------------------------------------------

	// el builds an element: el('p', {class: 'notice'}, 'text', child, [children]). Text is
	// appended as text nodes, never parsed as HTML; null, undefined and false are left out.
	function el(tag, attributes, ...children) {
		const node = document.createElement(tag);
		for (const [name, value] of Object.entries(attributes)) {
			if (value !== null && value !== undefined && value !== false) {
				node.setAttribute(name, value === true ? '' : String(value));
			}
		}
		node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
		return node;
	}

	// facts is a definition list of [term, description] rows; a falsy row is left out.
	function facts(rows) {
		return el('dl', {}, rows.filter(Boolean).map(([term, description]) => [el('dt', {}, term), el('dd', {}, description)]));
	}

	function notice(text) {
		return el('p', { class: 'notice' }, text);
	}

	// ---- Words ------------------------------------------------------------------------

	// language is the widget's language: its lang attribute, or the page's around it when that
	// is English; Czech otherwise.
	function language(element) {
		return /^en\b/i.test(element.closest('[lang]')?.getAttribute('lang') || '') ? 'en' : 'cs';
	}

	// date writes an ISO civil date with its weekday as the widget's language does.
	function date(t, iso) {
		const [y, m, d] = iso.split('-').map(Number);
		const weekday = t.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
		return el('time', { datetime: iso }, t.date(weekday, d, m, y));
	}

	// foundMessage announces the number of suggestions, with the plural the language needs.
	function foundMessage(t, n) {
		if (n === 0) {
			return t.none;
		}
		return (t.found[t.plural.select(n)] || t.found.other)(n) + ' ' + t.choose;
	}

	// czech is a text the data gives in Czech (an election's title, a waste type), marked as
	// Czech in an English widget so that screen readers read it as Czech.
	function czech(t, text) {
		return t === TEXTS.cs ? text : el('span', { lang: 'cs' }, text);
	}

	// coverageNotice says why a part of the answer is not known: in the widget's language when
	// it knows the reason, as the API says it (in Czech) otherwise.
	function coverageNotice(t, part, answer) {
		const message = t.notCovered[part + ' ' + answer.reason];
		return notice(message ? message(answer) : answer.message);
	}

	// ---- The answers ---------------------------------------------------------------------

	// Each draws its part of a lookup answer (JSON of /api/v1/lookup) in the words t; link makes
	// a portal URL.

	function pollingAnswer(answer, link, t) {
		const { district, election, station, covered } = answer.polling;
		const rounds = election && election.days.some((d) => d.round > 1);
		return [
			district && el('p', {}, t.districtLead, el('strong', {}, t.district(district.number)), '.'),
			!covered && coverageNotice(t, 'polling', answer.polling),
			election &&
				facts([
					[t.election, czech(t, election.title)],
					station && [t.station, czech(t, station.name)],
					station && station.address && [t.stationAddress, station.address.label],
					station && station.note && [t.note, czech(t, station.note)],
					[
						t.when,
						el('ul', { class: 'plain' }, election.days.map((d) => el('li', {}, rounds && t.round(d.round), date(t, d.date), ` ${d.opens}–${d.closes}`))),
					],
				]),
		];
	}

	function wasteAnswer(answer, link, t) {
		const { zone, collections, covered } = answer.waste;
		if (!covered) {
			return coverageNotice(t, 'waste', answer.waste);
		}
		return [
			el('p', {}, t.zone, el('strong', {}, czech(t, zone.name))),
			facts(
				collections.map((c) => [
					czech(t, c.waste_type),
					c.dates.length === 0
						? t.noCollection
						: c.dates.slice(0, SHOWN_DATES).flatMap((d, i) => (i === 0 ? [date(t, d)] : [', ', date(t, d)])),
				]),
			),
			el('p', {}, el('a', { href: link(`api/v1/waste/${answer.address.id}.ics`) }, t.calendar), t.calendarDetail),
		];
	}

	function schoolsAnswer(answer, link, t) {
		return facts([
			[t.primarySchool, schoolList(t, 'zs', answer.schools.zs)],
			[t.kindergarten, schoolList(t, 'ms', answer.schools.ms)],
		]);
	}

	function schoolList(t, part, answer) {
		const { schools, covered } = answer;
		if (!covered) {
			return coverageNotice(t, part, answer);
		}
		return [
			schools.length > 1 && el('p', {}, t.anySchool),
			el(
				'ul',
				{ class: 'plain' },
				schools.map((s) =>
					el('li', {}, /^https?:\/\//i.test(s.web || '') ? el('a', { href: s.web }, s.name) : s.name, s.address && el('span', { class: 'detail' }, s.address.label)),
				),
			),
		];
	}

	// ---- Talking to the portal -----------------------------------------------------------

	// getJSON fetches JSON without credentials; a failure is an Error whose message is for the
	// user, with the HTTP status (0 when the portal was not reached). Aborts pass through, and
	// a body that is not JSON rejects as a SyntaxError.
	async function getJSON(url, signal, t) {
		let response;
		try {
			response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit', signal });
		} catch (err) {
			if (err.name === 'AbortError') {
				throw err;
			}
			throw Object.assign(new Error(t.network), { status: 0 });
		}
		if (!response.ok) {
			const text = { 400: t.invalid, 404: t.unknown }[response.status] || t.failed;
			throw Object.assign(new Error(text), { status: response.status });
		}
		return response.json();
	}

	// portalBase is the portal's root URL, ending with "/": the attribute, or where this script
	// was loaded from. An attribute that is no URL throws, and the element keeps its fallback.
	function portalBase(attribute) {
		const base = attribute ? new URL(attribute, location.href) : new URL('./', scriptURL);
		if (!base.pathname.endsWith('/')) {
			base.pathname += '/';
		}
		return base;
	}

	// ---- The element ---------------------------------------------------------------------

	class RadniceLookup extends HTMLElement {
		connectedCallback() {
			if (this.shadowRoot) {
				return; // moved within the page: already built
			}
			const portal = portalBase(this.getAttribute('portal'));
			const name = this.getAttribute('kind');
			const level = Math.min(Math.max(Number.parseInt(this.getAttribute('heading-level'), 10) || 2, 1), 6);
			const root = this.attachShadow({ mode: 'open' });
			root.adoptedStyleSheets = [sheet];
			const lang = language(this);
			build(root, Object.hasOwn(KINDS, name) ? name : 'all', level, portal, lang);
		}
	}

	// build draws the widget of the kind name into root in lang, and wires the combobox and the answer.
	function build(root, name, level, portal, lang) {
		const kind = KINDS[name];
		const t = TEXTS[lang];
		const [title, intro] = t.kinds[name];
		const link = (path) => new URL(path, portal).href;
		const api = (path, params) => link(path + '?' + new URLSearchParams(params));

		const input = el('input', {
			type: 'text',
			id: 'q',
			role: 'combobox',
			'aria-autocomplete': 'list',
			'aria-expanded': 'false',
			'aria-controls': 'suggestions',
			'aria-describedby': 'hint',
			autocomplete: 'off',
			spellcheck: 'false',
			maxlength: 200,
		});
		const list = el('ul', { id: 'suggestions', class: 'listbox', role: 'listbox', 'aria-label': t.suggestions, hidden: true });
		const error = el('span', { id: 'error', class: 'error', hidden: true });
		const form = el(
			'form',
			{ role: 'search', 'aria-labelledby': 'title', novalidate: true },
			el('label', { for: 'q' }, t.label),
			el('span', { id: 'hint', class: 'hint' }, t.hint),
			error,
			el('div', { class: 'field' }, input, list),
			el('button', { type: 'submit' }, t.button),
		);
		const status = el('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
		const answer = el('div', { class: 'answer' });
		root.append(
			el('section', { class: 'widget', lang, 'aria-labelledby': 'title' }, el(`h${level}`, { id: 'title' }, title), el('p', {}, intro), form, status, answer),
		);

		let items = []; // the suggestions shown: {id, label}
		let shownQuery = ''; // the text they answer
		let active = -1; // the highlighted option, -1 for none
		let timer = 0; // the pending debounce
		let suggesting = null; // AbortController of the suggestions in flight
		let answering = null; // AbortController of the answer in flight

		// ---- Suggestions: a WAI-ARIA combobox; DOM focus stays on the input ----

		function announce(text) {
			// A repeated message would not be read again: vary it invisibly.
			status.textContent = text !== '' && status.textContent === text ? text + '\u00a0' : text;
		}

		function setOpen(open) {
			list.hidden = !open || items.length === 0;
			input.setAttribute('aria-expanded', String(!list.hidden));
			if (list.hidden) {
				highlight(-1);
			}
		}

		function highlight(i) {
			list.children[active]?.setAttribute('aria-selected', 'false');
			const option = list.children[i];
			active = option ? i : -1;
			if (option) {
				option.setAttribute('aria-selected', 'true');
				input.setAttribute('aria-activedescendant', option.id);
				option.scrollIntoView({ block: 'nearest' });
			} else {
				input.removeAttribute('aria-activedescendant');
			}
		}

		function showSuggestions(found, query) {
			setOpen(false);
			items = found;
			shownQuery = query;
			list.replaceChildren(...found.map((item, i) => el('li', { id: `option-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i }, item.label)));
		}

		function cancelSuggestions() {
			clearTimeout(timer);
			timer = 0;
			suggesting?.abort();
			suggesting = null;
		}

		// suggest asks for the addresses matching query; step (+1 or -1) highlights the first or
		// last when the answer comes (an arrow key pressed before it).
		async function suggest(query, step = 0) {
			cancelSuggestions();
			const controller = (suggesting = new AbortController());
			try {
				const body = await getJSON(api('api/v1/addresses', { q: query, limit: LIMIT }), controller.signal, t);
				showSuggestions(body.items.map(({ id, label }) => ({ id, label })), query);
				setOpen(root.activeElement === input);
				if (step !== 0 && !list.hidden) {
					highlight(step > 0 ? 0 : items.length - 1);
				}
				announce(foundMessage(t, items.length));
			} catch (err) {
				if (err.name !== 'AbortError') {
					showSuggestions([], '');
					// Not a searchable text yet (only punctuation, say): offer nothing, quietly.
					announce(err.status === 400 ? '' : t.noSuggestions);
				}
			} finally {
				if (suggesting === controller) {
					suggesting = null;
				}
			}
		}

		function move(step) {
			const query = input.value.trim();
			if (query !== shownQuery) {
				if (query.length >= MIN_LENGTH) {
					suggest(query, step);
				}
				return;
			}
			if (list.hidden) {
				setOpen(true);
			}
			const n = items.length;
			if (n > 0) {
				highlight(active === -1 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n);
			}
		}

		function choose(i) {
			const item = items[i];
			cancelSuggestions();
			setOpen(false);
			input.value = item.label;
			lookup({ address: item.id });
		}

		input.addEventListener('input', () => {
			setError('');
			highlight(-1);
			const query = input.value.trim();
			clearTimeout(timer);
			if (query.length < MIN_LENGTH) {
				cancelSuggestions();
				showSuggestions([], '');
				announce('');
			} else if (query === shownQuery) {
				cancelSuggestions();
				setOpen(true);
			} else {
				timer = setTimeout(() => suggest(query), DEBOUNCE_MS);
			}
		});

		input.addEventListener('keydown', (event) => {
			if (event.isComposing || event.ctrlKey || event.metaKey) {
				return;
			}
			switch (event.key) {
				case 'ArrowDown':
				case 'ArrowUp':
					event.preventDefault();
					if (event.altKey) {
						setOpen(event.key === 'ArrowDown' && input.value.trim() === shownQuery);
					} else {
						move(event.key === 'ArrowDown' ? 1 : -1);
					}
					break;
				case 'Enter':
					if (active !== -1) {
						event.preventDefault(); // the highlighted address, not the form
						choose(active);
					}
					break;
				case 'Escape':
					if (!list.hidden || timer !== 0 || suggesting) {
						event.preventDefault();
						cancelSuggestions();
						setOpen(false);
					} else if (input.value !== '') {
						event.preventDefault();
						input.value = '';
						showSuggestions([], '');
						announce('');
					}
					break;
				case 'ArrowLeft':
				case 'ArrowRight':
				case 'Home':
				case 'End':
					highlight(-1); // the caret moves in the text: visual focus returns to the input
					break;
			}
		});

		input.addEventListener('blur', () => {
			cancelSuggestions();
			setOpen(false);
		});

		// Keep DOM focus in the input while an option is pressed, so blur does not close the list.
		list.addEventListener('mousedown', (event) => event.preventDefault());
		list.addEventListener('click', (event) => {
			const option = event.target.closest('[role="option"]');
			if (option) {
				choose(Number(option.dataset.index));
			}
		});

		// ---- The answer ----

		function setError(text) {
			error.textContent = text;
			error.hidden = text === '';
			input.setAttribute('aria-describedby', text === '' ? 'hint' : 'hint error');
			if (text === '') {
				input.removeAttribute('aria-invalid');
			} else {
				input.setAttribute('aria-invalid', 'true');
			}
		}

		// show replaces the answer area; focus moves to its first element when it asks to.
		function show(first, ...rest) {
			answer.replaceChildren(first, ...rest.flat(Infinity).filter(Boolean));
			if (first.hasAttribute('tabindex')) {
				first.focus();
			}
		}

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			cancelSuggestions();
			setOpen(false);
			const query = input.value.trim();
			if (query === '') {
				setError(t.empty);
				input.focus();
				return;
			}
			lookup({ q: query });
		});

		// lookup asks for the answer for {address: id} or for a search text {q: text}, which
		// may instead name several candidate addresses, or none.
		async function lookup(params) {
			setError('');
			answering?.abort();
			const controller = (answering = new AbortController());
			show(el('p', {}, t.searching));
			try {
				const body = await getJSON(api('api/v1/lookup', params), controller.signal, t);
				if (body.candidates) {
					showCandidates(body.candidates);
				} else {
					showAnswer(body);
				}
			} catch (err) {
				if (err.name !== 'AbortError') {
					// Only getJSON's errors speak to people; an answer that cannot be read is a failure.
					show(el('p', { class: 'error', role: 'alert' }, 'status' in err ? err.message : t.failed));
				}
			} finally {
				if (answering === controller) {
					answering = null;
				}
			}
		}

		function showCandidates(candidates) {
			if (candidates.length === 0) {
				show(el('p', { class: 'notice', role: 'alert' }, t.notFound));
				return;
			}
			show(
				el('p', { id: 'candidates', tabindex: -1 }, t.candidates),
				el(
					'ul',
					{ 'aria-labelledby': 'candidates' },
					candidates.map((c) => {
						const button = el('button', { type: 'button', class: 'link' }, c.label);
						button.addEventListener('click', () => {
							input.value = c.label;
							lookup({ address: c.id });
						});
						return el('li', {}, button);
					}),
				),
			);
		}

		function showAnswer(body) {
			const sub = Math.min(level + 1, 6);
			show(
				el('p', { tabindex: -1 }, t.address, el('strong', {}, body.address.label)),
				body.address.retired && notice(t.retired),
				kind.draw
					? kind.draw(body, link, t)
					: PARTS.map((part) => el('div', { class: 'part' }, el(`h${sub}`, {}, t.kinds[part][0]), KINDS[part].draw(body, link, t))),
				el('p', {}, el('a', { href: link(`${t.pages}${kind.page}/${body.address.id}`) }, t.more)),
			);
		}
	}

	customElements.define('radnice-lookup', RadniceLookup);
})();
