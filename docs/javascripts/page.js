/* Runs a script's setup on each page: once the document is parsed, and again for every page Material
   renders on instant navigation (document$ fires for each). The other scripts call it instead of
   repeating the check; it comes first in extra_javascript, so it is defined before they run. */
(function () {
  "use strict";
  window.closerOnEachPage = function (init) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  };
})();
