// Shows the Merchdesk campaign that is live at the shopper's clock, so a cached home page still
// switches at the exact instant. Rule (same as the app's): among scheduled campaigns running now,
// the one that started last. Runs at load, at each start/end instant, and every second as a guard.
(function () {
  function pick(entries, now) {
    var best = null;
    entries.forEach(function (entry) {
      var starts = Date.parse(entry.getAttribute("data-starts-at"));
      var ends = entry.getAttribute("data-ends-at");
      var running = starts <= now && (!ends || now < Date.parse(ends));
      if (running && (!best || starts > Date.parse(best.getAttribute("data-starts-at")))) {
        best = entry;
      }
    });
    return best;
  }
  function run() {
    var now = Date.now();
    var next = Infinity;
    document.querySelectorAll("[data-merchdesk-block]").forEach(function (block) {
      // A storefront preview link shows its campaign instead (merchdesk-preview.js).
      if (block.hasAttribute("data-merchdesk-preview")) return;
      var template = block.querySelector("template[data-merchdesk-schedule]");
      if (!template) return;
      var entries = Array.prototype.slice.call(
        template.content.querySelectorAll("[data-merchdesk-entry]"),
      );
      entries.forEach(function (entry) {
        ["data-starts-at", "data-ends-at"].forEach(function (name) {
          var at = Date.parse(entry.getAttribute(name) || "");
          if (at > now && at < next) next = at;
        });
      });
      var live = pick(entries, now);
      var handle = live ? live.getAttribute("data-merchdesk-entry") : "";
      if (block.getAttribute("data-merchdesk-campaign") === handle) return;
      block.querySelector("[data-merchdesk-content]").innerHTML = live ? live.innerHTML : "";
      block.setAttribute("data-merchdesk-campaign", handle);
    });
    if (next < Infinity) setTimeout(run, Math.min(next - Date.now() + 5, 2147483647));
  }
  if (window.__merchdeskCampaigns) return;
  window.__merchdeskCampaigns = true;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  setInterval(run, 1000);
})();
