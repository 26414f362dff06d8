/* The worksheet form (save, restore, clear, print) and, on the safety page, the choices and the
   "erase all my answers" button. Loaded only on those pages (macros/assets.py), after answers.js,
   whose window.closerAnswers keeps the answers: one key per field,
   "closer:worksheet:<worksheet>:<field>", in localStorage or, if the reader chose, sessionStorage. */
(function () {
  "use strict";

  var answers = window.closerAnswers;
  if (!answers) return;
  var ANSWERS = answers.PREFIX;
  var local = answers.local;
  var session = answers.session;
  var keys = answers.keys;

  /* "Don't keep my answers on this device": every such checkbox on the page shows the choice and
     changes it. Revealed only here, since without JavaScript nothing is saved anyway. */
  function bindSessionChoice(onChange) {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-closer-session-only]"), function (box) {
      box.checked = answers.sessionOnly();
      box.addEventListener("change", function () {
        answers.setSessionOnly(box.checked);
        if (onChange) onChange(box.checked);
      });
    });
  }

  function reveal(selector) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) { el.hidden = false; });
  }

  /* The safety page: the two choices and "erase all my answers". */
  var device = document.querySelector("[data-closer-device]");
  if (device) {
    var deviceStatus = device.querySelector("[data-closer-device-status]");
    var sayDevice = function (text) { if (deviceStatus) deviceStatus.textContent = text; };
    if (!local || !session) {
      device.hidden = false;
      Array.prototype.forEach.call(device.querySelectorAll("input, button"), function (el) { el.disabled = true; });
      sayDevice("This browser is not letting Closer store anything, so no answers are kept on this device.");
    } else {
      device.hidden = false;
      bindSessionChoice(function (on) {
        sayDevice(on
          ? "Done. From now on, your answers are kept only until you close the tab. Answers saved before are now in this tab only, and go when it closes."
          : "Done. Your answers are saved on this device again, so they will still be here next time.");
      });
      var exitBox = device.querySelector("input[data-closer-erase-on-exit]");
      if (exitBox) {
        exitBox.checked = answers.eraseOnExit();
        exitBox.addEventListener("change", function () {
          answers.setEraseOnExit(exitBox.checked);
          sayDevice(exitBox.checked
            ? "Done. Leaving quickly will now erase all your answers on this device too."
            : "Done. Leaving quickly will no longer erase your answers.");
        });
      }
      var eraseButton = device.querySelector("[data-closer-erase-all]");
      if (eraseButton) {
        eraseButton.addEventListener("click", function () {
          if (!window.confirm("Erase your answers to every Closer worksheet from this device? This cannot be undone.")) {
            sayDevice("Nothing was erased.");
            return;
          }
          var count = answers.eraseAll();
          sayDevice(count === 0
            ? "There were no saved answers on this device, so there was nothing to erase."
            : "Erased your answers to " + count + (count === 1 ? " worksheet" : " worksheets") + " from this device.");
        });
      }
    }
  }

  /* Both PDFs are always offered, A4 first. A reader whose browser language names a country that
     prints on US Letter (en-US, en-CA, es-US, es-MX, ...) gets the Letter file first. */
  var LETTER = ["US", "CA", "MX", "PR", "PH", "CO", "CL", "VE", "GT", "CR", "PA", "DO", "SV", "NI"];
  function letterFirst() {
    var lang = (navigator.languages && navigator.languages[0]) || navigator.language || "";
    var region = (lang.split("-")[1] || "").toUpperCase();
    return LETTER.indexOf(region) !== -1;
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-ws-pdfs]"), function (box) {
    var letter = box.querySelector('[data-ws-pdf="letter"]');
    if (letter && letterFirst()) box.insertBefore(letter, box.firstChild);
  });

  var form = document.querySelector("form.ws-form[data-worksheet]");
  if (!form) return;

  var worksheet = form.getAttribute("data-worksheet");
  var prefix = ANSWERS + worksheet + ":";
  var status = document.querySelector(".ws-status");

  function say(text) {
    if (status) status.textContent = text;
  }

  function keyOf(el) {
    return prefix + el.name;
  }

  /* The privacy note next to the fields says where this tab's answers are kept right now. */
  function showMode() {
    var mode = !answers.store() ? "none" : answers.sessionOnly() ? "tab" : "device";
    Array.prototype.forEach.call(document.querySelectorAll("[data-ws-mode]"), function (el) {
      el.hidden = el.getAttribute("data-ws-mode") !== mode;
    });
  }

  /* Show one stored value (null: none) in the fields with that name. */
  function show(el, value) {
    if (el.type === "checkbox" || el.type === "radio") el.checked = value !== null && value === el.value;
    else el.value = value === null ? "" : value;
  }

  function restore() {
    var store = answers.store();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var value = store.getItem(keyOf(el));
      if (value !== null) show(el, value);
    });
  }

  /* The same worksheet open in another tab: its changes show here at once, so this tab never writes
     an older answer over a newer one, and "Clear my answers" there clears this tab too. (Only
     localStorage tells other tabs; answers kept for one tab belong to that tab alone.) */
  function follow(event) {
    if (event.storageArea !== local || answers.sessionOnly()) return;
    if (event.key === null) {
      form.reset();
      return;
    }
    if (event.key.indexOf(prefix) !== 0) return;
    var name = event.key.slice(prefix.length);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name === name) show(el, event.newValue);
    });
    if (event.newValue === null && !keys(local, prefix).length) say("Your answers were cleared in another tab.");
  }

  function save(el) {
    var store = answers.store();
    if (!el.name || !store || answers.leaving) return;
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
    answers.clear(worksheet);
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

  showMode();
  if (!answers.store()) {
    say("This browser is not letting the page save anything, so your answers will be lost when you leave. You can still print them.");
    return;
  }
  restore();
  window.addEventListener("storage", follow);
  form.addEventListener("input", function (event) { save(event.target); });
  form.addEventListener("change", function (event) { save(event.target); });
  if (local && session) {
    reveal("[data-ws-keep]");
    bindSessionChoice(function (on) {
      showMode();
      say(on
        ? "Done. Your answers are now kept only until you close this tab, on every worksheet."
        : "Done. Your answers are saved on this device again, so they will still be here next time.");
    });
  }
  var clearButton = document.querySelector("[data-ws-clear]");
  if (clearButton) {
    clearButton.hidden = false;
    clearButton.addEventListener("click", clearAll);
  }
})();
