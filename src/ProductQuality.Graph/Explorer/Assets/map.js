// ProductQuality.Graph four-colour map (四色区域图). It asks the GraphQL endpoint with the viewer's own token (the
// IDE's, kept in this tab's sessionStorage, or one pasted here), so the viewer's contract and row scope decide what is
// drawn: a county bureau sees its county. Regions are drawn as a schematic tile layout by county, or from a configured
// GeoJSON boundary file. Every colour is the API's answer; the page computes none.
(function () {
  'use strict';
  const settings = JSON.parse(document.getElementById('map-settings').textContent);
  const tokenKey = 'pqg.ide.token';
  const svgNs = 'http://www.w3.org/2000/svg';
  const colours = { RED: '#d93025', YELLOW: '#f9ab00', BLUE: '#1a73e8', GREEN: '#1e8e3e' };
  const notAssessed = '#dadce0';
  const colourNames = {
    RED: 'RED (红)', YELLOW: 'YELLOW (黄)', BLUE: 'BLUE (蓝)', GREEN: 'GREEN (绿)', null: 'not assessed (未评定)',
  };
  // Jiaxing's counties roughly where they lie (west to east, north to south); other counties follow in code order.
  const countyCells = {
    330483: [0, 0], 330411: [1, 0], 330421: [2, 0],
    330481: [0, 1], 330402: [1, 1], 330482: [2, 1],
    330424: [1, 2],
  };
  const tile = { w: 72, h: 52, gap: 4, columns: 4 };
  const block = { pad: 10, header: 26, gap: 18 };

  const assessmentFields = 'assessment { assessed colour qualityIndex enterpriseCount redCount yellowCount ' +
    'blueCount greenCount redSharePercent redYellowSharePercent }';
  const mapQuery = (fields) => `query FourColourMap($asOf: Date) {
    counties: fourColorMap(level: COUNTY, asOf: $asOf) { code name colour ${fields} }
    towns: fourColorMap(level: TOWN, asOf: $asOf) { code name colour parent { code } ${fields} }
  }`;
  const enterprisesQuery = `query MapEnterprises($county: String, $after: String) {
    enterprises(first: 500, after: $after, filter: { countyCode: $county }) {
      pageInfo { hasNextPage endCursor }
      edges { node { creditCode name healthCode town { code } } }
    }
  }`;

  const el = (id) => document.getElementById(id);
  const state = { map: null, enterprises: null, boundaries: null };

  function token() { return sessionStorage.getItem(tokenKey) || ''; }

  function headers() {
    const h = { Accept: 'application/graphql-response+json, application/json', 'Content-Type': 'application/json' };
    if (token()) h.Authorization = 'Bearer ' + token();
    return h;
  }

  function say(text, isError) {
    el('status').textContent = text;
    el('status').className = isError ? 'error' : '';
  }

  async function graphql(query, variables) {
    const response = await fetch(settings.endpoint, {
      method: 'POST', headers: headers(), body: JSON.stringify({ query, variables }),
    });
    let body = null;
    try { body = await response.json(); } catch (ignored) { /* not JSON: reported by status below */ }
    if (body && body.errors && body.errors.length) {
      const error = body.errors[0];
      const failure = new Error(error.message + ' (' + ((error.extensions && error.extensions.code) || 'ERROR') + ')');
      failure.code = error.extensions && error.extensions.code;
      throw failure;
    }
    if (!response.ok || !body) throw new Error('HTTP ' + response.status);
    return body.data;
  }

  async function describeSession() {
    const response = await fetch(settings.sessionUrl, { headers: headers() });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      const error = body.errors && body.errors[0];
      throw new Error(error ? error.message + ' (' + error.extensions.code + ')' : 'HTTP ' + response.status);
    }
    const session = await response.json();
    el('show-enterprises').parentElement.hidden = session.contract !== 'regulator';
    if (!session.department) return 'Public (no token): sign in to see the map your contract allows';
    return 'Signed in as ' + session.department + ' · contract ' + session.contract +
      (session.county ? ' · county ' + session.county : '');
  }

  // Contracts differ in what they may read of a region's assessment: without those fields the map still shows colours.
  async function loadMap(asOf) {
    try {
      return await graphql(mapQuery(assessmentFields), { asOf });
    } catch (e) {
      // A contract without the assessment fields fails validation; any other failure fails the plain query too.
      return graphql(mapQuery(''), { asOf });
    }
  }

  async function loadEnterprises(counties) {
    const byTown = new Map();
    for (const county of counties) {
      let after = null;
      do {
        const page = (await graphql(enterprisesQuery, { county: county.code, after })).enterprises;
        for (const edge of page.edges) {
          const town = edge.node.town && edge.node.town.code;
          if (!byTown.has(town)) byTown.set(town, []);
          byTown.get(town).push(edge.node);
        }
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    }
    return byTown;
  }

  function svg(name, attributes, parent, text) {
    const node = document.createElementNS(svgNs, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function fill(region) { return colours[region.colour] || notAssessed; }

  function describeRegion(region, enterprises) {
    const lines = [region.name + ' ' + region.code, 'Colour: ' + colourNames[region.colour]];
    const a = region.assessment;
    if (a) {
      if (!a.assessed) lines.push('Too few enterprises to colour (' + a.enterpriseCount + ')');
      lines.push('Quality index: ' + a.qualityIndex.toFixed(1), 'Enterprises: ' + a.enterpriseCount +
        ' (red ' + a.redCount + ', yellow ' + a.yellowCount + ', blue ' + a.blueCount + ', green ' + a.greenCount + ')',
        'Red share ' + a.redSharePercent.toFixed(1) + ' %, red + yellow ' + a.redYellowSharePercent.toFixed(1) + ' %');
    }
    if (enterprises) lines.push('Enterprises drawn: ' + enterprises.length + ' (health codes now)');
    return lines.join('\n');
  }

  function hoverable(node, text) {
    node.addEventListener('mousemove', (event) => {
      const tip = el('tooltip');
      tip.textContent = text;
      tip.hidden = false;
      tip.style.left = (event.pageX + 14) + 'px';
      tip.style.top = (event.pageY + 14) + 'px';
    });
    node.addEventListener('mouseleave', () => { el('tooltip').hidden = true; });
    svg('title', {}, node, text);
  }

  function drawPoints(parent, x, y, width, height, enterprises) {
    const step = 6;
    const columns = Math.floor(width / step);
    const capacity = columns * Math.floor(height / step);
    enterprises.slice(0, capacity).forEach((e, i) => {
      const dot = svg('circle', {
        cx: x + step / 2 + (i % columns) * step, cy: y + step / 2 + Math.floor(i / columns) * step, r: 2.2,
        fill: colours[e.healthCode] || notAssessed, stroke: '#fff', 'stroke-width': 0.6,
        class: 'enterprise', 'data-credit-code': e.creditCode,
      }, parent);
      svg('title', {}, dot, e.name + ' ' + e.creditCode + ' · health code ' + e.healthCode);
    });
    if (enterprises.length > capacity) {
      svg('text', { x: x + width, y: y + height + 8, class: 'more', 'text-anchor': 'end' }, parent,
        '+' + (enterprises.length - capacity));
    }
  }

  function drawSchematic(root, map) {
    const towns = new Map();
    for (const town of map.towns) {
      const county = town.parent && town.parent.code;
      if (!towns.has(county)) towns.set(county, []);
      towns.get(county).push(town);
    }
    const rows = Math.max(1, ...map.counties.map((c) => Math.ceil((towns.get(c.code) || []).length / tile.columns)));
    const width = block.pad * 2 + tile.columns * (tile.w + tile.gap) - tile.gap;
    const height = block.header + block.pad + rows * (tile.h + tile.gap);
    let spare = 0;
    const cells = map.counties.map((county) => {
      const known = countyCells[county.code];
      return known || [spare % 3, 3 + Math.floor(spare++ / 3)];
    });
    // A county bureau sees one county: its block starts at the corner instead of floating in an empty city.
    const minX = Math.min(...cells.map((c) => c[0]));
    const minY = Math.min(...cells.map((c) => c[1]));
    let right = 0;
    let bottom = 0;
    map.counties.forEach((county, index) => {
      const x = (cells[index][0] - minX) * (width + block.gap);
      const y = (cells[index][1] - minY) * (height + block.gap);
      right = Math.max(right, x + width);
      bottom = Math.max(bottom, y + height);
      const group = svg('g', { class: 'county', 'data-code': county.code, 'data-colour': county.colour || '' }, root);
      const frame = svg('rect', {
        x, y, width, height, rx: 6, fill: '#fff', stroke: fill(county), 'stroke-width': 3,
      }, group);
      const band = svg('rect', { x, y, width, height: block.header, rx: 6, fill: fill(county), class: 'county-band' },
        group);
      const light = county.colour === 'RED' || county.colour === 'BLUE' || county.colour === 'GREEN';
      svg('text', { x: x + block.pad, y: y + 18, class: light ? 'county-name' : 'county-name dark' }, group, county.name + ' · ' +
        (county.colour ? colourNames[county.colour] : colourNames.null));
      hoverable(band, describeRegion(county));
      hoverable(frame, describeRegion(county));
      (towns.get(county.code) || []).forEach((town, i) => {
        const tx = x + block.pad + (i % tile.columns) * (tile.w + tile.gap);
        const ty = y + block.header + block.pad / 2 + Math.floor(i / tile.columns) * (tile.h + tile.gap);
        const enterprises = state.enterprises && (state.enterprises.get(town.code) || []);
        const cell = svg('g', { class: 'town', 'data-code': town.code, 'data-colour': town.colour || '' }, group);
        hoverable(svg('rect', {
          x: tx, y: ty, width: tile.w, height: tile.h, rx: 3, fill: fill(town),
          'fill-opacity': enterprises ? 0.35 : 1, class: town.colour ? 'tile' : 'tile not-assessed',
        }, cell), describeRegion(town, enterprises));
        const onDark = !enterprises && ['RED', 'BLUE', 'GREEN'].includes(town.colour);
        svg('text', { x: tx + 4, y: ty + 13, class: onDark ? 'town-name light' : 'town-name' }, cell, town.name);
        if (enterprises) drawPoints(cell, tx + 3, ty + 17, tile.w - 6, tile.h - 22, enterprises);
      });
    });
    return { width: right, height: bottom };
  }

  // The server checks the file at start, but it is read again to be served: a feature that cannot be drawn is
  // skipped, not a TypeError that leaves the whole map undrawn.
  const isPosition = (p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && isFinite(n));
  const isRing = (r) => Array.isArray(r) && r.every(isPosition);
  const isPolygon = (rings) => Array.isArray(rings) && rings.every(isRing);
  function polygonsOf(feature) {
    const g = feature && feature.geometry;
    if (!g || typeof g !== 'object') return null;
    if (g.type === 'Polygon') return isPolygon(g.coordinates) ? [g.coordinates] : null;
    if (g.type === 'MultiPolygon') return Array.isArray(g.coordinates) && g.coordinates.every(isPolygon)
      ? g.coordinates : null;
    return null;
  }
  function codeOf(feature) {
    const p = feature && feature.properties;
    return p && typeof p === 'object' ? String(p[settings.codeProperty]) : null;
  }

  function drawBoundaries(root, map) {
    const regions = new Map([...map.counties, ...map.towns].map((r) => [r.code, r]));
    const all = Array.isArray(state.boundaries.features) ? state.boundaries.features : [];
    const features = all.filter((f) => regions.has(codeOf(f)) && polygonsOf(f));
    // Plain loops, not Math.min(...lon): spreading a town-level file's few hundred thousand vertices as arguments
    // overflows the call stack (RangeError).
    let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const feature of features) {
      for (const polygon of polygonsOf(feature)) {
        for (const r of polygon) {
          for (const p of r) {
            if (p[0] < west) west = p[0];
            if (p[0] > east) east = p[0];
            if (p[1] < south) south = p[1];
            if (p[1] > north) north = p[1];
          }
        }
      }
    }
    if (west === Infinity) return drawSchematic(root, map);
    const squeeze = Math.cos(((south + north) / 2) * Math.PI / 180);   // equirectangular, true at the middle
    const scale = Math.min(960 / ((east - west) * squeeze || 1), 760 / ((north - south) || 1));
    const project = (p) => [((p[0] - west) * squeeze * scale).toFixed(1), ((north - p[1]) * scale).toFixed(1)];
    const ring = (r) => 'M' + r.map((p) => project(p).join(',')).join('L') + 'Z';
    // Counties first, towns over them, so both levels can share one file.
    features.sort((a, b) => codeOf(a).length - codeOf(b).length);
    for (const feature of features) {
      const region = regions.get(codeOf(feature));
      const isTown = map.towns.includes(region);
      const group = svg('g', { class: isTown ? 'town' : 'county', 'data-code': region.code,
        'data-colour': region.colour || '' }, root);
      const d = polygonsOf(feature)
        .map((polygon) => polygon.filter((r) => r.length).map(ring).join('')).join('');   // 'MZ' is no path
      hoverable(svg('path', { d, fill: fill(region), stroke: '#fff', 'stroke-width': isTown ? 0.8 : 2.5,
        'fill-rule': 'evenodd', class: 'tile' }, group), describeRegion(region));
    }
    return { width: 960, height: 760 };
  }

  function drawLegend(root, map, top) {
    const count = (regions, colour) => regions.filter((r) => (r.colour || null) === colour).length;
    const group = svg('g', { class: 'legend' }, root);
    svg('text', { x: 0, y: top + 16, class: 'legend-title' }, group,
      'Four-colour map (四色区域图)' + (el('as-of').value ? ' as of ' + el('as-of').value : ''));
    ['RED', 'YELLOW', 'BLUE', 'GREEN', null].forEach((colour, i) => {
      const y = top + 26 + i * 22;
      svg('rect', { x: 0, y, width: 16, height: 16, rx: 3, fill: colours[colour] || notAssessed }, group);
      svg('text', { x: 22, y: y + 13, class: 'legend-entry', 'data-colour': colour || '' }, group,
        colourNames[colour] + ': ' + count(map.counties, colour) + ' counties, ' + count(map.towns, colour) + ' towns');
    });
    return top + 26 + 5 * 22;
  }

  function render() {
    const root = el('map');
    root.replaceChildren();
    const map = state.map;
    if (!map) return;
    const size = state.boundaries ? drawBoundaries(root, map) : drawSchematic(root, map);
    const bottom = drawLegend(root, map, size.height + 12);
    const width = Math.max(size.width, 950);
    root.setAttribute('viewBox', `-4 -4 ${width + 8} ${bottom + 8}`);
    root.setAttribute('width', width + 8);
    root.setAttribute('height', bottom + 8);
    el('legend').textContent = map.counties.length + ' counties, ' + map.towns.length + ' towns' +
      (state.enterprises ? '; enterprises drawn as points by health code (now), not at their locations' : '');
    root.setAttribute('data-ready', 'true');
  }

  async function refresh() {
    const root = el('map');
    root.removeAttribute('data-ready');
    try {
      el('token').value = '';
      el('as-of').max = new Date().toISOString().slice(0, 10);
      document.querySelector('[data-testid=signed-in-as]').textContent = await describeSession();
      say('Loading the map…');
      state.map = await loadMap(el('as-of').value || null);
      state.enterprises = el('show-enterprises').checked ? await loadEnterprises(state.map.counties) : null;
      render();
      say(state.map.counties.length ? '' : 'Your contract or county includes no regions.');
    } catch (e) {
      state.map = null;
      root.replaceChildren();
      say('The map could not be loaded: ' + e.message, true);
    }
  }

  function exportSvg() {
    const copy = el('map').cloneNode(true);
    copy.setAttribute('xmlns', svgNs);
    const style = document.createElementNS(svgNs, 'style');
    style.textContent = 'text{font-family:"WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;font-size:12px}' +
      '.county-name{font-weight:bold;fill:#fff}.county-name.dark{fill:#202124}.town-name.light{fill:#fff}' +
      '.tile.not-assessed{stroke:#9aa0a6;stroke-dasharray:3 2}.legend-title{font-weight:bold;font-size:14px}' +
      '.more{font-size:9px}';
    copy.insertBefore(style, copy.firstChild);
    const blob = new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'four-colour-map' + (el('as-of').value ? '-' + el('as-of').value : '') + '.svg';
    link.click();
    URL.revokeObjectURL(link.href);
  }

  el('sign-in').addEventListener('click', () => {
    const pasted = el('token').value.trim().replace(/^Bearer\s+/i, '');
    if (pasted) sessionStorage.setItem(tokenKey, pasted); else sessionStorage.removeItem(tokenKey);
    refresh();
  });
  el('as-of').addEventListener('change', refresh);
  el('show-enterprises').addEventListener('change', refresh);
  el('export-svg').addEventListener('click', exportSvg);

  (async function start() {
    if (settings.boundariesUrl) {
      try {
        state.boundaries = await (await fetch(settings.boundariesUrl)).json();
      } catch (e) {
        say('The boundary file could not be read; drawing the schematic layout.', true);
      }
    }
    await refresh();
  })();
})();
