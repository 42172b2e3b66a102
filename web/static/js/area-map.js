/*
 * Area maps: turns each figure[data-area-map], an SVG map the server draws with its legend,
 * into an interactive Leaflet map (vendored under /static/vendor/leaflet/, loaded before this
 * script by the page).
 *
 * Progressive enhancement: without JavaScript, and until the map is drawn, the server's SVG
 * stays; if anything fails it stays for good. The figure carries
 *   data-area-map     the area's id: its boundary is GET /api/v1/areas/{id} (GeoJSON, WGS84);
 *   data-marks        the points to mark: JSON [{kind: "address" | "facility", label, lat, lon}];
 *   data-tiles        the basemap's XYZ tile URL template and
 *   data-attribution  its attribution (HTML), only when the portal is configured with one;
 *                     without them the map shows the area and the marks on a plain background;
 *   data-zoom-in and
 *   data-zoom-out     the titles of the zoom buttons, in the page's language.
 * Keyboard: the map takes focus (arrows pan, + and − zoom) and so does each mark, which then
 * shows its label. Shapes are styled by the classes of site.css, as in the SVG; the script
 * writes no style attributes (Leaflet positions its layers through the CSSOM, which the CSP
 * allows).
 */
(function () {
	'use strict';

	const STYLESHEET = '/static/vendor/leaflet/leaflet.css';
	const AREA_ENDPOINT = '/api/v1/areas/';
	const MARK_PIXELS = 16;
	const MAX_ZOOM = 19;

	// loadStylesheet adds Leaflet's stylesheet to the page once; the promise settles when it applies.
	let stylesheet;
	function loadStylesheet() {
		stylesheet ??= new Promise((resolve, reject) => {
			const link = document.createElement('link');
			link.rel = 'stylesheet';
			link.href = STYLESHEET;
			link.addEventListener('load', () => resolve());
			link.addEventListener('error', () => reject(new Error('cannot load ' + STYLESHEET)));
			document.head.appendChild(link);
		});
		return stylesheet;
	}

	async function fetchArea(id) {
		const response = await fetch(AREA_ENDPOINT + encodeURIComponent(id), {
			headers: { Accept: 'application/geo+json' },
		});
		if (!response.ok) {
			throw new Error('area ' + id + ': HTTP ' + response.status);
		}
		return response.json();
	}

	// draw puts a Leaflet map of the area and the marks in place of the figure's SVG.
	function draw(figure, feature) {
		const svg = figure.querySelector('.area-map-svg');
		const marks = JSON.parse(figure.dataset.marks || '[]');
		const container = document.createElement('div');
		container.className = 'area-map-leaflet';
		container.setAttribute('role', 'region');
		container.setAttribute('aria-label', svg.querySelector('title').textContent);
		figure.insertBefore(container, svg);
		figure.classList.add('area-map-ready');
		try {
			const map = L.map(container, { zoomControl: false, attributionControl: false, maxZoom: MAX_ZOOM });
			L.control.zoom({ zoomInTitle: figure.dataset.zoomIn, zoomOutTitle: figure.dataset.zoomOut }).addTo(map);
			L.control.attribution({ prefix: '<a href="https://leafletjs.com/">Leaflet</a>' }).addTo(map);
			if (figure.dataset.tiles) {
				container.classList.add('area-map-tiles');
				L.tileLayer(figure.dataset.tiles, { attribution: figure.dataset.attribution || '', maxZoom: MAX_ZOOM }).addTo(map);
			}
			const area = L.geoJSON(feature, { className: 'map-area', interactive: false });
			const layers = L.featureGroup([area]);
			for (const mark of marks) {
				const icon = L.divIcon({ className: 'map-pin map-' + mark.kind, iconSize: [MARK_PIXELS, MARK_PIXELS] });
				layers.addLayer(L.marker([mark.lat, mark.lon], { icon, keyboard: true }).bindTooltip(mark.label));
			}
			map.fitBounds(layers.getBounds(), { padding: [MARK_PIXELS, MARK_PIXELS] });
			layers.addTo(map);
			// A mark is a focusable button: its label is its name.
			layers.eachLayer((layer) => {
				if (layer instanceof L.Marker) {
					layer.getElement().setAttribute('aria-label', layer.getTooltip().getContent());
				}
			});
		} catch (err) {
			figure.classList.remove('area-map-ready');
			container.remove();
			throw err;
		}
	}

	async function enhance(figure) {
		const [feature] = await Promise.all([fetchArea(figure.dataset.areaMap), loadStylesheet()]);
		if (!feature.geometry) {
			return; // nothing to draw: the server's map stays
		}
		draw(figure, feature);
	}

	function init() {
		if (typeof L === 'undefined') {
			return;
		}
		for (const figure of document.querySelectorAll('figure[data-area-map]')) {
			enhance(figure).catch((err) => console.warn('area map:', err));
		}
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', init);
	} else {
		init();
	}
})();
