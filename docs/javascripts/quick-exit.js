/* "Leave quickly", in the header of every page (overrides/partials/quick-exit.html).
   Without this script it still works as a plain link. With it:
   - the visit is replaced in the tab's history (location.replace), so Back does not return here;
   - no referrer is sent to the neutral site, and nothing is loaded from another host before leaving;
   - on pages marked `safety: true`, the Escape key leaves too, unless Material's search dialog is open (Escape closes it, as Material
     intends) or a glossary term's popover is open (glossary-popover.js): the first Escape closes it,
     the next one leaves;
   - if the reader asked for it on the safety page, every saved answer is erased first
     (window.closerAnswers, from worksheets.js). */
(function () {
  "use strict";

  var control = document.querySelector("[data-closer-quick-exit] a[href]");
  if (!control) return;

  /* Escape leaves only on pages about fear, control or getting help, where the hint says so; elsewhere
     Escape keeps its ordinary meaning, so a stray press does not take a reader away from a worksheet. */
  var escapeLeaves = control.parentNode.hasAttribute("data-closer-escape");
  var hint = control.querySelector(".closer-quick-exit__hint");
  if (escapeLeaves) {
    if (hint) hint.hidden = false;
    control.setAttribute("aria-keyshortcuts", "Escape");
  }

  function leave(url) {
    /* Marks the page as on its way out (the browser tests read it; nothing else does). */
    document.documentElement.setAttribute("data-closer-leaving", "");
    var answers = window.closerAnswers;
    if (answers) {
      answers.leaving = true;
      try {
        if (answers.eraseOnExit()) answers.eraseAll();
      } catch (err) {
        /* Leaving matters more than erasing: go anyway. */
      }
    }
    var policy = document.createElement("meta");
    policy.name = "referrer";
    policy.content = "no-referrer";
    document.head.appendChild(policy);
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-closer-quick-exit] a[href]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    leave(link.href);
  });

  function searchIsOpen() {
    var toggle = document.getElementById("__search");
    return !!(toggle && toggle.checked);
  }

  /* Capture on window runs before Material's own key handler, so the search dialog is seen as it was
     when the key was pressed, not after Material has closed it. */
  window.addEventListener("keydown", function (event) {
    if (!escapeLeaves || (event.key !== "Escape" && event.key !== "Esc")) return;
    if (event.isComposing || event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return;
    if (searchIsOpen()) return;
    // A term's popover closes on this Escape (glossary-popover.js) and hands focus back to the term.
    if (document.querySelector(".closer-term-popover:not([hidden])")) return;
    event.preventDefault();
    leave(control.href);
  }, true);
})();
