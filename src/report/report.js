
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var tip = document.getElementById('tip');
  var lit = [], current = null;
  function all(s, sel) { return s ? Array.prototype.slice.call(s.querySelectorAll(sel)) : []; }
  function sectionOf(el) { return el.closest('section.doc'); }
  function primary(m) {
    if (m.classList.contains('quote')) return m;
    var s = sectionOf(m);
    return (s && s.querySelector('mark.quote[data-index="' + m.getAttribute('data-index') + '"]')) || m;
  }
  function clear() {
    lit.forEach(function (el) { el.classList.remove('on'); el.classList.remove('dim'); });
    lit = [];
  }
  function light(els) { els.forEach(function (el) { el.classList.add('on'); lit.push(el); }); }
  function hide() {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
    clear();
  }
  function open(m) {
    var p = primary(m), d = p.dataset, s = sectionOf(p);
    tip.textContent = '';
    var dl = document.createElement('dl');
    function row(k, v) {
      if (!v) return;
      var dt = document.createElement('dt'); dt.textContent = k;
      var dd = document.createElement('dd'); dd.textContent = v;
      dl.appendChild(dt); dl.appendChild(dd);
    }
    row('Speaker', d.speaker ? d.speaker + (d.sid ? ' (' + d.sid + ')' : '') : 'unattributed');
    row('Type', d.type === 'none' ? '' : d.type);
    row('Descriptor', d.descriptor);
    row('Mention', d.mention);
    row('Cue', d.cue);
    row('Kind', d.kind);
    row('Rule', d.rule);
    row('Confidence', d.confidence);
    row('Record', '#' + d.index);
    tip.appendChild(dl);
    tip.hidden = false;
    clear();
    light(all(s, 'mark[data-index="' + d.index + '"]'));
    if (d.sid) light(all(s, 'tr[data-sid="' + d.sid + '"], g.bar[data-sid="' + d.sid + '"]'));
    if (current) current.removeAttribute('aria-describedby');
    current = m;
    m.setAttribute('aria-describedby', 'tip');
  }
  function place(m, x, y) {
    var r = m.getClientRects()[0] || m.getBoundingClientRect();
    var vw = root.clientWidth, vh = window.innerHeight;
    var left = x === undefined ? r.left : x + 14;
    var top = y === undefined ? r.bottom + 6 : y + 18;
    if (left + tip.offsetWidth > vw - 8) left = vw - 8 - tip.offsetWidth;
    if (top + tip.offsetHeight > vh - 8) top = (y === undefined ? r.top : y) - tip.offsetHeight - 8;
    tip.style.left = Math.max(8, left) + window.scrollX + 'px';
    tip.style.top = Math.max(8, top) + window.scrollY + 'px';
  }
  function markOf(t) { return t && t.closest ? t.closest('mark.quote, mark.qcont') : null; }
  function sourceOf(t) { return t && t.closest ? t.closest('tr[data-sid], g.bar[data-sid]') : null; }
  function showSource(el) {
    var s = sectionOf(el), sid = el.getAttribute('data-sid');
    clear();
    light(all(s, 'mark[data-sid="' + sid + '"], tr[data-sid="' + sid + '"], g.bar[data-sid="' + sid + '"]'));
    var a = s && s.querySelector('article.text');
    if (a) { a.classList.add('dim'); lit.push(a); }
  }
  document.addEventListener('mousemove', function (e) {
    var m = markOf(e.target);
    if (m) {
      if (m !== current) open(m);
      place(m, e.clientX, e.clientY);
      return;
    }
    if (current) hide();
    var src = sourceOf(e.target);
    if (src) showSource(src); else if (lit.length) clear();
  });
  document.addEventListener('focusin', function (e) {
    var m = markOf(e.target);
    if (m) { open(m); place(m); return; }
    hide();
    var src = sourceOf(e.target);
    if (src) showSource(src);
  });
  document.addEventListener('focusout', hide);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.jump');
    var t = a && document.getElementById(a.getAttribute('href').slice(1));
    if (t) { e.preventDefault(); t.scrollIntoView({ block: 'center' }); t.focus({ preventScroll: true }); }
  });
})();
