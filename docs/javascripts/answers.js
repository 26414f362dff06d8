/* Answers on this device: the storage every page needs. Nothing is sent anywhere, and there are no cookies.

   Every answer is one key in the browser's storage: "closer:worksheet:<worksheet>:<field>". By
   default they are kept in localStorage, so they are still there next time. A reader who chooses
   "don't keep my answers on this device" gets sessionStorage instead: the answers last until the tab
   closes. That choice, and "erase my answers when I leave quickly", are the only other things Closer
   stores: "closer:setting:session-only" and "closer:setting:erase-on-exit", in localStorage, so they
   still hold next time (the safety page says so).

   window.closerAnswers is shared with quick-exit.js, on every page (leaving quickly may erase the
   answers), and with worksheets.js, which only the worksheet pages and the safety page load: the
   worksheet form (save, restore, clear, print), and the choices and "erase all my answers". */
(function () {
  "use strict";

  var ANSWERS = "closer:worksheet:";
  var SESSION_ONLY = "closer:setting:session-only";
  var ERASE_ON_EXIT = "closer:setting:erase-on-exit";

  /* A storage the browser lets this page use, or null where it is blocked. Probed by reading only:
     a probe that wrote would fail when the storage is full, and the answers already saved would
     then not be shown. A full storage still restores; only the next save fails, and says so. */
  function usable(name) {
    try {
      var s = window[name];
      s.getItem("closer:setting:probe");
      return s;
    } catch (err) {
      return null;
    }
  }

  var local = usable("localStorage");
  var session = usable("sessionStorage");

  function keys(store, prefix) {
    var found = [];
    if (!store) return found;
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(prefix) === 0) found.push(key);
    }
    return found;
  }

  function setting(key) {
    try {
      return !!local && local.getItem(key) === "1";
    } catch (err) {
      return false;
    }
  }

  function setSetting(key, on) {
    if (!local) return;
    if (on) local.setItem(key, "1");
    else local.removeItem(key);
  }

  /* Move every answer from one storage to the other (used when the reader changes the choice). */
  function move(from, to) {
    if (!from || !to) return;
    keys(from, ANSWERS).forEach(function (key) {
      to.setItem(key, from.getItem(key));
      from.removeItem(key);
    });
  }

  var answers = {
    leaving: false,
    /* For worksheets.js: the key prefix, the two storages (null where blocked) and the key lister. */
    PREFIX: ANSWERS,
    local: local,
    session: session,
    keys: keys,
    sessionOnly: function () { return setting(SESSION_ONLY); },
    eraseOnExit: function () { return setting(ERASE_ON_EXIT); },
    /* Where answers go now: null if the browser refuses to store anything. */
    store: function () { return answers.sessionOnly() ? session : local; },
    setSessionOnly: function (on) {
      setSetting(SESSION_ONLY, on);
      if (on) move(local, session);
      else move(session, local);
    },
    setEraseOnExit: function (on) { setSetting(ERASE_ON_EXIT, on); },
    /* Remove one worksheet's answers from both storages. */
    clear: function (worksheet) {
      var prefix = ANSWERS + worksheet + ":";
      [local, session].forEach(function (store) {
        keys(store, prefix).forEach(function (key) { store.removeItem(key); });
      });
    },
    /* Remove every answer to every worksheet from both storages; returns how many worksheets had any.
       The two choices stay as they are. */
    eraseAll: function () {
      var sheets = {};
      [local, session].forEach(function (store) {
        keys(store, ANSWERS).forEach(function (key) {
          sheets[key.slice(ANSWERS.length).split(":")[0]] = true;
          store.removeItem(key);
        });
      });
      return Object.keys(sheets).length;
    }
  };
  window.closerAnswers = answers;

  /* Answers left in localStorage while the reader has chosen the tab only (saved by an older tab,
     say) move into this tab too, so none stay behind on the device. */
  if (answers.sessionOnly()) move(local, session);
})();
