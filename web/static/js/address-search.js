/*
 * Address search suggestions: turns input[data-address-search] into an accessible combobox
 * with a listbox popup (WAI-ARIA APG "list autocomplete" without automatic selection).
 *
 * Progressive enhancement: without JavaScript the field is a plain text input of a POST form
 * and the server answers with a results page. With it, suggestions from
 * GET /api/v1/addresses appear under the field as the user types; choosing one opens the
 * address page. DOM focus always stays on the input; the highlighted option is conveyed with
 * aria-activedescendant. No inline styles (the CSP forbids them): only classes and `hidden`.
 * The words it adds come from the page, in its language: data-address-search-texts holds them
 * as JSON (listbox, none, found-one, found-few, found-other with {n} for the count, choose,
 * failed), rendered by the server from its message catalogue.
 */
(function () {
	'use strict';

	const DEBOUNCE_MS = 150;
	const LIMIT = 8;
	const MIN_LENGTH = 2;
	const ENDPOINT = '/api/v1/addresses';

	// foundMessage announces the number of suggestions in the page's language, with the
	// plural form Intl.PluralRules picks for it ("one", "few", "other": 1, 2 to 4, 5 and more
	// addresses in Czech).
	function foundMessage(texts, n) {
		if (n === 0) {
			return texts.none;
		}
		const form = new Intl.PluralRules(document.documentElement.lang || 'cs').select(n);
		const found = texts['found-' + form] || texts['found-other'];
		return found.replace('{n}', String(n)) + ' ' + texts.choose;
	}

	let counter = 0;

	function enhance(input) {
		if (input.dataset.addressSearchReady === 'true') {
			return;
		}
		input.dataset.addressSearchReady = 'true';
		counter += 1;
		const baseId = input.id || 'address-search-' + counter;
		if (!input.id) {
			input.id = baseId;
		}
		const listId = baseId + '-listbox';
		const texts = JSON.parse(input.dataset.addressSearchTexts || '{}');

		const list = document.createElement('ul');
		list.id = listId;
		list.className = 'listbox';
		list.setAttribute('role', 'listbox');
		list.setAttribute('aria-label', texts.listbox);
		list.hidden = true;

		const status = document.createElement('div');
		status.className = 'visually-hidden';
		status.setAttribute('role', 'status');
		status.setAttribute('aria-live', 'polite');
		status.setAttribute('aria-atomic', 'true');

		input.setAttribute('role', 'combobox');
		input.setAttribute('aria-autocomplete', 'list');
		input.setAttribute('aria-expanded', 'false');
		input.setAttribute('aria-controls', listId);
		input.setAttribute('autocomplete', 'off');
		input.after(list, status);

		let items = [];       // the suggestions shown: {id, label}
		let active = -1;      // index of the highlighted option, -1 for none
		let timer = 0;        // pending debounce
		let controller = null; // AbortController of the request in flight
		let seq = 0;          // number of the latest request; older answers are dropped
		let pendingQuery = ''; // query of the request in flight
		let lastQuery = '';   // query the current items answer
		let wantMove = 0;     // an arrow pressed before the answer came: +1 down, -1 up

		function isOpen() {
			return !list.hidden;
		}

		function open() {
			if (items.length === 0) {
				return;
			}
			list.hidden = false;
			input.setAttribute('aria-expanded', 'true');
		}

		function close() {
			highlight(-1);
			list.hidden = true;
			input.setAttribute('aria-expanded', 'false');
		}

		function announce(text) {
			// A repeated identical message would not be read again: vary it invisibly.
			status.textContent = text !== '' && status.textContent === text ? text + '\u00a0' : text;
		}

		function optionAt(i) {
			return list.children[i] || null;
		}

		function highlight(i) {
			const previous = optionAt(active);
			if (previous) {
				previous.setAttribute('aria-selected', 'false');
			}
			active = i;
			const current = optionAt(i);
			if (current) {
				current.setAttribute('aria-selected', 'true');
				input.setAttribute('aria-activedescendant', current.id);
				current.scrollIntoView({ block: 'nearest' });
			} else {
				active = -1;
				input.removeAttribute('aria-activedescendant');
			}
		}

		function render(found) {
			items = found;
			active = -1;
			input.removeAttribute('aria-activedescendant');
			const options = found.map(function (item, i) {
				const li = document.createElement('li');
				li.id = listId + '-' + i;
				li.setAttribute('role', 'option');
				li.setAttribute('aria-selected', 'false');
				li.dataset.index = String(i);
				li.textContent = item.label;
				return li;
			});
			list.replaceChildren(...options);
		}

		function cancelPending() {
			clearTimeout(timer);
			timer = 0;
			wantMove = 0;
			if (controller) {
				controller.abort();
				controller = null;
			}
		}

		function reset() {
			cancelPending();
			render([]);
			close();
			lastQuery = '';
		}

		async function search(query) {
			const move = wantMove;
			cancelPending();
			wantMove = move;
			const mine = ++seq;
			controller = new AbortController();
			pendingQuery = query;
			const url = ENDPOINT + '?' + new URLSearchParams({ q: query, limit: String(LIMIT) });
			let found;
			try {
				const response = await fetch(url, {
					headers: { Accept: 'application/json' },
					signal: controller.signal,
				});
				if (mine !== seq) {
					return;
				}
				if (response.status === 400) {
					// Not a searchable text yet (e.g. only punctuation): offer nothing, quietly.
					render([]);
					close();
					announce('');
					return;
				}
				if (!response.ok) {
					throw new Error('HTTP ' + response.status);
				}
				const body = await response.json();
				found = Array.isArray(body.items) ? body.items : [];
			} catch (err) {
				if (err.name === 'AbortError' || mine !== seq) {
					return;
				}
				render([]);
				close();
				announce(texts.failed);
				return;
			} finally {
				if (mine === seq) {
					controller = null;
				}
			}
			if (mine !== seq) {
				return;
			}
			lastQuery = query;
			render(found.map(function (it) {
				return { id: it.id, label: it.label };
			}));
			if (document.activeElement === input && found.length > 0) {
				open();
				if (wantMove !== 0) {
					highlight(wantMove > 0 ? 0 : found.length - 1);
				}
			} else {
				close();
			}
			wantMove = 0;
			announce(foundMessage(texts, found.length));
		}

		function schedule() {
			const query = input.value.trim();
			if (query.length < MIN_LENGTH) {
				reset();
				announce('');
				return;
			}
			if (query === lastQuery && items.length > 0) {
				cancelPending();
				open();
				return;
			}
			clearTimeout(timer);
			timer = setTimeout(function () {
				search(query);
			}, DEBOUNCE_MS);
		}

		function choose(i) {
			const item = items[i];
			if (!item) {
				return;
			}
			reset();
			input.value = item.label;
			// data-address-search may name the page an address leads to ("/moje-adresa/").
			const target = input.getAttribute('data-address-search') || '/adresa/';
			window.location.assign(target + encodeURIComponent(String(item.id)));
		}

		function move(step) {
			const query = input.value.trim();
			if (query !== lastQuery) {
				// The suggestions shown are not for this text (or none came yet): search now and
				// highlight when the answer comes.
				if (query.length >= MIN_LENGTH) {
					wantMove = step;
					if (!(controller && pendingQuery === query)) {
						search(query);
					}
				}
				return;
			}
			if (items.length === 0) {
				return;
			}
			if (!isOpen()) {
				open();
				highlight(step > 0 ? 0 : items.length - 1);
				return;
			}
			const n = items.length;
			if (active === -1) {
				highlight(step > 0 ? 0 : n - 1);
			} else {
				highlight((active + step + n) % n);
			}
		}

		input.addEventListener('input', function () {
			highlight(-1);
			wantMove = 0;
			schedule();
		});

		input.addEventListener('keydown', function (event) {
			if (event.isComposing || event.ctrlKey || event.metaKey) {
				return;
			}
			switch (event.key) {
			case 'ArrowDown':
				event.preventDefault();
				if (event.altKey) {
					if (input.value.trim() === lastQuery) {
						open();
					}
				} else {
					move(1);
				}
				break;
			case 'ArrowUp':
				event.preventDefault();
				if (!event.altKey) {
					move(-1);
				}
				break;
			case 'Enter':
				if (isOpen() && active !== -1) {
					// Open the highlighted address instead of submitting the form.
					event.preventDefault();
					choose(active);
				} else {
					// The form submits as without JavaScript; the results page follows.
					cancelPending();
					close();
				}
				break;
			case 'Escape':
				if (isOpen() || timer !== 0 || controller) {
					// A pending search must not reopen the list the user has just closed.
					event.preventDefault();
					cancelPending();
					close();
				} else if (input.value !== '') {
					event.preventDefault();
					input.value = '';
					reset();
					announce('');
				}
				break;
			case 'Tab':
				cancelPending();
				close();
				break;
			case 'ArrowLeft':
			case 'ArrowRight':
			case 'Home':
			case 'End':
				// The caret moves in the text: visual focus returns to the input.
				highlight(-1);
				break;
			default:
				break;
			}
		});

		input.addEventListener('blur', function () {
			cancelPending();
			close();
		});

		// Keep DOM focus in the input while an option is pressed, so blur does not close the list.
		list.addEventListener('mousedown', function (event) {
			event.preventDefault();
		});

		list.addEventListener('click', function (event) {
			const option = event.target.closest('[role="option"]');
			if (option && list.contains(option)) {
				choose(Number(option.dataset.index));
			}
		});

		if (input.form) {
			input.form.addEventListener('submit', function () {
				cancelPending();
				close();
			});
		}
	}

	function init() {
		document.querySelectorAll('input[data-address-search]').forEach(enhance);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', init);
	} else {
		init();
	}
})();
