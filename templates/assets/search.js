// The search page: Pagefind's search box over the index in pagefind/ (made by the build).
// A page opened from disk (file://) cannot read the index: the page says so instead.
(function () {
  var box = document.getElementById('search');
  if (!box) return;
  if (location.protocol === 'file:') {
    document.getElementById('search-offline').hidden = false;
    return;
  }
  var bundle = box.getAttribute('data-bundle');
  var style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = bundle + 'pagefind-ui.css';
  document.head.appendChild(style);
  var script = document.createElement('script');
  script.src = bundle + 'pagefind-ui.js';
  script.onload = function () {
    // Results link from the site's root, wherever the site is served (e.g. /reports/).
    var root = new URL(box.getAttribute('data-root') || './', location.href).pathname;
    var ui = new PagefindUI({ element: '#search', bundlePath: bundle, baseUrl: root, showImages: false,
                              showSubResults: true });
    var asked = new URLSearchParams(location.search).get('q');
    if (asked) ui.triggerSearch(asked);
  };
  document.head.appendChild(script);
})();
