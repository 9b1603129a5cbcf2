// The query page: loads library examples and runs queries against the endpoint. Values are shown with
// textContent, never as HTML, and only http(s) IRIs are links.
(function () {
  var script = document.currentScript || document.querySelector('script[data-endpoint]');
  var endpoint = script.getAttribute('data-endpoint');
  var form = document.getElementById('query-form');
  var text = document.getElementById('query');
  var examples = document.getElementById('examples');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  examples.addEventListener('change', function () {
    if (!examples.value) { return; }
    fetch(examples.value).then(function (r) { return r.text(); }).then(function (q) { text.value = q; });
  });
  function cell(tag, value) {
    var el = document.createElement(tag);
    el.textContent = value;
    return el;
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run();
  });
  // /query?query=… opens with that query and runs it: a shareable link to a result
  var shared = new URLSearchParams(window.location.search).get('query');
  if (shared) { text.value = shared; run(); }
  function run() {
    status.textContent = 'Running…';
    results.textContent = '';
    var started = performance.now();
    fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                 'Accept': 'application/sparql-results+json, text/turtle;q=0.9' },
      body: new URLSearchParams({ query: text.value })
    }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      return r.text().then(function (body) { return { ok: r.ok, status: r.status, type: type, body: body }; });
    }).then(function (r) {
      var ms = Math.round(performance.now() - started);
      if (!r.ok) { status.textContent = 'Error ' + r.status; results.appendChild(cell('pre', r.body)); return; }
      if (r.type.indexOf('json') < 0) { status.textContent = 'Done in ' + ms + ' ms'; results.appendChild(cell('pre', r.body)); return; }
      var json = JSON.parse(r.body);
      if (json.boolean !== undefined) { status.textContent = 'Answer: ' + json.boolean + ' (' + ms + ' ms)'; return; }
      var vars = json.head.vars, rows = json.results.bindings;
      status.textContent = rows.length + ' result' + (rows.length === 1 ? '' : 's') + ' in ' + ms + ' ms';
      var table = document.createElement('table');
      var head = table.createTHead().insertRow();
      vars.forEach(function (v) { head.appendChild(cell('th', v)); });
      var body = table.createTBody();
      rows.forEach(function (b) {
        var tr = body.insertRow();
        vars.forEach(function (v) {
          var td = tr.insertCell(), t = b[v];
          if (!t) { return; }
          // a link only to a web address: a query (shared as /query?query=…) can bind any IRI, javascript: too
          if (t.type === 'uri' && /^https?:\/\//i.test(t.value)) {
            var a = cell('a', t.value); a.href = t.value; td.appendChild(a);
          } else { td.textContent = t.value; }
        });
      });
      results.appendChild(table);
    }).catch(function (err) { status.textContent = 'Failed: ' + err; });
  }
})();
