/*
 * The offline edition only (mkdocs.offline.yml): a Web Worker stand-in for pages opened from file://,
 * where a browser refuses `new Worker(...)`. Material's search runs in a worker; Material's offline
 * plugin would load this shim from unpkg.com, so it is vendored here instead, adapted from
 * iframe-worker 1.0.4 (https://github.com/squidfunk/iframe-worker) so that it runs under the page's
 * Content-Security-Policy: the original writes an inline script into its iframe, whose text holds the
 * worker's address and so cannot be hashed in advance. Here the iframe loads iframe-worker-runtime.js
 * from this folder instead, and no inline script runs.
 *
 * iframe-worker: Copyright (c) 2020-2022 Martin Donath <martin.donath@squidfunk.com>
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 * associated documentation files (the "Software"), to deal in the Software without restriction,
 * including without limitation the rights to use, copy, modify, merge, publish, distribute,
 * sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all copies or
 * substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 * NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
 * OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
 * CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
(function () {
  "use strict";
  var RUNTIME = new URL("iframe-worker-runtime.js", document.currentScript.src).href;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = String(url);
      var iframe = document.createElement("iframe");
      iframe.hidden = true;
      iframe.setAttribute("data-worker-url", this.url);
      document.body.appendChild((this.iframe = iframe));
      var self = this;
      // Messages the worker script posts (through the runtime's postMessage) arrive on this window.
      this.onWindowMessage = function (event) {
        if (event.source !== self.iframe.contentWindow) return;
        self.dispatchEvent(new MessageEvent("message", { data: event.data }));
        if (self.onmessage) self.onmessage(event);
      };
      // The runtime re-dispatches the worker script's errors on this window, naming the script.
      this.onWindowError = function (event) {
        if (event.filename !== self.url) return;
        var error = new ErrorEvent("error", {
          message: event.message, filename: event.filename, lineno: event.lineno, colno: event.colno, error: event.error,
        });
        self.dispatchEvent(error);
        if (self.onerror) self.onerror(error);
      };
      window.addEventListener("message", this.onWindowMessage);
      window.addEventListener("error", this.onWindowError);
      var doc = iframe.contentWindow.document;
      doc.open();
      doc.write(
        "<html><body>" +
        '<script src="' + RUNTIME + '"></scr' + 'ipt>' +
        '<script src="' + this.url.replace(/"/g, "%22") + "?" + Date.now() + '"></scr' + 'ipt>' +
        "</body></html>"
      );
      doc.close();
      this.ready = new Promise(function (resolve, reject) {
        iframe.contentWindow.onload = resolve;
        iframe.contentWindow.onerror = reject;
      });
    }

    terminate() {
      window.removeEventListener("message", this.onWindowMessage);
      window.removeEventListener("error", this.onWindowError);
      this.iframe.remove();
    }

    postMessage(data) {
      var iframe = this.iframe;
      this.ready.catch(function () {}).then(function () {
        iframe.contentWindow.dispatchEvent(new MessageEvent("message", structuredClone({ data: data })));
      });
    }
  }

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
