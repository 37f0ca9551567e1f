/* The map's relations, places, year player and legend (Leaflet 1.9, no other library).
 *
 * atlasMap(map, data, T, opts): data is geo.map.data.build_map_data's output (slimmed), T the
 * map's words in the page's language, opts {keepView, storageKey, legend (HTML), fit (bounds)}.
 * One arc per relation, its width by the events shown so far, an arrowhead (in screen pixels, so
 * it reads at every zoom) at the recipient. A click opens the relation's card.
 * The player steps by year: a relation appears at its first dated event and widens as events
 * accumulate; those with events in the current year are highlighted. Relations with no year are
 * hidden while playing and dashed when stopped. Returns the handle set as window.atlas.player.
 */
function atlasMap(map, data, T, opts) {
    "use strict";
    // One canvas for arcs and places: a canvas takes every click on its area, so a second one
    // above would hide the arcs from the mouse. Places are brought back to the front after a step.
    var arcsPane = map.createPane('atlas-arcs');
    arcsPane.style.zIndex = 410;
    var arcRenderer = L.canvas({pane: 'atlas-arcs', padding: 0.3}), placeRenderer = arcRenderer;
    // A step is a year, or (period P1M: every dated event states its month) year * 12 + month - 1.
    var steps = data.step_counts.map(function (sc) { return sc[0]; }), monthly = data.period === 'P1M';
    var first = steps.length ? steps[0] : null, last = steps.length ? steps[steps.length - 1] : null;
    function stepLabel(s) {
        if (!monthly) { return String(s); }
        var m = s % 12 + 1;
        return Math.floor(s / 12) + '-' + (m < 10 ? '0' : '') + m;
    }
    var state = {year: null, playing: false, timer: null, speed: 1};

    var radius = {};  // a place's circle radius by its "lon,lat"
    data.places.features.forEach(function (f) { radius[f.geometry.coordinates.join(',')] = f.properties.radius; });

    function weightOf(n) { return n <= 0 ? 0 : Math.min(2 + 1.8 * Math.log2(n), 14); }

    var relations = data.relations.features.map(function (f) {
        var p = f.properties;
        var latlngs = f.geometry.coordinates.map(function (c) { return L.latLng(c[1], c[0]); });
        var line = L.polyline(latlngs, {renderer: arcRenderer, color: p.colour, weight: weightOf(p.count),
                                        opacity: 0.85, lineCap: 'round', lineJoin: 'round', interactive: true});
        var end = f.geometry.coordinates[f.geometry.coordinates.length - 1];
        var rel = {p: p, latlngs: latlngs, line: line, shown: false, weight: 0, end: end[0] + ',' + end[1]};
        line.bindPopup(p.card, {maxWidth: 420, maxHeight: 360, className: 'atlas-card-popup'});
        line.bindTooltip(p.tooltip, {sticky: true});
        line.on('popupopen', function () {
            var folded = container.querySelector('#atlas-legend');  // the card must not sit under the legend
            if (folded) { folded.open = false; }
            try { window.parent.postMessage({atlas: 'relation', id: p.id, event_ids: p.event_ids}, '*'); }
            catch (err) { /* a page with no parent */ }
        });
        return rel;
    });

    // The arrowhead is part of the arc's own path (two barbs at the recipient, sized in screen pixels):
    // one path per relation keeps a redraw of ten thousand of them cheap.
    function drawHead(rel) {
        var n = rel.latlngs.length;
        var a = map.latLngToLayerPoint(rel.latlngs[n - 2]), b = map.latLngToLayerPoint(rel.latlngs[n - 1]);
        var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        var ux = dx / d, uy = dy / d, length = 7 + 1.4 * rel.weight, half = 0.6 * length;
        var short = (radius[rel.end] || 3) + 1;  // the tip touches the recipient's circle, not hidden under it
        var tip = L.point(b.x - ux * short, b.y - uy * short);
        var base = L.point(tip.x - ux * length, tip.y - uy * length);
        var barbs = [L.point(base.x - uy * half, base.y + ux * half), tip,
                     L.point(base.x + uy * half, base.y - ux * half)].map(function (pt) {
            return map.layerPointToLatLng(pt); });
        var before = rel.latlngs.slice(0, n - 1).filter(function (ll) {  // the arc stops at the tip
            var pt = map.latLngToLayerPoint(ll); return (pt.x - b.x) * (pt.x - b.x) + (pt.y - b.y) * (pt.y - b.y) > short * short; });
        rel.line.setLatLngs(before.concat([map.layerPointToLatLng(tip)], barbs));
    }

    // A step touches only the relations whose look changes (ten thousand restyled each step would
    // cost more than the redraw itself).
    function show(rel, weight, style) {
        if (weight <= 0) {
            if (rel.shown) { map.removeLayer(rel.line); rel.shown = false; rel.look = ''; }
            return;
        }
        var look = weight + '|' + style.opacity + '|' + style.dashArray;
        if (rel.shown && rel.look === look) { return; }
        var resized = rel.weight !== weight || !rel.shown;
        rel.weight = weight;
        rel.look = look;
        rel.line.setStyle(Object.assign({weight: weight}, style));
        if (!rel.shown) { rel.line.addTo(map); rel.shown = true; }
        if (resized) { drawHead(rel); }
    }

    var addedSince = true;
    function shownCount() { var n = 0; relations.forEach(function (rel) { if (rel.shown) { n += 1; } }); return n; }
    function render() {
        var year = state.year, drawn = 0, undatedShown = 0, before = shownCount();
        relations.forEach(function (rel) {
            var p = rel.p, dated = 0, now = 0;
            if (year === null) {
                show(rel, weightOf(p.count), {opacity: 0.85, dashArray: p.steps.length ? null : '6 6'});
            } else {
                p.steps.forEach(function (yc) { if (yc[0] <= year) { dated += yc[1]; } if (yc[0] === year) { now += yc[1]; } });
                if (dated > 0) {
                    show(rel, weightOf(dated) + (now ? 1.5 : 0), {opacity: now ? 1 : 0.45, dashArray: null});
                } else if (!state.playing && p.undated > 0 && !p.steps.length) {
                    show(rel, weightOf(p.undated), {opacity: 0.6, dashArray: '6 6'});
                } else {
                    show(rel, 0);
                }
            }
            if (rel.shown) { drawn += 1; if (rel.line.options.dashArray) { undatedShown += 1; } }
        });
        var added = drawn > before || addedSince;
        addedSince = false;
        if (added) { placeLayer.eachLayer(function (layer) { layer.bringToFront(); }); }
        yearLabel.textContent = year === null ? (first === null ? '' : T.all_years) : stepLabel(year);
        yearLabel.className = 'atlas-year' + (year === null ? ' atlas-year-all' : '');
        if (slider) { slider.value = year === null ? String(last) : String(year); }
        if (playButton) { playButton.textContent = state.playing ? '❚❚ ' + T.pause : '▶ ' + T.play; }
        strip.querySelectorAll('.atlas-bar').forEach(function (bar) {
            var y = Number(bar.dataset.year);
            bar.classList.toggle('atlas-bar-on', year === null || y <= year);
            bar.classList.toggle('atlas-bar-now', y === year);
        });
        undatedBar && undatedBar.classList.toggle('atlas-bar-on', !state.playing);
        container.dataset.year = year === null ? 'all' : String(year);
        container.dataset.playing = String(state.playing);
        container.dataset.shown = String(drawn);
        container.dataset.undatedShown = String(undatedShown);
        save();
    }

    // -- places --------------------------------------------------------------------------
    var placeLayer = L.layerGroup().addTo(map), placeNames = L.layerGroup(), busyNames = L.layerGroup();
    var byCount = data.places.features.slice().sort(function (a, b) { return b.properties.count - a.properties.count; });
    data.places.features.forEach(function (f) {
        var p = f.properties, at = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        L.circleMarker(at, {renderer: placeRenderer, radius: p.radius, color: '#333', weight: 1, fillColor: '#fff',
                            fillOpacity: 0.9}).bindPopup(p.popup).bindTooltip(p.tooltip).addTo(placeLayer);
        var label = L.marker(at, {interactive: false, keyboard: false, pane: 'atlas-labels',
            icon: L.divIcon({className: 'atlas-label atlas-place-name', html: '', iconSize: null})});
        label.on('add', function (e) { e.target.getElement().textContent = p.label; });
        label.addTo(placeNames);
        if (byCount.indexOf(f) < 12) {
            var busy = L.marker(at, {interactive: false, keyboard: false, pane: 'atlas-labels',
                icon: L.divIcon({className: 'atlas-label atlas-place-name', html: '', iconSize: null})});
            busy.on('add', function (e) { e.target.getElement().textContent = p.label; });
            busy.addTo(busyNames);
        }
    });
    function namesByZoom() {
        var z = map.getZoom();
        [[placeNames, z >= 7], [busyNames, z >= 5 && z < 7]].forEach(function (pair) {
            if (pair[1] && !map.hasLayer(pair[0])) { pair[0].addTo(map); }
            if (!pair[1] && map.hasLayer(pair[0])) { map.removeLayer(pair[0]); }
        });
    }

    // -- the player ---------------------------------------------------------------------
    var container = map.getContainer();
    var yearLabel = L.DomUtil.create('div', 'atlas-year', container);
    var Player = L.Control.extend({options: {position: 'bottomleft'}, onAdd: function () {
        var div = L.DomUtil.create('div', 'atlas-player');
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
    }});
    var playerControl = new Player().addTo(map), panel = playerControl.getContainer();
    var strip = L.DomUtil.create('div', 'atlas-strip', panel);
    var most = Math.max.apply(null, [1].concat(data.step_counts.map(function (yc) { return yc[1]; })));
    data.step_counts.forEach(function (yc) {
        var bar = L.DomUtil.create('div', 'atlas-bar', strip);
        bar.dataset.year = yc[0];
        bar.title = stepLabel(yc[0]) + ': ' + yc[1] + ' ' + T.event_unit;
        bar.style.height = (yc[1] ? 4 + 30 * yc[1] / most : 1) + 'px';
        bar.onclick = function () { pause(); state.year = yc[0]; render(); };
    });
    var undatedBar = null;
    if (data.undated_events) {
        var apart = L.DomUtil.create('div', 'atlas-undated', strip);
        undatedBar = L.DomUtil.create('div', 'atlas-bar atlas-bar-undated', apart);
        undatedBar.style.height = Math.min(4 + 30 * data.undated_drawn / most, 34) + 'px';
        undatedBar.title = T.year_not_stated + ': ' + data.undated_drawn + ' ' + T.event_unit;
        L.DomUtil.create('span', 'atlas-undated-name', apart).textContent =
            T.year_not_stated + ' (' + data.undated_events + ')';  // as the legend and the app count them
    }
    var controls = L.DomUtil.create('div', 'atlas-controls', panel);
    var playButton = null, slider = null;
    if (first !== null) {
        playButton = L.DomUtil.create('button', 'atlas-play', controls);
        playButton.type = 'button';
        playButton.onclick = function () { state.playing ? pause() : play(); };
        slider = L.DomUtil.create('input', 'atlas-slider', controls);
        slider.type = 'range'; slider.min = first; slider.max = last; slider.step = 1;
        slider.setAttribute('aria-label', T.year);
        slider.oninput = function () { pause(); state.year = Number(slider.value); render(); };
        var speed = L.DomUtil.create('select', 'atlas-speed', controls);
        speed.setAttribute('aria-label', T.speed);
        [0.5, 1, 2, 4].forEach(function (s) {
            var o = L.DomUtil.create('option', '', speed); o.value = s; o.textContent = s + '×'; o.selected = s === 1; });
        speed.onchange = function () { state.speed = Number(speed.value); if (state.playing) { pause(); play(true); } };
    }
    var allButton = L.DomUtil.create('button', 'atlas-all', controls);
    allButton.type = 'button';
    allButton.textContent = T.all_years;
    allButton.onclick = function () { pause(); state.year = null; render(); };

    function step() {
        if (state.year >= last) { pause(); return; }
        state.year += 1;
        render();
    }
    function play(keepYear) {
        if (first === null) { return; }
        if (!keepYear && (state.year === null || state.year >= last)) { state.year = first; }
        state.playing = true;
        render();
        state.timer = setInterval(step, (monthly ? 400 : 1200) / state.speed);
    }
    function pause() {
        if (state.timer) { clearInterval(state.timer); state.timer = null; }
        if (state.playing) { state.playing = false; render(); }
    }

    // -- the legend ---------------------------------------------------------------------
    var Legend = L.Control.extend({options: {position: 'topright'}, onAdd: function () {
        var div = L.DomUtil.create('div', 'atlas-legend-box');
        div.innerHTML = opts.legend;
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
    }});
    var legend = new Legend().addTo(map).getContainer();
    if (opts.about) {  // a presentation: title, filters, sources, export date
        var About = L.Control.extend({options: {position: 'topleft'}, onAdd: function () {
            var div = L.DomUtil.create('div', 'atlas-about');
            div.innerHTML = opts.about;
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        }});
        var about = new About().addTo(map).getContainer().querySelector('details');
        if (about && container.clientWidth < 480) { about.open = false; }
    }
    var details = legend.querySelector('details');
    if (details && container.clientWidth < 700) { details.open = false; }  // a small map: the map first
    var tilesBox = legend.querySelector('input[name=atlas-tiles]');
    if (tilesBox && opts.tiles) {
        tilesBox.onchange = function () { tilesBox.checked ? opts.tiles.addTo(map) : map.removeLayer(opts.tiles); };
        opts.tiles.on('tileerror', function () { map.removeLayer(opts.tiles); tilesBox.checked = false; tilesBox.disabled = true; });
    } else if (tilesBox) { tilesBox.parentNode.style.display = 'none'; }
    var placesBox = legend.querySelector('input[name=atlas-places]');
    if (placesBox) {
        placesBox.onchange = function () { placesBox.checked ? placeLayer.addTo(map) : map.removeLayer(placeLayer); };
    }

    // -- the view survives a rerun (the app rebuilds the page on every change) ----------------
    function save() {
        if (!opts.keepView) { return; }
        try {
            var c = map.getCenter();
            window.localStorage.setItem(opts.storageKey, JSON.stringify(
                {lat: c.lat, lng: c.lng, zoom: map.getZoom(), year: state.year}));
        } catch (err) { /* storage off: the view is simply not kept */ }
    }
    var restored = null;
    if (opts.keepView) {
        try { restored = JSON.parse(window.localStorage.getItem(opts.storageKey) || 'null'); } catch (err) { restored = null; }
    }
    if (restored && typeof restored.zoom === 'number') {
        map.setView([restored.lat, restored.lng], restored.zoom);
        if (restored.year !== null && first !== null && restored.year >= first && restored.year <= last) {
            state.year = restored.year;
        }
    } else if (opts.fit) {
        map.fitBounds(opts.fit, {padding: [24, 24], maxZoom: 7});
    }
    map.on('zoomend', function () { relations.forEach(function (rel) { if (rel.shown) { drawHead(rel); } }); namesByZoom(); });
    map.on('moveend', save);
    namesByZoom();
    render();
    return {
        relations: relations, places: placeLayer, play: function () { play(); }, pause: pause,
        year: function () { return state.year; }, playing: function () { return state.playing; },
        showYear: function (y) { pause(); state.year = y; render(); }
    };
}
