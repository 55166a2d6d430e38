/*
 * Vägvisaren – webbchatt. Plain ES2017, no dependencies, no third-party requests.
 *
 * Embed with one tag:
 *   <script src=".../vagvisaren.js" data-bot-url="https://bot.example.se" data-municipality="botkyrka"
 *           data-color="#00557f" data-lang="sv" defer></script>
 *
 * Stores nothing: no cookies, no localStorage/sessionStorage/IndexedDB. The conversation lives in
 * this page's memory only, under a random id made anew on every page load.
 * Never uses innerHTML: every text from the bot or the user goes in with textContent.
 * The server that delivers this file puts the emergency numbers from the catalogue on the first
 * line as window.VAGVISAREN_EMERGENCY.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src*="vagvisaren.js"]');

  var DEFAULT_COLOR = '#00557f';
  var DEFAULT_EXIT_URL = 'https://www.google.com/search?q=v%C3%A4der';
  var TIMEOUT_MS = 15000;
  var MAX_CHARS = 2000;

  var TEXTS = {
    sv: {
      launcher: 'Chatta med Vägvisaren',
      region: 'Chatt: Vägvisaren',
      title: 'Vägvisaren',
      close: 'Stäng',
      closeName: 'Stäng chatten',
      exit: 'Lämna snabbt',
      exitName: 'Lämna snabbt: byt till en annan webbplats',
      restart: 'Börja om',
      emergencyPrefix: 'Akut fara? Ring ',
      emergencyFallback: 'Akut fara? Ring nödnumret.',
      privacy: 'Det du skriver sparas inte. Skriv inte namn, personnummer eller adresser. ' +
        'Samtalet rensas när du stänger sidan eller väljer Börja om. ' +
        '”Lämna snabbt” rensar inte webbläsarens historik.',
      log: 'Samtalet',
      you: 'Du: ',
      bot: 'Vägvisaren: ',
      typing: 'Vägvisaren skriver…',
      inputLabel: 'Skriv ditt meddelande',
      send: 'Skicka',
      choices: 'Svarsalternativ',
      contacts: function (n) { return n === 1 ? '1 kontakt' : n + ' kontakter'; },
      alwaysOpen: 'Öppet dygnet runt',
      openNow: 'Öppet nu',
      closedNow: 'Stängt just nu',
      opens: ', öppnar ',
      call: 'Ring ',
      website: 'Webbplats: ',
      newWindow: ' (öppnas i nytt fönster)',
      email: 'E-post: ',
      down: 'Chatten fungerar inte just nu.',
      downDanger: ' Är någon i fara: ring ',
      downPolice: ' Polisen i övrigt: ',
      retry: 'Försök igen'
    }
  };

  // ---- Configuration from the script tag -----------------------------------------------------------

  var data = (script && script.dataset) || {};
  var lang = TEXTS[data.lang] ? data.lang : 'sv';
  var T = TEXTS[lang];
  var botUrl = String(data.botUrl || '').trim().replace(/\/+$/, '');
  var municipality = /^[a-z0-9_:-]{1,64}$/.test(data.municipality || '') ? data.municipality : '';
  var exitUrl = safeWebUrl(data.exitUrl) || DEFAULT_EXIT_URL;
  var brand = accessibleColor(data.color);
  var EMERGENCY = Array.isArray(window.VAGVISAREN_EMERGENCY) ? window.VAGVISAREN_EMERGENCY : [];

  // ---- Small helpers -----------------------------------------------------------------------------

  function safeWebUrl(value) {
    if (typeof value !== 'string' || !value) return null;
    try {
      var url = new URL(value, document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function safeTel(value) {
    return typeof value === 'string' && /^\+?[0-9]{2,20}$/.test(value) ? value : null;
  }

  function safeEmail(value) {
    return typeof value === 'string' && /^[^@\s<>"'\/\\:]+@[^@\s<>"'\/\\:]+\.[A-Za-z]{2,}$/.test(value) ? value : null;
  }

  function hexToRgb(value) {
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(value || '').trim());
    if (!m) return null;
    var hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      var s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  /** The configured colour, darkened until white text on it (and it on white) reaches 4.5:1. */
  function accessibleColor(value) {
    var rgb = hexToRgb(value) || hexToRgb(DEFAULT_COLOR);
    for (var i = 0; i < 60 && 1.05 / (luminance(rgb) + 0.05) < 4.6; i++) {
      rgb = rgb.map(function (v) { return Math.floor(v * 0.92); });
    }
    return '#' + rgb.map(function (v) { return v.toString(16).padStart(2, '0'); }).join('');
  }

  function newSenderId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  var uid = newSenderId().slice(0, 8);

  /** Build an element. Text goes in as text nodes only. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'class') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function srOnly(text) {
    return el('span', { class: 'vv-sr', text: text });
  }

  function emergencyPhone(id) {
    for (var i = 0; i < EMERGENCY.length; i++) {
      var item = EMERGENCY[i];
      if (item && item.id === id && Array.isArray(item.phones)) {
        for (var j = 0; j < item.phones.length; j++) {
          var phone = item.phones[j];
          if (phone && typeof phone.number === 'string' && safeTel(phone.tel)) return phone;
        }
      }
    }
    return null;
  }

  function telLink(phone, className) {
    return el('a', { class: className, href: 'tel:' + phone.tel, text: phone.number });
  }

  // ---- Building the widget -------------------------------------------------------------------------

  function build() {
    var ids = {
      panel: 'vv-panel-' + uid,
      title: 'vv-title-' + uid,
      privacy: 'vv-privacy-' + uid,
      input: 'vv-input-' + uid
    };

    var ui = {};

    ui.launcher = el('button', {
      type: 'button', class: 'vv-launcher', 'aria-expanded': 'false', 'aria-controls': ids.panel
    }, [el('span', { class: 'vv-launcher-icon', 'aria-hidden': 'true' }), el('span', { text: T.launcher })]);

    var emergencyLine = emergencyPhone('police_emergency');
    ui.emergency = emergencyLine
      ? el('a', { class: 'vv-emergency', href: 'tel:' + emergencyLine.tel, text: T.emergencyPrefix + emergencyLine.number })
      : el('p', { class: 'vv-emergency', text: T.emergencyFallback });

    ui.exit = el('button', {
      type: 'button', class: 'vv-btn vv-exit', 'data-exit-url': exitUrl, 'aria-label': T.exitName, text: T.exit
    });
    ui.close = el('button', { type: 'button', class: 'vv-btn vv-close', 'aria-label': T.closeName, text: T.close });
    ui.restart = el('button', { type: 'button', class: 'vv-btn vv-restart', text: T.restart });

    ui.log = el('div', {
      class: 'vv-log', role: 'log', 'aria-live': 'polite', 'aria-label': T.log, tabindex: '0'
    });
    ui.typing = el('div', { class: 'vv-typing', role: 'status' });
    ui.alert = el('div', { class: 'vv-alert', role: 'alert' });

    ui.input = el('textarea', {
      id: ids.input, class: 'vv-input', name: 'message', rows: '2', maxlength: String(MAX_CHARS),
      autocomplete: 'off', spellcheck: 'true', 'aria-describedby': ids.privacy
    });
    ui.send = el('button', { type: 'submit', class: 'vv-btn vv-send', text: T.send });
    ui.form = el('form', { class: 'vv-form', novalidate: true }, [
      el('label', { for: ids.input, class: 'vv-label', text: T.inputLabel }),
      el('div', { class: 'vv-form-row' }, [ui.input, ui.send])
    ]);

    ui.panel = el('div', {
      id: ids.panel, class: 'vv-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': ids.title,
      lang: lang, hidden: true
    }, [
      el('div', { class: 'vv-header' }, [
        el('div', { class: 'vv-topbar' }, [
          el('h2', { id: ids.title, class: 'vv-title', text: T.title }),
          el('div', { class: 'vv-topbar-actions' }, [ui.exit, ui.close])
        ]),
        el('div', { class: 'vv-safety' }, [ui.emergency, ui.restart])
      ]),
      el('p', { id: ids.privacy, class: 'vv-privacy', text: T.privacy }),
      ui.log,
      ui.typing,
      ui.alert,
      ui.form
    ]);

    ui.root = el('section', { class: 'vv-root', lang: lang, 'aria-label': T.region }, [ui.launcher, ui.panel]);
    // CSSOM, not a style attribute: allowed under a strict style-src.
    ui.root.style.setProperty('--vv-brand', brand);
    return ui;
  }

  // ---- The conversation ----------------------------------------------------------------------------

  function Chat(ui) {
    var sender = newSenderId();
    var generation = 0;     // bumped by Börja om / Lämna snabbt: late answers of an old conversation are dropped
    var queue = Promise.resolve();
    var waiting = 0;
    var started = false;
    var failed = null;      // the message to send again after an error

    function scrollToNode(node) {
      // The question and the start of the answer at the top if the answer is long, else the end of the log.
      var before = node.previousElementSibling;
      var target = before && before.classList.contains('vv-msg--user') ? before : node;
      if (ui.log.scrollHeight > ui.log.clientHeight + 1) {
        ui.log.scrollTop = Math.max(0, target.offsetTop - 8);
        return;
      }
      // Short screens: the whole panel scrolls under its sticky header.
      var header = ui.panel.firstElementChild;
      var top = target.getBoundingClientRect().top - ui.panel.getBoundingClientRect().top + ui.panel.scrollTop;
      ui.panel.scrollTop = Math.max(0, top - header.offsetHeight - 8);
    }

    function appendUser(text) {
      var node = el('div', { class: 'vv-msg vv-msg--user' }, [
        srOnly(T.you), el('span', { class: 'vv-text', text: text })
      ]);
      ui.log.appendChild(node);
      ui.log.scrollTop = ui.log.scrollHeight;
    }

    function botBubble(text) {
      return el('div', { class: 'vv-msg vv-msg--bot' }, [srOnly(T.bot), el('span', { class: 'vv-text', text: text })]);
    }

    function choiceGroup(buttons) {
      var group = el('div', { class: 'vv-choices', role: 'group', 'aria-label': T.choices });
      buttons.forEach(function (button) {
        if (!button || typeof button.title !== 'string' || typeof button.payload !== 'string') return;
        var node = el('button', { type: 'button', class: 'vv-choice', text: button.title });
        node.addEventListener('click', function () {
          if (group.getAttribute('data-used')) return;
          group.setAttribute('data-used', 'true');
          Array.prototype.forEach.call(group.querySelectorAll('button'), function (b) { b.disabled = true; });
          node.classList.add('vv-choice--chosen');
          ui.input.focus();
          send(button.payload, button.title);
        });
        group.appendChild(node);
      });
      return group.childNodes.length ? group : null;
    }

    function statusLine(resource) {
      if (resource.always_open === true) return el('p', { class: 'vv-card-status vv-open', text: T.alwaysOpen });
      if (resource.open_now === true) return el('p', { class: 'vv-card-status vv-open', text: T.openNow });
      if (resource.open_now === false) {
        var text = T.closedNow + (typeof resource.opens === 'string' && resource.opens ? T.opens + resource.opens : '');
        return el('p', { class: 'vv-card-status vv-closed', text: text });
      }
      return null;
    }

    function card(resource) {
      var kind = typeof resource.kind === 'string' ? resource.kind : '';
      var phones = (Array.isArray(resource.phones) ? resource.phones : []).filter(function (p) {
        return p && typeof p.number === 'string';
      });
      var phoneList = phones.length ? el('ul', { class: 'vv-card-phones' }, phones.map(function (phone) {
        var tel = safeTel(phone.tel);
        var number = tel
          ? el('a', { class: 'vv-tel', href: 'tel:' + tel }, [srOnly(T.call), phone.number])
          : el('span', { class: 'vv-tel', text: phone.number });
        return el('li', {}, [
          number,
          typeof phone.label === 'string' && phone.label ? el('span', { class: 'vv-phone-label', text: phone.label }) : null,
          typeof phone.hours === 'string' && phone.hours ? el('span', { class: 'vv-phone-hours', text: phone.hours }) : null
        ]);
      })) : null;

      var url = safeWebUrl(resource.url);
      var website = url ? el('p', { class: 'vv-card-link' }, [
        el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, [
          T.website + new URL(url).hostname, srOnly(T.newWindow)
        ])
      ]) : null;
      var email = safeEmail(resource.email);
      var mail = email ? el('p', { class: 'vv-card-link' }, [
        el('a', { href: 'mailto:' + email, text: T.email + email })
      ]) : null;

      return el('li', { class: 'vv-card', 'data-kind': kind }, [
        el('h3', { class: 'vv-card-name', text: typeof resource.name === 'string' ? resource.name : '' }),
        typeof resource.description === 'string' && resource.description
          ? el('p', { class: 'vv-card-desc', text: resource.description }) : null,
        phoneList,
        statusLine(resource),
        website,
        mail
      ]);
    }

    function cards(resources) {
      var items = resources.filter(function (r) { return r && typeof r === 'object'; });
      if (!items.length) return null;
      return el('div', { class: 'vv-msg vv-msg--bot vv-msg--cards' }, [
        srOnly(T.bot + T.contacts(items.length)),
        el('ul', { class: 'vv-cards' }, items.map(card))
      ]);
    }

    function render(messages) {
      var items = messages.filter(function (m) { return m && typeof m === 'object'; });
      // The plain-text copy of the contacts comes just before the cards: show the cards instead.
      var skip = {};
      items.forEach(function (m, i) {
        var custom = m.custom;
        if (i > 0 && custom && Array.isArray(custom.resources) && custom.resources.length) {
          var before = items[i - 1];
          if (typeof before.text === 'string' && before.text === custom.text && !before.custom &&
              !(Array.isArray(before.buttons) && before.buttons.length)) {
            skip[i - 1] = true;
          }
        }
      });
      var first = null;
      items.forEach(function (m, i) {
        if (skip[i]) return;
        var nodes = [];
        if (m.custom && typeof m.custom === 'object') {
          if (Array.isArray(m.custom.resources)) nodes.push(cards(m.custom.resources));
        } else if (typeof m.text === 'string' && m.text.trim()) {
          nodes.push(botBubble(m.text));
        }
        if (Array.isArray(m.buttons) && m.buttons.length) nodes.push(choiceGroup(m.buttons));
        nodes.forEach(function (node) {
          if (!node) return;
          ui.log.appendChild(node);
          first = first || node;
        });
      });
      if (first) scrollToNode(first);
    }

    function setWaiting(delta) {
      waiting = Math.max(0, waiting + delta);
      var on = waiting > 0;
      if (on === ui.typing.classList.contains('vv-typing--on')) return;
      ui.typing.classList.toggle('vv-typing--on', on);
      ui.typing.textContent = '';
      if (on) {
        ui.typing.appendChild(el('span', { class: 'vv-dots', 'aria-hidden': 'true' }, [
          el('span'), el('span'), el('span')
        ]));
        ui.typing.appendChild(el('span', { text: T.typing }));
      }
    }

    function clearAlert() {
      ui.alert.textContent = '';
      ui.alert.classList.remove('vv-alert--on');
    }

    function showAlert() {
      var emergencyLine = emergencyPhone('police_emergency');
      var policeLine = emergencyPhone('police_non_emergency');
      var retry = el('button', { type: 'button', class: 'vv-btn vv-retry', text: T.retry });
      retry.addEventListener('click', function () {
        var message = failed;
        clearAlert();
        ui.input.focus();
        if (message !== null) enqueue(message);
      });
      ui.alert.textContent = '';
      ui.alert.appendChild(el('p', {}, [
        el('span', { class: 'vv-alert-line', text: T.down }),
        emergencyLine ? el('span', { class: 'vv-alert-line' }, [T.downDanger, telLink(emergencyLine, 'vv-alert-tel'), '.']) : null,
        policeLine ? el('span', { class: 'vv-alert-line' }, [T.downPolice, telLink(policeLine, 'vv-alert-tel'), '.']) : null
      ]));
      ui.alert.appendChild(retry);
      ui.alert.classList.add('vv-alert--on');
    }

    async function post(message) {
      var controller = new AbortController();
      var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
      var body = { sender: sender, message: message };
      if (municipality) body.area = municipality;
      try {
        var response = await fetch(botUrl + '/webhooks/rest/webhook', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          mode: 'cors',
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          signal: controller.signal
        });
        // 429: the bot is fine but asks the user to slow down; its answer is a normal message list.
        if (!response.ok && response.status !== 429) throw new Error('HTTP ' + response.status);
        var answer = await response.json();
        if (!Array.isArray(answer)) throw new Error('unexpected answer');
        return answer;
      } finally {
        clearTimeout(timer);
      }
    }

    async function exchange(message, gen) {
      if (gen !== generation) return;
      setWaiting(1);
      try {
        var answer = await post(message);
        if (gen !== generation) return;
        failed = null;
        clearAlert();
        render(answer);
      } catch (error) {
        if (gen !== generation) return;
        failed = message;
        showAlert();
      } finally {
        if (gen === generation) setWaiting(-1);
      }
    }

    function enqueue(message) {
      var gen = generation;
      queue = queue.then(function () { return exchange(message, gen); });
      return queue;
    }

    function send(message, shown) {
      if (shown) appendUser(shown);
      return enqueue(message);
    }

    function reset() {
      generation += 1;
      sender = newSenderId();
      queue = Promise.resolve();
      waiting = 0;
      failed = null;
      ui.log.textContent = '';
      ui.input.value = '';
      ui.typing.classList.remove('vv-typing--on');
      ui.typing.textContent = '';
      clearAlert();
    }

    return {
      start: function () {
        if (started) return;
        started = true;
        enqueue('hej');
      },
      submit: function () {
        var text = ui.input.value.trim().slice(0, MAX_CHARS);
        if (!text) return;
        ui.input.value = '';
        send(text, text);
      },
      restart: function () {
        reset();
        started = true;
        enqueue('hej');
      },
      forget: reset
    };
  }

  // ---- Wiring --------------------------------------------------------------------------------------

  function loadStyles(root) {
    if (!script || !script.src) return;  // inlined: the page brings the styles itself
    var href = new URL('vagvisaren.css', script.src).href;
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === href && links[i].sheet) return;
    }
    root.hidden = true;  // no unstyled flash
    var show = function () { root.hidden = false; };
    var link = el('link', { rel: 'stylesheet', href: href });
    link.addEventListener('load', show);
    link.addEventListener('error', show);
    setTimeout(show, 3000);
    document.head.appendChild(link);
  }

  function init() {
    if (document.querySelector('.vv-root')) return;  // embedded twice
    var ui = build();
    var chat = Chat(ui);

    function open() {
      ui.panel.hidden = false;
      ui.launcher.setAttribute('aria-expanded', 'true');
      ui.root.classList.add('vv-is-open');
      chat.start();
      ui.input.focus();
    }

    function close() {
      ui.panel.hidden = true;
      ui.launcher.setAttribute('aria-expanded', 'false');
      ui.root.classList.remove('vv-is-open');
      ui.launcher.focus();
    }

    ui.launcher.addEventListener('click', function () {
      if (ui.panel.hidden) open(); else close();
    });
    ui.close.addEventListener('click', close);
    ui.panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' || event.key === 'Esc') {
        event.preventDefault();
        close();
      }
    });
    ui.restart.addEventListener('click', function () {
      chat.restart();
      ui.input.focus();
    });
    ui.exit.addEventListener('click', function () {
      chat.forget();
      ui.panel.hidden = true;
      window.location.replace(ui.exit.getAttribute('data-exit-url') || DEFAULT_EXIT_URL);
    });
    ui.form.addEventListener('submit', function (event) {
      event.preventDefault();
      chat.submit();
      ui.input.focus();
    });
    ui.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey &&
          !event.isComposing) {
        event.preventDefault();
        chat.submit();
      }
    });

    loadStyles(ui.root);
    document.body.appendChild(ui.root);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
