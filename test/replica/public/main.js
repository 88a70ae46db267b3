/*
 * The X replica's page code: a small stand-in for X's React Native for Web single-page app, for
 * Sparekey's tests and demo. Not X's code; it reproduces the DOM X renders, as described in
 * issue 4 ("What X's real pages look like", from X's 2025 web bundles and login API captures):
 *
 * - one URL (/i/flow/login) for the whole login; each step comes from POST
 *   /1.1/onboarding/task.json and replaces the previous one inside the same role="dialog";
 * - class names are atomic and hashed ("css-175oi2r r-1awozwy …"), as React Native for Web makes
 *   them, so nothing can lean on classes; data-testid, name, type, autocomplete, inputmode, role
 *   and aria-* are X's;
 * - inputs behave like React's controlled inputs: the page's state follows the input only through
 *   input/change events delivered to the React root (#react-root), and React's value tracker
 *   ignores an event when the value was set through the element's own `value` property. So
 *   `input.value = 'x'` (with or without an event) leaves Next disabled, while the native
 *   HTMLInputElement.prototype value setter followed by a bubbling input event enables it;
 * - radios update on click (React's onChange for radios listens to click);
 * - text updates reuse the existing text node (nodeValue), as React does;
 * - navigation inside the app uses history.pushState (login success → /home; settings → backup
 *   code screen).
 */
(function () {
  'use strict';

  var STATE = window.__INITIAL_STATE__ || {};
  var LANG = STATE.lang || 'en';
  var S = self.__replicaI18n || {};
  var CONFIG = STATE.config || {};
  var session = STATE.session || null;
  var root = document.getElementById('react-root');
  var SVGNS = 'http://www.w3.org/2000/svg';

  // ------------------------------------------------------------------ atomic styles (RNW-like)

  var styleEl = document.getElementById('react-native-stylesheet');
  var sheet = styleEl && styleEl.sheet;
  var seenRules = Object.create(null);

  function fnv(str) {
    var h = 0x811c9dc5;
    for (var i = 0; i < str.length; i++) {
      h ^= str.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }

  function kebab(prop) {
    return prop.replace(/[A-Z]/g, function (m) {
      return '-' + m.toLowerCase();
    });
  }

  /** One class per declaration, named by a hash of it: "r-1x2y3z4". */
  function sx(style) {
    var names = [];
    for (var prop in style) {
      var value = style[prop];
      if (value === undefined || value === null) continue;
      var decl = kebab(prop) + ':' + value;
      var name = 'r-' + fnv(decl);
      if (!seenRules[name]) {
        seenRules[name] = true;
        if (sheet) {
          try {
            sheet.insertRule('.' + name + '{' + decl + '}', sheet.cssRules.length);
          } catch (e) {
            /* a declaration the browser does not know; harmless */
          }
        }
      }
      names.push(name);
    }
    return names.join(' ');
  }

  var VIEW = 'css-175oi2r';
  var TEXT = 'css-146c3p1';
  var SPAN = 'css-1jxf684';
  var IMG = 'css-9pa8cd';
  var INK = 'rgb(15,20,25)';
  var GREY = 'rgb(83,100,113)';
  var BLUE = 'rgb(29,155,240)';
  var LINE = 'rgb(207,217,222)';

  function view(style) {
    return VIEW + ' ' + sx(Object.assign({ display: 'flex', flexDirection: 'column', boxSizing: 'border-box', position: 'relative', minWidth: '0px', minHeight: '0px' }, style || {}));
  }

  function textClass(style) {
    return TEXT + ' ' + sx(Object.assign({ color: INK, fontSize: '15px', lineHeight: '20px', fontWeight: '400', overflowWrap: 'break-word', minWidth: '0px', whiteSpace: 'pre-wrap' }, style || {}));
  }

  function spanClass(style) {
    return SPAN + ' ' + sx(Object.assign({ fontFamily: 'inherit', whiteSpace: 'inherit' }, style || {}));
  }

  // ------------------------------------------------------------------ DOM building + events

  /** element → { eventType: handler } ; dispatched from #react-root like React 17+. */
  var handlers = new WeakMap();

  function on(el, type, fn) {
    var map = handlers.get(el);
    if (!map) {
      map = {};
      handlers.set(el, map);
    }
    map[type] = fn;
    return el;
  }

  function h(tag, props) {
    var svg = tag === 'svg' || tag === 'path' || tag === 'g' || tag === 'circle';
    var el = svg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    props = props || {};
    for (var key in props) {
      var value = props[key];
      if (value === undefined || value === null || value === false) continue;
      el.setAttribute(key, value === true ? '' : String(value));
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) {
        append(el, c);
      });
      return;
    }
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }

  function dispatchFromRoot(event) {
    // React's synthetic events: walk from the target up to the root, calling what is registered.
    var type = event.type === 'focusin' ? 'focus' : event.type === 'focusout' ? 'blur' : event.type;
    var node = event.target;
    while (node && node !== root) {
      var map = handlers.get(node);
      if (map && map[type]) map[type](event, node);
      node = node.parentNode;
    }
  }

  ['click', 'input', 'change', 'keydown', 'focusin', 'focusout'].forEach(function (type) {
    root.addEventListener(type, dispatchFromRoot, false);
  });

  // Internal links behave like React Router's: same-origin paths navigate without a page load.
  root.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var a = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (!a || a.target) return;
    var href = a.getAttribute('href');
    if (!href || href.charAt(0) !== '/' || href.charAt(1) === '/') return;
    event.preventDefault();
    navigate(href === '/login' ? '/i/flow/login' : href);
  });

  function icon(d, style) {
    return h('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: sx(Object.assign({ height: '1.25em', width: '1.25em', fill: 'currentcolor', verticalAlign: 'text-bottom', maxWidth: '100%', position: 'relative', userSelect: 'none' }, style || {})) }, h('g', {}, h('path', { d: d })));
  }

  var PATHS = {
    logo: 'M18.244 2.25h3.308l-7.227 8.26 8.502 11.24H16.17l-5.214-6.817L4.99 21.75H1.68l7.73-8.835L1.254 2.25H8.08l4.713 6.231zm-1.161 17.52h1.833L7.084 4.126H5.117z',
    close: 'M10.59 12L4.54 5.96l1.42-1.42L12 10.59l6.04-6.05 1.42 1.42L13.41 12l6.05 6.04-1.42 1.42L12 13.41l-6.04 6.05-1.42-1.42L10.59 12z',
    back: 'M7.414 13l5.043 5.04-1.414 1.42L3.586 12l7.457-7.46 1.414 1.42L7.414 11H21v2H7.414z',
    chevron: 'M14.586 12L7.543 4.96l1.414-1.42L17.414 12l-8.457 8.46-1.414-1.42L14.586 12z',
    home: 'M21.591 7.146L12.52 1.157c-.316-.21-.724-.21-1.04 0l-9.071 5.99c-.26.173-.409.456-.409.757v13.183c0 .502.418.913.929.913H9.14c.51 0 .929-.41.929-.913v-7.075h3.909v7.075c0 .502.417.913.928.913h6.165c.511 0 .929-.41.929-.913V7.904c0-.301-.158-.584-.408-.758z',
    search: 'M10.25 3.75c-3.59 0-6.5 2.91-6.5 6.5s2.91 6.5 6.5 6.5c1.795 0 3.419-.726 4.596-1.904 1.178-1.177 1.904-2.801 1.904-4.596 0-3.59-2.91-6.5-6.5-6.5zm-8.5 6.5c0-4.694 3.806-8.5 8.5-8.5s8.5 3.806 8.5 8.5c0 1.986-.682 3.815-1.824 5.262l4.781 4.781-1.414 1.414-4.781-4.781c-1.447 1.142-3.276 1.824-5.262 1.824-4.694 0-8.5-3.806-8.5-8.5z',
    bell: 'M19.993 9.042C19.48 5.017 16.054 2 11.996 2s-7.49 3.021-7.999 7.051L2.866 18H7.1c.463 2.282 2.481 4 4.9 4s4.437-1.718 4.9-4h4.236l-1.143-8.958zM12 20c-1.306 0-2.417-.835-2.829-2h5.658c-.412 1.165-1.523 2-2.829 2zm-6.866-4l.847-6.698C6.364 6.272 8.941 4 11.996 4s5.627 2.268 6.013 5.295L18.864 16H5.134z',
    mail: 'M1.998 5.5c0-1.381 1.119-2.5 2.5-2.5h15c1.381 0 2.5 1.119 2.5 2.5v13c0 1.381-1.119 2.5-2.5 2.5h-15c-1.381 0-2.5-1.119-2.5-2.5v-13zm2.5-.5c-.276 0-.5.224-.5.5v2.764l8 3.638 8-3.636V5.5c0-.276-.224-.5-.5-.5h-15zm15.5 5.463l-8 3.636-8-3.638V18.5c0 .276.224.5.5.5h15c.276 0 .5-.224.5-.5v-8.037z',
    person: 'M5.651 19h12.698c-.337-1.8-1.023-3.21-1.945-4.19C15.318 13.65 13.838 13 12 13s-3.317.65-4.404 1.81c-.922.98-1.608 2.39-1.945 4.19zm.486-5.56C7.627 11.85 9.648 11 12 11s4.373.85 5.863 2.44c1.477 1.58 2.366 3.8 2.632 6.46l.11 1.1H3.395l.11-1.1c.266-2.66 1.155-4.88 2.632-6.46zM12 4c-1.105 0-2 .9-2 2s.895 2 2 2 2-.9 2-2-.895-2-2-2zM8 6c0-2.21 1.791-4 4-4s4 1.79 4 4-1.791 4-4 4-4-1.79-4-4z',
    dots: 'M3.75 12c0-4.56 3.69-8.25 8.25-8.25s8.25 3.69 8.25 8.25-3.69 8.25-8.25 8.25S3.75 16.56 3.75 12zM12 1.75C6.34 1.75 1.75 6.34 1.75 12S6.34 22.25 12 22.25 22.25 17.66 22.25 12 17.66 1.75 12 1.75zm-4.75 11.5c.69 0 1.25-.56 1.25-1.25s-.56-1.25-1.25-1.25S6 11.31 6 12s.56 1.25 1.25 1.25zm9.5 0c.69 0 1.25-.56 1.25-1.25s-.56-1.25-1.25-1.25-1.25.56-1.25 1.25.56 1.25 1.25 1.25zM13.25 12c0 .69-.56 1.25-1.25 1.25s-1.25-.56-1.25-1.25.56-1.25 1.25-1.25 1.25.56 1.25 1.25z',
    eye: 'M12 21c-7.605 0-10.804-8.296-10.937-8.648L.932 12l.131-.352C1.196 11.295 4.394 3 12 3s10.804 8.296 10.937 8.648l.131.352-.131.352C22.804 12.704 19.605 21 12 21zm-8.915-9c.658 1.467 3.5 7 8.915 7s8.257-5.533 8.915-7c-.658-1.467-3.5-7-8.915-7s-8.257 5.533-8.915 7zM12 16c-2.206 0-4-1.794-4-4s1.794-4 4-4 4 1.794 4 4-1.794 4-4 4zm0-6c-1.103 0-2 .897-2 2s.897 2 2 2 2-.897 2-2-.897-2-2-2z',
  };

  /** <div dir="ltr" class="css-146c3p1 …"><span class="css-1jxf684 …">text</span></div> */
  function text(str, style, props, spanStyle) {
    var span = h('span', { class: spanClass(spanStyle) }, str);
    return h('div', Object.assign({ dir: 'ltr', class: textClass(style) }, props || {}), span);
  }

  function heading(str, level, id, style) {
    return h(
      'h' + level,
      { dir: 'ltr', 'aria-level': String(level), role: 'heading', class: textClass(Object.assign({ fontSize: level === 1 ? '31px' : '20px', lineHeight: level === 1 ? '36px' : '24px', fontWeight: '700', margin: '0px' }, style || {})), id: id || null },
      h('span', { class: spanClass() }, str)
    );
  }

  function progressbar() {
    return h(
      'div',
      { class: view({ alignItems: 'center', justifyContent: 'center', flexGrow: '1', padding: '40px' }) },
      h(
        'div',
        { 'aria-valuemax': '1', 'aria-valuemin': '0', role: 'progressbar', class: view({ height: '26px', width: '26px' }) },
        h('svg', { height: '100%', viewBox: '0 0 32 32', width: '100%' }, h('circle', { cx: '16', cy: '16', fill: 'none', r: '14', 'stroke-width': '4', style: 'stroke: rgb(29, 155, 240); opacity: 0.2;' }), h('circle', { cx: '16', cy: '16', fill: 'none', r: '14', 'stroke-width': '4', style: 'stroke: rgb(29, 155, 240); stroke-dasharray: 80; stroke-dashoffset: 60;' }))
      )
    );
  }

  // ------------------------------------------------------------------ React-like controlled input

  var nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  var nativeChecked = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked');

  /**
   * Makes input behave like a React controlled input: an instance-level `value` property keeps a
   * tracker in step with values set through it (React's inputValueTracking), and onChange runs
   * only when an input/change event reaches the root AND the value differs from the tracker.
   */
  function controlled(input, onChange) {
    var tracked = nativeValue.get.call(input);
    Object.defineProperty(input, 'value', {
      configurable: true,
      enumerable: nativeValue.enumerable,
      get: function () {
        return nativeValue.get.call(this);
      },
      set: function (v) {
        tracked = String(v);
        nativeValue.set.call(this, v);
      },
    });
    function handle() {
      var current = nativeValue.get.call(input);
      if (current === tracked) return;
      tracked = current;
      // React keeps the value attribute in sync for controlled inputs.
      input.setAttribute('value', current);
      onChange(current);
    }
    on(input, 'input', handle);
    on(input, 'change', handle);
    return input;
  }

  /** Radios: React's onChange for radios fires from click, after the browser toggled `checked`. */
  function controlledRadio(input, onSelect) {
    var tracked = nativeChecked.get.call(input);
    Object.defineProperty(input, 'checked', {
      configurable: true,
      get: function () {
        return nativeChecked.get.call(this);
      },
      set: function (v) {
        tracked = Boolean(v);
        nativeChecked.set.call(this, v);
      },
    });
    on(input, 'click', function () {
      var current = nativeChecked.get.call(input);
      if (current === tracked) return;
      tracked = current;
      if (current) onSelect(input.getAttribute('value'));
    });
    return input;
  }

  /**
   * X's text field: a <label> wrapping a floating label text and the input; no placeholder.
   * @returns {{ field: HTMLElement, input: HTMLInputElement, value: () => string }}
   */
  function textField(label, attrs, onValue, opts) {
    opts = opts || {};
    var state = { value: attrs.value || '', focused: false };
    var labelSpan = h('span', { class: spanClass() }, label);
    var labelText = h('div', { dir: 'ltr', class: '' }, labelSpan);
    var input = h(
      'input',
      Object.assign({}, attrs, {
        class: 'r-30o5oe r-1dz5y72 r-13qz1uu r-1niwhzg r-17gur6a r-1yadl64 r-deolkf r-homxoj r-poiln3 r-7cikom r-1ny4l3l r-t60dpp r-fdjqy7 ' + sx({ border: '0px', outline: 'none', backgroundColor: 'transparent', fontSize: '17px', padding: '0px', width: '100%', color: attrs.disabled ? GREY : INK }),
        value: state.value,
      })
    );
    var field = h(
      'label',
      { class: '' },
      h(
        'div',
        { class: view({ flexGrow: '1' }) },
        h('div', { class: view({ position: 'absolute', top: '0px', left: '0px', right: '0px', bottom: '0px', flexDirection: 'row', paddingLeft: '8px', paddingRight: '8px' }) }, h('div', { class: view({ flexDirection: 'row', flexGrow: '1' }) }, labelText)),
        h('div', { class: view({ flexDirection: 'row', paddingTop: '26px', paddingLeft: '8px', paddingRight: '8px', paddingBottom: '8px' }) }, h('div', { dir: 'auto', class: textClass({ flexGrow: '1', display: 'flex' }) }, input), opts.trailing || null)
      )
    );
    function paint() {
      var up = state.focused || state.value !== '';
      labelText.setAttribute('class', textClass(up ? { fontSize: '13px', paddingTop: '8px', color: state.focused ? BLUE : GREY } : { fontSize: '17px', paddingTop: '16px', color: GREY }));
      field.setAttribute('class', view({ borderWidth: state.focused ? '2px' : '1px', borderStyle: 'solid', borderColor: state.focused ? BLUE : LINE, borderRadius: '4px', marginTop: '12px', marginBottom: '12px', backgroundColor: attrs.disabled ? 'rgb(247,249,249)' : 'transparent' }));
    }
    controlled(input, function (v) {
      state.value = v;
      paint();
      onValue(v);
    });
    on(input, 'focus', function () {
      state.focused = true;
      paint();
    });
    on(input, 'blur', function () {
      state.focused = false;
      paint();
    });
    paint();
    return {
      field: field,
      input: input,
      value: function () {
        return state.value;
      },
    };
  }

  /** X's pill button. variant 'div' draws the older <div role="button">. */
  function pillButton(label, opts) {
    opts = opts || {};
    var primary = opts.style !== 'secondary';
    var label2 = h('span', { class: spanClass() }, label);
    var inner = h('div', { dir: 'ltr', class: textClass({ color: primary ? 'rgb(255,255,255)' : INK, fontWeight: '700', textAlign: 'center', display: 'flex', justifyContent: 'center' }) }, h('span', { class: spanClass() }, label2));
    var base = { minHeight: opts.large ? '52px' : '36px', borderRadius: '9999px', paddingLeft: '24px', paddingRight: '24px', alignItems: 'center', justifyContent: 'center', marginTop: '12px', marginBottom: '12px', cursor: 'pointer', borderWidth: '1px', borderStyle: 'solid', outlineStyle: 'none', transitionProperty: 'background-color, box-shadow', transitionDuration: '0.2s' };
    var attrs = { role: 'button', 'data-testid': opts.testid || null };
    var el = opts.variant === 'div' ? h('div', Object.assign(attrs, { tabindex: '0' }), inner) : h('button', Object.assign(attrs, { type: 'button' }), inner);
    if (opts.ariaLabel) el.setAttribute('aria-label', opts.ariaLabel);
    var enabled = true;
    function paint() {
      el.setAttribute('class', view(Object.assign({}, base, { opacity: enabled ? '1' : '0.5', cursor: enabled ? 'pointer' : 'default' })));
      el.setAttribute('style', primary ? 'background-color: rgb(15, 20, 25); border-color: rgba(0, 0, 0, 0);' : 'border-color: rgb(207, 217, 222); background-color: rgba(0, 0, 0, 0);');
    }
    function setEnabled(next) {
      enabled = Boolean(next);
      if (enabled) {
        el.removeAttribute('aria-disabled');
        if (el.tagName === 'BUTTON') el.removeAttribute('disabled');
        el.setAttribute('tabindex', '0');
      } else {
        el.setAttribute('aria-disabled', 'true');
        if (el.tagName === 'BUTTON') el.setAttribute('disabled', '');
        el.setAttribute('tabindex', '-1');
      }
      paint();
    }
    on(el, 'click', function (event) {
      if (!enabled) return;
      event.preventDefault();
      if (opts.onPress) opts.onPress();
    });
    on(el, 'keydown', function (event) {
      if (el.tagName !== 'BUTTON' && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        if (enabled && opts.onPress) opts.onPress();
      }
    });
    setEnabled(opts.enabled !== false);
    return {
      el: el,
      setEnabled: setEnabled,
      isEnabled: function () {
        return enabled;
      },
    };
  }

  function iconButton(label, path, testid, onPress) {
    var el = h('button', { 'aria-label': label, role: 'button', type: 'button', 'data-testid': testid || null, class: view({ minHeight: '36px', minWidth: '36px', borderRadius: '9999px', alignItems: 'center', justifyContent: 'center', borderWidth: '0px', backgroundColor: 'rgba(0,0,0,0)', cursor: 'pointer' }) }, h('div', { dir: 'ltr', class: textClass({ display: 'flex' }) }, icon(path)));
    on(el, 'click', function (event) {
      event.preventDefault();
      onPress();
    });
    return el;
  }

  /** Renders X's rich text ({ text, entities }) with its links. */
  function richText(rt, style, onSubtaskLink) {
    var str = (rt && rt.text) || '';
    var entities = ((rt && rt.entities) || []).slice().sort(function (a, b) {
      return a.from_index - b.from_index;
    });
    var outer = h('span', { class: spanClass() });
    var at = 0;
    entities.forEach(function (entity) {
      if (entity.from_index > at) append(outer, h('span', { class: spanClass() }, str.slice(at, entity.from_index)));
      var linkText = str.slice(entity.from_index, entity.to_index);
      var nav = entity.navigation_link || {};
      var a;
      if (nav.link_type === 'subtask') {
        a = h('a', { href: '/i/flow/login', role: 'link', dir: 'ltr', class: textClass({ color: BLUE, cursor: 'pointer', textDecorationLine: 'none' }) }, h('span', { class: spanClass() }, linkText));
        on(a, 'click', function (event) {
          event.preventDefault();
          if (onSubtaskLink) onSubtaskLink(nav);
        });
      } else {
        a = h('a', { href: nav.url || '#', rel: 'noopener noreferrer nofollow', target: '_blank', role: 'link', dir: 'ltr', class: textClass({ color: BLUE, cursor: 'pointer', textDecorationLine: 'none' }) }, h('span', { class: spanClass() }, linkText));
      }
      append(outer, a);
      at = entity.to_index;
    });
    if (at < str.length) append(outer, h('span', { class: spanClass() }, str.slice(at)));
    return h('div', { dir: 'ltr', class: textClass(Object.assign({ color: GREY }, style || {})) }, outer);
  }

  // ------------------------------------------------------------------ API

  function api(method, path, body) {
    return fetch(path, {
      method: method,
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-twitter-active-user': 'yes', 'x-twitter-client-language': LANG },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (raw) {
        var json = null;
        try {
          json = raw ? JSON.parse(raw) : null;
        } catch (e) {
          json = null;
        }
        return { ok: response.ok, status: response.status, json: json };
      });
    });
  }

  function wait(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  }

  // ------------------------------------------------------------------ layers, dialogs, toasts

  var layers = null;
  var toastHost = null;

  function makeLayers() {
    layers = h('div', { id: 'layers', class: sx({ position: 'fixed', top: '0px', left: '0px', right: '0px', bottom: '0px', zIndex: '0', pointerEvents: 'none' }) });
    toastHost = h('div', { class: view({ position: 'fixed', bottom: '0px', left: '0px', right: '0px', alignItems: 'center', pointerEvents: 'none' }), 'aria-live': 'assertive' });
    layers.appendChild(toastHost);
    return layers;
  }

  function showToast(message) {
    if (!toastHost) return;
    var toast = h('div', { 'data-testid': 'toast', role: 'alert', class: view({ backgroundColor: BLUE, borderRadius: '4px', marginBottom: '32px', paddingTop: '12px', paddingBottom: '12px', paddingLeft: '16px', paddingRight: '16px', pointerEvents: 'auto', maxWidth: '600px' }) }, h('div', { class: view({ flexDirection: 'row' }) }, text(message, { color: 'rgb(255,255,255)' })));
    toastHost.replaceChildren(toast);
    setTimeout(function () {
      if (toast.parentNode) toast.parentNode.removeChild(toast);
    }, CONFIG.toastMs || 6000);
  }

  /** A modal in #layers: mask + role="dialog" aria-modal + app bar; returns its parts. */
  function modal(opts) {
    var bar = h('div', { class: view({ flexDirection: 'row', alignItems: 'center', height: '53px', paddingLeft: '16px', paddingRight: '16px' }) });
    var content = h('div', { class: view({ flexGrow: '1', paddingLeft: opts.padded ? '80px' : '32px', paddingRight: opts.padded ? '80px' : '32px', paddingBottom: '16px', overflowY: 'auto' }) });
    var bottom = h('div', { class: view({ paddingLeft: opts.padded ? '80px' : '32px', paddingRight: opts.padded ? '80px' : '32px', paddingBottom: '24px' }) });
    var dialog = h(
      'div',
      { 'aria-labelledby': 'modal-header', 'aria-modal': 'true', role: 'dialog', class: view({ backgroundColor: 'rgb(255,255,255)', borderRadius: '16px', minHeight: '400px', maxHeight: '90vh', maxWidth: '80vw', height: '650px', width: '600px', pointerEvents: 'auto', flexShrink: '1' }) },
      h('div', { class: view({ flexGrow: '1', flexShrink: '1' }) }, bar, content, bottom)
    );
    var wrapper = h(
      'div',
      { class: view({ position: 'fixed', top: '0px', left: '0px', right: '0px', bottom: '0px', alignItems: 'center', justifyContent: 'center', pointerEvents: 'auto' }) },
      h('div', { class: view({ position: 'absolute', top: '0px', left: '0px', right: '0px', bottom: '0px', backgroundColor: 'rgba(0,0,0,0.4)' }) }),
      dialog
    );
    layers.insertBefore(wrapper, toastHost);
    return { wrapper: wrapper, dialog: dialog, bar: bar, content: content, bottom: bottom };
  }

  // ------------------------------------------------------------------ routing

  var currentPage = null; // { layout, teardown? }

  function navigate(path) {
    history.pushState({}, '', path);
    route();
  }

  window.addEventListener('popstate', route);

  function route() {
    var path = location.pathname;
    if (path === '/i/flow/login' || path === '/login') return renderLogin();
    if (path === '/home') return session ? renderHome() : navigate('/i/flow/login?redirect_after_login=%2Fhome');
    if (path === '/settings/account/login_verification' || path === '/settings/account/login_verification/backup_code') {
      if (!session) return navigate('/i/flow/login?redirect_after_login=' + encodeURIComponent(path));
      return renderSettings(path.slice(-12) === '/backup_code');
    }
    if (path === '/') return session ? navigate('/home') : renderLanding();
    return renderNotFound();
  }

  function freshRoot(layout) {
    root.replaceChildren();
    var app = h('div', { class: view({ flexGrow: '1', flexDirection: 'column' }) });
    root.appendChild(app);
    app.appendChild(makeLayers());
    currentPage = { layout: layout };
    return app;
  }

  // ------------------------------------------------------------------ landing (logged out)

  function renderLanding() {
    document.title = 'X';
    var app = freshRoot('landing');
    var signIn = h('a', { href: '/login', role: 'link', 'data-testid': 'loginButton', class: view({ borderWidth: '1px', borderStyle: 'solid', borderColor: LINE, borderRadius: '9999px', minHeight: '40px', alignItems: 'center', justifyContent: 'center', textDecorationLine: 'none', width: '300px' }) }, text(S.signInLink, { color: BLUE, fontWeight: '700' }));
    app.insertBefore(
      h('main', { role: 'main', class: view({ flexDirection: 'row', flexGrow: '1', alignItems: 'center', justifyContent: 'space-around', padding: '32px' }) }, h('div', { class: view({ height: '300px', width: '300px' }) }, icon(PATHS.logo, { height: '100%', width: '100%' })), h('div', { class: view({}) }, heading(S.happeningNow, 1, null, { fontSize: '64px', lineHeight: '84px' }), signIn)),
      layers
    );
  }

  function renderNotFound() {
    document.title = 'X';
    var app = freshRoot('notfound');
    app.insertBefore(h('main', { role: 'main', class: view({ padding: '40px', alignItems: 'center' }) }, text(S.pageNotFound, { color: GREY })), layers);
  }

  // ------------------------------------------------------------------ the login flow

  function renderLogin() {
    document.title = S.signInTitle + ' / X';
    var app = freshRoot('login');
    // Behind the modal: the logged-out page, hidden from assistive tech while the modal is open.
    app.insertBefore(h('div', { 'aria-hidden': 'true', class: view({ flexGrow: '1', alignItems: 'center', justifyContent: 'center' }) }, h('div', { class: view({ height: '300px', width: '300px', opacity: '0.1' }) }, icon(PATHS.logo, { height: '100%', width: '100%' }))), layers);
    var m = modal({ padded: true });
    m.bar.appendChild(h('div', { class: view({ minWidth: '56px', alignItems: 'flex-start' }) }, iconButton(S.close, PATHS.close, 'app-bar-close', function () {
      navigate('/');
    })));
    m.bar.appendChild(h('div', { class: view({ flexGrow: '1', alignItems: 'center' }) }, h('div', { class: view({ height: '32px', width: '32px' }) }, h('svg', { viewBox: '0 0 24 24', 'aria-label': 'X', role: 'img', class: sx({ height: '100%', fill: INK }) }, h('g', {}, h('path', { d: PATHS.logo }))))));
    m.bar.appendChild(h('div', { class: view({ minWidth: '56px' }) }));

    var params = new URLSearchParams(location.search);
    var flow = { token: null, subtasks: [], busy: false, identifier: '' };

    function mount(contentNodes, bottomNodes) {
      m.content.replaceChildren();
      m.bottom.replaceChildren();
      append(m.content, contentNodes);
      append(m.bottom, bottomNodes);
    }

    function loading() {
      mount([progressbar()], []);
    }

    function start() {
      loading();
      var inputFlowData = null;
      try {
        inputFlowData = params.get('input_flow_data') ? JSON.parse(params.get('input_flow_data')) : null;
      } catch (e) {
        inputFlowData = null;
      }
      api('POST', '/1.1/onboarding/task.json?flow_name=login', {
        input_flow_data: inputFlowData || { flow_context: { debug_overrides: {}, start_location: { location: 'manual_link' } } },
        subtask_versions: { action_list: 2, alert_dialog: 1, choice_selection: 3, enter_password: 5, enter_text: 5, js_instrumentation: 1, open_account: 2, settings_list: 7 },
      }).then(function (r) {
        if (r.ok) return next(r.json);
        showToast((r.json && r.json.errors && r.json.errors[0] && r.json.errors[0].message) || 'Something went wrong. Try reloading.');
      });
    }

    /** POSTs one subtask input; on success shows the next step, on error a toast (the step stays). */
    function submit(input, button) {
      if (flow.busy) return;
      flow.busy = true;
      if (button) button.setEnabled(false);
      api('POST', '/1.1/onboarding/task.json', { flow_token: flow.token, subtask_inputs: [input] }).then(function (r) {
        flow.busy = false;
        if (r.ok) {
          loading();
          return wait(CONFIG.stepDelayMs || 0).then(function () {
            next(r.json);
          });
        }
        if (button) button.setEnabled(true);
        var message = r.json && r.json.errors && r.json.errors[0] && r.json.errors[0].message;
        showToast(message || S.incorrect);
      }, function () {
        flow.busy = false;
        if (button) button.setEnabled(true);
        showToast('Something went wrong. Try reloading.');
      });
    }

    function next(json) {
      flow.token = json.flow_token;
      flow.subtasks = json.subtasks || [];
      var first = flow.subtasks[0];
      if (!first) return;
      switch (first.subtask_id) {
        case 'LoginJsInstrumentationSubtask':
          // X runs its instrumentation script here and posts the result; nothing to show.
          return submit({ subtask_id: first.subtask_id, js_instrumentation: { response: '{"rf":{},"s":"replica"}', link: 'next_link' } });
        case 'LoginEnterUserIdentifierSSO':
          return identifierStep(first);
        case 'LoginEnterPassword':
          return passwordStep(first);
        case 'LoginEnterAlternateIdentifierSubtask':
        case 'LoginTwoFactorAuthChallenge':
        case 'LoginAcid':
          return enterTextStep(first);
        case 'LoginSuccessSubtask':
          return finish(first);
        default:
          showToast('Something went wrong. Try reloading.');
      }
    }

    function subtask(id) {
      for (var i = 0; i < flow.subtasks.length; i++) if (flow.subtasks[i].subtask_id === id) return flow.subtasks[i];
      return null;
    }

    function identifierStep(st) {
      var list = st.settings_list;
      var settings = list.settings;
      var nodes = [h('div', { class: view({ marginTop: '20px', marginBottom: '20px' }) }, heading(list.header.primary_text.text, 1, 'modal-header'))];
      var nextBtn = null;
      var field = null;
      settings.forEach(function (s) {
        var data = s.value_data || {};
        if (s.value_type === 'button' && data.button.style === 'brand') {
          var b = pillButton(data.button.navigation_link.label, { style: 'secondary' });
          nodes.push(b.el);
        } else if (s.value_type === 'separator') {
          nodes.push(h('div', { class: view({ flexDirection: 'row', alignItems: 'center', marginTop: '4px', marginBottom: '4px' }) }, h('div', { class: view({ flexGrow: '1', height: '1px', backgroundColor: 'rgb(239,243,244)' }) }), text(data.separator.label.text, { paddingLeft: '4px', paddingRight: '4px' }), h('div', { class: view({ flexGrow: '1', height: '1px', backgroundColor: 'rgb(239,243,244)' }) })));
        } else if (s.value_type === 'text_field') {
          field = textField(data.text_field.hint_text, { autocapitalize: 'sentences', autocomplete: 'username', autocorrect: 'on', name: 'text', spellcheck: 'true', type: 'text', dir: 'auto', value: '' }, function (v) {
            if (nextBtn) nextBtn.setEnabled(v.trim() !== '');
          });
          on(field.input, 'keydown', function (event) {
            if (event.key === 'Enter' && nextBtn && nextBtn.isEnabled()) go();
          });
          nodes.push(h('div', { class: view({}) }, field.field));
        } else if (s.value_type === 'button' && s.value_identifier === 'next_button') {
          nextBtn = pillButton(data.button.navigation_link.label, { onPress: go, enabled: false });
          nodes.push(nextBtn.el);
        } else if (s.value_type === 'button') {
          nodes.push(pillButton(data.button.navigation_link.label, { style: 'secondary' }).el);
        }
      });
      nodes.push(h('div', { class: view({ marginTop: '40px' }) }, richText(list.detail_text)));
      function go() {
        flow.identifier = field.value().trim();
        submit({ subtask_id: st.subtask_id, settings_list: { setting_responses: [{ key: 'user_identifier', response_data: { text_data: { result: flow.identifier } } }], link: 'next_link' } }, nextBtn);
      }
      mount([h('div', { class: view({ maxWidth: '364px', width: '100%', alignSelf: 'center' }) }, nodes)], []);
      field.input.focus();
    }

    function passwordStep(st) {
      var ep = st.enter_password;
      var login = null;
      var reveal = null;
      var pw = textField(ep.password_field.hint_text, { autocapitalize: 'sentences', autocomplete: 'current-password', autocorrect: 'on', name: 'password', spellcheck: 'true', type: 'password', dir: 'auto', value: '' }, function (v) {
        login.setEnabled(v !== '');
      }, {
        trailing: (reveal = iconButton(ep.reveal_password_label || 'Reveal password', PATHS.eye, null, function () {
          pw.input.setAttribute('type', pw.input.getAttribute('type') === 'password' ? 'text' : 'password');
        })),
      });
      var user = textField(ep.username_hint || 'Username', { autocapitalize: 'sentences', autocomplete: 'username', autocorrect: 'on', disabled: true, spellcheck: 'true', type: 'text', dir: 'auto', value: ep.username || flow.identifier }, function () {});
      login = pillButton(ep.next_link.label, { testid: 'LoginForm_Login_Button', large: true, enabled: false, onPress: go });
      on(pw.input, 'keydown', function (event) {
        if (event.key === 'Enter' && login.isEnabled()) go();
      });
      function go() {
        submit({ subtask_id: st.subtask_id, enter_password: { password: pw.value(), link: 'next_link' } }, login);
      }
      mount(
        [h('div', { class: view({ marginTop: '20px', marginBottom: '8px' }) }, heading(ep.primary_text.text, 1, 'modal-header')), user.field, pw.field, h('div', { class: view({ marginTop: '4px' }) }, richText(ep.password_field.detail_text, { fontSize: '13px' }))],
        [login.el, h('div', { class: view({ marginTop: '8px' }) }, richText(ep.footer.footnote_text))]
      );
      void reveal;
      pw.input.focus();
    }

    /** X's generic enter-text component: unusual activity, 2FA (app/backup) and the e-mailed code. */
    function enterTextStep(st) {
      var et = st.enter_text;
      var legacy = st.replica_variant && st.replica_variant.next_button === 'div';
      var nextBtn = pillButton(et.next_link.label, { testid: 'ocfEnterTextNextButton', large: true, enabled: false, variant: legacy ? 'div' : 'button', onPress: go });
      var attrs = { 'data-testid': 'ocfEnterTextTextInput', name: 'text', type: 'text', autocomplete: 'on', dir: 'auto', autocapitalize: 'none', autocorrect: 'off', spellcheck: 'false', value: '' };
      if (et.keyboard_type === 'number') attrs.inputmode = 'numeric';
      // Attribute order as X renders it: data-testid, name, type, autocomplete, inputmode, dir, …
      var ordered = {};
      ['data-testid', 'name', 'type', 'autocomplete', 'inputmode', 'dir', 'autocapitalize', 'autocorrect', 'spellcheck', 'value'].forEach(function (k) {
        if (k in attrs) ordered[k] = attrs[k];
      });
      var field = textField(et.hint_text, ordered, function (v) {
        nextBtn.setEnabled(v !== '');
      });
      on(field.input, 'keydown', function (event) {
        if (event.key === 'Enter' && nextBtn.isEnabled()) go();
      });
      function go() {
        submit({ subtask_id: st.subtask_id, enter_text: { text: field.value(), link: 'next_link' } }, nextBtn);
      }
      var header = [h('div', { class: view({ marginTop: '20px', marginBottom: '8px' }) }, heading(et.header.primary_text.text, 1, 'modal-header'))];
      if (et.header.secondary_text) header.push(h('div', { class: view({ marginBottom: '12px' }) }, text(et.header.secondary_text.text, { color: GREY })));
      var detail = et.detail_text
        ? h('div', { class: view({ marginTop: '4px' }) }, richText(et.detail_text, {}, function (nav) {
            if (nav.subtask_id === 'LoginTwoFactorAuthChooseMethod') choiceStep(subtask('LoginTwoFactorAuthChooseMethod'));
          }))
        : null;
      mount([header, h('div', { class: view({}) }, field.field), detail], [nextBtn.el]);
      field.input.focus();
    }

    function choiceStep(st) {
      if (!st) return;
      var cs = st.choice_selection;
      var selected = null;
      var nextBtn = pillButton(cs.next_link.label, { testid: 'ChoiceSelectionNextButton', large: true, enabled: false, onPress: go });
      var rows = cs.choices.map(function (choice) {
        var radio = h('input', { type: 'radio', name: 'single-choice', value: choice.id, class: sx({ height: '20px', width: '20px', margin: '0px', cursor: 'pointer' }) });
        controlledRadio(radio, function (value) {
          selected = value;
          nextBtn.setEnabled(true);
        });
        return h('label', { class: view({ flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', paddingTop: '12px', paddingBottom: '12px', cursor: 'pointer' }) }, h('div', { class: view({ flexShrink: '1' }) }, text(choice.text.text)), h('div', { class: view({ paddingLeft: '20px' }) }, radio));
      });
      function go() {
        if (selected === null) return;
        submit({ subtask_id: st.subtask_id, choice_selection: { link: 'next_link', selected_choices: [selected] } }, nextBtn);
      }
      mount([h('div', { class: view({ marginTop: '20px', marginBottom: '12px' }) }, heading(cs.primary_text.text, 1, 'modal-header')), h('div', { class: view({}) }, rows)], [nextBtn.el]);
    }

    function finish(st) {
      var user = st.open_account && st.open_account.user;
      if (user) session = { handle: user.screen_name, name: user.name, id_str: user.id_str };
      var after = params.get('redirect_after_login');
      var target = after && after.charAt(0) === '/' && after.charAt(1) !== '/' ? after : '/home';
      navigate(target);
    }

    start();
  }

  // ------------------------------------------------------------------ the logged-in app

  function avatar(handle, size) {
    var hue = parseInt(fnv(handle || 'x'), 36) % 360;
    var svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 40'><circle cx='20' cy='20' r='20' fill='hsl(" + hue + ",60%,55%)'/></svg>";
    return h('div', { 'data-testid': 'UserAvatar-Container-' + handle, class: view({ height: size + 'px', width: size + 'px', borderRadius: '9999px', overflow: 'hidden' }) }, h('img', { alt: '', draggable: 'false', src: 'data:image/svg+xml,' + encodeURIComponent(svg), class: IMG + ' ' + sx({ height: '100%', width: '100%' }) }));
  }

  function navLink(href, label, testid, path, ariaLabel) {
    return h('a', { href: href, 'aria-label': ariaLabel || label, role: 'link', 'data-testid': testid, class: view({ flexDirection: 'row', alignItems: 'center', padding: '12px', borderRadius: '9999px', textDecorationLine: 'none', color: INK }) }, h('div', { class: view({}) }, icon(path, { height: '26px', width: '26px' })), h('div', { dir: 'ltr', class: textClass({ fontSize: '20px', lineHeight: '24px', marginLeft: '20px', marginRight: '16px' }) }, h('span', { class: spanClass() }, label)));
  }

  function sideNav() {
    var s = session || { handle: '', name: '' };
    var switcher = h(
      'button',
      { 'aria-label': S.accountMenu, role: 'button', type: 'button', 'data-testid': 'SideNav_AccountSwitcher_Button', class: view({ flexDirection: 'row', alignItems: 'center', padding: '12px', borderRadius: '9999px', borderWidth: '0px', backgroundColor: 'rgba(0,0,0,0)', cursor: 'pointer', marginTop: '12px', marginBottom: '12px', textAlign: 'left' }) },
      h('div', { class: view({}) }, avatar(s.handle, 40)),
      h(
        'div',
        { class: view({ flexShrink: '1', flexGrow: '1', marginLeft: '12px', marginRight: '12px' }) },
        h('div', { class: view({}) }, h('div', { dir: 'ltr', class: textClass({ fontWeight: '700' }) }, h('span', { class: spanClass() }, h('span', { class: spanClass() }, s.name)))),
        h('div', { class: view({}) }, h('div', { dir: 'ltr', tabindex: '-1', class: textClass({ color: GREY }) }, h('span', { class: spanClass() }, '@' + s.handle)))
      ),
      h('div', { class: view({}) }, icon(PATHS.dots))
    );
    return h(
      'header',
      { role: 'banner', class: view({ width: '275px', alignItems: 'flex-end', flexShrink: '0' }) },
      h(
        'div',
        { class: view({ width: '259px', height: '100vh', position: 'sticky', top: '0px', justifyContent: 'space-between', paddingLeft: '8px', paddingRight: '8px' }) },
        h(
          'div',
          { class: view({}) },
          h('h1', { role: 'heading', class: sx({ margin: '0px' }) }, h('a', { href: '/home', 'aria-label': 'X', role: 'link', class: view({ padding: '12px' }) }, icon(PATHS.logo, { height: '30px', width: '30px' }))),
          h(
            'nav',
            { 'aria-label': 'Primary', role: 'navigation', class: view({}) },
            navLink('/home', S.home, 'AppTabBar_Home_Link', PATHS.home),
            navLink('/explore', S.explore, 'AppTabBar_Explore_Link', PATHS.search, 'Search and explore'),
            navLink('/notifications', S.notifications, 'AppTabBar_Notifications_Link', PATHS.bell),
            navLink('/messages', S.messages, 'AppTabBar_DirectMessage_Link', PATHS.mail),
            navLink('/' + s.handle, S.profile, 'AppTabBar_Profile_Link', PATHS.person),
            h('button', { 'aria-label': 'More menu items', role: 'button', type: 'button', 'data-testid': 'AppTabBar_More_Menu', class: view({ flexDirection: 'row', alignItems: 'center', padding: '12px', borderWidth: '0px', backgroundColor: 'rgba(0,0,0,0)' }) }, icon(PATHS.dots, { height: '26px', width: '26px' }), text(S.more, { fontSize: '20px', marginLeft: '20px' }))
          ),
          h('a', { href: '/compose/post', 'aria-label': S.post, role: 'link', 'data-testid': 'SideNav_NewTweet_Button', class: view({ backgroundColor: INK, borderRadius: '9999px', minHeight: '52px', alignItems: 'center', justifyContent: 'center', marginTop: '16px', textDecorationLine: 'none', width: '90%' }) }, text(S.post, { color: 'rgb(255,255,255)', fontWeight: '700', fontSize: '17px' }))
        ),
        switcher
      )
    );
  }

  function appLayout(layout, primary) {
    var app = freshRoot(layout);
    var main = h('main', { role: 'main', class: view({ flexGrow: '1', alignItems: 'flex-start' }) }, h('div', { class: view({ width: '990px', flexDirection: 'row', justifyContent: 'space-between' }) }, primary, h('div', { 'data-testid': 'sidebarColumn', class: view({ width: '350px', paddingTop: '12px' }) }, h('form', { 'aria-label': 'Search', role: 'search', class: view({}) }, h('input', { 'aria-label': 'Search query', autocomplete: 'off', autocorrect: 'off', placeholder: 'Search', role: 'combobox', spellcheck: 'false', enterkeyhint: 'search', type: 'text', dir: 'auto', 'data-testid': 'SearchBox_Search_Input', value: '', class: sx({ borderRadius: '9999px', borderWidth: '1px', borderStyle: 'solid', borderColor: LINE, padding: '10px 16px', fontSize: '15px' }) })))));
    var row = h('div', { class: view({ flexDirection: 'row', flexGrow: '1', justifyContent: 'center' }) }, sideNav(), main);
    app.insertBefore(row, layers);
    return app;
  }

  function renderHome() {
    document.title = S.home + ' / X';
    var s = session;
    var tweets = [
      ['Sparekey Replica', 'sparekey_replica', 'Generate new backup codes while you can still log in.'],
      ['X Safety', 'XSafety', 'You can generate up to five active backup codes. Use them in the order you generated them.'],
      ['Replica News', 'replica_news', 'This timeline is a test replica of X, served locally.'],
    ].map(function (t, i) {
      return h(
        'article',
        { 'aria-labelledby': 'id__t' + i, role: 'article', tabindex: '0', 'data-testid': 'tweet', class: view({ flexDirection: 'row', paddingTop: '12px', paddingBottom: '12px', paddingLeft: '16px', paddingRight: '16px', borderBottomWidth: '1px', borderBottomStyle: 'solid', borderBottomColor: 'rgb(239,243,244)' }) },
        h('div', { class: view({ marginRight: '8px' }) }, avatar(t[1], 40)),
        h('div', { class: view({ flexGrow: '1' }) }, h('div', { 'data-testid': 'User-Name', class: view({ flexDirection: 'row' }) }, text(t[0], { fontWeight: '700' }), text(' @' + t[1], { color: GREY })), h('div', { 'data-testid': 'tweetText', lang: 'en', dir: 'auto', id: 'id__t' + i, class: textClass({}) }, h('span', { class: spanClass() }, t[2])))
      );
    });
    var tab = function (label, selected) {
      return h('div', { role: 'presentation', class: view({ flexGrow: '1' }) }, h('a', { href: '/home', role: 'tab', 'aria-selected': selected ? 'true' : 'false', tabindex: selected ? '0' : '-1', class: view({ alignItems: 'center', paddingTop: '16px', paddingBottom: '16px', textDecorationLine: 'none' }) }, text(label, { fontWeight: selected ? '700' : '500', color: selected ? INK : GREY })));
    };
    var primary = h(
      'div',
      { 'data-testid': 'primaryColumn', class: view({ width: '600px', borderLeftWidth: '1px', borderRightWidth: '1px', borderStyle: 'solid', borderColor: 'rgb(239,243,244)', minHeight: '100vh' }) },
      h('div', { class: view({ position: 'sticky', top: '0px', backgroundColor: 'rgba(255,255,255,0.85)' }) }, h('div', { class: view({ paddingLeft: '16px', height: '53px', justifyContent: 'center' }) }, heading(S.home, 2, null)), h('div', { role: 'tablist', 'data-testid': 'ScrollSnap-List', class: view({ flexDirection: 'row' }) }, tab(S.forYou, true), tab(S.following, false))),
      h('div', { class: view({ flexDirection: 'row', padding: '16px' }) }, avatar(s.handle, 40), h('div', { 'data-testid': 'tweetTextarea_0_label', class: view({ marginLeft: '8px', justifyContent: 'center' }) }, text(S.whatIsHappening, { fontSize: '20px', color: GREY }))),
      h('section', { 'aria-labelledby': 'accessible-list-0', role: 'region', class: view({}) }, h('h1', { dir: 'ltr', 'aria-level': '1', role: 'heading', id: 'accessible-list-0', class: sx({ position: 'absolute', height: '1px', width: '1px', overflow: 'hidden', clip: 'rect(1px, 1px, 1px, 1px)' }) }, 'Your Home Timeline'), h('div', { 'aria-label': 'Timeline: Your Home Timeline', class: view({}) }, tweets))
    );
    appLayout('home', primary);
  }

  function renderSettings(withBackupCode) {
    if (!currentPage || currentPage.layout !== 'settings') {
      var backLink = h('a', { href: '/settings/account', 'aria-label': S.back, role: 'link', 'data-testid': 'app-bar-back', class: view({ minWidth: '36px', minHeight: '36px', alignItems: 'center', justifyContent: 'center' }) }, icon(PATHS.back));
      var row = function (label, checked, id) {
        return h('label', { class: view({ flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', paddingLeft: '16px', paddingRight: '16px', paddingTop: '12px', paddingBottom: '12px' }) }, text(label), h('input', { type: 'checkbox', 'aria-describedby': 'CHECKBOX_' + id + '_LABEL', checked: checked || null, class: sx({ height: '20px', width: '20px' }) }));
      };
      var linkRow = function (href, label) {
        return h('a', { href: href, role: 'link', class: view({ flexDirection: 'row', alignItems: 'center', justifyContent: 'space-between', paddingLeft: '16px', paddingRight: '16px', paddingTop: '12px', paddingBottom: '12px', textDecorationLine: 'none' }) }, h('div', { class: view({ flexShrink: '1' }) }, text(label)), h('div', { class: view({ color: GREY }) }, icon(PATHS.chevron)));
      };
      var primary = h(
        'div',
        { 'data-testid': 'primaryColumn', class: view({ width: '600px', borderLeftWidth: '1px', borderRightWidth: '1px', borderStyle: 'solid', borderColor: 'rgb(239,243,244)', minHeight: '100vh' }) },
        h('div', { class: view({ flexDirection: 'row', alignItems: 'center', height: '53px', paddingLeft: '16px', paddingRight: '16px' }) }, h('div', { class: view({ minWidth: '56px' }) }, backLink), heading(S.twoFactorSettingsTitle, 2, null)),
        h('div', { class: view({}) }, row(S.textMessage, false, 1), row(S.authApp, true, 2), row(S.securityKey, false, 3)),
        h('div', { class: view({ borderTopWidth: '1px', borderTopStyle: 'solid', borderTopColor: 'rgb(239,243,244)', paddingTop: '12px' }) }, h('div', { class: view({ paddingLeft: '16px', paddingRight: '16px', paddingBottom: '8px' }) }, heading(S.additionalMethods, 2, null)), linkRow('/settings/account/login_verification/backup_code', S.backupCodes), linkRow('/settings/account/login_verification/temporary_password', S.temporaryPassword))
      );
      appLayout('settings', primary);
      currentPage.backupModal = null;
    }
    if (withBackupCode && !currentPage.backupModal) {
      currentPage.backupModal = backupCodeModal();
    } else if (!withBackupCode && currentPage.backupModal) {
      currentPage.backupModal.wrapper.remove();
      currentPage.backupModal = null;
    }
    document.title = (withBackupCode ? S.backupTitle : S.twoFactorSettingsTitle) + ' / X';
  }

  /** /settings/account/login_verification/backup_code: one code, "Copy code", "Generate a new code". */
  function backupCodeModal() {
    var m = modal({ padded: false });
    m.bar.appendChild(h('div', { class: view({ minWidth: '56px', alignItems: 'flex-start' }) }, iconButton(S.back, PATHS.back, 'app-bar-back', function () {
      navigate('/settings/account/login_verification');
    })));
    m.bar.appendChild(h('div', { class: view({ flexGrow: '1' }) }, heading(S.backupTitle, 2, 'modal-header')));
    m.content.appendChild(progressbar());
    var codeText = document.createTextNode('');
    var current = '';
    var generate = null;

    function show(code) {
      current = code;
      // React updates the existing text node in place.
      codeText.nodeValue = String(code).match(/.{1,4}/g).join(' ');
    }

    api('GET', '/1.1/account/backup_code.json').then(function (r) {
      var code = r.ok && r.json && r.json.codes && r.json.codes[0];
      if (!code) {
        m.content.replaceChildren(text('Something went wrong. Try reloading.'));
        return;
      }
      show(code);
      var copy = pillButton(S.copyCode, {
        style: 'secondary',
        large: true,
        onPress: function () {
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(current).then(function () {
              showToast(S.copied);
            }, function () {});
          }
        },
      });
      generate = pillButton(S.generateCode, {
        large: true,
        onPress: function () {
          generate.setEnabled(false);
          api('POST', '/1.1/account/backup_code.json').then(function (g) {
            generate.setEnabled(true);
            var fresh = g.ok && g.json && g.json.codes && g.json.codes[0];
            if (fresh) show(fresh);
            else showToast('Something went wrong. Try reloading.');
          });
        },
      });
      m.content.replaceChildren(
        h('div', { class: view({ marginTop: '12px', marginBottom: '20px' }) }, text(S.backupIntro, { color: GREY })),
        h('div', { class: view({ alignItems: 'center', marginTop: '12px', marginBottom: '12px' }) }, h('div', { dir: 'ltr', class: textClass({ fontWeight: '700', fontSize: '23px', lineHeight: '28px', textAlign: 'center' }) }, h('span', { class: spanClass() }, codeText))),
        h('div', { class: view({ marginTop: '12px', marginBottom: '12px' }) }, text(S.backupOnce, { color: GREY }))
      );
      m.bottom.replaceChildren(copy.el, generate.el);
    });
    return m;
  }

  route();
})();
