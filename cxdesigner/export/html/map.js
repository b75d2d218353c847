/* The interactive map's behaviour (inlined into the page by export/html_map.py):
   pan, zoom, the details pane, the persona and note-kind filters, print fitting.
   Every text from the map is set with textContent, never as HTML: titles are user input. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var W = data.words;
  var vp = document.getElementById("viewport");
  var canvas = document.getElementById("canvas");
  var body = document.getElementById("details-body");
  var pane = document.getElementById("details");
  var rtl = document.documentElement.dir === "rtl";
  var width = parseFloat(canvas.style.width) || 1, height = parseFloat(canvas.style.height) || 1;
  var view = { x: 0, y: 0, s: 1 };
  var persona = data.persona;
  var current = null;
  var MIN = 0.05, MAX = 3;
  var COLOURS = { "-2": "#c0392b", "-1": "#e67e22", "0": "#95a5a6", "1": "#7cb342", "2": "#2e9e5b" };

  function apply() {
    canvas.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.s + ")";
  }
  function clamp(s) { return Math.min(MAX, Math.max(MIN, s)); }
  function box() { return vp.getBoundingClientRect(); }
  function fitScale() {
    var r = box();
    return clamp(Math.min((r.width - 16) / width, (r.height - 16) / height));
  }
  function fit() {
    var r = box();
    view.s = fitScale();
    view.x = (r.width - width * view.s) / 2;
    view.y = Math.max(8, (r.height - height * view.s) / 2);
    apply();
  }
  /* First view: the whole map if it reads at that size, else the stages at the reading
     start (left, or right on a right-to-left map) as tall as the window shows them;
     the viewport no taller than the map at that size. */
  function start() {
    var r = box(), whole = fitScale();
    if (whole >= 0.45) { fit(); return; }
    view.s = clamp(Math.max(whole, Math.min(1, (r.height - 16) / height)));
    if (height * view.s + 16 < r.height) vp.style.height = Math.ceil(height * view.s + 16) + "px";
    r = box();
    view.x = rtl ? r.width - 8 - width * view.s : 8;
    view.y = 8;
    apply();
  }
  function zoomAt(factor, px, py) {
    var s = clamp(view.s * factor);
    view.x = px - (px - view.x) * s / view.s;
    view.y = py - (py - view.y) * s / view.s;
    view.s = s;
    apply();
  }
  function zoomCentre(factor) { var r = box(); zoomAt(factor, r.width / 2, r.height / 2); }
  function pan(dx, dy) { view.x += dx; view.y += dy; apply(); }

  /* A card reached by Tab is brought into view: the viewport does not scroll. */
  function reveal(el) {
    var r = box(), c = el.getBoundingClientRect();
    var dx = 0, dy = 0, m = 24;
    if (c.left < r.left + m) dx = r.left + m - c.left;
    else if (c.right > r.right - m) dx = r.right - m - c.right;
    if (c.top < r.top + m) dy = r.top + m - c.top;
    else if (c.bottom > r.bottom - m) dy = r.bottom - m - c.bottom;
    if (c.width > r.width - 2 * m) dx = r.left + (r.width - c.width) / 2 - c.left;
    if (dx || dy) pan(dx, dy);
  }
  /* Focusing a card off view makes the browser scroll the viewport (overflow hidden
     or not): that scroll becomes a pan, so the card stays where the browser put it. */
  vp.addEventListener("scroll", function () {
    if (!vp.scrollLeft && !vp.scrollTop) return;
    view.x -= vp.scrollLeft; view.y -= vp.scrollTop;
    vp.scrollLeft = 0; vp.scrollTop = 0;
    apply();
  });
  vp.addEventListener("focusin", function (e) {
    if (e.target.classList.contains("card")) reveal(e.target);
  });

  /* dragging pans; a drag is not a click */
  var drag = null, dragged = false;
  vp.addEventListener("pointerdown", function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, id: e.pointerId };
    dragged = false;
  });
  vp.addEventListener("pointermove", function (e) {
    if (!drag || e.pointerId !== drag.id) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) return;
    if (!dragged) { dragged = true; vp.setPointerCapture(e.pointerId); vp.classList.add("dragging"); }
    view.x = drag.vx + dx; view.y = drag.vy + dy; apply();
  });
  function endDrag() { drag = null; vp.classList.remove("dragging"); }
  vp.addEventListener("pointerup", endDrag);
  vp.addEventListener("pointercancel", endDrag);
  vp.addEventListener("click", function (e) {
    if (dragged) { e.stopPropagation(); e.preventDefault(); dragged = false; }
  }, true);
  vp.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = box();
    zoomAt(Math.exp(-e.deltaY * (e.deltaMode ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  vp.addEventListener("keydown", function (e) {
    var step = 60, k = e.key;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (k === "+" || k === "=") zoomCentre(1.25);
    else if (k === "-" || k === "_") zoomCentre(0.8);
    else if (k === "0") fit();
    else if (e.target === vp && k === "ArrowLeft") pan(step, 0);
    else if (e.target === vp && k === "ArrowRight") pan(-step, 0);
    else if (e.target === vp && k === "ArrowUp") pan(0, step);
    else if (e.target === vp && k === "ArrowDown") pan(0, -step);
    else return;
    e.preventDefault();
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoomCentre(1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomCentre(0.8); });
  document.getElementById("zoom-fit").addEventListener("click", fit);

  /* the details pane */
  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }
  function signed(v) { return v > 0 ? "+" + v : v < 0 ? "\u2212" + (-v) : "0"; }
  /* kept left to right inside right-to-left text: "+1", not "1+" */
  function isolated(v) { return "\u2066" + signed(v) + "\u2069"; }
  function emotionOf(tp, who) {
    var e = tp.emotions;
    if (Object.prototype.hasOwnProperty.call(e, who)) return e[who];
    return Object.prototype.hasOwnProperty.call(e, data.general) ? e[data.general] : null;
  }
  function personaName(who) { return who === data.general ? W.all_customers : data.personas[who]; }
  function fact(dl, label, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", label));
    dl.appendChild(el("dd", value));
  }
  function render(id) {
    var tp = data.tps[id];
    body.textContent = "";
    body.appendChild(el("h3", tp.title, "own-direction"));
    body.appendChild(el("p", W.stage + ": " + tp.stage + " \u00b7 " +
                         W.touchpoint_n.replace("{n}", tp.n), "muted"));
    var dl = el("dl");
    fact(dl, W.channel, tp.channel + " \u00b7 " + tp.mode);
    fact(dl, W.owner, tp.owner);
    fact(dl, W.description, tp.description);
    var feel = emotionOf(tp, persona);
    if (feel !== null) {
      fact(dl, W.emotions + " (" + personaName(persona) + ")",
           data.emotionWords[feel] + " " + isolated(feel));
    }
    fact(dl, W.nps, tp.nps);
    fact(dl, W.csat, tp.csat);
    fact(dl, W.kpi, tp.kpi);
    fact(dl, W.evidence, tp.evidence);
    body.appendChild(dl);
    var thumb = tp.picture && document.querySelector("#card-" + CSS.escape(id) + " img.thumb");
    if (thumb) {  /* the card's own image, at full size: the page carries it once */
      var img = el("img");
      img.alt = W.picture;
      img.src = thumb.src;
      body.appendChild(img);
    }
    body.appendChild(el("h4", W.notes));
    if (!tp.notes.length) body.appendChild(el("p", W.no_notes, "muted"));
    var list = el("ul", null, "notes");
    tp.notes.forEach(function (nid) {
      var n = data.notes[nid], li = el("li", null, "note");
      li.setAttribute("data-kind", n.kind);
      var tag = el("span", n.kindLabel, "kind-tag");
      tag.style.background = n.colour;
      li.appendChild(tag);
      li.appendChild(document.createTextNode(" "));
      var strong = el("strong", null, "note-title");
      strong.appendChild(el("bdi", n.title));  /* a Latin title in Hebrew keeps its order */
      li.appendChild(strong);
      if (n.scores) li.appendChild(el("div", n.scores, "muted"));
      if (n.description) li.appendChild(el("div", n.description, "note-desc"));
      if (n.actions.length) {
        var acts = el("ul", null, "actions");
        n.actions.forEach(function (a) {
          var bits = [a.status, a.owner || W.no_owner];
          if (a.due) bits.push(W.due + " ");
          var item = el("li", a.title + " (" + bits.join(" \u00b7 "));
          if (a.due) {  /* a date reads left to right, in Hebrew text too, on one line */
            var date = el("span", a.due, "date");
            date.dir = "ltr";
            item.appendChild(date);
          }
          item.appendChild(document.createTextNode(")"));
          if (a.overdue) { item.appendChild(document.createTextNode(" ")); item.appendChild(el("strong", W.overdue, "overdue")); }
          acts.appendChild(item);
        });
        li.appendChild(acts);
      } else if (n.kind !== "strength" && n.kind !== "insight") {
        li.appendChild(el("div", W.no_actions, "muted"));
      }
      list.appendChild(li);
    });
    body.appendChild(list);
  }
  function open(id) {
    if (!data.tps[id]) return;
    if (current) document.getElementById("card-" + current).classList.remove("active");
    current = id;
    var card = document.getElementById("card-" + id);
    card.classList.add("active");
    render(id);
    pane.scrollTop = 0;
  }
  function close() {
    if (!current) return;
    var card = document.getElementById("card-" + current);
    card.classList.remove("active");
    current = null;
    body.textContent = "";
    body.appendChild(el("p", pane.getAttribute("data-empty"), "muted"));
    card.focus();
  }
  pane.setAttribute("data-empty", body.textContent);
  canvas.addEventListener("click", function (e) {
    var card = e.target.closest(".card");
    if (card) open(card.getAttribute("data-tp"));
  });
  document.getElementById("details-close").addEventListener("click", close);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  document.querySelectorAll("a[data-open]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var id = a.getAttribute("data-open"), card = document.getElementById("card-" + id);
      vp.scrollIntoView({ block: "start" });
      open(id);
      card.focus();
    });
  });

  /* the filters */
  function showPersona(who) {
    persona = who;
    document.querySelectorAll(".curve").forEach(function (g) {
      g.style.display = g.getAttribute("data-persona") === who ? "" : "none";
    });
    Object.keys(data.tps).forEach(function (id) {
      var v = emotionOf(data.tps[id], who), dot = document.querySelector("#card-" + CSS.escape(id) + " .emo");
      if (!dot) return;
      dot.textContent = v === null ? "" : signed(v);
      dot.style.background = v === null ? "#bdc3c7" : COLOURS[String(v)];
    });
    var title = document.getElementById("emotion-lane-title");
    if (title) title.textContent = W.emotion_lane.replace("{persona}", personaName(who));
    if (current) render(current);
  }
  var select = document.getElementById("persona");
  select.addEventListener("change", function () { showPersona(select.value); });
  if (persona !== data.general) showPersona(persona);
  document.querySelectorAll("input[data-filter-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-filter-kind"), !box.checked);
    });
  });

  start();
  document.documentElement.classList.add("ready");
})();
