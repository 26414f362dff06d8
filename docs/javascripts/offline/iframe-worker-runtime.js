/*
 * The offline edition only: what a worker script expects to find, inside the hidden iframe that
 * iframe-worker-shim.js makes to stand in for a Web Worker (adapted from iframe-worker 1.0.4, MIT,
 * Copyright (c) 2020-2022 Martin Donath; the full notice is in iframe-worker-shim.js).
 */
(function () {
  "use strict";
  var url = window.frameElement.getAttribute("data-worker-url");
  // A worker's postMessage reaches the page that made it.
  window.postMessage = function (message) {
    parent.postMessage(message, "*");
  };
  // Scripts a worker imports load one after another, as in a worker.
  window.importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (ready, src) {
      return ready.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = src;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", {
      message: event.message, filename: url, lineno: event.lineno, colno: event.colno, error: event.error,
    }));
  });
})();
