/* The map's relations, places, year player and legend (Leaflet 1.9, no other library).
 *
 * atlasMap(map, data, T, opts): data is what geo/map/render.py hands the page (relations as
 * {id, count, undated, steps, colour, tooltip, card, ends}, places as [lon, lat, name, as donor,
 * as recipient, radius], the lists the cards refer to: facts (kind · programme), evidence, sources), T the map's words in the page's language, opts {keepView, storageKey,
 * legend (HTML), fit (bounds)}.
 * One arc per relation, its width by the events shown so far, an arrowhead (in screen pixels, so
 * it reads at every zoom) at the recipient. A click opens the relation's card, built from its data.
 * The player steps by year: a relation appears at its first dated event and widens as events
 * accumulate; those with events in the current year are highlighted. Relations with no year are
 * hidden while playing and dashed when stopped. Returns the handle set as window.atlas.player.
 *
 * Speed: ten thousand relations must step at 30 frames a second in a browser without a GPU, where
 * stroking every arc takes far longer than a frame. So the arcs are not Leaflet layers: three
 * canvases of their own (no year, past, current step) draw them, each arc its own path, from points
 * projected once (a zoom only scales them), and a step looks at and draws only the relations it
 * changes. Without a GPU the browser spends a step's frame on rasterising those strokes (in rows: a
 * long arc costs the same at any width) and on copying every canvas on the page, changed or not,
 * so while playing the page has three (base map with the places on it, past, step).
 * Clicks and hovers find their relation by distance to its points.
 */
function atlasMap(map, data, T, opts) {
    "use strict";
    var arcsPane = map.createPane('atlas-arcs');
    arcsPane.style.zIndex = 410;
    var placesPane = map.createPane('atlas-places');
    placesPane.style.zIndex = 420;
    var placeRenderer = L.canvas({pane: 'atlas-places', padding: 0.3});
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
    data.places.forEach(function (pl) { radius[pl[0] + ',' + pl[1]] = pl[5]; });  // [lon, lat, label, donor, recipient, radius]

    function weightOf(n) { return n <= 0 ? 0 : Math.min(2 + 1.8 * Math.log2(n), 14); }

    // -- a relation's card: its HTML built from its data on click (as geo/map/cards.py card_html) ----
    var ESCAPES = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;'};
    function esc(value) { return String(value).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; }); }
    function cardHtml(card) {
        var items = card.events.map(function (ev) {  // [event_id, when, facts, amounts, corrected, evidence, source]
            var source = data.sources[ev[6]];
            var link = source[1] ? '<a href="' + esc(source[1]) + '" target="_blank" rel="noopener noreferrer">'
                + esc(source[0]) + '</a>' : '<span>' + esc(source[0]) + '</span>';
            return '<li data-event="' + esc(ev[0]) + '"><b>' + esc(ev[1]) + '</b> · ' + esc(data.facts[ev[2]])
                + (ev[3] ? ' · ' + esc(ev[3]) : '')
                + (ev[4] ? '<div class="atlas-corrected">' + esc(ev[4]) + '</div>' : '')
                + '<div class="atlas-evidence">' + esc(data.evidence[ev[5]]) + '</div><div class="atlas-source">'
                + link + '</div></li>';
        });
        return '<div class="atlas-card"><div class="atlas-card-title">' + esc(card.title) + '</div>'
            + '<div class="atlas-card-meta">' + esc(card.meta) + '</div><ol>' + items.join('') + '</ol>'
            + (card.more ? '<div class="atlas-card-more">' + esc(card.more) + '</div>' : '') + '</div>';
    }

    function placePopup(pl) {  // as geo/map/data.py writes a place's popup
        return '<div class="atlas-card"><div class="atlas-card-title">' + esc(pl[2]) + '</div>' + esc(T.as_donor) + ' '
            + pl[3].toLocaleString('en-US') + ' · ' + esc(T.as_recipient) + ' ' + pl[4].toLocaleString('en-US') + '</div>';
    }

    // -- arcs: a quadratic Bézier in screen (Mercator) pixels, with the ends and the control point of
    // geo/map/arcs.py's curve (to the left of travel): one curve per relation is far cheaper to stroke
    // than a polyline, and within a few pixels of the export's 16 points.
    var ARC_POINTS = 16, BULGE = 0.18, RAD = Math.PI / 180;
    function controlLatLng(ends) {
        var scale = Math.max(Math.cos((ends[1] + ends[3]) / 2 * RAD), 0.2);
        var x0 = ends[0] * scale, y0 = ends[1], x1 = ends[2] * scale, y1 = ends[3], dx = x1 - x0, dy = y1 - y0;
        if (Math.sqrt(dx * dx + dy * dy) < 1e-9) { return null; }  // one point: a small loop instead
        return L.latLng((y0 + y1) / 2 + BULGE * dx, ((x0 + x1) / 2 - BULGE * dy) / scale);
    }

    var colours = [];  // a relation's colour as an index: a look is a few numbers
    // A relation's arc as points on the map (latlngs) and their bounds: asked for by a card or a test, so
    // made on first use, not for every relation as the page opens.
    function Relation(fields) { L.Util.extend(this, fields); }
    Object.defineProperty(Relation.prototype, 'latlngs', {get: function () {
        if (!this._latlngs) {
            this._latlngs = [];
            for (var i = 0; i < this.xy.length; i += 2) { this._latlngs.push(map.unproject(L.point(this.xy[i], this.xy[i + 1]), 0)); }
        }
        return this._latlngs;
    }});
    Object.defineProperty(Relation.prototype, 'bounds', {get: function () { return L.latLngBounds(this.latlngs); }});
    // What a relation shows on a hover and a click ([tooltip, card] by its place in data.relations): the
    // largest part of a big map's data, read from its own JSON block (opts.details: the id of that script
    // element, of type application/json) when first needed rather than as the page opens; else in the relation.
    var detailRows = null;
    function detailOf(rel) {
        if (!opts.details) { return [rel.p.tooltip, rel.p.card]; }
        if (detailRows === null) { detailRows = JSON.parse(document.getElementById(opts.details).textContent); }
        return detailRows[rel.index];
    }
    var relations = data.relations.map(function (p, index) {
        var from = map.project(L.latLng(p.ends[1], p.ends[0]), 0), to = map.project(L.latLng(p.ends[3], p.ends[2]), 0);
        var control = controlLatLng(p.ends), c = control ? map.project(control, 0) : null;
        var xy = new Float64Array(2 * ARC_POINTS);  // pixels at zoom 0: at zoom z, 2^z times these
        var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (var i = 0; i < ARC_POINTS; i++) {
            var t = i / (ARC_POINTS - 1), x, y;
            if (c) {
                var u = (1 - t) * (1 - t), v = 2 * (1 - t) * t, w = t * t;
                x = u * from.x + v * c.x + w * to.x; y = u * from.y + v * c.y + w * to.y;
            } else {  // a loop of about 0.12° above the point
                var a = -Math.PI / 2 + 2 * Math.PI * t, r = 0.12 * 256 / 360;
                x = from.x + r * Math.cos(a); y = from.y - r - r * Math.sin(a);
            }
            xy[2 * i] = x; xy[2 * i + 1] = y;
            minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
        }
        if (colours.indexOf(p.colour) < 0) { colours.push(p.colour); }
        return new Relation({p: p, index: index, xy: xy,
                q: c ? [from.x, from.y, c.x, c.y, to.x, to.y] : null,
                box: [minX, minY, maxX, maxY], short: (radius[p.ends[2] + ',' + p.ends[3]] || 3) + 1,
                colour: colours.indexOf(p.colour), shown: false, layer: null, weight: 0, look: 0, dated: 0,
                held: {now: 0, past: 0, undated: 0},  // the width it is drawn at on each canvas (0: not)
                touched: false, mark: 0});
    });
    // Each step's relations and their events in it: a step forward touches only these.
    var byStep = {};
    relations.forEach(function (rel) {
        rel.p.steps.forEach(function (sc) { (byStep[sc[0]] = byStep[sc[0]] || []).push([rel, sc[1]]); });
    });

    // Three canvases of arcs, bottom to top: the relations with no year (dashed; off the page while
    // playing), the past (each relation as wide as its events so far), and the current step's relations
    // (highlighted). Each canvas has its own opacity and draws its arcs opaque, so an arc drawn again,
    // wider, over itself looks as if drawn once: the past is only added to while time goes forward
    // (the step's canvas is copied onto it, one image, before it is cleared for the next step), and a
    // step draws only its own relations, never all ten thousand. Drawing is spread over frames (tick)
    // so that the page keeps its frame rate whatever a step or a move costs.
    // Leaflet keeps each canvas placed and sized with the view, and clears it after a move or a zoom.
    var NAMES = ['now', 'past', 'undated'];
    var ArcCanvas = L.Canvas.extend({
        _draw: function () {  // after Leaflet cleared the canvas: draw it again, whole, over the next frames
            var name = this.options.layer;
            relations.forEach(function (rel) { rel.held[name] = 0; });
            if (name === 'now') { onNow = []; }
            whole[name] = true;
            dirty = true;
            requestDraw();
        }
    });
    // queue: the relations each canvas has still to draw; whole: the canvas's relations must be found
    // among all (it was cleared); touched: relations placed anew since the canvases last took stock;
    // onNow: the relations drawn on the step's canvas.
    var layers = {}, queue = {}, whole = {}, touched = [], onNow = [], dirty = true, frameAsked = false, stamp = 0;
    NAMES.forEach(function (name) {
        // The step's canvas changes every step: no margin beyond the view (fewer pixels for the browser
        // to take up each frame); the others keep Leaflet's, for a pan.
        layers[name] = new ArcCanvas({pane: 'atlas-arcs', padding: name === 'now' ? 0 : 0.1, layer: name});
        queue[name] = [];
        whole[name] = true;
    });
    function requestDraw() {
        if (frameAsked) { return; }
        frameAsked = true;
        L.Util.requestAnimFrame(tick);
    }
    function clear(name) {
        var ctx = layers[name]._ctx, canvas = layers[name]._container;
        ctx.save();
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.restore();
        if (name === 'now') {
            onNow.forEach(function (rel) { rel.held.now = 0; });
            onNow = [];
        } else {
            relations.forEach(function (rel) { rel.held[name] = 0; });
            whole[name] = true;
        }
    }
    // What each canvas must draw now that the relations' places changed (dirty). Only the touched
    // relations and those on the step's canvas are looked at (a step forward: a tenth of them at
    // 10,000), unless a canvas was cleared: between two stock-takings every relation held on the past
    // is in the past or the step, no wider than it is, and every one not yet drawn where it belongs
    // waits in its canvas's queue.
    function reconcile() {
        dirty = false;
        var was = onNow, i, rel;
        // The past keeps what it holds if every arc in it is still in the past (or highlighted above
        // it) and no wider than it is now; the step's canvas then goes onto it as it is.
        var keep = !whole.past;
        [touched, was].forEach(function (list) {
            for (i = 0; i < list.length && keep; i++) {
                rel = list[i];
                var held = Math.max(rel.held.past, rel.held.now);
                if (held > 0 && ((rel.layer !== 'past' && rel.layer !== 'now') || held > rel.weight)) { keep = false; }
            }
        });
        if (keep) {
            var past = layers.past._ctx;
            past.save();
            past.setTransform(1, 0, 0, 1, 0, 0);
            past.globalAlpha = 1;
            var m = L.Browser.retina ? 2 : 1, from = layers.now._bounds.min, to = layers.past._bounds.min;
            past.drawImage(layers.now._container, (from.x - to.x) * m, (from.y - to.y) * m);
            past.restore();
            was.forEach(function (r) { r.held.past = Math.max(r.held.past, r.held.now); });
        } else {
            clear('past');
        }
        clear('now');
        for (i = 0; i < touched.length; i++) {
            rel = touched[i];
            if (rel.held.undated && (rel.layer !== 'undated' || rel.held.undated !== rel.weight)) { clear('undated'); break; }
        }
        stamp += 1;
        NAMES.forEach(function (name) {
            var from = whole[name] ? relations : queue[name].concat(touched, was), list = [];
            for (var j = 0; j < from.length; j++) {
                var r = from[j];
                if (r.mark !== stamp && r.layer === name && r.held[name] !== r.weight) { r.mark = stamp; list.push(r); }
            }
            for (j = 0; j < list.length; j++) { list[j].mark = 0; }
            list.sort(function (a, b) { return a.look - b.look; });  // narrow first: wide arcs on top
            queue[name] = list;
            whole[name] = false;
        });
        touched.forEach(function (r) { r.touched = false; });
        touched = [];
    }
    // A frame draws at most PER_FRAME arcs: a step (the relations of one year) is drawn in one frame,
    // a whole canvas (after a move, or going back in time) over several, the page answering between.
    var PER_FRAME = 1000;
    function tick() {
        frameAsked = false;
        drawSome();
    }
    function drawSome() {
        if (!map.hasLayer(layers.now)) { return; }
        if (dirty) { reconcile(); }
        var left = PER_FRAME;
        NAMES.forEach(function (name) {
            var todo = queue[name];
            if (!todo || !todo.length || left <= 0) { return; }
            var chunk = todo.splice(0, left), ctx = layers[name]._ctx;
            left -= chunk.length;
            ctx.save();
            drawArcs(ctx, layers[name]._bounds, chunk, name === 'undated');
            ctx.restore();
            chunk.forEach(function (rel) { rel.held[name] = rel.weight; });
            if (name === 'now') { onNow = onNow.concat(chunk); }
        });
        if (busy()) { requestDraw(); }
    }
    function busy() {  // arcs left to draw for the view the canvases are at
        return dirty || NAMES.some(function (name) { return queue[name].length > 0; });
    }
    // While the map moves (a drag, a pan or a zoom animated) Leaflet shows the canvases as they were,
    // shifted and scaled, and draws them for the new view only at its end (moveend): until then the
    // arcs on the page are not the view's.
    var moving = false;
    map.on('movestart', function () { moving = true; });
    map.on('moveend', function () { moving = false; });
    function drawing() { return moving || busy(); }

    // A relation's path in layer pixels: its curve up to the recipient's circle, then the arrowhead's
    // two barbs (sized in screen pixels), one subpath.
    function tracePath(ctx, rel, k, ox, oy) {
        var short = rel.short, length = 7 + 1.4 * rel.weight, half = 0.6 * length, tx, ty, ux, uy, d;
        if (rel.q) {
            var q = rel.q, x0 = q[0] * k - ox, y0 = q[1] * k - oy, cx = q[2] * k - ox, cy = q[3] * k - oy;
            var x2 = q[4] * k - ox, y2 = q[5] * k - oy;
            var end = Math.sqrt((x2 - cx) * (x2 - cx) + (y2 - cy) * (y2 - cy)) || 1;
            var t = Math.max(0, 1 - short / (2 * end));  // the curve's speed at its end is 2 |end - control|
            var ax = x0 + (cx - x0) * t, ay = y0 + (cy - y0) * t, bx = cx + (x2 - cx) * t, by = cy + (y2 - cy) * t;
            tx = ax + (bx - ax) * t; ty = ay + (by - ay) * t;  // the curve cut at t (de Casteljau)
            ux = bx - ax; uy = by - ay;
            d = Math.sqrt(ux * ux + uy * uy);
            if (d < 1e-9) { ux = x2 - x0; uy = y2 - y0; d = Math.sqrt(ux * ux + uy * uy) || 1; }
            ux /= d; uy /= d;
            ctx.moveTo(x0, y0);
            ctx.quadraticCurveTo(ax, ay, tx, ty);
        } else {  // a loop: its points
            var xy = rel.xy, n = xy.length / 2;
            ctx.moveTo(xy[0] * k - ox, xy[1] * k - oy);
            for (var i = 1; i < n; i++) { ctx.lineTo(xy[2 * i] * k - ox, xy[2 * i + 1] * k - oy); }
            tx = xy[2 * n - 2] * k - ox; ty = xy[2 * n - 1] * k - oy;
            ux = tx - (xy[2 * n - 4] * k - ox); uy = ty - (xy[2 * n - 3] * k - oy);
            d = Math.sqrt(ux * ux + uy * uy) || 1;
            ux /= d; uy /= d;
        }
        var sx = tx - ux * length, sy = ty - uy * length;
        ctx.moveTo(sx - uy * half, sy + ux * half);
        ctx.lineTo(tx, ty);
        ctx.lineTo(sx + uy * half, sy - ux * half);
    }

    // Relations drawn opaque (the canvas has the opacity), each its own path: in software a path's
    // cost grows with the rows it spans, and one path of many long arcs costs about twice as much as
    // the same arcs stroked one by one (same picture: each is opaque).
    function drawArcs(ctx, view, list, dashed) {
        var k = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin(), ox = origin.x, oy = origin.y, pad = 24;
        ctx.globalAlpha = 1;
        ctx.lineCap = 'butt';  // cheaper to fill than round ends and joins, in software most of all
        ctx.lineJoin = 'miter';
        ctx.setLineDash(dashed ? [6, 6] : []);
        var i = 0;
        while (i < list.length) {
            var look = list[i], open = false;
            for (; i < list.length && list[i].look === look.look; i++) {
                var rel = list[i], b = rel.box;
                if (b[2] * k - ox < view.min.x - pad || b[0] * k - ox > view.max.x + pad
                    || b[3] * k - oy < view.min.y - pad || b[1] * k - oy > view.max.y + pad) { continue; }  // off the canvas
                if (!open) {
                    ctx.lineWidth = look.weight;
                    ctx.strokeStyle = look.p.colour;
                    open = true;
                }
                ctx.beginPath();
                tracePath(ctx, rel, k, ox, oy);
                ctx.stroke();
            }
        }
    }

    // The relation under a point (layer pixels), the top canvas first; null if none.
    var PRIORITY = {now: 3, past: 2, undated: 1};
    function relationAt(point) {
        var k = Math.pow(2, map.getZoom()), origin = map.getPixelOrigin();
        var px = point.x + origin.x, py = point.y + origin.y, found = null;  // pixels at this zoom
        for (var j = relations.length - 1; j >= 0; j--) {
            var rel = relations[j], tol = rel.weight / 2 + 3, b = rel.box;
            if (!rel.shown || (found && PRIORITY[found.layer] >= PRIORITY[rel.layer])) { continue; }
            if (rel.layer === 'undated' && state.playing) { continue; }
            if (px < b[0] * k - tol || px > b[2] * k + tol || py < b[1] * k - tol || py > b[3] * k + tol) { continue; }
            var xy = rel.xy;
            for (var i = 0; i + 3 < xy.length; i += 2) {
                var ax = xy[i] * k, ay = xy[i + 1] * k, dx = xy[i + 2] * k - ax, dy = xy[i + 3] * k - ay;
                var len = dx * dx + dy * dy, t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
                var ex = ax + t * dx - px, ey = ay + t * dy - py;
                if (ex * ex + ey * ey <= tol * tol) { found = rel; break; }
            }
        }
        return found;
    }

    var popup = L.popup({maxWidth: 420, maxHeight: 360, className: 'atlas-card-popup'});
    function openCard(rel, at) {
        var folded = container.querySelector('#atlas-legend');  // the card must not sit under the legend
        if (folded) { folded.open = false; }
        popup.setLatLng(at || rel.latlngs[Math.floor(rel.latlngs.length / 2)]).setContent(cardHtml(detailOf(rel)[1])).openOn(map);
        try { window.parent.postMessage({atlas: 'relation', id: rel.p.id}, '*'); }
        catch (err) { /* a page with no parent */ }
    }
    var tooltip = L.tooltip({sticky: true}), hovered = null, hoverAsked = null;
    map.on('click', function (e) {
        var rel = relationAt(e.layerPoint);
        if (rel) { openCard(rel, e.latlng); }
    });
    map.on('mousemove', function (e) {  // once a frame at most
        if (hoverAsked === null) { L.Util.requestAnimFrame(hover); }
        hoverAsked = e;
    });
    function hover() {
        var e = hoverAsked, rel = e ? relationAt(e.layerPoint) : null;
        hoverAsked = null;
        if (!e) { return; }
        map.getContainer().style.cursor = rel ? 'pointer' : '';
        if (rel) {
            if (rel !== hovered) { tooltip.setContent(detailOf(rel)[0]); }
            tooltip.setLatLng(e.latlng);
            if (!map.hasLayer(tooltip)) { map.openTooltip(tooltip); }
        } else if (map.hasLayer(tooltip)) {
            map.closeTooltip(tooltip);
        }
        hovered = rel;
    }
    map.on('mouseout', function () { hoverAsked = null; hovered = null; map.closeTooltip(tooltip); });

    // A relation's place and width; ``look`` groups relations drawn alike (width, colour).
    function place(rel, layer, weight) {
        if (rel.layer === layer && rel.weight === weight) { return; }
        rel.shown = layer !== null;
        rel.layer = layer;
        rel.weight = weight;
        rel.look = Math.round(weight * 100) * 100 + rel.colour;
        if (!rel.touched) { rel.touched = true; touched.push(rel); }
    }

    // A step works out every relation's place (a few additions each); the canvases then draw only what
    // changed (reconcile).
    var bars = [], placed = {year: undefined, dated: 0, undated: 0};  // the year the relations are placed for
    function placeAll(year) {
        var dated = 0, undated = 0;
        for (var i = 0; i < relations.length; i++) {
            var rel = relations[i], p = rel.p, now = 0;
            rel.dated = 0;
            if (year === null) {
                place(rel, p.steps.length ? 'past' : 'undated', weightOf(p.count));
            } else {
                for (var j = 0; j < p.steps.length; j++) {
                    var yc = p.steps[j];
                    if (yc[0] <= year) { rel.dated += yc[1]; }
                    if (yc[0] === year) { now += yc[1]; }
                }
                if (rel.dated > 0) {
                    place(rel, now ? 'now' : 'past', weightOf(rel.dated));  // the step's relations: opaque
                } else if (p.undated > 0 && !p.steps.length) {
                    place(rel, 'undated', weightOf(p.undated));  // shown when stopped only
                } else {
                    place(rel, null, 0);
                }
            }
            if (rel.layer === 'undated') { undated += 1; } else if (rel.shown) { dated += 1; }
        }
        placed = {year: year, dated: dated, undated: undated};
    }
    // One step forward: the last step's relations go to the past, this step's widen and are highlighted.
    function placeNext(year) {
        (byStep[year - 1] || []).forEach(function (rc) { place(rc[0], 'past', rc[0].weight); });
        (byStep[year] || []).forEach(function (rc) {
            var rel = rc[0];
            if (!rel.dated) { placed.dated += 1; }
            rel.dated += rc[1];
            place(rel, 'now', weightOf(rel.dated));
        });
        placed.year = year;
    }
    function render() {
        var year = state.year;
        if (year !== null && placed.year !== null && placed.year !== undefined && year === placed.year + 1) {
            placeNext(year);
        } else if (year !== placed.year) {
            placeAll(year);
        }
        var undatedShown = state.playing ? 0 : placed.undated, drawn = placed.dated + undatedShown;
        dirty = true;
        drawSome();  // now, not at the next frame: the step is painted with the frame it happens in
        setOpacity(layers.past._container, year === null ? '0.85' : '0.45');
        setOpacity(layers.undated._container, year === null ? '0.85' : '0.6');
        // While playing, the canvas of the relations with no year is off the page and the places are
        // drawn on the base map's canvas: without a GPU the browser copies every canvas on the page
        // in each frame that changes one (a step), whatever it holds.
        var undated = layers.undated._container;
        if (state.playing && undated.parentNode) {
            undated.remove();
        } else if (!state.playing && !undated.parentNode) {
            arcsPane.insertBefore(undated, arcsPane.firstChild);
        }
        bakePlaces(state.playing);
        var label = year === null ? (first === null ? '' : T.all_years) : stepLabel(year);
        if (yearLabel.textContent !== label) { yearLabel.textContent = label; }
        yearLabel.className = 'atlas-year' + (year === null ? ' atlas-year-all' : '');
        if (slider) { slider.value = year === null ? String(last) : String(year); }
        if (playButton) {
            var text = state.playing ? '❚❚ ' + T.pause : '▶ ' + T.play;
            if (playButton.textContent !== text) { playButton.textContent = text; }
        }
        bars.forEach(function (bar) {  // only the bars whose state changes are touched
            var on = year === null || bar.step <= year, at = bar.step === year;
            if (on !== bar.on) { bar.el.classList.toggle('atlas-bar-on', on); bar.on = on; }
            if (at !== bar.at) { bar.el.classList.toggle('atlas-bar-now', at); bar.at = at; }
        });
        if (undatedBar) { undatedBar.classList.toggle('atlas-bar-on', !state.playing); }
        container.dataset.year = year === null ? 'all' : String(year);
        container.dataset.playing = String(state.playing);
        container.dataset.shown = String(drawn);
        container.dataset.undatedShown = String(undatedShown);
        save();
    }

    function setOpacity(element, value) { if (element.style.opacity !== value) { element.style.opacity = value; } }

    // -- places --------------------------------------------------------------------------
    // Played, the places are an image on the base map's canvas (under the arcs; the base map and the
    // places do not change while playing) and their own canvas is hidden; stopped, they are on their
    // own canvas again, over the arcs, where a click or a hover finds them.
    var basemap = window.atlasBasemap, baseRenderer = basemap && basemap.provinces && basemap.provinces.options.renderer;
    var baked = false, bakeAsked = false;
    function bakePlaces(on) {
        if (on && !baked && baseRenderer && baseRenderer._container && placeRenderer._container
            && map.hasLayer(placeLayer)) {
            var ctx = baseRenderer._ctx, m = L.Browser.retina ? 2 : 1;
            var from = placeRenderer._bounds.min, to = baseRenderer._bounds.min;
            ctx.save();
            ctx.setTransform(1, 0, 0, 1, 0, 0);
            ctx.drawImage(placeRenderer._container, (from.x - to.x) * m, (from.y - to.y) * m);
            ctx.restore();
            baked = true;
        } else if (!on && baked) {
            baseRenderer._redraw();  // the base map alone
            baked = false;
        }
        var display = baked || (on && !map.hasLayer(placeLayer)) ? 'none' : '';  // (places off: an empty canvas)
        if (placesPane.style.display !== display) { placesPane.style.display = display; }
    }
    map.on('moveend zoomend', function () {  // both canvases were drawn anew: the places again, once both are
        if (!baked || bakeAsked) { return; }
        bakeAsked = true;
        L.Util.requestAnimFrame(function () {
            bakeAsked = false;
            baked = false;
            bakePlaces(state.playing);
        });
    });
    var placeLayer = L.layerGroup().addTo(map), placeNames = null, busyNames = L.layerGroup();
    var busiest = data.places.map(function (pl, i) { return i; }).sort(function (a, b) {
        return (data.places[b][3] + data.places[b][4]) - (data.places[a][3] + data.places[a][4]) || a - b; }).slice(0, 12);
    data.places.forEach(function (pl, i) {
        var at = L.latLng(pl[1], pl[0]), name = pl[2];
        L.circleMarker(at, {renderer: placeRenderer, radius: pl[5], color: '#333', weight: 1, fillColor: '#fff',
                            fillOpacity: 0.9}).bindPopup(function () { return placePopup(pl); })
            .bindTooltip(esc(name)).addTo(placeLayer);
        if (busiest.indexOf(i) >= 0) {
            var busy = L.marker(at, {interactive: false, keyboard: false, pane: 'atlas-labels',
                icon: L.divIcon({className: 'atlas-label atlas-place-name', html: '', iconSize: null})});
            busy.on('add', function (e) { e.target.getElement().textContent = name; });
            busy.addTo(busyNames);
        }
    });
    function placeLabels() {  // every place's name, from zoom 7: made the first time they are shown
        var group = L.layerGroup();
        data.places.forEach(function (pl) {
            var label = L.marker(L.latLng(pl[1], pl[0]), {interactive: false, keyboard: false, pane: 'atlas-labels',
                icon: L.divIcon({className: 'atlas-label atlas-place-name', html: '', iconSize: null})});
            label.on('add', function (e) { e.target.getElement().textContent = pl[2]; });
            label.addTo(group);
        });
        return group;
    }
    function namesByZoom() {
        var z = map.getZoom();
        if (z >= 7 && placeNames === null) { placeNames = placeLabels(); }
        [[placeNames, z >= 7], [busyNames, z >= 5 && z < 7]].forEach(function (pair) {
            if (pair[0] === null) { return; }
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
        bars.push({el: bar, step: yc[0], on: false, at: false});
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
        placesBox.onchange = function () {
            bakePlaces(false);
            placesBox.checked ? placeLayer.addTo(map) : map.removeLayer(placeLayer);
            bakePlaces(state.playing);
        };
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
    // The first view is set at once, not animated: the page opens at it (the base map drawn once), and
    // a move asked for as soon as the page is there (a wheel, a script) is not dropped, as Leaflet drops
    // a view asked for during a zoom's animation.
    if (restored && typeof restored.zoom === 'number') {
        map.setView([restored.lat, restored.lng], restored.zoom, {animate: false});
        if (restored.year !== null && first !== null && restored.year >= first && restored.year <= last) {
            state.year = restored.year;
        }
    } else if (opts.fit) {
        map.fitBounds(opts.fit, {padding: [24, 24], maxZoom: 7, animate: false});
    }
    map.on('zoomend', namesByZoom);
    layers.undated.addTo(map);
    layers.past.addTo(map);
    layers.now.addTo(map);
    map.on('moveend', save);
    namesByZoom();
    render();
    return {
        relations: relations, places: placeLayer, play: function () { play(); }, pause: pause,
        drawing: drawing,
        cardHtml: function (i) { return cardHtml(detailOf(relations[i])[1]); },
        placePopup: function (i) { return placePopup(data.places[i]); }, openCard: function (i) { openCard(relations[i]); },
        year: function () { return state.year; }, playing: function () { return state.playing; },
        showYear: function (y) { pause(); state.year = y; render(); }
    };
}
