// The corpus page's script: sorts the sources table when a column header
// is clicked, filters it by the text in the box. Without it the page is
// complete, only static. Nothing is fetched.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var table = document.getElementById('sources');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var rows = Array.prototype.slice.call(body.rows);
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');

  function cellValue(row, i, kind) {
    var t = row.cells[i].textContent;
    if (kind === 'num') {
      var n = parseFloat(t);
      return isNaN(n) ? -Infinity : n;
    }
    return t.toLowerCase();
  }

  // Numbers sort most first, text A to Z; a second click reverses. Equal
  // cells keep the table order (rows are compared by their first place).
  function sortBy(i) {
    var th = heads[i], kind = th.getAttribute('data-sort');
    var was = th.getAttribute('aria-sort');
    var desc = was === 'none' ? kind === 'num' : was === 'ascending';
    heads.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
    var keyed = rows.map(function (r, at) { return { r: r, v: cellValue(r, i, kind), at: at }; });
    keyed.sort(function (a, b) {
      if (a.v < b.v) return desc ? 1 : -1;
      if (a.v > b.v) return desc ? -1 : 1;
      return a.at - b.at;
    });
    keyed.forEach(function (k) { body.appendChild(k.r); });
  }

  function filter() {
    var q = input.value.trim().toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) n += 1;
    });
    shown.textContent = n + ' of ' + rows.length + ' rows';
  }

  heads.forEach(function (th, i) {
    var b = th.querySelector('button');
    if (b) b.addEventListener('click', function () { sortBy(i); });
  });
  input.addEventListener('input', filter);
  input.parentNode.parentNode.hidden = false;
  filter();
})();
