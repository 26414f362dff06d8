/* Worksheets: keep the reader's answers in this browser only (localStorage), restore them on the next
   visit, clear them on request, and print. Nothing is sent anywhere; no cookies. Runs only on pages
   that have a worksheet form. */
(function () {
  "use strict";

  var form = document.querySelector("form.ws-form[data-worksheet]");
  if (!form) return;

  var prefix = "closer:worksheet:" + form.getAttribute("data-worksheet") + ":";
  var status = document.querySelector(".ws-status");
  var store = usableStorage();

  function usableStorage() {
    try {
      var s = window.localStorage;
      s.setItem(prefix + "probe", "1");
      s.removeItem(prefix + "probe");
      return s;
    } catch (err) {
      return null;
    }
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function keyOf(el) {
    return prefix + el.name;
  }

  function restore() {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var value = store.getItem(keyOf(el));
      if (value === null) return;
      if (el.type === "checkbox") el.checked = value === el.value;
      else if (el.type === "radio") el.checked = value === el.value;
      else el.value = value;
    });
  }

  function save(el) {
    if (!el.name) return;
    var key = keyOf(el);
    try {
      if (el.type === "checkbox") {
        if (el.checked) store.setItem(key, el.value);
        else store.removeItem(key);
      } else if (el.type === "radio") {
        if (el.checked) store.setItem(key, el.value);
      } else if (el.value) {
        store.setItem(key, el.value);
      } else {
        store.removeItem(key);
      }
    } catch (err) {
      say("This browser could not save your last answer (its storage may be full). You can still print.");
    }
  }

  function clearAll() {
    if (!window.confirm("Clear all your answers on this worksheet? This cannot be undone.")) return;
    var keys = [];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(prefix) === 0) keys.push(key);
    }
    keys.forEach(function (key) { store.removeItem(key); });
    form.reset();
    say("Your answers are cleared from this device.");
  }

  /* Browsers without CSS field-sizing print a textarea at its screen size: grow each one to fit its
     text before printing, so every typed word reaches the paper. */
  function fitForPrint() {
    if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) return;
    Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (el) {
      el.style.height = "auto";
      el.style.height = el.scrollHeight + "px";
    });
  }

  function unfit() {
    Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (el) {
      el.style.height = "";
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("beforeprint", fitForPrint);
  window.addEventListener("afterprint", unfit);

  var printButton = document.querySelector("[data-ws-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  if (!store) {
    say("This browser is not letting the page save anything, so your answers will be lost when you leave. You can still print them.");
    return;
  }
  restore();
  form.addEventListener("input", function (event) { save(event.target); });
  form.addEventListener("change", function (event) { save(event.target); });
  var clearButton = document.querySelector("[data-ws-clear]");
  if (clearButton) {
    clearButton.hidden = false;
    clearButton.addEventListener("click", clearAll);
  }
})();
