// Runs static/js/maps.js (path in argv[2]) against a fake Leaflet and DOM, with a jurisdiction whose name is HTML,
// and prints what each tooltip was bound to: {"kind":"string"|"node", "text":...}.
const fs = require('fs');
const name = '<img src=x onerror=alert(1)>';
const bound = [];
function layer() {
  return {
    addTo() { return this; }, getBounds() { return {}; }, on() { return this; },
    bindTooltip(content) {
      bound.push(typeof content === 'string' ? { kind: 'string', text: content }
        : { kind: content.nodeType === 1 ? 'node' : 'other', text: content.textContent });
      return this;
    }
  };
}
const feature = { type: 'Feature', properties: { name: name, code: '320819001001001' }, geometry: null };
global.L = {
  map() { return { fitBounds() {}, setView() {} }; },
  geoJSON(data, options) {
    if (options && options.onEachFeature) { (data.features || []).forEach(f => options.onEachFeature(f, layer())); }
    return layer();
  }
};
const elements = {
  'grid-map': { dataset: { geometry: '{"type":"FeatureCollection","features":[]}', name: name } },
  'district-map': { dataset: { source: '/api/geo', link: '/grids/' } }
};
global.document = {
  getElementById(id) { return elements[id] || null; },
  createElement(tag) { return { nodeType: 1, tagName: tag.toUpperCase(), textContent: '' }; }
};
global.window = { location: {} };
global.fetch = () => Promise.resolve({ json: () => Promise.resolve({ type: 'FeatureCollection', features: [feature] }) });
eval(fs.readFileSync(process.argv[2], 'utf8'));
setTimeout(() => console.log(JSON.stringify(bound)), 50);
