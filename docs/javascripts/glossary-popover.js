/* Glossary terms explain themselves in place (the links come from macros/glossary.py's Linker).
 *
 * Without this script a term is a plain link to its glossary entry. With it, the link becomes a button
 * that opens a small non-modal dialog with the term, its one-sentence definition (carried by the link
 * itself, in data-closer-term and data-closer-definition, so nothing is fetched) and a link to the
 * entry. A tap, click, Enter or Space opens it; Escape, a second tap on the term, a tap outside or
 * moving focus away closes it. Opening moves focus into the dialog, so a screen reader reads the term
 * and its definition; Escape brings focus back to the term. The dialog is inserted right after the term,
 * so Tab from it goes on through the text. A click with a modifier key still opens the glossary.
 * No inline handlers and no HTML from data: it runs under the site's Content-Security-Policy. */
(function () {
  "use strict";

  var TRIGGER = "a.closer-glossary-link[data-closer-definition]";
  var ID = "closer-term-popover";
  var GAP = 6;
  var MARGIN = 8;
  var popover = null;
  var termText = null;
  var definitionText = null;
  var more = null;
  var current = null;

  function part(tag, className, id) {
    var el = document.createElement(tag);
    el.className = className;
    if (id) el.id = id;
    return el;
  }

  function build() {
    popover = part("span", "closer-term-popover", ID);
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-labelledby", ID + "-term");
    popover.setAttribute("aria-describedby", ID + "-definition");
    popover.tabIndex = -1;
    popover.hidden = true;
    termText = part("span", "closer-term-popover__term", ID + "-term");
    definitionText = part("span", "closer-term-popover__definition", ID + "-definition");
    var actions = part("span", "closer-term-popover__actions");
    more = part("a", "closer-term-popover__more");
    more.textContent = "More in the glossary";
    var close = part("button", "closer-term-popover__close");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.setAttribute("data-closer-term-close", "");
    close.textContent = "\u00d7";
    actions.appendChild(more);
    popover.appendChild(termText);
    popover.appendChild(definitionText);
    popover.appendChild(actions);
    popover.appendChild(close);
    document.body.appendChild(popover);
  }

  function isOpen() {
    return !!(popover && !popover.hidden && current);
  }

  function place() {
    if (!isOpen()) return;
    var rects = current.getClientRects();
    var rect = rects.length ? rects[0] : current.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var height = window.innerHeight;
    var box = popover.getBoundingClientRect();
    var left = Math.max(MARGIN, Math.min(rect.left, width - box.width - MARGIN));
    var top = rect.bottom + GAP;
    if (top + box.height > height - MARGIN && rect.top - GAP - box.height >= MARGIN) {
      top = rect.top - GAP - box.height;
    }
    popover.style.left = Math.round(left) + "px";
    popover.style.top = Math.round(top) + "px";
  }

  function open(link) {
    if (current && current !== link) current.setAttribute("aria-expanded", "false");
    current = link;
    var term = link.getAttribute("data-closer-term") || link.textContent;
    termText.textContent = term.charAt(0).toUpperCase() + term.slice(1);  // as the glossary heads it
    definitionText.textContent = link.getAttribute("data-closer-definition");
    more.href = link.href;
    link.insertAdjacentElement("afterend", popover);
    popover.hidden = false;
    link.setAttribute("aria-expanded", "true");
    place();
    popover.focus({ preventScroll: true });
  }

  function close(returnFocus) {
    if (!isOpen()) return;
    var link = current;
    popover.hidden = true;
    link.setAttribute("aria-expanded", "false");
    current = null;
    if (returnFocus) link.focus();
  }

  function init() {
    if (!popover || !document.body.contains(popover)) build();
    document.querySelectorAll(TRIGGER).forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-controls", ID);
    });
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) return;
    var link = event.target.closest(TRIGGER);
    if (link) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (link === current && isOpen()) close(false);
      else open(link);
      return;
    }
    if (!isOpen()) return;
    if (event.target.closest("[data-closer-term-close]")) {
      close(true);
    } else if (!popover.contains(event.target)) {
      close(false);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      if (isOpen()) {
        event.preventDefault();
        close(true);
      }
      return;
    }
    // Space activates a button; the term is one while this script runs (Enter already clicks a link).
    if (event.key === " " && event.target.matches && event.target.matches(TRIGGER)) {
      event.preventDefault();
      event.target.click();
    }
  });

  // Focus that moves on, past the dialog or elsewhere, closes it; the term itself keeps it open.
  document.addEventListener("focusin", function (event) {
    if (isOpen() && event.target !== current && !popover.contains(event.target)) close(false);
  });

  window.addEventListener("resize", place);
  window.addEventListener("scroll", place, { passive: true });

  window.closerOnEachPage(init);  // page.js: now, and on each page Material renders
})();
