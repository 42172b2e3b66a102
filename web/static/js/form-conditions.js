// Progressive enhancement of the steps of the forms (web/forms): a field whose condition names
// another field of the same step shows and hides as that field changes, and the button that
// updates the form without JavaScript goes away. Each conditional field's wrapper carries
// data-if (the name of the input it depends on), data-if-op ("=", "!=" or "": answered at all)
// and data-if-value; the server decides again what was shown when the step is sent.
(function () {
	'use strict';
	const form = document.querySelector('form.form-step');
	const wrappers = form ? Array.from(form.querySelectorAll('[data-if]')) : [];
	if (wrappers.length === 0) {
		return;
	}

	// The answers of the shown inputs named name: a ticked box or button, a choice, a text.
	function answers(name) {
		const out = [];
		for (const el of form.elements) {
			if (el.name !== name || el.closest('[hidden]')) {
				continue;
			}
			if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) {
				continue;
			}
			if (el.value !== '') {
				out.push(el.value);
			}
		}
		return out;
	}

	function holds(wrapper) {
		const given = answers(wrapper.dataset.if);
		switch (wrapper.dataset.ifOp) {
			case '=':
				return given.includes(wrapper.dataset.ifValue);
			case '!=':
				return given.length > 0 && !given.includes(wrapper.dataset.ifValue);
			default:
				return given.length > 0;
		}
	}

	// In document order: a condition names an earlier field, whose own wrapper is settled first.
	function update() {
		for (const wrapper of wrappers) {
			wrapper.hidden = !holds(wrapper);
		}
	}

	form.addEventListener('change', update);
	form.addEventListener('input', update);
	for (const el of form.querySelectorAll('[data-form-refresh]')) {
		el.hidden = true;
	}
	update();
})();
