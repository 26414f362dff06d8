/* "Copy link to this section": the buttons are written at build time (hooks/copylink.py), hidden.
 * This script reveals them, copies the page's public address with the section's #anchor, and says
 * so in a live region. Where the clipboard is refused, it shows the link in a selected text field. */
(function () {
  "use strict";

  var COPIED = "Link copied";
  var status = null;
  var clearTimer = null;

  function pageAddress() {
    // The canonical link carries the public address (site_url), also when the page is read from a
    // preview or a saved copy; without one, the address in the bar.
    var canonical = document.querySelector('link[rel="canonical"]');
    return canonical && canonical.href ? canonical.href.split("#")[0] : location.href.split("#")[0];
  }

  function announce(message) {
    // Empty first, so a screen reader announces the same message again on a second copy.
    status.textContent = "";
    status.classList.add("is-visible");
    window.setTimeout(function () { status.textContent = message; }, 30);
    window.clearTimeout(clearTimer);
    clearTimer = window.setTimeout(function () {
      status.classList.remove("is-visible");
      status.textContent = "";
    }, 4000);
  }

  function showField(button, url) {
    var heading = button.closest("h2, h3, h4, h5, h6");
    var box = heading.nextElementSibling;
    if (!box || !box.classList.contains("closer-copylink-fallback")) {
      box = document.createElement("p");
      box.className = "closer-copylink-fallback";
      var field = document.createElement("input");
      field.type = "text";
      field.readOnly = true;
      field.setAttribute("aria-label", "Link to this section");
      field.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { box.remove(); button.focus(); }
      });
      box.appendChild(field);
      heading.insertAdjacentElement("afterend", box);
    }
    var input = box.querySelector("input");
    input.value = url;
    input.focus();
    input.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    announce(copied ? COPIED : "Copy the selected link: press Ctrl+C, or Command+C on a Mac");
  }

  function copy(button) {
    var url = pageAddress() + "#" + button.getAttribute("data-closer-anchor");
    var done = function () {
      button.classList.add("is-copied");
      window.setTimeout(function () { button.classList.remove("is-copied"); }, 2000);
      announce(COPIED);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(done, function () { showField(button, url); });
    } else {
      showField(button, url);
    }
  }

  function init() {
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
      status.className = "closer-copylink-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    document.querySelectorAll("button.closer-copylink[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.closer-copylink");
    if (button) {
      event.preventDefault();
      copy(button);
    }
  });

  window.closerOnEachPage(init);  // page.js: now, and on each page Material renders
})();
