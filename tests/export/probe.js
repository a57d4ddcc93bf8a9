// Measures a page as a reader sees it, in the browser: every visible text's rendered font
// size (SVG text scaled by its transform), its colour against the background behind it
// (WCAG 2 contrast ratio), its box; then, for each owner key in window.PROBE_OWNERS, ticks
// that owner's filter and lists what stays visible.  The result goes, as JSON, into
// <pre id="probe"> for the test to read from the dumped DOM.
(function () {
  function rgb(s) {
    var m = s.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    var p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  }
  function lum(c) {
    var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  function bg(el) {
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var c = rgb(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  }
  function visible(el) {
    var r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (var e = el; e && e.nodeType === 1; e = e.parentElement) {
      var s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    return true;
  }
  var out = {width: innerWidth, scrollWidth: document.documentElement.scrollWidth, texts: []};
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var seen = new Set();
  while (walker.nextNode()) {
    var t = walker.currentNode;
    if (!t.data.trim()) continue;
    var el = t.parentElement;
    if (el.closest('title,desc,style,script')) continue;
    if (seen.has(el) || !visible(el)) continue;
    seen.add(el);
    var s = getComputedStyle(el);
    var size = parseFloat(s.fontSize);
    var fg, back;
    if (el instanceof SVGElement) {
      var ctm = el.getScreenCTM();
      size = size * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
      fg = rgb(s.fill);
      back = {r: 255, g: 255, b: 255, a: 1};
    } else {
      fg = rgb(s.color);
      back = bg(el);
    }
    var r = el.getBoundingClientRect();
    out.texts.push({text: t.data.trim().slice(0, 40), tag: el.tagName.toLowerCase(), cls: String(el.getAttribute('class') || ''),
      size: Math.round(size * 100) / 100, ratio: fg ? Math.round(ratio(fg, back) * 100) / 100 : 0,
      fg: s.color, bg: back, left: r.left, right: r.right, width: r.width});
  }
  out.filters = {};
  (window.PROBE_OWNERS || []).forEach(function (key) {
    var radio = document.getElementById('f-' + key);
    if (!radio) { out.filters[key] = null; return; }
    radio.checked = true;
    var shown = [], hidden = 0;
    document.querySelectorAll('main [data-owners]').forEach(function (el) {
      if (visible(el)) shown.push(el.getAttribute('data-owners')); else hidden += 1;
    });
    out.filters[key] = {shown: shown, hidden: hidden};
    document.getElementById('f-all').checked = true;
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
