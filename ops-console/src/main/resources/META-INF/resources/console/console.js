'use strict';
// The operations console: signs the admin in, then reads /api/ops/overview every two seconds and
// draws it. The session token lives in this closure only (never localStorage): a reload signs out.
(() => {
  const POLL_MS = 2000;
  const WINDOW_MS = 15 * 60 * 1000;
  const HISTORY_EVERY_MS = 30000;

  let token = null;
  let pollTimer = null;
  let lastHistory = 0;
  let lagSource = null;
  const live = {};      // view -> [[epochMs, lagSeconds]] seen by this page
  const history = {};   // view -> [[epochMs, lagSeconds]] from Prometheus
  const busy = {};      // view -> true while an action of that view runs

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'text') node.textContent = value;
      else if (value !== null && value !== undefined) node.setAttribute(key, value);
    }
    children.flat().forEach((child) => node.append(child));
    return node;
  };

  // ---------- talking to the API ----------
  async function call(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try { json = await response.json(); } catch (notJson) { json = null; }
    return { status: response.status, body: json };
  }

  /** A problem+json answer as one readable sentence. */
  function problemText(answer, what) {
    const problem = answer.body || {};
    const detail = problem.detail || problem.title || ('HTTP ' + answer.status);
    return what + ': ' + detail + (answer.status ? ' (' + answer.status + ')' : '');
  }

  // ---------- signing in and out ----------
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = $('sign-in-message');
    message.textContent = 'Signing in…';
    let answer;
    try {
      answer = await call('POST', '/api/auth/login', { email: $('email').value, password: $('password').value });
    } catch (down) {
      message.textContent = 'The gateway does not answer: ' + down.message;
      return;
    }
    if (answer.status !== 200) {
      message.textContent = answer.status === 401 ? 'Wrong email or password.' : problemText(answer, 'Sign-in failed');
      return;
    }
    token = answer.body.token;
    const first = await call('GET', '/api/ops/overview');
    if (first.status === 403) {
      token = null;
      message.textContent = 'Signed in, but this account is not an administrator: the console needs the admin role (403 Forbidden).';
      return;
    }
    message.textContent = '';
    $('password').value = '';
    $('sign-in').hidden = true;
    $('console').hidden = false;
    $('sign-out').hidden = false;
    $('main').focus();
    handle(first);
    pollTimer = setInterval(poll, POLL_MS);
  });

  $('sign-out').addEventListener('click', async () => {
    const old = token;
    signedOut('Signed out.');
    if (old) {
      await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: 'Bearer ' + old } }).catch(() => {});
    }
  });

  function signedOut(text) {
    token = null;
    clearInterval(pollTimer);
    $('console').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-message').textContent = text;
    $('freshness').textContent = '';
    $('email').focus();
  }

  // ---------- polling ----------
  // one read at a time: while a part of the suite is down a read can take longer than the period
  let reading = false;
  async function poll() {
    if (reading) return;
    reading = true;
    try {
      handle(await call('GET', '/api/ops/overview'));
    } catch (down) {
      $('console-message').textContent = 'The console does not answer (' + down.message + '); still trying every 2 s.';
      $('freshness').classList.add('stale');
    } finally {
      reading = false;
    }
    if (token && lagSource === 'prometheus' && Date.now() - lastHistory > HISTORY_EVERY_MS) {
      lastHistory = Date.now();
      loadHistory();
    }
  }

  function handle(answer) {
    if (answer.status === 401) { signedOut('Your session ended: sign in again.'); return; }
    if (answer.status === 403) { signedOut('This account is not an administrator (403 Forbidden).'); return; }
    if (answer.status !== 200) {
      $('console-message').textContent = problemText(answer, 'The console could not read the suite');
      return;
    }
    $('console-message').textContent = '';
    $('freshness').classList.remove('stale');
    const overview = answer.body;
    if (lagSource === null) {
      lagSource = overview.links.lagHistory;
      if (lagSource === 'prometheus') { lastHistory = Date.now(); loadHistory(); }
    }
    render(overview);
  }

  async function loadHistory() {
    const answer = await call('GET', '/api/ops/lag?minutes=15').catch(() => null);
    if (!answer || answer.status !== 200 || answer.body.source !== 'prometheus') return;
    for (const [view, points] of Object.entries(answer.body.views)) {
      history[view] = points.map(([seconds, lag]) => [seconds * 1000, lag]);
    }
  }

  // ---------- drawing ----------
  const STATE_WORDS = { up: 'healthy', warn: 'behind', down: 'down', unknown: 'not known', absent: 'not here' };

  function badge(state, words) {
    return el('span', { class: 'badge ' + state, text: words || STATE_WORDS[state] });
  }

  function storeState(status) {
    return { UP: 'up', DOWN: 'down', ABSENT: 'absent' }[status] || 'unknown';
  }

  function render(overview) {
    const at = new Date(overview.readAt);
    $('freshness').textContent = 'Updated ' + at.toLocaleTimeString() + ' · every 2 s';
    renderServices(overview.suite.services);
    renderStores(overview.suite.stores);
    renderPipeline(overview);
    renderViews(overview);
  }

  function renderServices(services) {
    const rows = services.map((s) => {
      const state = s.status === 'UP' ? 'up' : s.status === 'DOWN' ? 'down' : 'unknown';
      const failing = s.checks.filter((c) => c.status !== 'UP').map((c) => c.name + ' ' + c.status);
      return el('tr', { 'data-service': s.name },
        el('th', { scope: 'row', text: s.name }),
        el('td', {}, badge(state, state === 'up' ? 'ready' : undefined)),
        el('td', { text: s.version || '—' }),
        el('td', { text: failing.length ? failing.join('; ') : (s.reason || '') }));
    });
    $('services').tBodies[0].replaceChildren(...rows);
  }

  function renderStores(stores) {
    const rows = stores.map((s) => el('tr', { 'data-store': s.name },
      el('th', { scope: 'row', text: s.name }),
      el('td', {}, badge(storeState(s.status))),
      el('td', { text: s.via || '' }),
      el('td', { text: s.detail || '' })));
    $('stores').tBodies[0].replaceChildren(...rows);
  }

  function store(overview, name) {
    return overview.suite.stores.find((s) => s.name === name) || { status: 'UNKNOWN' };
  }

  function hop(id, title, state, lines, tag = 'li') {
    return el(tag, { class: 'hop ' + state, 'data-hop': id },
      el('h3', {}, title, ' ', badge(state)),
      el('ul', {}, lines.filter(Boolean).map((line) => el('li', { text: line }))));
  }

  function renderPipeline(overview) {
    const p = overview.pipeline;
    const pg = store(overview, 'PostgreSQL');
    const slot = p.slot;
    const slotState = slot.reason ? (pg.status === 'DOWN' ? 'down' : 'unknown')
      : slot.active ? (slot.retainedBytes > 256 * 1024 * 1024 ? 'warn' : 'up') : 'down';
    const connector = p.connector;
    const tasks = connector.tasks.map((t) => 'task ' + t.id + ': ' + t.state);
    const connectorState = connector.reason ? 'unknown'
      : connector.state === 'RUNNING' && connector.tasks.length && connector.tasks.every((t) => t.state === 'RUNNING') ? 'up' : 'down';
    const kafkaState = p.topicsReason ? (store(overview, 'Kafka').status === 'DOWN' ? 'down' : 'unknown') : 'up';
    const hops = [
      hop('postgres', 'PostgreSQL outbox', storeState(pg.status), ['source of truth', pg.status === 'UP' ? 'accepting writes' : pg.detail]),
      hop('slot', 'Replication slot', slotState, slot.reason ? [slot.reason] : [
        (slot.name || '') + (slot.active ? ', streaming' : ', no client'),
        'WAL retained: ' + bytes(slot.retainedBytes),
        'confirmed LSN: ' + (slot.confirmedFlushLsn || '—')]),
      hop('connector', 'Debezium connector', connectorState, connector.reason ? [connector.name + ': ' + connector.reason]
        : [connector.name + ': ' + connector.state, ...tasks]),
      hop('topics', 'Outbox topics', kafkaState, p.topicsReason ? [p.topicsReason]
        : p.topics.map((t) => t.name + ': ' + count(t.endOffset) + ' records')),
      hop('consumers', 'Consumers', consumersState(p.views), p.views.map((v) => v.kafkaReason
        ? v.group + ': ' + v.kafkaReason : v.group + ': ' + count(total(v.behind)) + ' behind')),
      // the views fan out from the topics: their stores side by side in the last column
      el('li', { class: 'stores-hop' }, p.views.map((v) => hop('view-' + v.name, v.store + ' (' + v.name + ')',
        viewState(v, overview), [v.status ? held(v.status) : 'status: ' + v.statusReason,
          v.status ? 'lag now: ' + millis(v.status.currentLagMs) : null], 'div'))),
    ];
    $('pipeline').replaceChildren(...hops);
  }

  function consumersState(views) {
    if (views.some((v) => v.kafkaReason)) return 'unknown';
    return views.some((v) => total(v.behind) > 1000) ? 'warn' : 'up';
  }

  function viewState(view, overview) {
    const storeHealth = store(overview, view.store).status;
    if (storeHealth === 'DOWN') return 'down';
    if (!view.status) return 'unknown';
    return view.status.currentLagMs > 10000 ? 'warn' : 'up';
  }

  function held(status) {
    if ('documents' in status) return status.documents === null ? 'documents: not known' : count(status.documents) + ' documents';
    // DynamoDB's item count is its own estimate, refreshed every few hours (never by dynalite): say so
    if ('items' in status) return status.items === null ? 'items: not known' : count(status.items) + ' items (DynamoDB\'s estimate)';
    return '';
  }

  // each view's card is built once and then only updated: a button that keeps its node keeps its focus
  function renderViews(overview) {
    const container = $('views');
    for (const view of overview.pipeline.views) {
      let card = container.querySelector('[data-view="' + view.name + '"]');
      if (!card) {
        card = viewCard(view, overview.links.zipkin);
        container.append(card);
      }
      updateView(card, view, overview);
    }
  }

  function viewCard(view, zipkin) {
    const title = 'view-' + view.name + '-title';
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', 'data-action': 'check' , text: 'Check drift' }),
      el('button', { type: 'button', 'data-action': 'repair', class: 'danger', text: 'Repair drift…' }),
      el('button', { type: 'button', 'data-action': 'replay', text: 'Replay dead letters…' }));
    const traces = zipkin
      ? el('a', { href: zipkin.replace(/\/?$/, '/') + '?serviceName=' + encodeURIComponent(view.service) + '&lookback=15m&limit=10',
        target: '_blank', rel: 'noopener', text: 'Recent traces of ' + view.service + ' in Zipkin' })
      : el('span', { class: 'gap', text: 'No trace backend configured: no trace links.' });
    const card = el('section', { class: 'card view', 'data-view': view.name, 'aria-labelledby': title },
      el('h3', { id: title, text: view.name + ' → ' + view.store + ' (' + view.service + ')' }),
      el('dl', { class: 'figures' }),
      el('figure', { class: 'chart' },
        el('div', { class: 'plot' }),
        el('figcaption', { text: 'Lag over the last 15 minutes' })),
      el('div', { class: 'drift' }),
      actions,
      el('p', { class: 'result', 'aria-live': 'polite' }),
      el('p', {}, traces));
    actions.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (button) act(view, button.dataset.action, card);
    });
    return card;
  }

  const HOPS = ['capture', 'queued', 'apply'];

  function updateView(card, view, overview) {
    const s = view.status;
    const figures = [
      ['state', 'State', STATE_WORDS[viewState(view, overview)]],
      ['lag-now', 'Lag now', s ? millis(s.currentLagMs) : '—'],
      ['lag-percentiles', 'Lag p50 / p99 (last minute)', s ? millis(s.lagP50Ms) + ' / ' + millis(s.lagP99Ms) : '—'],
      // where the lag went: commit -> Kafka (Debezium), waiting in Kafka (the consumers), the store's write
      ['lag-hops', 'p99 by hop: capture / queued / apply', s && s.lagByHop
        ? HOPS.map((hop) => millis(s.lagByHop[hop] ? s.lagByHop[hop].p99Ms : null)).join(' / ') : '—'],
      ['behind', 'Records behind', view.kafkaReason ? 'not known' : count(total(view.behind))],
      ['dead-letters', 'Dead letters', s && s.deadLetters !== null ? count(s.deadLetters) : '—'],
      ['held', 'Held', s ? held(s) : 'status: ' + view.statusReason],
      ['last-event', 'Last event applied', s && s.lastEventAt ? new Date(s.lastEventAt).toLocaleTimeString() : '—'],
    ];
    // data-figure and data-ms: what a test (or a script of the operator's) reads without parsing prose
    card.querySelector('.figures').replaceChildren(...figures.flatMap(([key, term, value]) =>
      [el('dt', { text: term }), el('dd', { 'data-figure': key, text: value,
        'data-ms': key === 'lag-now' && s ? String(s.currentLagMs) : null })]));
    if (s) {
      const points = live[view.name] || (live[view.name] = []);
      points.push([Date.parse(overview.readAt), (s.currentLagMs || 0) / 1000]);
      while (points.length && points[0][0] < Date.now() - WINDOW_MS) points.shift();
    }
    card.querySelector('.plot').replaceChildren(chart(view.name));
    const drift = s && s.lastDrift;
    card.querySelector('.drift').replaceChildren(drift
      ? el('p', { text: 'Last drift check ' + new Date(drift.checkedAt).toLocaleTimeString() + ': ' + driftText(drift) })
      : el('p', { class: 'gap', text: 'No drift check since the service started.' }));
  }

  function driftText(d) {
    const found = d.missing + d.stale + d.extra;
    return 'checked ' + count(d.checked) + ', ' + (found === 0 ? 'no drift' : d.missing + ' missing, ' + d.stale + ' stale, '
      + d.extra + ' extra') + (d.repair ? ', ' + d.repaired + ' repaired' : '') + ' (' + count(d.tookMs) + ' ms)';
  }

  // ---------- the lag chart: an SVG polyline over the last 15 minutes ----------
  function chart(name) {
    const now = Date.now();
    const from = now - WINDOW_MS;
    const past = (history[name] || []).filter(([t]) => t >= from);
    const lastPast = past.length ? past[past.length - 1][0] : 0;
    const points = past.concat((live[name] || []).filter(([t]) => t > lastPast));
    const width = 320;
    const height = 100;
    const pad = { left: 4, right: 4, top: 16, bottom: 14 };
    const top = Math.max(1, ...points.map(([, lag]) => lag)) * 1.1;
    const x = (t) => pad.left + (t - from) / WINDOW_MS * (width - pad.left - pad.right);
    const y = (lag) => height - pad.bottom - lag / top * (height - pad.top - pad.bottom);
    const svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    const latest = points.length ? points[points.length - 1][1] : null;
    const highest = points.length ? Math.max(...points.map(([, lag]) => lag)) : null;
    svg.setAttribute('aria-label', name + ' lag over the last 15 minutes: '
      + (latest === null ? 'no data yet' : 'now ' + latest.toFixed(1) + ' s, highest ' + highest.toFixed(1) + ' s'));
    svg.append(
      svgEl('line', { x1: pad.left, x2: width - pad.right, y1: y(0), y2: y(0), class: 'axis' }),
      svgEl('polyline', { class: 'lag-line', points: points.map(([t, lag]) => x(t).toFixed(1) + ',' + y(lag).toFixed(1)).join(' ') }),
      svgEl('text', { x: pad.left, y: 11 }, 'scale ' + top.toFixed(1) + ' s'),
      svgEl('text', { x: pad.left, y: height - 2 }, '−15 min'),
      svgEl('text', { x: width - pad.right, y: height - 2, 'text-anchor': 'end' }, 'now'));
    return svg;
  }

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---------- actions: drift check, repair, dead-letter replay ----------
  async function act(view, action, card) {
    if (busy[view.name]) return;
    const api = view.api;
    const result = card.querySelector('.result');
    const plan = {
      check: { method: 'POST', path: api + '/drift', doing: 'Checking ' + view.name + ' against PostgreSQL…' },
      repair: { method: 'POST', path: api + '/drift?repair=true', doing: 'Repairing ' + view.name + '…',
        confirm: 'Compare ' + view.name + ' with PostgreSQL and rewrite every document or item that differs?' },
      replay: { method: 'POST', path: api + '/dead-letters/replay', doing: 'Replaying ' + view.name + '’s dead letters…',
        confirm: 'Send every pending dead letter of ' + view.name + ' through its projection again?' },
    }[action];
    if (plan.confirm && !(await confirmed(plan.confirm))) return;
    busy[view.name] = true;
    card.querySelectorAll('.actions button').forEach((b) => { b.disabled = true; });
    result.textContent = plan.doing;
    try {
      const answer = await call(plan.method, plan.path);
      if (answer.status === 401) { signedOut('Your session ended: sign in again.'); return; }
      if (answer.status !== 200) { result.textContent = problemText(answer, 'Not done'); return; }
      result.textContent = action === 'replay'
        ? 'Replayed ' + answer.body.replayed + ', failed again ' + answer.body.failed + '.'
        : (action === 'repair' ? 'Repair: ' : 'Drift check: ') + driftText(answer.body) + idsText(answer.body.ids);
    } catch (down) {
      result.textContent = 'No answer: ' + down.message;
    } finally {
      busy[view.name] = false;
      card.querySelectorAll('.actions button').forEach((b) => { b.disabled = false; });
    }
  }

  function idsText(ids) {
    if (!ids) return '';
    const parts = ['missing', 'stale', 'extra'].filter((k) => ids[k] && ids[k].length)
      .map((k) => k + ': ' + ids[k].slice(0, 5).join(', ') + (ids[k].length > 5 ? ' …' : ''));
    return parts.length ? ' — ' + parts.join('; ') : '';
  }

  function confirmed(text) {
    const dialog = $('confirm');
    $('confirm-text').textContent = text;
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.returnValue = 'cancel';
      dialog.showModal();
      $('confirm-ok').focus();
    });
  }

  // ---------- formatting ----------
  function total(byTopic) { return Object.values(byTopic || {}).reduce((a, b) => a + b, 0); }
  function count(n) { return n === null || n === undefined ? '—' : Number(n).toLocaleString('en'); }
  function millis(ms) {
    if (ms === null || ms === undefined) return '—';
    return ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s';
  }
  function bytes(n) {
    if (n === null || n === undefined) return '—';
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i ? n.toFixed(1) : n) + ' ' + units[i];
  }
})();
