// Runs static/js/maps.js (path in argv[2]) against a fake Leaflet and DOM, with jurisdictions whose names are HTML,
// and prints what each tooltip and label was given: {"kind":"string"|"node", "text":...}, then the hover line.
const fs = require('fs');
const name = '<img src=x onerror=alert(1)>';
const bound = [];
function record(content) {
  bound.push(typeof content === 'string' ? { kind: 'string', text: content }
    : { kind: content.nodeType === 1 ? 'node' : 'other', text: content.textContent });
}
function bounds() {
  return { getSouthWest() { return {}; }, getNorthEast() { return {}; } };
}
function layer(feature) {
  const handlers = {};
  return {
    feature: feature,
    addTo() { return this; }, getBounds: bounds, setStyle() { return this; },
    on(event, fn) { handlers[event] = fn; return this; },
    fire(event) { if (handlers[event]) { handlers[event](); } },
    bindTooltip(content) { record(content); return this; },
    getTooltip() { return { setContent: record }; }
  };
}
const gridLayers = [];
global.L = {
  map() {
    return {
      createPane() { return { style: {} }; }, getPane() { return { style: {} }; },
      fitBounds() {}, setView() {}, on() {}, getZoom() { return 13; },
      addLayer() {}, removeLayer() {}, latLngToContainerPoint() { return { x: 0, y: 0 }; }
    };
  },
  geoJSON(data, options) {
    const layers = [];
    if (options && options.onEachFeature) {
      (data.features || []).forEach(f => { const l = layer(f); layers.push(l); gridLayers.push(l); options.onEachFeature(f, l); });
    }
    const group = layer(null);
    group.eachLayer = fn => layers.forEach(fn);
    return group;
  },
  tooltip() {
    return { setLatLng() { return this; }, setContent(content) { record(content); return this; } };
  }
};
function element(tag) {
  return {
    nodeType: 1, tagName: tag.toUpperCase(), textContent: '', style: {}, dataset: {}, children: [],
    get firstChild() { return this.children[0]; },
    appendChild(child) { this.children.push(child); return child; },
    removeChild(child) { this.children.splice(this.children.indexOf(child), 1); return child; },
    addEventListener() {}
  };
}
const parts = {
  '[data-gl-map-canvas]': element('div'), '[data-gl-map-legend]': element('div'),
  '[data-gl-map-hover]': element('p'), '[data-gl-map-count]': element('span'),
  '[data-gl-map-measure]': Object.assign(element('select'), { value: 'cases-open' })
};
const container = Object.assign(element('div'), {
  dataset: { grids: '/grids', areas: '/areas', measures: '/measures/', base: '/base', link: '/grids/', noData: '-' },
  querySelector(selector) { return parts[selector] || null; }
});
const elements = {
  'grid-map': { dataset: { geometry: '{"type":"FeatureCollection","features":[]}', name: name } }
};
global.document = {
  getElementById(id) { return elements[id] || null; },
  querySelectorAll(selector) { return selector === '[data-gl-map]' ? [container] : []; },
  createElement: element
};
global.window = { location: {} };
const answers = {
  '/grids': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: name, code: '320819001001001' }, geometry: null }] },
  '/areas?level=STREET': { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: name, code: '320819001000', lat: 33.7, lng: 119.1 }, geometry: null }] },
  '/areas?level=COMMUNITY': { type: 'FeatureCollection', features: [] },
  '/measures/cases-open': { key: 'cases-open', label: name, breaks: [0, 1, 2, 4, 8], percent: false, values: { '320819001001001': 3 } },
  '/base': { type: 'FeatureCollection', features: [] }
};
global.fetch = url => Promise.resolve({ ok: true, json: () => Promise.resolve(answers[url]) });
eval(fs.readFileSync(process.argv[2], 'utf8'));
setTimeout(() => {
  gridLayers.forEach(l => l.fire('mouseover'));
  console.log(JSON.stringify(bound));
  console.log(JSON.stringify({ hover: parts['[data-gl-map-hover]'].textContent, ready: container.dataset.ready,
    legend: parts['[data-gl-map-legend]'].children.map(c => c.textContent) }));
}, 100);
