// The dashboard's page: hash routes, one view at a time, polling the JSON API (no build step, no dependencies).
"use strict";

const palette = ["#7aa2f7", "#4ec38a", "#e0b44c", "#c58af9", "#5fc7d6", "#f28fad", "#a6d86e", "#f5a25d"];
// A service keeps its colour across pages and reloads: picked from a hash of its name.
const colorOf = service => palette[[...service].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) >>> 0, 7) % palette.length];

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
const svg = (tag, attrs, ...children) => {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
};

async function api(path) {
  const response = await fetch(path, { credentials: "same-origin", cache: "no-store" });
  if (response.status === 401) throw new Error("Not signed in: open the login link the AppHost printed.");
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

const time = iso => iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(iso).getMilliseconds()).padStart(3, "0") : "";
const ms = v => v == null ? "–" : v >= 1000 ? (v / 1000).toFixed(2) + " s" : v >= 10 ? v.toFixed(0) + " ms" : v.toFixed(1) + " ms";
const badge = text => text ? h("span", { class: "badge " + text }, text) : "";
const chip = service => h("span", { class: "chip", style: { background: colorOf(service) } }, service);
const param = (name, fallback = "") => new URLSearchParams(location.hash.split("?")[1] || "").get(name) ?? fallback;
const setParams = params => {
  const [path] = location.hash.split("?");
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v));
  history.replaceState(null, "", path + (q.toString() ? "?" + q : ""));
};

let current = null; // { refresh(), stop? }
let timer = null;
const view = document.getElementById("view");
const status = document.getElementById("status");

async function tick() {
  if (!current || !current.refresh) return;
  try { await current.refresh(); status.textContent = "live · " + new Date().toLocaleTimeString([], { hour12: false }); status.className = "muted"; }
  catch (e) { status.textContent = e.message; status.className = "err"; }
}

function route() {
  const [path] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, arg] = path.split("/");
  const views = { resources: resourcesView, console: consoleView, logs: logsView, traces: tracesView, trace: traceView, metrics: metricsView };
  const make = views[name] || resourcesView;
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === (name === "trace" ? "traces" : (views[name] ? name : "resources")));
  view.replaceChildren();
  current = make(arg ? decodeURIComponent(arg) : null);
  clearInterval(timer);
  tick();
  if (current.live !== false) timer = setInterval(tick, 1500);
}

// ---- Resources -----------------------------------------------------------------------------------
const expanded = new Set();
function resourcesView() {
  const body = h("tbody");
  view.append(h("h2", {}, "Resources"), h("table", { id: "resources" },
    h("thead", {}, h("tr", {}, ["Name", "Type", "State", "Health", "Started", "Restarts", "PID", "Endpoints", "Replicas", ""].map(t => h("th", {}, t)))), body));
  return {
    async refresh() {
      const resources = await api("/api/resources");
      const rows = [];
      for (const r of resources) {
        const pids = r.replicas.map(x => x.processId).filter(Boolean).join(", ");
        rows.push(h("tr", { class: "clickable resource", "data-name": r.name, "data-state": r.state, onclick: () => { expanded.has(r.name) ? expanded.delete(r.name) : expanded.add(r.name); tick(); } },
          h("td", {}, h("b", {}, r.name)), h("td", { class: "muted" }, r.type), h("td", {}, badge(r.state)), h("td", {}, badge(r.health)),
          h("td", { class: "mono" }, time(r.startedAt)), h("td", {}, r.restarts), h("td", { class: "mono" }, pids || "–"),
          h("td", {}, r.urls.map(u => h("div", {}, h("a", { href: u, target: "_blank", rel: "noopener", onclick: e => e.stopPropagation() }, u)))),
          h("td", {}, r.replicas.length), h("td", {}, h("a", { href: "#/console/" + encodeURIComponent(r.replicas[0]?.name || r.name), onclick: e => e.stopPropagation() }, "console"))));
        if (expanded.has(r.name)) rows.push(h("tr", {}, h("td", { colspan: 10, class: "detail" }, r.replicas.map(replicaDetail))));
      }
      body.replaceChildren(...rows);
    },
  };
}
const replicaDetail = x => h("div", {},
  h("p", {}, h("b", {}, x.name), " ", badge(x.state), " pid ", x.processId ?? "–", x.exitCode != null ? ` · exit code ${x.exitCode}` : "", " · ",
    h("a", { href: "#/console/" + encodeURIComponent(x.name) }, "console logs")),
  x.environment.length ? h("table", { class: "env" }, h("tbody", {}, x.environment.map(v =>
    h("tr", {}, h("td", {}, v.name), h("td", { class: v.masked ? "masked" : "" }, v.value))))) : h("p", { class: "muted" }, "No environment."));

// ---- Console logs ---------------------------------------------------------------------------------
function consoleView(replica) {
  const select = h("select", { onchange: () => { location.hash = "#/console/" + encodeURIComponent(select.value); } });
  const search = h("input", { type: "search", placeholder: "Search the output…", value: param("q"), oninput: () => { setParams({ q: search.value }); tick(); } });
  const count = h("span", { class: "muted" });
  const pre = h("pre", { class: "console", id: "console" });
  view.append(h("div", { class: "toolbar" }, select, search, count), pre);
  let last = "";
  return {
    async refresh() {
      if (select.options.length === 0) {
        const resources = await api("/api/resources");
        const names = resources.flatMap(r => r.replicas.map(x => x.name)).concat(["apphost"]);
        replica = replica || names[0];
        select.replaceChildren(...names.map(n => h("option", { value: n, selected: n === replica }, n)));
      }
      const q = search.value;
      const data = await api(`/api/console/${encodeURIComponent(replica)}?q=${encodeURIComponent(q)}`);
      if (!data) { pre.textContent = "No such replica."; return; }
      count.textContent = q ? `${data.lines.length} of ${data.total} lines` : `${data.total} lines`;
      const key = q + "\u0000" + data.total + "\u0000" + data.lines.at(-1);
      if (key === last) return;
      last = key;
      const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 20;
      pre.replaceChildren(...data.lines.map(line => highlight(line + "\n", q)));
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    },
  };
}
function highlight(text, q) {
  if (!q) return text;
  const i = text.toLowerCase().indexOf(q.toLowerCase());
  if (i < 0) return text;
  const span = h("span");
  span.append(text.slice(0, i), h("mark", {}, text.slice(i, i + q.length)), text.slice(i + q.length));
  return span;
}

// ---- Structured logs ------------------------------------------------------------------------------
async function serviceSelect(selected, onchange) {
  const select = h("select", { onchange }, h("option", { value: "" }, "All resources"));
  const services = await api("/api/services");
  select.append(...services.map(s => h("option", { value: s, selected: s === selected }, s)));
  return select;
}
function logsView() {
  const body = h("tbody");
  const level = h("select", { onchange: () => changed() }, ["", "Debug", "Information", "Warning", "Error"].map(l => h("option", { value: l, selected: l === param("level") }, l ? l + " and above" : "All levels")));
  const search = h("input", { type: "search", placeholder: "Filter by text…", value: param("q"), oninput: () => changed() });
  const toolbar = h("div", { class: "toolbar" }, level, search);
  let service = null;
  serviceSelect(param("service"), () => changed()).then(s => { service = s; toolbar.prepend(s); });
  const changed = () => { setParams({ service: service?.value, level: level.value, q: search.value, traceId: param("traceId") }); tick(); };
  view.append(h("h2", {}, "Structured logs", param("traceId") ? h("span", { class: "muted" }, " of trace " + param("traceId")) : ""), toolbar,
    h("table", { id: "logs" }, h("thead", {}, h("tr", {}, ["Time", "Resource", "Level", "Category", "Message", "Trace"].map(t => h("th", {}, t)))), body));
  return {
    async refresh() {
      const q = new URLSearchParams({ service: service?.value ?? param("service"), level: level.value, q: search.value, traceId: param("traceId"), limit: 300 });
      const logs = await api("/api/logs?" + q);
      body.replaceChildren(...logs.reverse().map(l => h("tr", {},
        h("td", { class: "mono" }, time(l.timestamp)), h("td", {}, chip(l.source.service)), h("td", {}, badge(l.level)),
        h("td", { class: "muted" }, l.category), h("td", { class: "mono" }, l.message),
        h("td", {}, l.traceId ? h("a", { href: "#/trace/" + l.traceId, class: "mono" }, l.traceId.slice(0, 8)) : ""))));
    },
  };
}

// ---- Traces ---------------------------------------------------------------------------------------
function tracesView() {
  const body = h("tbody");
  const requests = h("input", { type: "checkbox", id: "requests-only", checked: param("all") !== "1", onchange: () => changed() });
  const toolbar = h("div", { class: "toolbar" }, h("label", {}, requests, " incoming requests only"));
  let service = null;
  const changed = () => { setParams({ service: service?.value, all: requests.checked ? "" : "1" }); tick(); };
  serviceSelect(param("service"), () => changed()).then(s => { service = s; toolbar.prepend(s); });
  view.append(h("h2", {}, "Traces"), toolbar,
    h("table", { id: "traces" }, h("thead", {}, h("tr", {}, ["Time", "Name", "Services", "Spans", "Duration", ""].map(t => h("th", {}, t)))), body));
  return {
    async refresh() {
      const traces = await api(`/api/traces?limit=200&requests=${requests.checked}&service=` + encodeURIComponent(service?.value ?? param("service")));
      body.replaceChildren(...traces.map(t => h("tr", { class: "clickable trace", "data-trace": t.traceId, "data-services": t.services.join(" "), onclick: () => { location.hash = "#/trace/" + t.traceId; } },
        h("td", { class: "mono" }, time(t.start)), h("td", {}, h("b", {}, t.rootService), ": ", t.rootName),
        h("td", {}, t.services.map(chip)), h("td", {}, t.spanCount), h("td", { class: "mono" }, ms(t.durationMs)),
        h("td", {}, t.hasError ? h("span", { class: "badge Error" }, "error") : ""))));
    },
  };
}

// Client spans say "POST": name the resource they called, from the port of server.address/server.port.
let resourcePorts = null;
async function loadResourcePorts() {
  if (resourcePorts) return resourcePorts;
  const map = new Map();
  for (const r of await api("/api/resources")) for (const x of r.replicas) for (const u of x.urls) { try { map.set(new URL(u).port, x.name); } catch { } }
  return resourcePorts = map;
}
function spanTarget(span) {
  if (span.kind !== "Client") return "";
  const port = span.attributes.find(a => a.key === "server.port")?.value;
  const host = span.attributes.find(a => a.key === "server.address")?.value;
  const path = span.attributes.find(a => a.key === "url.full")?.value?.replace(/^https?:\/\/[^/]+/, "").split("?")[0];
  const target = (port && resourcePorts?.get(port)) || (host ? host + (port ? ":" + port : "") : "");
  return target ? " → " + target + (path && path !== "/" ? " " + path : "") : "";
}

function traceView(traceId) {
  const header = h("div");
  const fall = h("div", { class: "waterfall", id: "waterfall" });
  const attrs = h("div", { class: "attrs" });
  view.append(header, fall, attrs);
  let selected = null;
  let loaded = 0;
  return {
    async refresh() {
      await loadResourcePorts();
      const trace = await api("/api/traces/" + encodeURIComponent(traceId));
      if (!trace) { header.replaceChildren(h("p", {}, "Trace not found (yet): it may still be exporting.")); return; }
      if (trace.spans.length === loaded) return; // spans arrive for a few seconds; stop redrawing once complete
      loaded = trace.spans.length;
      const s = trace.summary;
      header.replaceChildren(h("h2", {}, h("a", { href: "#/traces" }, "Traces"), " / ", s.rootService, ": ", s.rootName),
        h("div", { class: "summary" },
          h("div", {}, h("b", {}, "Trace id"), h("span", { class: "mono" }, s.traceId)),
          h("div", {}, h("b", {}, "Started"), time(s.start)), h("div", {}, h("b", {}, "Duration"), ms(s.durationMs)),
          h("div", {}, h("b", {}, "Spans"), s.spanCount), h("div", {}, h("b", {}, "Services"), s.services.map(chip)),
          h("div", {}, h("b", {}, "Logs"), h("a", { href: "#/logs?traceId=" + s.traceId }, "structured logs of this trace"))));
      const t0 = new Date(s.start).getTime(), total = Math.max(s.durationMs, 0.001);
      const rows = [h("div", { class: "wf-head" }, h("span", {}, "Span"), h("span", {}, "0 ms — " + ms(total)), h("span", { style: { textAlign: "right" } }, "Duration"))];
      for (const { span, depth } of ordered(trace.spans)) {
        const left = (new Date(span.start).getTime() - t0) / total * 100;
        const width = Math.max(span.durationMs / total * 100, 0.2);
        const row = h("div", { class: "wf-row" + (selected === span.spanId ? " selected" : ""), "data-service": span.source.service, onclick: () => { selected = span.spanId; showSpan(span); for (const r of fall.querySelectorAll(".wf-row")) r.classList.toggle("selected", r === row); } },
          h("div", { class: "wf-name", style: { paddingLeft: 8 + depth * 16 + "px" }, title: span.name }, chip(span.source.service), span.name, h("span", { class: "muted" }, spanTarget(span)), span.isError ? h("span", { class: "err" }, " ✖") : ""),
          h("div", { class: "wf-track" }, h("div", { class: "wf-bar" + (span.isError ? " error" : ""), style: { left: left + "%", width: Math.min(width, 100 - left) + "%", background: colorOf(span.source.service) } })),
          h("div", { class: "wf-dur" }, ms(span.durationMs)));
        rows.push(row);
      }
      fall.replaceChildren(...rows);
      if (!selected) showSpan(trace.spans.find(x => !x.parentSpanId) || trace.spans[0]);
    },
  };
  function showSpan(span) {
    attrs.replaceChildren(h("h2", {}, span.name, " ", h("span", { class: "muted" }, span.kind + " · " + span.source.instance + " · " + span.scope)),
      h("table", {}, h("tbody", {},
        h("tr", {}, h("td", {}, "span id"), h("td", { class: "mono" }, span.spanId)),
        h("tr", {}, h("td", {}, "duration"), h("td", { class: "mono" }, ms(span.durationMs))),
        span.statusMessage ? h("tr", {}, h("td", {}, "status"), h("td", { class: "err" }, span.statusMessage)) : null,
        span.attributes.map(a => h("tr", {}, h("td", { class: "mono" }, a.key), h("td", { class: "mono" }, a.value))),
        span.events.map(e => h("tr", {}, h("td", { class: "mono" }, "event " + time(e.time)), h("td", { class: "mono" }, e.name + " " + e.attributes.map(a => a.key + "=" + a.value).join(" ")))))));
  }
}
function ordered(spans) {
  const ids = new Set(spans.map(s => s.spanId));
  const children = new Map();
  for (const s of spans) {
    const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : "";
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(s);
  }
  const out = [];
  const walk = (id, depth) => { for (const s of (children.get(id) || []).sort((a, b) => a.start.localeCompare(b.start))) { out.push({ span: s, depth }); walk(s.spanId, depth + 1); } };
  walk("", 0);
  return out;
}

// ---- Metrics --------------------------------------------------------------------------------------
function metricsView() {
  const cards = h("div", { class: "cards", id: "metrics" });
  view.append(h("h2", {}, "HTTP requests per service ", h("span", { class: "muted" }, "(http.server.request.duration, last 5 minutes, 5 s bins)")), cards);
  return {
    async refresh() {
      const services = await api("/api/metrics/requests?minutes=5");
      if (services.length === 0) { cards.replaceChildren(h("p", { class: "muted" }, "No request metrics yet: send a request through the gateway.")); return; }
      cards.replaceChildren(...services.map(s => h("div", { class: "card" },
        h("h3", {}, chip(s.service)),
        h("div", { class: "charts" },
          chart("requests / s", s.points, [{ key: "rate", color: "#7aa2f7", label: "rate" }], v => v.toFixed(1)),
          chart("latency", s.points, [{ key: "p50Ms", color: "#4ec38a", label: "p50" }, { key: "p95Ms", color: "#e0b44c", label: "p95" }], v => ms(v))))));
    },
  };
}
function chart(title, points, series, format) {
  const W = 260, H = 120, L = 44, B = 16, T = 6;
  const values = points.flatMap(p => series.map(s => p[s.key])).filter(v => v != null);
  const max = Math.max(...values, 0) * 1.1 || 1;
  const x = i => L + i / Math.max(points.length - 1, 1) * (W - L - 4);
  const y = v => T + (1 - v / max) * (H - T - B);
  const el = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%" });
  for (const f of [0, 0.5, 1]) {
    el.append(svg("line", { x1: L, x2: W - 4, y1: y(max * f), y2: y(max * f), stroke: "#2c3039" }), svg("text", { x: L - 4, y: y(max * f) + 3, "text-anchor": "end" }, format(max * f)));
  }
  el.append(svg("text", { x: L, y: H - 3 }, "-5 min"), svg("text", { x: W - 4, y: H - 3, "text-anchor": "end" }, "now"));
  for (const s of series) {
    let d = "";
    points.forEach((p, i) => { const v = p[s.key]; if (v != null) d += (d && points[i - 1]?.[s.key] != null ? "L" : "M") + x(i).toFixed(1) + "," + y(v).toFixed(1); });
    if (d) el.append(svg("path", { d, fill: "none", stroke: s.color, "stroke-width": 1.6 }));
    points.forEach((p, i) => { if (p[s.key] != null && p[s.key] > 0) el.append(svg("circle", { cx: x(i).toFixed(1), cy: y(p[s.key]).toFixed(1), r: 1.8, fill: s.color })); });
  }
  return h("div", {}, h("div", { class: "legend" }, h("b", {}, title, " "), series.map(s => h("span", { style: { color: s.color } }, "● " + s.label))), el);
}

window.addEventListener("hashchange", route);
route();
