// Reads an iCalendar file (RFC 5545) from standard input with ical.js, an implementation
// independent of the portal's, and prints what it understood as JSON: the calendar's
// properties and its events. A file ical.js cannot parse makes it exit non-zero.
// Run by TestWasteCalendarIsAnICalendarFileThatIcalJSReads as `node parse-ics.mjs < file.ics`.

import ICAL from 'ical.js';

const chunks = [];
for await (const chunk of process.stdin) {
	chunks.push(chunk);
}
const text = Buffer.concat(chunks).toString('utf8');

let calendar;
try {
	calendar = new ICAL.Component(ICAL.parse(text));
} catch (err) {
	console.error(`ical.js cannot parse the calendar: ${err.message}`);
	process.exit(1);
}

const properties = {};
for (const p of calendar.getAllProperties()) {
	properties[p.name] = String(p.getFirstValue());
}

const events = calendar.getAllSubcomponents('vevent').map((component) => {
	const event = new ICAL.Event(component);
	return {
		uid: event.uid,
		summary: event.summary,
		description: event.description,
		start: event.startDate.toString(),
		end: event.endDate.toString(),
		allDay: event.startDate.isDate && event.endDate.isDate,
		stamp: String(component.getFirstPropertyValue('dtstamp')),
		transparency: component.getFirstPropertyValue('transp'),
	};
});

console.log(JSON.stringify({ component: calendar.name, properties, events }));
