// The editor's own additions to Decap CMS, loaded only by /admin/ (build_tools/editor/admin.py).
//
// Previews: a service entry is drawn with the same headings, lists and links as its page on the
// site (build_tools/directory/service_page.py render_service_page), from the same labels (the JSON in the page's
// #lo-preview-data, written from the schema at build time), inside the site's own stylesheet.
// Every piece of entry text becomes a text node through React: nothing an editor types is ever
// read as HTML, as on the site. tests/browser/test_admin.py checks a preview against the built
// page for sample entries.
//
// The "Permanent identifier" of a new service is made here (a random UUID), as `localoffer new`
// does, since nobody can be expected to type one.
//
// YAML files are read and written with the `yaml` package (pinned in package-lock.json) through
// the "yaml-1.1" format: it quotes every string that a YAML 1.1 reader, as `localoffer validate`
// is, would read as something else ("11:30" as a number, "2026-10-14" as a date, "no" as false).
// Decap's own YAML writer leaves them bare, and the entries would then fail the checks.
import { YAML } from "./yaml/index.js";
// Phrases joined as one sentence, as build_tools/text/phrases.py joins them: the site's own script,
// shared with the form's live preview.
import { joinPhrases } from "../assets/javascripts/phrases.js";

(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var DATA = JSON.parse(document.getElementById("lo-preview-data").textContent);
  var LABELS = DATA.labels;

  DATA.styles.forEach(function (href) {
    CMS.registerPreviewStyle(new URL(href, document.baseURI).href);
  });

  function label(vocabulary, value) {
    var labels = LABELS[vocabulary] || {};
    return Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : String(value);
  }
  function labelList(values, vocabulary) {
    return (values || []).map(function (v) { return label(vocabulary, v); }).join(", ");
  }
  function labelPhrases(values, vocabulary, last) {
    return joinPhrases((values || []).map(function (v) { return label(vocabulary, v); }), last);
  }
  function squash(text) {
    return String(text == null ? "" : text).split(/\s+/).filter(Boolean).join(" ");
  }

  // --- the site's words (directory/service_page.py), one function each --------------------------------------
  function ageText(low, high) {
    if (low === high) return low !== 1 ? low + " years" : "1 year";
    if (low === 0) return "birth to " + high + " years";
    return low + " to " + high + " years";
  }
  function money(amount) {
    return "£" + Number(amount).toLocaleString("en-GB", {
      minimumFractionDigits: 2, maximumFractionDigits: 2,
    });
  }
  function costText(cost) {
    if (cost.free) return "Free";
    var prices = (cost.options || []).map(function (o) {
      return money(o.amount) + " " + label("cost.options.per", o.per);
    });
    return prices.length ? prices.join("; ") : "There is a charge";
  }
  function needsText(needs) {
    needs = needs || [];
    if (needs.indexOf("all") >= 0) return "All needs";
    return needs.map(function (n) { return label("needs", n); }).join("; ");
  }
  function phoneHref(number) {
    var digits = String(number).replace(/[^\d+]/g, "");
    if (digits.indexOf("+44") === 0) digits = "+44" + digits.slice(3).replace(/^0+/, "");
    else if (digits.charAt(0) === "0") digits = "+44" + digits.slice(1);
    return "tel:" + digits;
  }
  function safeHref(url) {
    return /^https?:\/\//i.test(String(url)) ? String(url) : "#";
  }
  function shortUrl(url) {
    return String(url).replace(/^https?:\/\/(www\.)?/, "").replace(/\/+$/, "");
  }
  function scheduleText(slot) {
    var parts = [];
    var names = (slot.days || []).map(function (d) { return label("schedules.days", d); });
    if (names.length) {
      parts.push(names.length === 1 ? names[0] : names.slice(0, -1).join(", ") + " and " + names[names.length - 1]);
    }
    if (slot.opens && slot.closes) parts.push(slot.opens + " to " + slot.closes);
    else if (slot.opens) parts.push("from " + slot.opens);
    if (slot.term_time_only) parts.push("term time only");
    if (slot.notes) parts.push(squash(slot.notes));
    return parts.join(", ");
  }
  function longDate(iso) {
    var day = new Date(String(iso) + "T00:00:00Z");
    if (isNaN(day)) return String(iso || "");
    return day.getUTCDate() + " " + day.toLocaleString("en-GB", { month: "long", timeZone: "UTC" }) + " " + day.getUTCFullYear();
  }

  // --- simple Markdown (paragraphs, lists, **bold**, *emphasis*, [links](https://...)) ------
  var INLINE = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  function inline(text) {
    var out = [], last = 0, match;
    INLINE.lastIndex = 0;
    while ((match = INLINE.exec(text))) {
      if (match.index > last) out.push(text.slice(last, match.index));
      if (match[1]) out.push(h("strong", { key: out.length }, match[1]));
      else if (match[2]) out.push(h("em", { key: out.length }, match[2]));
      else {
        var href = /^(https?:|mailto:|tel:)/i.test(match[4]) ? match[4] : "#";
        out.push(h("a", { key: out.length, href: href }, match[3]));
      }
      last = INLINE.lastIndex;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }
  // Provider text sits in one wrapper, as wording.provider_html writes it.
  function markdown(text, prefix) {
    return [h("div", { key: prefix, className: "lo-provider-text" }, blocks(text, prefix))];
  }
  function blocks(text, prefix) {
    var blocks = String(text || "").trim().split(/\n\s*\n/);
    return blocks.map(function (block, index) {
      var lines = block.split("\n");
      var bullet = /^\s*[-*+]\s+/, numbered = /^\s*\d+[.)]\s+/;
      if (lines.every(function (l) { return bullet.test(l); })) {
        return h("ul", { key: prefix + index }, lines.map(function (l, i) {
          return h("li", { key: i }, inline(l.replace(bullet, "")));
        }));
      }
      if (lines.every(function (l) { return numbered.test(l); })) {
        return h("ol", { key: prefix + index }, lines.map(function (l, i) {
          return h("li", { key: i }, inline(l.replace(numbered, "")));
        }));
      }
      return h("p", { key: prefix + index }, inline(squash(block)));
    });
  }

  // --- the service page ----------------------------------------------------------------------
  function servicePage(d) {
    var el = [], k = 0;
    function add(tag, props, children) {
      el.push(h(tag, Object.assign({ key: k++ }, props || {}), children));
    }
    var cost = d.cost || {}, access = d.how_to_access || {}, eligibility = d.eligibility || {};
    var ages = d.age_range || {};
    add("h1", null, squash(d.name));
    add("p", null, squash(d.summary));
    if (d.status === "temporarily-closed") {
      add("div", { className: "admonition warning" }, [
        h("p", { key: 0, className: "admonition-title" }, "Temporarily closed"),
        h("p", { key: 1 }, "This service is temporarily closed. Contact them to find out more."),
      ]);
    }
    var rows = [
      ["Ages", ageText(Number(ages.min), Number(ages.max))],
      ["Cost", costText(cost)],
      ["Needs", needsText(d.needs)],
      ["Area", labelList(d.service_areas, "service_areas") || "Not stated"],
      ["How to get it", labelPhrases(access.routes, "how_to_access.routes", "or")],
    ];
    if ((d.delivery || []).length) rows.push(["Delivered", labelPhrases(d.delivery, "delivery")]);
    add("h2", null, "At a glance");
    add("dl", { className: "lo-glance" }, rows.reduce(function (all, row, i) {
      return all.concat([h("dt", { key: "t" + i }, row[0]), h("dd", { key: "d" + i }, row[1])]);
    }, []));
    add("h2", null, "About this service");
    el.push.apply(el, markdown(d.description, "m" + k++));
    add("p", null, "Run by " + squash((d.organisation || {}).name) + ".");
    add("h2", null, "Who can use it");
    el.push.apply(el, markdown(eligibility.description, "m" + k++));
    if (eligibility.ehc_plan_needed) add("p", null, "You need an education, health and care (EHC) plan to use this service.");
    if (eligibility.diagnosis_needed) add("p", null, "Your child needs a diagnosis to use this service.");
    add("h2", null, "How to get it");
    add("p", null, labelPhrases(access.routes, "how_to_access.routes", "or") + ".");
    if ((access.steps || []).length) {
      add("ol", null, access.steps.map(function (s, i) { return h("li", { key: i }, squash(s)); }));
    }
    if (!cost.free && cost.description) {
      add("h2", null, "Cost");
      add("p", null, costText(cost));
      el.push.apply(el, markdown(cost.description, "m" + k++));
    }
    add("h2", null, "Contact");
    (d.contacts || []).forEach(function (c) {
      add("h3", null, squash(c.role));
      var items = [];
      if (c.phone) items.push(["Phone: ", squash(c.phone), phoneHref(c.phone)]);
      if (c.text) items.push(["Text: ", squash(c.text), phoneHref(c.text).replace("tel:", "sms:")]);
      if (c.email) items.push(["Email: ", squash(c.email), "mailto:" + encodeURIComponent(c.email).replace(/%40/g, "@")]);
      if (c.website) items.push(["Website: ", shortUrl(c.website), safeHref(c.website)]);
      add("ul", { className: "lo-contact" }, items.map(function (it, i) {
        return h("li", { key: i }, [it[0], h("a", { key: "a", href: it[2] }, it[1])]);
      }));
    });
    if ((d.locations || []).length) {
      add("h2", null, "Where");
      d.locations.forEach(function (loc) {
        add("h3", null, squash(loc.name));
        add("p", null, [squash(loc.address), squash(loc.town), squash(loc.postcode)].join(", "));
        if ((loc.accessibility || []).length) {
          add("p", null, "Accessibility:");
          add("ul", null, loc.accessibility.map(function (f, i) {
            return h("li", { key: i }, label("locations.accessibility", f));
          }));
        }
        if (loc.transport) add("p", null, "Getting there: " + squash(loc.transport));
      });
    }
    if ((d.schedules || []).length) {
      add("h2", null, "When");
      add("ul", null, d.schedules.map(function (s, i) { return h("li", { key: i }, scheduleText(s)); }));
    }
    if ((d.languages || []).length) {
      add("h2", null, "Languages");
      add("p", null, labelList(d.languages, "languages") + ".");
    }
    var offer = d.local_offer || {};
    var answered = DATA.questions.filter(function (q) { return offer[q[0]]; });
    if (answered.length || offer.sen_information_report) {
      add("h2", null, "Local Offer answers");
      answered.forEach(function (q) {
        add("h3", null, q[1]);
        el.push.apply(el, markdown(offer[q[0]], "m" + k++));
      });
      if (offer.sen_information_report) {
        add("p", null, h("a", { href: safeHref(offer.sen_information_report) }, "Read the SEN information report"));
      }
    }
    if (d.inclusion_charter) add("p", null, "This provider has signed Dudley's Inclusion Charter.");
    add("p", null, "Last checked on " + longDate(d.last_reviewed) + ".");
    return el;
  }

  // dir="ltr": the theme's list indents are set for [dir=ltr], as on the site's <html>.
  function page(children) {
    return h("div", { className: "md-content", dir: "ltr" },
      h("article", { className: "md-content__inner md-typeset" }, children));
  }

  var ServicePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return page(servicePage(data && data.toJS ? data.toJS() : {}));
    },
  });
  var PagePreview = createClass({
    render: function () {
      return page(this.props.widgetFor("body"));
    },
  });
  CMS.registerPreviewTemplate("providers", ServicePreview);
  ["guidance", "easy_read"].forEach(function (name) {
    CMS.registerPreviewTemplate(name, PagePreview);
  });

  // --- the permanent identifier of a service ------------------------------------------------
  var IdControl = createClass({
    componentDidMount: function () {
      if (!this.props.value) this.props.onChange(window.crypto.randomUUID());
    },
    render: function () {
      return h("input", {
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: this.props.value || "",
        readOnly: true,
      });
    },
  });
  var IdPreview = createClass({
    render: function () { return h("span", null, this.props.value || ""); },
  });
  CMS.registerWidget("uuid", IdControl, IdPreview);

  CMS.registerCustomFormat("yaml-1.1", "yaml", {
    fromFile: function (text) { return YAML.parse(text) || {}; },
    toFile: function (data) { return YAML.stringify(data, { version: "1.1" }); },
  });
  CMS.init();

})();
