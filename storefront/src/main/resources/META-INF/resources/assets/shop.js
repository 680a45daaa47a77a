'use strict';
// The storefront: one page over the public API (api-contract.md), through the gateway, as the
// visitor. Views are hash routes (#/product/<id>), so the gateway serves one page at / and nothing
// else. The session token lives in this closure only (never localStorage): a reload signs out.
// Timings a person waits for are recorded with the User Timing API (performance.measure), so that
// they can be read from the browser by anyone, the browser tests included.
(() => {
  const MAX_RETRIES = 3;          // a 429 is retried after its Retry-After, this many times
  const FEED_POLL_MS = 1000;      // how often a pending activity is looked for in the feed
  const FEED_GIVE_UP_MS = 120000; // after this the page says the feed is late, and stops asking
  const INDEX_WAIT_MS = 5000;     // the read-your-writes wait of one search-service call (its maximum)
  const PAGE_SIZE = 10;

  const session = { token: null, userId: null, name: null, email: null, role: null };
  const pending = [];             // activities this page caused, not yet in the feed
  const arrivedAfter = new Map(); // "type id" -> ms from when the shop recorded it to when the feed showed it
  let feedCursor = null;
  let feedTimer = null;

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? '' : value);
    }
    children.flat().forEach((child) => child !== null && child !== undefined && node.append(child));
    return node;
  };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const money = (amount, currency) => new Intl.NumberFormat('en-US', { style: 'currency', currency: currency || 'USD' })
    .format(Number(amount));
  const when = (iso) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

  /** A random UUID (v4) from the platform's CSPRNG; crypto.randomUUID needs a secure context, this does not. */
  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // ---------- talking to the API ----------

  /**
   * One API call through the gateway: JSON in and out, the bearer token when signed in. A 429 is
   * waited out (its Retry-After) and sent again, the same request with the same headers, so an
   * Idempotency-Key makes the retry safe. Answers {status, body, headers}; never throws on an HTTP error.
   */
  async function api(method, path, { body, headers = {}, raw, signal } = {}) {
    const sent = { Accept: 'application/json, application/problem+json', ...headers };
    if (session.token) sent.Authorization = 'Bearer ' + session.token;
    if (body !== undefined && !raw) sent['Content-Type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(path, {
        method, headers: sent, signal,
        body: body === undefined ? undefined : (raw ? body : JSON.stringify(body)),
      });
      if (response.status === 429 && attempt < MAX_RETRIES) {
        const seconds = Math.min(Math.max(Number(response.headers.get('Retry-After')) || 1, 1), 30);
        performance.mark('rate-limited', { detail: { path, seconds } });
        notice(`The shop is busy: trying again in ${seconds} s…`);
        await sleep(seconds * 1000);
        notice('');
        continue;
      }
      let json = null;
      if (response.status !== 204) {
        try { json = await response.json(); } catch (notJson) { json = null; }
      }
      if (response.status === 401 && session.token && !path.startsWith('/api/auth/')) {
        // the session ended elsewhere (sign out everywhere, expiry): say so, once
        forget();
        notice('Your session has ended: please sign in again.');
      }
      return { status: response.status, body: json, headers: response.headers };
    }
  }

  /** A problem+json answer (RFC 9457) as readable sentences: its detail, and each invalid field. */
  function problemText(answer, what) {
    if (answer.error) return `${what}: the shop does not answer (${answer.error}).`;
    const problem = answer.body || {};
    let text = `${what}: ${problem.detail || problem.title || 'HTTP ' + answer.status}`;
    if (Array.isArray(problem.errors) && problem.errors.length) {
      text += ' — ' + problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    }
    return text;
  }

  /**
   * {@link api}, with a network failure as an answer too (status 0), so every caller shows something;
   * a load a newer one replaced ({@link newestLoad}) answers {aborted: true}, and its caller draws nothing.
   */
  async function call(method, path, options) {
    try {
      return await api(method, path, options);
    } catch (failure) {
      const aborted = failure.name === 'AbortError';
      return { status: 0, body: null, headers: new Headers(), aborted, error: aborted ? null : failure.message };
    }
  }

  /**
   * The newest load of a view wins. Opening a view and submitting its form both load it (the route
   * loads the default board, Enter the one typed): starting a load aborts the one before, so a slower,
   * older answer never paints over the newer one. Callers pass the signal and stop once it is aborted.
   */
  const loads = new Map();
  function newestLoad(view) {
    if (loads.has(view)) loads.get(view).abort();
    const aborter = new AbortController();
    loads.set(view, aborter);
    return aborter.signal;
  }

  function notice(text) {
    $('notice').textContent = text;
  }

  // ---------- routing: #/, #/search?q=, #/product/<id>, #/account, #/orders, #/activity, ... ----------

  function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query = ''] = hash.split('?');
    const params = new URLSearchParams(query);
    const parts = path.split('/').filter(Boolean);
    const view = parts[0] || 'search';
    const known = ['search', 'product', 'account', 'orders', 'activity', 'leaderboards', 'admin'];
    show(known.includes(view) ? view : 'search');
    switch (view) {
      case 'product': return openProduct(parts[1]);
      case 'account': return openAccount();
      case 'orders': return openOrders();
      case 'activity': return openActivity();
      case 'leaderboards': return openBoard();
      case 'admin': return openAdmin();
      default: return runSearch(params, { fromRoute: true });
    }
  }

  let shownView = null;
  function show(view) {
    document.querySelectorAll('[data-view]').forEach((section) => { section.hidden = section.dataset.view !== view; });
    if (shownView !== null && shownView !== view && document.activeElement !== $('q')) {
      // keyboard and screen-reader users land on the new view's heading (not while typing a search)
      const heading = document.querySelector(`[data-view="${view}"] h1`);
      if (heading) heading.focus();
    }
    shownView = view;
    if (view !== 'activity') stopFeedPolling(false);
  }

  // ---------- search: suggestions as you type, results, facets, "Did you mean", paging ----------

  const search = { q: '', brand: '', price: '', sort: 'relevance', page: 0 };
  let typedAt = null;

  function searchHash(changes) {
    const next = { ...search, ...changes };
    const params = new URLSearchParams();
    for (const key of ['q', 'brand', 'price', 'sort', 'page']) {
      const value = next[key];
      if (value !== '' && value !== 0 && !(key === 'sort' && value === 'relevance')) params.set(key, value);
    }
    const query = params.toString();
    return '#/search' + (query ? '?' + query : '');
  }

  async function runSearch(params, { fromRoute } = {}) {
    search.q = params.get('q') || '';
    search.brand = params.get('brand') || '';
    search.price = params.get('price') || '';
    search.sort = params.get('sort') || 'relevance';
    search.page = Math.max(0, Number(params.get('page')) || 0);
    if (fromRoute && document.activeElement !== $('q')) $('q').value = search.q;
    $('sort').value = search.sort;

    const signal = newestLoad('search');
    const query = new URLSearchParams({ size: PAGE_SIZE, page: search.page, sort: search.sort });
    if (search.q) query.set('q', search.q);
    if (search.brand) query.set('brand', search.brand);
    const bucket = priceBucket(search.price);
    if (bucket.minPrice !== undefined) query.set('minPrice', bucket.minPrice);
    if (bucket.maxPrice !== undefined) query.set('maxPrice', bucket.maxPrice);
    const started = performance.now();
    const answer = await call('GET', '/api/search?' + query, { signal });
    if (signal.aborted) return; // a newer search replaced it
    if (answer.status !== 200) {
      $('result-count').textContent = problemText(answer, 'Search failed');
      $('results').replaceChildren();
      return;
    }
    renderResults(answer.body, Math.round(performance.now() - started));
    if (typedAt !== null) {
      // from the keystroke to results on screen: what a person typing waits
      performance.measure('search-results', { start: typedAt, end: performance.now() });
      typedAt = null;
    }
  }

  /** The price facet's keys as the API names them (<50, 50–200, 200+) to a min/max filter. */
  function priceBucket(key) {
    switch (key) {
      case '<50': return { maxPrice: '49.99' };
      case '50–200': return { minPrice: '50', maxPrice: '199.99' };
      case '200+': return { minPrice: '200' };
      default: return {};
    }
  }

  /** Elasticsearch's highlight ("<em>word</em> …") as text with <mark>s: nothing in it is ever parsed as HTML. */
  function marked(fragment, fallback) {
    if (!fragment) return [document.createTextNode(fallback || '')];
    const nodes = [];
    fragment.split(/(<em>.*?<\/em>)/).forEach((piece) => {
      const word = /^<em>(.*)<\/em>$/.exec(piece);
      if (word) nodes.push(el('mark', { text: word[1] }));
      else if (piece) nodes.push(document.createTextNode(piece));
    });
    return nodes;
  }

  function renderResults(result, tookMs) {
    const correction = result.didYouMean;
    $('did-you-mean').hidden = !correction;
    if (correction) {
      $('did-you-mean-link').textContent = correction;
      $('did-you-mean-link').href = searchHash({ q: correction, page: 0 });
    }
    const first = search.page * PAGE_SIZE + 1;
    const last = search.page * PAGE_SIZE + result.hits.length;
    $('result-count').textContent = result.total === 0
      ? `No products found${search.q ? ` for “${search.q}”` : ''}.`
      : `${result.total} product${result.total === 1 ? '' : 's'}${search.q ? ` for “${search.q}”` : ''}`
        + ` (${first}–${last}, ${tookMs} ms)`;
    $('results').replaceChildren(...result.hits.map((hit) => el('li', { class: 'result', 'data-id': hit.id },
      el('a', { href: '#/product/' + hit.id, class: 'result-name' }, marked(hit.highlight && hit.highlight.name, hit.name)),
      el('span', { class: 'muted' }, ' ' + (hit.brand || '')),
      el('span', { class: 'price' }, hit.price === null || hit.price === undefined ? '' : money(hit.price)),
      hit.highlight && hit.highlight.description ? el('p', { class: 'snippet' }, marked(hit.highlight.description)) : null)));

    const brands = result.facets.brand.map((b) => facetItem(b.value, b.count, search.brand === b.value,
      searchHash({ brand: search.brand === b.value ? '' : b.value, page: 0 })));
    $('brand-facet').replaceChildren(...brands);
    $('price-facet').replaceChildren(...result.facets.price.map((p) => facetItem(p.key, p.count, search.price === p.key,
      searchHash({ price: search.price === p.key ? '' : p.key, page: 0 }))));

    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    $('page-of').textContent = `Page ${search.page + 1} of ${pages}`;
    $('prev-page').disabled = search.page === 0;
    $('next-page').disabled = search.page + 1 >= pages;
  }

  /** A facet value: a link that toggles the filter, pressed when chosen, with its count. */
  function facetItem(label, count, chosen, href) {
    return el('li', {}, el('a', { href, class: chosen ? 'facet-value chosen' : 'facet-value', 'aria-current': chosen ? 'true' : null,
      'data-facet': label }, el('span', { text: label }), el('span', { class: 'count', text: String(count) })));
  }

  $('prev-page').addEventListener('click', () => { location.hash = searchHash({ page: search.page - 1 }); });
  $('next-page').addEventListener('click', () => { location.hash = searchHash({ page: search.page + 1 }); });
  $('sort').addEventListener('change', () => { location.hash = searchHash({ sort: $('sort').value, page: 0 }); });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    closeSuggestions();
    typedAt = performance.now();
    location.hash = searchHash({ q: $('q').value.trim(), brand: '', price: '', page: 0 });
    if (shownView === 'search') runSearch(new URLSearchParams(location.hash.split('?')[1] || ''));
  });

  // results as you type (the newest keystroke wins: an older search still running is cancelled)
  let suggestSeq = 0;
  $('q').addEventListener('input', () => {
    typedAt = performance.now();
    const text = $('q').value;
    suggest(text);
    const next = searchHash({ q: text.trim(), brand: '', price: '', page: 0 });
    history.replaceState(null, '', next);
    if (shownView !== 'search') show('search');
    runSearch(new URLSearchParams(next.split('?')[1] || ''));
  });

  async function suggest(text) {
    const seq = ++suggestSeq;
    if (!text.trim()) return closeSuggestions();
    const list = $('suggestions');
    // the list on screen answers an older text until this answer comes: say so, and say which text
    list.setAttribute('aria-busy', 'true');
    const answer = await call('GET', '/api/search/suggest?prefix=' + encodeURIComponent(text));
    if (seq !== suggestSeq) return;
    list.setAttribute('aria-busy', 'false');
    if (answer.status !== 200 || document.activeElement !== $('q')) return;
    list.dataset.for = text;
    list.replaceChildren(...answer.body.suggestions.map((name, i) => el('li', {
      role: 'option', id: 'suggestion-' + i, 'aria-selected': 'false', text: name,
      onmousedown: (event) => { event.preventDefault(); choose(name); },
    })));
    list.hidden = answer.body.suggestions.length === 0;
    $('q').setAttribute('aria-expanded', String(!list.hidden));
    $('q').removeAttribute('aria-activedescendant');
  }

  function closeSuggestions() {
    suggestSeq++;
    $('suggestions').hidden = true;
    $('suggestions').replaceChildren();
    $('suggestions').setAttribute('aria-busy', 'false');
    delete $('suggestions').dataset.for;
    $('q').setAttribute('aria-expanded', 'false');
    $('q').removeAttribute('aria-activedescendant');
  }

  function choose(name) {
    $('q').value = name;
    closeSuggestions();
    typedAt = performance.now();
    location.hash = searchHash({ q: name, brand: '', price: '', page: 0 });
  }

  // the combobox's keyboard: arrows move through the suggestions, Enter takes one, Escape closes them
  $('q').addEventListener('keydown', (event) => {
    const options = [...$('suggestions').querySelectorAll('[role=option]')];
    const current = options.findIndex((o) => o.getAttribute('aria-selected') === 'true');
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && options.length) {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? (current + 1) % options.length : (current <= 0 ? options.length - 1 : current - 1);
      options.forEach((o, i) => o.setAttribute('aria-selected', String(i === next)));
      $('q').setAttribute('aria-activedescendant', options[next].id);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      choose(options[current].textContent);
    } else if (event.key === 'Escape') {
      closeSuggestions();
    }
  });
  $('q').addEventListener('blur', () => setTimeout(closeSuggestions, 100));

  // ---------- a product: catalog (PostgreSQL through Redis), its images (S3 through media-service) ----------

  let orderKey = null;       // the Idempotency-Key of the order this form would place
  let productShown = null;

  async function openProduct(id) {
    $('order-result').replaceChildren();
    $('product-name').textContent = 'Loading…';
    $('back-to-results').href = searchHash({});
    const signal = newestLoad('product');
    const [product, images] = await Promise.all([call('GET', '/api/products/' + encodeURIComponent(id), { signal }),
      call('GET', `/api/products/${encodeURIComponent(id)}/images`, { signal })]);
    if (signal.aborted) return;
    if (product.status !== 200) {
      productShown = null;
      $('product-name').textContent = product.status === 404 ? 'No such product' : 'This product cannot be shown';
      ['product-brand', 'product-price', 'product-stock', 'product-description', 'product-source']
        .forEach((field) => { $(field).textContent = ''; });
      $('product-description').textContent = problemText(product, 'The catalogue says');
      $('product-images').replaceChildren();
      $('order-form').hidden = true;
      return;
    }
    const p = product.body;
    productShown = p;
    $('product-name').textContent = p.name;
    $('product-brand').textContent = p.brand;
    $('product-price').textContent = money(p.price, p.currency);
    renderStock(p.stock);
    $('product-description').textContent = p.description || '';
    $('product-source').textContent = `From PostgreSQL through the Redis cache (catalog-service, X-Cache: ${product.headers.get('X-Cache') || 'none'}); `
      + 'images from S3 (media-service), cached by your browser for a year.';
    const pictures = images.status === 200 ? images.body : [];
    $('product-images').replaceChildren(...(pictures.length
      ? pictures.map((image, i) => el('img', { src: image.url, alt: `${p.name}, picture ${i + 1}`, loading: 'lazy' }))
      : [el('div', { class: 'no-image', text: 'No picture yet' })]));
    orderKey = uuid();
    refreshOrderForm();
    if (session.token) {
      // the feed's direct write (clicks, views): what the shopper looked at is part of their activity
      call('POST', `/api/feed/${session.userId}/events`, { body: { type: 'product.viewed', data: { productId: p.id, name: p.name } } });
    }
  }

  /** The product's stock as PostgreSQL has it now (after an order, or when an order found it short). */
  async function showStock(id) {
    const fresh = await call('GET', '/api/products/' + id);
    if (fresh.status === 200 && productShown && productShown.id === id) renderStock(fresh.body.stock);
  }

  function renderStock(stock) {
    $('product-stock').textContent = stock > 0 ? `${stock} in stock` : 'Out of stock';
    $('quantity').max = Math.max(1, stock);
  }

  function refreshOrderForm() {
    const signedIn = session.token !== null;
    $('order-form').hidden = !signedIn || !productShown;
    $('order-sign-in').hidden = signedIn || !productShown;
    $('place-order').disabled = false;
  }

  $('order-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if ($('place-order').disabled || !productShown) return;
    // one key per order this form places: a second click, a retry after a 429 or a lost answer
    // sends the same key, and catalog-service answers with the first order instead of a new one
    $('place-order').disabled = true;
    const key = orderKey;
    const product = productShown;
    const quantity = Number($('quantity').value);
    const answer = await call('POST', '/api/orders', {
      body: { userId: session.userId, items: [{ productId: product.id, quantity }] },
      headers: { 'Idempotency-Key': key },
    });
    const result = $('order-result');
    if (answer.status === 201 || answer.status === 200) {
      const order = answer.body;
      expectInFeed(order.id, 'order.placed', `Order of ${quantity} × ${product.name}`);
      result.replaceChildren(el('p', { class: 'ok', text: `Order placed: ${money(order.total, order.currency)}, waiting for payment.` }),
        orderActions(order, () => showStock(product.id)),
        el('p', {}, el('a', { href: '#/orders', text: 'See my orders' }), ' · ', el('a', { href: '#/activity', text: 'See my activity' })));
      $('order-form').hidden = true;
      return;
    }
    $('place-order').disabled = false;
    if (answer.status === 409) {
      // not enough stock: a message, and the stock as it is now
      result.replaceChildren(el('p', { class: 'error', text: problemText(answer, 'Not ordered') }));
      orderKey = uuid();
      showStock(product.id);
    } else {
      result.replaceChildren(el('p', { class: 'error', text: problemText(answer, 'Not ordered') }));
      if (answer.status !== 0) orderKey = uuid(); // refused: the next click is a new order
    }
  });

  /** Pay and Cancel for a pending order; {@code after} runs once either is done. */
  function orderActions(order, after) {
    if (order.status !== 'PENDING') return el('span');
    const payKey = uuid();
    const status = el('p', { class: 'message', role: 'alert' });
    const pay = el('button', { type: 'button', class: 'pay', text: `Pay ${money(order.total, order.currency)}` });
    const cancel = el('button', { type: 'button', class: 'cancel', text: 'Cancel order' });
    pay.addEventListener('click', async () => {
      pay.disabled = cancel.disabled = true;
      const answer = await call('POST', `/api/orders/${order.id}/payments`, {
        body: { amount: order.total, method: 'card' }, headers: { 'Idempotency-Key': payKey },
      });
      if (answer.status === 201 || answer.status === 200) {
        expectInFeed(order.id, 'order.paid', `Payment of ${money(order.total, order.currency)}`);
        status.textContent = 'Paid. Thank you!';
        status.className = 'message ok';
        if (after) setTimeout(after, 0);
      } else {
        pay.disabled = cancel.disabled = false;
        status.textContent = problemText(answer, 'Not paid');
      }
    });
    cancel.addEventListener('click', async () => {
      pay.disabled = cancel.disabled = true;
      const answer = await call('POST', `/api/orders/${order.id}/cancel`);
      if (answer.status === 200 || answer.status === 204) {
        expectInFeed(order.id, 'order.cancelled', 'Order cancelled');
        status.textContent = 'Cancelled: the stock is back on the shelf.';
        if (after) setTimeout(after, 0);
      } else {
        pay.disabled = cancel.disabled = false;
        status.textContent = problemText(answer, 'Not cancelled');
      }
    });
    return el('div', { class: 'order-actions' }, pay, ' ', cancel, status);
  }

  // ---------- account: register, sign in (catalog-service), sessions (session-service) ----------

  async function signIn(email, password) {
    const answer = await call('POST', '/api/auth/login', { body: { email, password } });
    if (answer.status !== 200) return answer;
    session.token = answer.body.token;
    session.userId = answer.body.userId;
    const me = await call('GET', '/api/users/' + session.userId);
    session.name = me.status === 200 ? me.body.name : email;
    session.email = email;
    session.role = me.status === 200 ? me.body.role : 'customer';
    signedInChanged();
    return answer;
  }

  function forget() {
    Object.assign(session, { token: null, userId: null, name: null, email: null, role: null });
    pending.length = 0;
    stopFeedPolling(true);
    signedInChanged();
  }

  function signedInChanged() {
    const signedIn = session.token !== null;
    document.querySelectorAll('[data-signed-in]').forEach((link) => { link.hidden = !signedIn; });
    document.querySelectorAll('[data-admin]').forEach((link) => { link.hidden = session.role !== 'admin'; });
    $('account-link').textContent = signedIn ? session.name : 'Sign in';
    $('signed-out').hidden = signedIn;
    $('signed-in').hidden = !signedIn;
    refreshOrderForm();
    renderPendingCount();
    if (signedIn && pending.length) startFeedPolling();
  }

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('sign-in-message').textContent = 'Signing in…';
    const answer = await signIn($('sign-in-email').value, $('sign-in-password').value);
    if (answer.status !== 200) {
      $('sign-in-message').textContent = answer.status === 401 ? 'Wrong email or password.' : problemText(answer, 'Not signed in');
      return;
    }
    $('sign-in-message').textContent = '';
    $('sign-in-password').value = '';
    location.hash = '#/';
  });

  $('register-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = $('register-email').value;
    const password = $('register-password').value;
    $('register-message').textContent = 'Registering…';
    const answer = await call('POST', '/api/users', { body: { email, name: $('register-name').value, password } });
    if (answer.status !== 201) {
      $('register-message').textContent = answer.status === 409
        ? 'There is already an account with this email: sign in instead.' : problemText(answer, 'Not registered');
      return;
    }
    expectInFeed(answer.body.id, 'user.registered', 'You joined the shop');
    const signedIn = await signIn(email, password);
    $('register-message').textContent = signedIn.status === 200 ? '' : problemText(signedIn, 'Registered, but not signed in');
    $('register-password').value = '';
    if (signedIn.status === 200) location.hash = '#/';
  });

  async function openAccount() {
    signedInChanged();
    if (!session.token) return;
    $('account-name').textContent = session.name;
    $('account-email').textContent = `${session.email} · ${session.role}`;
    const signal = newestLoad('account');
    const answer = await call('GET', '/api/sessions/by-user/' + session.userId, { signal });
    if (signal.aborted) return;
    $('sessions').replaceChildren(...(answer.status === 200
      ? answer.body.sessions.map((s) => el('li', { text: `Signed in ${when(s.createdAt)}, ends ${when(s.expiresAt)}` }))
      : [el('li', { text: problemText(answer, 'Sessions not read') })]));
  }

  $('sign-out').addEventListener('click', async () => {
    await call('POST', '/api/auth/logout');
    forget();
    notice('Signed out.');
    location.hash = '#/';
  });

  $('sign-out-everywhere').addEventListener('click', async () => {
    const answer = await call('DELETE', '/api/sessions/by-user/' + session.userId);
    if (answer.status !== 204 && answer.status !== 200) {
      notice(problemText(answer, 'Not signed out everywhere'));
      return;
    }
    forget();
    notice('Signed out on every device.');
    location.hash = '#/';
  });

  // ---------- orders: PostgreSQL, read straight from catalog-service ----------

  async function openOrders() {
    if (!session.token) { $('orders').replaceChildren(el('li', {}, el('a', { href: '#/account', text: 'Sign in' }), ' to see your orders.')); return; }
    const signal = newestLoad('orders');
    const answer = await call('GET', `/api/users/${session.userId}/orders`, { signal });
    if (signal.aborted) return;
    if (answer.status !== 200) { $('orders').replaceChildren(el('li', { text: problemText(answer, 'Orders not read') })); return; }
    // GET /api/users/{id}/orders answers an array
    const orders = answer.body.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    $('orders').replaceChildren(...(orders.length ? orders.map((order) => el('li', { class: 'order', 'data-order': order.id },
      el('p', {}, el('strong', { text: money(order.total, order.currency) }), ` · ${order.items.length} item${order.items.length === 1 ? '' : 's'} · `,
        el('span', { class: 'status status-' + order.status.toLowerCase(), text: order.status.toLowerCase() }), ` · ${when(order.createdAt)}`),
      orderActions(order, openOrders))) : [el('li', { text: 'No orders yet.' })]));
  }

  // ---------- my activity: DynamoDB (feed-service), and what is on its way to it ----------

  /** Something this page did that the feed will show once the pipeline has carried it there. */
  function expectInFeed(id, type, label) {
    pending.push({ id, type, label, since: performance.now(), late: false });
    renderPendingCount();
    startFeedPolling();
  }

  function renderPendingCount() {
    const count = pending.filter((p) => !p.late).length;
    $('pending-count').hidden = count === 0;
    $('pending-count').textContent = count ? `${count} pending` : '';
  }

  function startFeedPolling() {
    if (feedTimer === null && session.token) feedTimer = setTimeout(pollFeed, FEED_POLL_MS);
  }

  function stopFeedPolling(always) {
    if (feedTimer !== null && (always || pending.length === 0)) { clearTimeout(feedTimer); feedTimer = null; }
  }

  /** The first page of the feed, and which pending activities it now holds (each one timed from when it was done). */
  async function pollFeed() {
    feedTimer = null;
    if (!session.token || pending.length === 0) return;
    const answer = await call('GET', `/api/feed/${session.userId}?limit=20`);
    if (answer.status === 200) {
      arrived(answer.body.items);
      if (shownView === 'activity') renderFeed(answer.body, false);
    }
    const now = performance.now();
    pending.forEach((p) => { p.late = now - p.since > FEED_GIVE_UP_MS; });
    renderPending();
    if (pending.some((p) => !p.late)) startFeedPolling();
  }

  function arrived(items) {
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i];
      const item = items.find((it) => it.type === p.type && it.data && (it.data.id === p.id || it.data.userId === p.id));
      if (item) {
        const end = performance.now();
        performance.measure('in-feed', { start: p.since, end, detail: { type: p.type, id: p.id } });
        pending.splice(i, 1);
        arrivedAfter.set(item.eventId, Math.round(end - p.since));
      }
    }
    renderPendingCount();
  }

  function renderPending() {
    const now = performance.now();
    $('pending').replaceChildren(...pending.slice().reverse().map((p) => el('li', { class: 'pending', 'data-type': p.type },
      el('strong', { text: p.label }), ' ',
      el('span', { class: 'muted', text: p.late
        ? '— recorded by the shop, but the activity feed has not shown it for over two minutes: it is late.'
        : `— pending: recorded by the shop ${((now - p.since) / 1000).toFixed(1)} s ago, on its way to your activity feed.` }))));
  }

  const TYPE_LABELS = {
    'order.placed': 'Order placed', 'order.paid': 'Order paid', 'order.cancelled': 'Order cancelled',
    'user.registered': 'Joined the shop', 'product.viewed': 'Viewed',
  };

  function feedItem(item) {
    const data = item.data || {};
    let what = '';
    if (item.type.startsWith('order.') && data.total !== undefined) {
      const count = Array.isArray(data.items) ? data.items.reduce((n, i) => n + (i.quantity || 0), 0) : 0;
      what = ` · ${money(data.total, data.currency)}${count ? `, ${count} item${count === 1 ? '' : 's'}` : ''}`;
    } else if (item.type === 'product.viewed' && data.productId) {
      what = el('a', { href: '#/product/' + data.productId, text: ' ' + (data.name || 'a product') });
    }
    const after = arrivedAfter.get(item.eventId);
    return el('li', { class: 'activity-item', 'data-type': item.type, 'data-event': item.eventId },
      el('strong', { text: TYPE_LABELS[item.type] || item.type }), what, ' ',
      el('time', { datetime: item.occurredAt, class: 'muted', text: when(item.occurredAt) }),
      after === undefined ? null : el('span', { class: 'arrived', text: ` · reached your feed ${after} ms after the shop recorded it` }));
  }

  function renderFeed(page, append) {
    const items = page.items.map(feedItem);
    if (append) $('activity').append(...items); else $('activity').replaceChildren(...items);
    feedCursor = page.nextCursor;
    $('more-activity').hidden = !feedCursor;
    $('activity-end').textContent = !feedCursor && $('activity').children.length === 0 && pending.length === 0
      ? 'Nothing here yet: your orders will show up here.' : '';
  }

  async function openActivity() {
    if (!session.token) { $('activity').replaceChildren(el('li', {}, el('a', { href: '#/account', text: 'Sign in' }), ' to see your activity.')); return; }
    const signal = newestLoad('activity');
    const answer = await call('GET', `/api/feed/${session.userId}?limit=20`, { signal });
    if (signal.aborted) return;
    if (answer.status === 200) {
      arrived(answer.body.items);
      renderFeed(answer.body, false);
    } else {
      $('activity-end').textContent = problemText(answer, 'Activity not read');
    }
    renderPending();
    startFeedPolling();
  }

  async function moreActivity() {
    if (!feedCursor || moreActivity.busy) return;
    moreActivity.busy = true;
    const answer = await call('GET', `/api/feed/${session.userId}?limit=20&cursor=${encodeURIComponent(feedCursor)}`);
    moreActivity.busy = false;
    if (answer.status === 200) renderFeed(answer.body, true);
  }
  $('more-activity').addEventListener('click', moreActivity);
  // more on scroll: the button's coming into view loads the next page (the button stays, for the keyboard)
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting) && shownView === 'activity') moreActivity();
  }).observe($('more-activity'));

  // ---------- leaderboards: Redis sorted sets ----------

  async function openBoard() {
    const board = $('board').value.trim();
    const period = $('period').value;
    const base = `/api/leaderboards/${encodeURIComponent(board)}`;
    const signal = newestLoad('leaderboards');
    const [top, mine] = await Promise.all([call('GET', `${base}/top?count=10&period=${period}`, { signal }),
      session.token ? call('GET', `${base}/users/${session.userId}?period=${period}`, { signal }) : Promise.resolve(null)]);
    if (signal.aborted) return;
    $('board-caption').textContent = `Top 10 of ${board} (${$('period').selectedOptions[0].textContent.toLowerCase()})`;
    if (top.status !== 200) {
      $('board-top').replaceChildren(el('tr', {}, el('td', { colspan: 3, text: problemText(top, 'Board not read') })));
    } else {
      $('board-top').replaceChildren(...(top.body.length ? top.body.map((entry) => el('tr',
        { class: entry.userId === session.userId ? 'me' : null },
        el('td', { text: String(entry.rank) }), el('td', { text: entry.userId === session.userId ? 'You' : 'Shopper ' + entry.userId.slice(0, 8) }),
        el('td', { text: String(entry.score) })))
        : [el('tr', {}, el('td', { colspan: 3, text: 'Nobody on this board yet.' }))]));
    }
    $('my-rank').textContent = !mine ? 'Sign in to see your rank.'
      : mine.status === 200 ? `Your rank: #${mine.body.rank} with ${mine.body.score}.`
        : mine.status === 404 ? 'You are not on this board yet.' : problemText(mine, 'Your rank is not known');
  }
  $('board-form').addEventListener('submit', (event) => { event.preventDefault(); openBoard(); });

  // ---------- admin: products (catalog-service), images (media-service), search catching up ----------

  async function openAdmin() {
    if (session.role !== 'admin') {
      $('admin-products').replaceChildren(el('li', { text: 'This needs an administrator: sign in as one.' }));
      $('product-form').hidden = true;
      return;
    }
    $('product-form').hidden = false;
    const signal = newestLoad('admin');
    const answer = await call('GET', '/api/products?page=0&size=10', { signal });
    if (signal.aborted) return;
    // GET /api/products answers a page: {items, page, size, total}
    const products = answer.status === 200 ? answer.body.items : [];
    $('admin-products').replaceChildren(...products.map((p) => el('li', {},
      el('a', { href: '#/product/' + p.id, text: p.name }), ` · ${money(p.price, p.currency)} · stock ${p.stock} `,
      el('button', { type: 'button', class: 'edit', text: 'Edit', 'aria-label': 'Edit ' + p.name, onclick: () => editProduct(p) }))));
  }

  function editProduct(p) {
    $('product-form-title').textContent = 'Edit ' + p.name;
    $('edit-id').value = p.id;
    $('edit-version').value = p.version;
    $('p-sku').value = p.sku;
    $('p-sku').disabled = true;
    $('p-name').value = p.name;
    $('p-brand').value = p.brand;
    $('p-description').value = p.description || '';
    $('p-price').value = p.price;
    $('p-stock').value = p.stock;
    $('p-tags').value = (p.tags || []).join(', ');
    $('image-upload').hidden = false;
    $('save-message').textContent = '';
    $('searchable').textContent = '';
    $('p-name').focus();
  }

  $('new-product').addEventListener('click', () => {
    $('product-form').reset();
    $('product-form-title').textContent = 'New product';
    $('edit-id').value = '';
    $('edit-version').value = '';
    $('p-sku').disabled = false;
    $('image-upload').hidden = true;
    $('save-message').textContent = '';
    $('searchable').textContent = '';
  });

  $('product-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = $('edit-id').value;
    const body = {
      name: $('p-name').value, brand: $('p-brand').value, description: $('p-description').value,
      price: Number($('p-price').value), currency: 'USD', stock: Number($('p-stock').value),
      tags: $('p-tags').value.split(',').map((t) => t.trim()).filter(Boolean),
    };
    if (!id) body.sku = $('p-sku').value;
    $('save-product').disabled = true;
    $('save-message').textContent = 'Saving…';
    $('searchable').textContent = '';
    const answer = id
      ? await call('PUT', '/api/products/' + id, { body: { ...body, sku: $('p-sku').value }, headers: { 'If-Match': `"${$('edit-version').value}"` } })
      : await call('POST', '/api/products', { body });
    const saved = performance.now();
    $('save-product').disabled = false;
    if (answer.status !== 200 && answer.status !== 201) {
      $('save-message').textContent = answer.status === 412
        ? 'Someone changed this product meanwhile: open it again to edit the newest version.'
        : problemText(answer, 'Not saved');
      return;
    }
    const product = answer.body;
    editProduct(product);
    $('save-message').textContent = `Saved in PostgreSQL: version ${product.version}.`;
    openAdmin();
    waitUntilSearchable(product, saved);
  });

  /**
   * The consistency window, measured for the person who caused it: from the save's answer until
   * search-service holds this version (its read-your-writes wait, 5 s a call, asked again until it does).
   */
  async function waitUntilSearchable(product, saved) {
    const line = $('searchable');
    line.textContent = 'Waiting for search to index it…';
    while (performance.now() - saved < FEED_GIVE_UP_MS) {
      const answer = await call('GET', `/api/search/products/${product.id}?minVersion=${product.version}&waitMs=${INDEX_WAIT_MS}`);
      if ($('edit-id').value !== product.id) return; // the admin moved on to another product
      if (answer.status === 200 && !answer.body.stale && answer.body.indexedVersion >= product.version) {
        const ms = Math.round(performance.now() - saved);
        performance.measure('searchable', { start: saved, end: performance.now(), detail: { id: product.id } });
        line.textContent = `Searchable in ${ms} ms (version ${answer.body.indexedVersion} is in Elasticsearch).`;
        return;
      }
      if (answer.status !== 200 && answer.status !== 404) await sleep(1000);
      line.textContent = `Waiting for search to index it… ${((performance.now() - saved) / 1000).toFixed(1)} s so far`;
    }
    line.textContent = 'Search has not indexed this version for two minutes: the pipeline is behind (see the operations console).';
  }

  $('upload-image').addEventListener('click', async () => {
    const file = $('p-image').files[0];
    const id = $('edit-id').value;
    if (!file || !id) { $('upload-message').textContent = 'Choose an image first.'; return; }
    $('upload-message').textContent = 'Uploading…';
    const answer = await call('POST', `/api/media/products/${id}/images`, {
      body: file, raw: true, headers: { 'Content-Type': file.type || 'application/octet-stream' },
    });
    $('upload-message').textContent = answer.status === 201
      ? `Uploaded to S3 (${Math.round(answer.body.size / 1024)} KB).` : problemText(answer, 'Not uploaded');
  });

  // "/" takes the keyboard to the search box, from anywhere but a field where it is typed
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      $('q').focus();
      $('q').select();
    }
  });

  // ---------- start ----------
  window.addEventListener('hashchange', route);
  signedInChanged();
  route();
})();
