/* Conversation cards (pages made from data/cards/ by hooks/cards.py). Without this script a deck is a
   plain numbered list. With it, one card shows at a time: Previous and Next (or the arrow keys, or a
   swipe), "Draw for me" (a card at random) and Shuffle. The address follows the card shown, so
   /cards/<deck>/#card-12 opens card 12 and can be sent to someone.

   Favourites are the only thing kept, and only in this browser: one key,
   "closer:worksheet:cards-<deck>:favourites", in the storage worksheets.js chooses (window.closerAnswers),
   so they follow the same shared-device rules as worksheet answers: "keep only until I close the tab"
   applies to them, and "erase all my answers" and the quick exit's erase remove them too. */
(function () {
  "use strict";

  var deck = document.querySelector("[data-closer-deck]");
  if (!deck) return;

  var cards = Array.prototype.slice.call(deck.querySelectorAll(".closer-card"));
  var status = deck.querySelector("[data-deck-status]");
  var announce = deck.querySelector("[data-deck-announce]");
  var favButton = deck.querySelector("[data-deck-favourite]");
  var onlyButton = deck.querySelector("[data-deck-only]");
  var answers = window.closerAnswers;
  var favKey = "closer:worksheet:cards-" + deck.getAttribute("data-closer-deck") + ":favourites";
  var order = cards.map(function (_, i) { return i; });
  var shuffled = false;
  var onlyFavourites = false;
  var pos = 0;

  function numberOf(card) { return parseInt(card.id.slice("card-".length), 10); }

  function favourites() {
    var store = answers && answers.store();
    var value = store ? store.getItem(favKey) : null;
    return value ? value.split(",").map(Number) : [];
  }

  function saveFavourites(list) {
    var store = answers && answers.store();
    if (!store || answers.leaving) return;
    try {
      if (list.length) store.setItem(favKey, list.join(","));
      else store.removeItem(favKey);
    } catch (err) {
      say("This browser could not save your favourite (its storage may be full).");
    }
  }

  function say(text) { if (announce) announce.textContent = text; }

  /* The cards being stepped through: all of them, or the favourites only. */
  function sequence() {
    if (!onlyFavourites) return order;
    var favs = favourites();
    var picked = order.filter(function (i) { return favs.indexOf(numberOf(cards[i])) !== -1; });
    return picked.length ? picked : order;
  }

  /* quiet: say nothing to screen readers, and leave the address as it is (on arrival, Material scrolls
     to the card the address names, so a card-1 written then would jump past the page's top). */
  function show(index, quiet) {
    var seq = sequence();
    pos = (index + seq.length) % seq.length;
    var current = cards[seq[pos]];
    cards.forEach(function (card) { card.classList.toggle("is-current", card === current); });
    var n = numberOf(current);
    status.textContent = "Card " + (pos + 1) + " of " + seq.length +
      (onlyFavourites ? ", favourites only" : shuffled ? ", shuffled" : "");
    if (favButton) {
      var fav = favourites().indexOf(n) !== -1;
      favButton.setAttribute("aria-pressed", fav ? "true" : "false");
      favButton.textContent = fav ? "Favourite \u2605" : "Favourite";
    }
    if (onlyButton) onlyButton.disabled = !favourites().length && !onlyFavourites;
    if (quiet) return;
    if (window.location.hash !== "#" + current.id) history.replaceState(null, "", "#" + current.id);
    say(current.querySelector(".closer-card__question").textContent);
  }

  function showNumber(n) {
    var seq = sequence();
    var at = seq.indexOf(n - 1);
    if (at === -1) {
      onlyFavourites = false;
      if (onlyButton) onlyButton.setAttribute("aria-pressed", "false");
      seq = sequence();
      at = seq.indexOf(n - 1);
    }
    show(at === -1 ? 0 : at, true);
  }

  function fromHash() {
    var match = /^#card-(\d+)$/.exec(window.location.hash);
    var n = match ? parseInt(match[1], 10) : 0;
    if (n >= 1 && n <= cards.length) {
      showNumber(n);
      return true;
    }
    return false;
  }

  function next() { show(pos + 1); }
  function previous() { show(pos - 1); }

  function draw() {
    var seq = sequence();
    if (seq.length < 2) return show(0);
    var pick = Math.floor(Math.random() * (seq.length - 1));
    show(pick >= pos ? pick + 1 : pick);
  }

  function shuffle() {
    for (var i = order.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = order[i]; order[i] = order[j]; order[j] = t;
    }
    shuffled = true;
    show(0);
  }

  function toggleFavourite() {
    var n = numberOf(cards[sequence()[pos]]);
    var list = favourites();
    var at = list.indexOf(n);
    if (at === -1) list.push(n); else list.splice(at, 1);
    saveFavourites(list.sort(function (a, b) { return a - b; }));
    say(at === -1 ? "Card " + n + " is now a favourite." : "Card " + n + " is no longer a favourite.");
    show(pos, true);
  }

  function toggleOnly() {
    var n = numberOf(cards[sequence()[pos]]);
    onlyFavourites = !onlyFavourites;
    onlyButton.setAttribute("aria-pressed", onlyFavourites ? "true" : "false");
    var seq = sequence();
    var at = seq.indexOf(n - 1);
    show(at === -1 ? 0 : at);
  }

  deck.classList.add("closer-deck--live");
  status.hidden = false;
  Array.prototype.forEach.call(deck.querySelectorAll("[data-deck-controls]"), function (el) { el.hidden = false; });
  deck.querySelector("[data-deck-next]").addEventListener("click", next);
  deck.querySelector("[data-deck-prev]").addEventListener("click", previous);
  deck.querySelector("[data-deck-draw]").addEventListener("click", draw);
  deck.querySelector("[data-deck-shuffle]").addEventListener("click", shuffle);

  /* Favourites only where this browser lets the page store something. */
  if (answers && answers.store() && favButton) {
    deck.querySelector("[data-deck-favourites]").hidden = false;
    favButton.addEventListener("click", toggleFavourite);
    onlyButton.addEventListener("click", toggleOnly);
    var sessionBox = deck.querySelector("[data-deck-session-only]");
    if (sessionBox) {
      sessionBox.checked = answers.sessionOnly();
      sessionBox.addEventListener("change", function () {
        answers.setSessionOnly(sessionBox.checked);
        say(sessionBox.checked
          ? "Done. Your favourites and answers are now kept only until you close this tab."
          : "Done. Your favourites and answers are kept on this device again.");
      });
    }
  }

  /* Arrow keys step through the deck, unless the reader is typing or the search is open. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var search = document.getElementById("__search");
    if (search && search.checked) return;
    event.preventDefault();
    if (event.key === "ArrowRight") next(); else previous();
  });

  /* A swipe across the card: left for the next card, right for the one before. */
  var list = deck.querySelector(".closer-deck__cards");
  var start = null;
  list.addEventListener("pointerdown", function (event) { start = { x: event.clientX, y: event.clientY }; });
  list.addEventListener("pointercancel", function () { start = null; });
  list.addEventListener("pointerup", function (event) {
    if (!start) return;
    var dx = event.clientX - start.x;
    var dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) < 50 || Math.abs(dx) < Math.abs(dy)) return;
    if (dx < 0) next(); else previous();
  });

  window.addEventListener("hashchange", fromHash);
  if (!fromHash()) show(0, true);
})();
