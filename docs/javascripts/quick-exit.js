/* "Leave this page quickly" on the safety page. Without this script the link still works as a plain
   link; with it, the visit is replaced in the tab's history (so Back does not return here) and no
   referrer is sent to the neutral site. Nothing is loaded from another host. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".closer-quick-exit a[href]");
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  var policy = document.createElement("meta");
  policy.name = "referrer";
  policy.content = "no-referrer";
  document.head.appendChild(policy);
  window.location.replace(link.href);
});
