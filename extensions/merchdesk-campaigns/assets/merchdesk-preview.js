// Storefront preview link (Merchdesk docs/decisions/035-storefront-preview-link.md): when the page
// URL ends in #merchdesk-preview=<token>, ask the app proxy for the campaign that token opens and
// show it in every Merchdesk campaign block, with a notice. The token stays in the fragment, so the
// page itself (and every cache) is the normal one; a wrong, revoked or expired token changes
// nothing. Content is set as text, never as HTML.
(function () {
  if (window.__merchdeskPreview) return;
  window.__merchdeskPreview = true;
  var match = /(?:^#|&)merchdesk-preview=([A-Za-z0-9_-]{43})(?:&|$)/.exec(location.hash);
  if (!match) return;
  var token = match[1];

  function safeHref(link) {
    var value = String(link || "").trim();
    var theme = /^shopify:\/\/(collections|products|pages|blogs)\/(.+)$/.exec(value);
    if (theme) return "/" + theme[1] + "/" + theme[2];
    if (/^https?:\/\//i.test(value) || /^\/(?!\/)/.test(value) || value.charAt(0) === "#") {
      return value;
    }
    return "#";
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text) node.textContent = text;
    return node;
  }
  function price(value) {
    if (!value) return "";
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined, {
        style: "currency",
        currency: value.currencyCode,
      }).format(Number(value.amount));
    } catch (error) {
      return value.amount + " " + value.currencyCode;
    }
  }
  function hero(campaign, into) {
    if (campaign.imageUrl && safeHref(campaign.imageUrl) !== "#") {
      into.appendChild(
        el("img", {
          "data-merchdesk-field": "image_url",
          src: safeHref(campaign.imageUrl),
          alt: campaign.heading,
          width: "1600",
          height: "900",
        }),
      );
    }
    if (campaign.heading) {
      into.appendChild(el("h2", { "data-merchdesk-field": "heading" }, campaign.heading));
    }
    if (campaign.text) {
      var text = el("p", { "data-merchdesk-field": "text" });
      campaign.text.split(/\r?\n/).forEach(function (line, index) {
        if (index > 0) text.appendChild(document.createElement("br"));
        text.appendChild(document.createTextNode(line));
      });
      into.appendChild(text);
    }
    if (campaign.buttonLabel) {
      into.appendChild(
        el(
          "a",
          {
            class: "button",
            "data-merchdesk-field": "button",
            href: safeHref(campaign.buttonLink),
          },
          campaign.buttonLabel,
        ),
      );
    }
  }
  function products(collection, limit, into) {
    var list = el("ul", {
      class: "merchdesk-products",
      "data-collection-handle": collection.handle,
    });
    collection.products.slice(0, limit).forEach(function (product) {
      var item = el("li", { "data-product-handle": product.handle });
      item.appendChild(el("a", { href: product.url }, product.title));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", { class: "price" }, price(product.price)));
      list.appendChild(item);
    });
    into.appendChild(list);
  }
  function render(block, campaign) {
    var content = block.querySelector("[data-merchdesk-content]");
    if (!content) return;
    var part = block.getAttribute("data-merchdesk-part") || "hero";
    var limit = Number(block.getAttribute("data-merchdesk-limit")) || 4;
    var fresh = document.createElement("div");
    if (part === "hero") hero(campaign, fresh);
    if (part === "announcement") {
      fresh.appendChild(
        el(
          "p",
          { class: "merchdesk-announcement", "data-merchdesk-field": "announcement" },
          campaign.announcement,
        ),
      );
    }
    if (part === "collection" && campaign.collection) {
      fresh.appendChild(
        el("h2", { "data-merchdesk-field": "collection" }, campaign.collection.title),
      );
      var viewAll = block.getAttribute("data-merchdesk-view-all");
      fresh.appendChild(el("a", { class: "button", href: campaign.collection.url }, viewAll));
    }
    if (part === "products" && campaign.collection) products(campaign.collection, limit, fresh);
    content.replaceChildren.apply(content, Array.prototype.slice.call(fresh.childNodes));
    block.setAttribute("data-merchdesk-campaign", campaign.handle);
    block.setAttribute("data-merchdesk-preview", "shown");
  }
  function notice(text) {
    var bar = el("div", { role: "status", "data-merchdesk-preview-banner": "" }, text);
    bar.style.cssText =
      "position:sticky;top:0;z-index:2147483647;padding:8px 16px;background:#1f2421;color:#fff;font:14px/1.4 system-ui,sans-serif;text-align:center";
    document.body.insertBefore(bar, document.body.firstChild);
  }
  function start() {
    var blocks = Array.prototype.slice.call(document.querySelectorAll("[data-merchdesk-block]"));
    var url = blocks.length && blocks[0].getAttribute("data-merchdesk-preview-url");
    if (!url) return;
    var state = function (value) {
      document.body.setAttribute("data-merchdesk-preview-state", value);
    };
    fetch(url + "?token=" + encodeURIComponent(token), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        if (!body || !body.campaign) return state("unavailable");
        blocks.forEach(function (block) {
          render(block, body.campaign);
        });
        notice(blocks[0].getAttribute("data-merchdesk-preview-notice") || "");
        state("shown");
      })
      .catch(function () {
        state("unavailable");
      });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
