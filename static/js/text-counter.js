// Under every bounded text box of the admin, how many characters it holds of how many it may: the database
// refuses more, so an editor sees the limit coming instead of meeting it on saving.
(function () {
  "use strict";

  function counterFor(box) {
    var id = box.id + "-count";
    var counter = document.getElementById(id);
    if (!counter) {
      counter = document.createElement("div");
      counter.id = id;
      counter.className = "help text-counter";
      // Below the box and its label, not beside them: a form row of the admin lays those out in a flex line.
      (box.closest(".flex-container") || box).insertAdjacentElement("afterend", counter);
      var described = box.getAttribute("aria-describedby");
      box.setAttribute("aria-describedby", described ? described + " " + id : id);
    }
    return counter;
  }

  function update(box) {
    var limit = Number(box.getAttribute("maxlength"));
    var used = box.value.length;
    var counter = counterFor(box);
    counter.textContent = used.toLocaleString() + " of " + limit.toLocaleString() + " characters";
    counter.classList.toggle("text-counter-near", used > limit * 0.9);
  }

  function updateAll(root) {
    root.querySelectorAll("textarea[maxlength]").forEach(function (box) {
      // The empty template row of an inline is copied when a row is added; it gets its counter then.
      if (box.id && box.id.indexOf("__prefix__") === -1) {
        update(box);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    updateAll(document);
  });
  document.addEventListener("formset:added", function (event) {
    updateAll(event.target);
  });
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[maxlength]")) {
      update(event.target);
    }
  });
})();
