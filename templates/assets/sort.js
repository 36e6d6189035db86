// Sortable tables: a button in each header of a table.sortable sorts its rows. The pages
// read fully without this script; it only adds sorting. Ships inside the site.
(function () {
  "use strict";
  function value(cell) {
    var text = cell.getAttribute("data-value");
    if (text === null) { text = cell.textContent.trim(); }
    var number = parseFloat(text.replace(/[,%\s]/g, ""));
    return isNaN(number) || !/^[-+]?[\d.,]+%?(\s|$)/.test(text) ? text : number;
  }
  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return String(a).localeCompare(String(b), "zh-Hans-CN");
  }
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var cx = x.cells[column], cy = y.cells[column];
      if (!cx || !cy) { return 0; }
      var order = compare(value(cx), value(cy));
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function enhance(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) { return; }
    Array.prototype.forEach.call(head.cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, header); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
  });
})();
