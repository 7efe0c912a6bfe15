/*
 * A hostile page's own script, against an annotation extension running in it. Runs before any
 * content script (a synchronous script in <head>) and keeps running:
 *
 * - observe: logs every key, input, beforeinput, composition, clipboard, focus and `message`
 *   event it can see, in the capture phase on window and document;
 * - walk: reads every open shadow root (and the document): text, attribute values, input values;
 *   also roots it caught by wrapping attachShadow, and reads CSS.highlights (names, range text);
 * - attack: a synthetic Range selection + mouseup/keyup, clicks on everything inside open shadow
 *   roots and on the extension's elements, text planted in any field it finds and "save" clicked,
 *   synthetic mouse events over painted highlights (as a user clicking them), Escape and Enter;
 * - replay: every event it observed, dispatched again (and `message` data posted again), plus
 *   CustomEvents under every name that looks like WXT's "content script started" signal;
 * - spoof: rewrites the reader overlay into a fake "enter your WebDAV password" prompt.
 *
 * Everything it learns is on window.__loot; window.__hostile runs a round on demand
 * (`attack()`, `replay()`, `spoof()`) and `stop()` ends the page's own timers.
 */
(() => {
  'use strict';
  // What the page tries to plant in the extension's records.
  const PLANTED_NOTE = 'PLANTED BY THE PAGE';
  const PLANTED_TAG = 'planted-by-page';
  // A passage the page tries to highlight on the user's behalf.
  const PAGE_PHRASE = 'on the island remembers who planted the first orchard';

  const loot = {
    /** Every event seen: type, key, data, values read from its target. */
    events: [],
    /** Printable keys of keydown events, concatenated in order. */
    keys: '',
    /** Text of open shadow roots and of the document. */
    texts: [],
    /** `name=value` of every attribute seen. */
    attributes: [],
    /** `.value` of every field seen. */
    values: [],
    /** CSS.highlights: names, and the text of every range. */
    highlightNames: [],
    highlightTexts: [],
    /** Data of `message` events. */
    messages: [],
    /** Tag names of hosts whose shadow root was open to the page. */
    openShadowHosts: [],
    /** Roots caught through a wrapped attachShadow. */
    caughtRoots: 0,
    /** The reader overlay: whether the page could read it, what it read, whether it rewrote it. */
    reader: { seen: false, readable: false, rewritten: false, text: '' },
    /** Names of the CustomEvents dispatched in replays. */
    replayedCustomEvents: [],
    /** Synthetic actions done, for the test's failure messages. */
    actions: [],
    rounds: 0,
    errors: [],
  };
  Object.defineProperty(window, '__loot', { value: loot });

  const seen = new Set();
  const keep = (list, value) => {
    if (typeof value !== 'string' || value === '') return;
    const key = `${list}\u0000${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    loot[list].push(value.length > 4000 ? value.slice(0, 4000) : value);
  };
  const fail = (where, error) => {
    if (loot.errors.length < 100) loot.errors.push(`${where}: ${error && error.message ? error.message : String(error)}`);
  };

  // --- Closed roots: wrap attachShadow before anyone else runs (page scripts share this prototype). ---
  const caught = [];
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    caught.push(root);
    loot.caughtRoots = caught.length;
    return root;
  };

  // --- observe ---
  const TYPES = [
    'keydown', 'keypress', 'keyup', 'input', 'beforeinput', 'textInput', 'change', 'select',
    'compositionstart', 'compositionupdate', 'compositionend', 'copy', 'cut', 'paste',
    'focus', 'blur', 'focusin', 'focusout', 'message',
  ];
  /** Observed events to replay: enough to copy each one. */
  const observed = [];
  const logged = new WeakSet();
  const describe = (node) =>
    node && node.nodeType === 1 ? `${node.localName}${node.id ? `#${node.id}` : ''}` : node === window ? 'window' : node === document ? 'document' : String(node);
  const valueOf = (node) => (node && typeof node.value === 'string' ? node.value : '');
  const innerTarget = (event) => (event.composedPath ? event.composedPath()[0] : event.target) || event.target;

  function observe(event) {
    if (logged.has(event)) return;
    logged.add(event);
    try {
      const target = innerTarget(event);
      const entry = {
        type: event.type,
        trusted: event.isTrusted,
        target: describe(event.target),
        inner: describe(target),
        key: event.key || '',
        code: event.code || '',
        data: typeof event.data === 'string' ? event.data : '',
        inputType: event.inputType || '',
        value: valueOf(target) || valueOf(event.target),
        clipboard: event.clipboardData ? event.clipboardData.getData('text/plain') : '',
        selection: String(document.getSelection() || ''),
      };
      if (event.type === 'message') {
        let data = '';
        try {
          data = JSON.stringify(event.data);
        } catch {
          data = String(event.data);
        }
        entry.data = data;
        keep('messages', data);
      }
      if (event.type === 'keydown' && typeof event.key === 'string') {
        loot.keys += event.key.length === 1 ? event.key : event.key === 'Enter' ? '\n' : '';
      }
      if (entry.value) keep('values', entry.value);
      if (loot.events.length < 5000) loot.events.push(entry);
      if (observed.length < 400) {
        observed.push({
          type: event.type,
          ctor: event.constructor.name,
          key: event.key,
          code: event.code,
          shiftKey: event.shiftKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          inputType: event.inputType,
          data: event.type === 'message' ? event.data : event.data,
          detail: event.detail,
          target: event.target,
          inner: target,
        });
      }
    } catch (error) {
      fail('observe', error);
    }
  }
  for (const where of [window, document]) for (const type of TYPES) where.addEventListener(type, observe, true);

  // --- walk ---
  function readHighlights() {
    const registry = window.CSS && CSS.highlights;
    if (!registry) return;
    for (const [name, highlight] of registry) {
      keep('highlightNames', name);
      for (const range of highlight) keep('highlightTexts', String(range));
    }
  }

  function walkRoot(root) {
    const elements = root.querySelectorAll('*');
    for (const el of elements) {
      for (const attr of el.attributes) keep('attributes', `${attr.name}=${attr.value}`);
      if (typeof el.value === 'string') keep('values', el.value);
      if (el.shadowRoot && !walked.has(el.shadowRoot)) {
        keep('openShadowHosts', el.localName);
        walked.add(el.shadowRoot);
        walkRoot(el.shadowRoot);
      }
    }
    if (root !== document) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) text += `${n.data}\n`;
      keep('texts', text);
    }
  }
  let walked = new WeakSet();
  function walk() {
    try {
      walked = new WeakSet();
      keep('texts', document.documentElement.innerText || document.documentElement.textContent || '');
      keep('texts', document.title);
      walkRoot(document);
      for (const root of caught) if (!walked.has(root)) walkRoot(root);
      readHighlights();
      for (let i = 0; i < localStorage.length; i++) keep('values', `${localStorage.key(i)}=${localStorage.getItem(localStorage.key(i))}`);
      for (let i = 0; i < sessionStorage.length; i++) keep('values', `${sessionStorage.key(i)}=${sessionStorage.getItem(sessionStorage.key(i))}`);
      keep('values', document.cookie);
      keep('values', window.name);
    } catch (error) {
      fail('walk', error);
    }
  }
  // Watch the document and every open root, so a panel shown for a moment is still read.
  const mutations = new MutationObserver(() => queueMicrotask(walk));
  const watchedRoots = new WeakSet();
  function watchRoots() {
    mutations.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const roots = [...caught];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      if (watchedRoots.has(root)) continue;
      watchedRoots.add(root);
      mutations.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }
  }

  // --- attack ---
  const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
  /** Every element inside every root the page can reach (open shadow roots, caught roots). */
  function reachableInRoots() {
    const out = [];
    const roots = [...caught];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of new Set(roots)) out.push(...root.querySelectorAll('*'));
    return out;
  }
  function marginHosts() {
    return [...document.querySelectorAll('*')].filter((el) => /^margin-/.test(el.localName) || el.hasAttribute('data-margin-ui'));
  }
  function mouse(el, type, x, y) {
    el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0 }));
  }
  function clickLikeAUser(el) {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) mouse(el, type, x, y);
  }
  function key(target, type, init) {
    target.dispatchEvent(new KeyboardEvent(type, { bubbles: true, composed: true, cancelable: true, ...init }));
  }
  function textPosition(phrase) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(phrase);
      if (at >= 0) return { node: n, at };
    }
    return null;
  }
  /** Plants text in every field it can reach and clicks what looks like "save". */
  async function plantAndSave() {
    for (const el of reachableInRoots()) {
      if (el.localName === 'textarea' || (el.localName === 'input' && el.type !== 'checkbox')) {
        el.focus();
        el.value = el.getAttribute('data-field') === 'tags' ? PLANTED_TAG : PLANTED_NOTE;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: el.value, inputType: 'insertText' }));
        el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
        key(el, 'keydown', { key: 'Enter', code: 'Enter', ctrlKey: true });
      }
    }
    for (const el of reachableInRoots()) {
      if (/save/i.test(`${el.getAttribute('data-action') || ''} ${el.textContent || ''}`) && el.localName === 'button') {
        clickLikeAUser(el);
        el.click();
        loot.actions.push(`save ${el.getAttribute('data-action') || el.textContent}`);
      }
    }
    await sleep(150);
    walk();
  }
  async function clickButtons(filter) {
    for (const el of reachableInRoots()) {
      if (el.localName !== 'button' || !filter(el)) continue;
      clickLikeAUser(el);
      el.click();
      loot.actions.push(`click ${el.getAttribute('data-action') || el.getAttribute('data-colour') || el.textContent}`);
      await sleep(120);
      walk();
    }
  }
  /** A user selecting a passage with the mouse, and with Shift+arrows. */
  async function selectAsUser(phrase) {
    const found = textPosition(phrase);
    if (!found) return;
    const selection = document.getSelection();
    selection.setBaseAndExtent(found.node, found.at, found.node, found.at + phrase.length);
    const box = found.node.parentElement.getBoundingClientRect();
    mouse(found.node.parentElement, 'mousedown', box.left + 5, box.top + 5);
    mouse(found.node.parentElement, 'mouseup', box.left + 5, box.top + 5);
    key(found.node.parentElement, 'keyup', { key: 'Shift', code: 'ShiftLeft', shiftKey: true });
    loot.actions.push(`select "${phrase}"`);
    await sleep(150);
    walk();
  }
  /** Mouse events over each painted highlight, as a user clicking it. */
  async function clickHighlights(then) {
    const registry = window.CSS && CSS.highlights;
    const ranges = [];
    if (registry) for (const [, highlight] of registry) for (const range of highlight) ranges.push(range);
    // Painted with <mark> elements where the browser has no CSS.highlights.
    for (const mark of document.querySelectorAll('mark')) {
      const range = document.createRange();
      range.selectNodeContents(mark);
      ranges.push(range);
    }
    for (const range of ranges) {
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const x = rect.left + Math.min(4, rect.width / 2);
      const y = rect.top + rect.height / 2;
      const at = document.elementFromPoint(x, y) || range.startContainer.parentElement;
      if (!at) continue;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) mouse(at, type, x, y);
      loot.actions.push(`click highlight "${String(range).slice(0, 30)}"`);
      await sleep(150);
      walk();
      if (then) await then();
    }
  }
  /** Margin's reader overlay, rewritten into a password prompt. */
  function spoofReader() {
    const reader = document.querySelector('margin-reader');
    if (!reader) return;
    loot.reader.seen = true;
    const root = reader.shadowRoot || caught.find((r) => r.host === reader);
    if (!root) return;
    loot.reader.readable = true;
    loot.reader.text = (root.textContent || '').slice(0, 2000);
    const title = root.querySelector('[data-field="title"]') || root.querySelector('h1') || root.firstElementChild;
    const prompt = document.createElement('form');
    prompt.innerHTML = '<h1>Session expired: enter your WebDAV password</h1><input type="password" name="webdav-password">';
    if (title) title.replaceWith(prompt);
    else root.append(prompt);
    loot.reader.rewritten = root.contains(prompt);
    loot.actions.push('spoofed the reader');
  }

  let running = Promise.resolve();
  const serial = (fn) => (running = running.then(fn, fn).catch((error) => fail(fn.name, error)));

  async function attackOnce() {
    loot.rounds++;
    watchRoots();
    walk();
    spoofReader();
    // Acting as the user: a selection, then the toolbar it brings up.
    await selectAsUser(PAGE_PHRASE);
    await clickButtons((b) => b.getAttribute('data-colour') === 'pink');
    await clickButtons((b) => b.getAttribute('data-action') === 'note');
    await plantAndSave();
    // The user's highlights: open each (reads its note), its tags, plant text, delete it.
    await clickHighlights(async () => {
      await clickButtons((b) => b.getAttribute('data-action') === 'tag');
      await plantAndSave();
    });
    await clickHighlights(() => clickButtons((b) => /delete|remove/i.test(`${b.getAttribute('data-action')} ${b.textContent}`)));
    // Everything else it can reach: every element in open roots and Margin's own elements.
    for (const el of [...reachableInRoots(), ...marginHosts()]) {
      clickLikeAUser(el);
      if (typeof el.click === 'function') el.click();
    }
    await sleep(150);
    walk();
    for (const target of [document.activeElement || document.body, document, window]) {
      for (const k of [{ key: 'Escape', code: 'Escape' }, { key: 'Enter', code: 'Enter' }, { key: 'Enter', code: 'Enter', ctrlKey: true }]) {
        key(target, 'keydown', k);
        key(target, 'keyup', k);
      }
    }
    await sleep(150);
    walk();
  }

  /** Names that look like WXT's "content script started" signal, from messages seen and guesses. */
  function startedNames() {
    const names = new Set(['content-script-started', 'wxt:content-script-started', 'highlighter:wxt:content-script-started', 'reader:wxt:content-script-started']);
    for (const m of observed) {
      const type = m.type === 'message' && m.data && typeof m.data.type === 'string' ? m.data.type : null;
      if (!type || !/content-script-started|wxt/.test(type)) continue;
      names.add(type);
      const [id] = type.split(':');
      for (const script of ['highlighter', 'reader', 'content']) names.add(`${id}:${script}:wxt:content-script-started`);
    }
    return [...names];
  }

  function copyOf(m) {
    const init = { bubbles: true, composed: true, cancelable: true };
    switch (m.ctor) {
      case 'KeyboardEvent':
        return new KeyboardEvent(m.type, { ...init, key: m.key, code: m.code, shiftKey: m.shiftKey, ctrlKey: m.ctrlKey, metaKey: m.metaKey, altKey: m.altKey });
      case 'InputEvent':
        return new InputEvent(m.type, { ...init, data: m.data, inputType: m.inputType });
      case 'CompositionEvent':
        return new CompositionEvent(m.type, { ...init, data: m.data });
      case 'FocusEvent':
        return new FocusEvent(m.type, init);
      case 'ClipboardEvent':
        return new ClipboardEvent(m.type, init);
      case 'MessageEvent':
        return new MessageEvent('message', { data: m.data, origin: location.origin, source: window });
      case 'CustomEvent':
        return new CustomEvent(m.type, { ...init, detail: m.detail });
      default:
        return new Event(m.type, init);
    }
  }

  async function replayOnce() {
    const events = observed.slice();
    for (const m of events) {
      for (const target of new Set([m.inner, m.target, document, window])) {
        if (!target || !target.dispatchEvent) continue;
        try {
          target.dispatchEvent(copyOf(m));
        } catch (error) {
          fail('replay', error);
        }
      }
      if (m.type === 'message') window.postMessage(m.data, '*');
    }
    for (const name of startedNames()) {
      for (const script of ['highlighter', 'reader']) {
        for (const messageId of ['hostile', '']) {
          const detail = { contentScriptName: script, messageId };
          document.dispatchEvent(new CustomEvent(name, { detail }));
          window.dispatchEvent(new CustomEvent(name, { detail }));
          window.postMessage({ type: name, contentScriptName: script, messageId }, '*');
        }
      }
      if (!loot.replayedCustomEvents.includes(name)) loot.replayedCustomEvents.push(name);
    }
    await sleep(150);
    walk();
  }

  const hostile = {
    /** One round of synthetic events; resolves when it is done. */
    attack: () => serial(attackOnce),
    /** Replays every event observed so far, and the "started" signals. */
    replay: () => serial(replayOnce),
    walk,
    /** Rewrites the reader overlay, when it can. */
    spoof: spoofReader,
    /** Ends the page's own timer (a test that needs a quiet page for a trusted gesture). */
    stop() {
      clearInterval(timer);
      clearInterval(watcher);
    },
  };
  Object.defineProperty(window, '__hostile', { value: hostile });

  // Running all the time: read often, attack and replay every few seconds.
  const watcher = setInterval(() => {
    watchRoots();
    walk();
  }, 250);
  const timer = setInterval(() => {
    void hostile.attack();
    void hostile.replay();
  }, 4000);
  document.addEventListener('DOMContentLoaded', () => {
    watchRoots();
    walk();
  });
})();
