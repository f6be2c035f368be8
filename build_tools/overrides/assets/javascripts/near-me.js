// "Near you" in the directory: distances from a typed postcode or, after a button press and the
// family's consent, the browser's own location. Neither leaves the browser: no geocoder, no
// server. The postcode stays in this tab's session storage; a location from the browser is
// kept only in memory.
//
// A postcode is placed at the middle of the venues in its postcode district, worked out when
// the site was built (services/near-me.json, loaded only once a family asks for distances).
// Services with no venue (online, phone, home visits) are never dropped by a distance: they
// stay in the results, marked, after the ones with a venue, and the count says so.

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/;
const EARTH_RADIUS_MILES = 3958.8;
const FAR_MILES = 10; // a location further than this from every district is outside the area
const STORED = "lo-near-postcode";

// "dy8 1aw" -> { district: "DY8", postcode: "DY8 1AW" }; the same rules as directory/places.py.
export function parsePostcode(text) {
  const match = text.replace(/\s+/g, "").toUpperCase().match(POSTCODE);
  if (!match) return null;
  const [, district, inward] = match;
  return { district, postcode: inward ? `${district} ${inward}` : district };
}

export function milesBetween([lat1, lon1], [lat2, lon2]) {
  const radians = (degrees) => (degrees * Math.PI) / 180;
  const h =
    Math.sin(radians(lat2 - lat1) / 2) ** 2 +
    Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

function listInWords(items) {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

function distanceText(miles) {
  if (miles < 0.1) return "Less than 0.1 miles away";
  const rounded = miles.toFixed(1);
  return `About ${rounded} ${rounded === "1.0" ? "mile" : "miles"} away`;
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

export class NearMe {
  constructor(form, siteRoot, onChange) {
    this.form = form;
    this.siteRoot = siteRoot;
    this.onChange = onChange;
    this.box = document.getElementById("lo-near");
    this.place = null; // { at: [lat, lon], from: "the middle of DY8" | "your location" }
    this.rows = new Map(); // slug -> { slug, miles, how } for the latest results
    this.data = null;
  }

  get enabled() {
    return Boolean(this.box);
  }

  element(id) {
    return document.getElementById(id);
  }

  async start() {
    if (!this.enabled) return;
    const input = this.element("lo-near-postcode");
    this.element("lo-near-find").addEventListener("click", () => this.usePostcode());
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault(); // Enter here finds the postcode, instead of sending the form
      this.usePostcode();
    });
    const here = this.element("lo-near-here");
    if ("geolocation" in navigator && window.isSecureContext) {
      here.addEventListener("click", () => this.useLocation());
    } else {
      here.hidden = true;
    }
    this.element("lo-near-forget").addEventListener("click", () => this.forget());
    // A postcode from earlier in this tab: placed quietly, before the finder's first search.
    const stored = sessionStorage.getItem(STORED);
    if (stored) {
      input.value = stored;
      await this.locatePostcode(stored);
    }
  }

  async loadData() {
    if (!this.data) {
      const response = await fetch(new URL("services/near-me.json", this.siteRoot));
      if (!response.ok) throw new Error(`near-me.json: ${response.status}`);
      this.data = await response.json();
    }
    return this.data;
  }

  showError(message) {
    const error = this.element("lo-near-error");
    const input = this.element("lo-near-postcode");
    error.textContent = message;
    error.hidden = !message;
    input.toggleAttribute("aria-invalid", Boolean(message));
  }

  setNote(message) {
    this.element("lo-near-note").textContent = message;
  }

  setPlace(place, note) {
    this.place = place;
    this.element("lo-near-forget").hidden = !place;
    this.setNote(note);
  }

  // Where the family asked for distances: sort nearest first, and search again.
  sortByDistance() {
    const sort = this.form.elements.sort;
    if (sort) sort.value = "distance";
    this.onChange();
  }

  async usePostcode() {
    const input = this.element("lo-near-postcode");
    if (await this.locatePostcode(input.value)) this.sortByDistance();
    else input.focus();
  }

  // Place a postcode; say plainly what is wrong when it cannot be placed. True when placed.
  async locatePostcode(text) {
    const { example, district: exampleDistrict } = this.box.dataset;
    const parsed = parsePostcode(text);
    if (!text.trim()) {
      this.showError(`Enter a postcode, for example ${example}.`);
      return false;
    }
    if (!parsed) {
      this.showError(
        `“${text.trim()}” is not a postcode. Enter a postcode like ${example}, or just the ` +
          `first part, like ${exampleDistrict}.`,
      );
      return false;
    }
    let data;
    try {
      data = await this.loadData();
    } catch {
      this.showError("Distances are not working at the moment. Choose a town or area instead.");
      return false;
    }
    const centre = data.districts[parsed.district];
    if (!centre) {
      const districts = listInWords(Object.keys(data.districts));
      this.showError(
        `${parsed.postcode} is outside ${data.area}, so we cannot measure distances from it. ` +
          `Postcodes in ${data.area} start with ${districts}. You can choose a town or area ` +
          "instead, or use your location.",
      );
      this.setPlace(null, "");
      sessionStorage.removeItem(STORED);
      return false;
    }
    this.showError("");
    this.element("lo-near-postcode").value = parsed.postcode;
    sessionStorage.setItem(STORED, parsed.postcode);
    this.setPlace(
      { at: centre, from: `the middle of ${parsed.district}` },
      `Distances are from the middle of the ${parsed.district} postcode area, not from your ` +
        "address, so they are approximate. They are measured in a straight line.",
    );
    return true;
  }

  useLocation() {
    this.setNote("Finding your location…");
    navigator.geolocation.getCurrentPosition(
      (position) => this.placeHere([position.coords.latitude, position.coords.longitude]),
      (problem) => {
        const refused = problem.code === problem.PERMISSION_DENIED;
        this.setNote(
          refused
            ? "You did not let this website use your location, so it is not used. You can " +
                "type your postcode instead."
            : "Your location could not be found. You can type your postcode instead.",
        );
      },
      { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 },
    );
  }

  async placeHere(at) {
    let data;
    try {
      data = await this.loadData();
    } catch {
      this.setNote("Distances are not working at the moment. Choose a town or area instead.");
      return;
    }
    const nearest = Math.min(...Object.values(data.districts).map((c) => milesBetween(at, c)));
    const outside =
      nearest > FAR_MILES
        ? ` You seem to be outside ${data.area}: the nearest part of it is about ` +
          `${Math.round(nearest)} miles away.`
        : "";
    this.showError("");
    this.element("lo-near-postcode").value = "";
    sessionStorage.removeItem(STORED);
    this.setPlace(
      { at, from: "your location" },
      "Distances are from your location, as your browser gave it, in a straight line." + outside,
    );
    this.sortByDistance();
  }

  forget() {
    this.setPlace(null, "Your postcode or location has been forgotten.");
    this.showError("");
    this.element("lo-near-postcode").value = "";
    sessionStorage.removeItem(STORED);
    const sort = this.form.elements.sort;
    if (sort && sort.value === "distance") sort.value = "";
    this.element("lo-near-postcode").focus();
    this.onChange();
  }

  milesTo(service) {
    if (!service.at) return null;
    return Math.min(...service.at.map((point) => milesBetween(this.place.at, point)));
  }

  // The results to show, in order, and a sentence for the announcement: `numbers` are
  // services by their place in the directory's order. Unchanged when no place is known,
  // except for a note if the family asked for distances.
  async arrangeNumbers(numbers, params) {
    if (!this.place) return { numbers, note: this.missingPlaceNote(params) };
    const { kept, note } = await this.measure(numbers, params);
    return { numbers: kept.map((row) => row.number), note };
  }

  missingPlaceNote(params) {
    this.rows = new Map();
    const asked = Number(params.get("within")) || params.get("sort") === "distance";
    return this.enabled && asked ? "To use distances, enter a postcode or use your location." : "";
  }

  // Measure every matching service, drop those further than "within" (never those with no
  // venue), and put the nearest first if asked.
  async measure(numbers, params) {
    const within = Number(params.get("within")) || 0;
    const nearest = params.get("sort") === "distance";
    const data = await this.loadData();
    const rows = numbers.map((number) => {
      const service = data.services[number];
      return { ...service, number, miles: this.milesTo(service) };
    });
    this.rows = new Map(rows.map((row) => [row.slug, row]));
    let kept = within ? rows.filter((row) => row.miles === null || row.miles <= within) : rows;
    if (nearest) {
      // Array sort is stable: equal distances, and services with no venue, keep name order.
      const order = (row) => (row.miles === null ? Infinity : row.miles);
      kept = [...kept].sort((a, b) => (order(a) === order(b) ? 0 : order(a) - order(b)));
    }
    return { kept, note: this.describe(kept, within, nearest) };
  }

  describe(kept, within, nearest) {
    const placeless = kept.filter((row) => row.miles === null).length;
    const parts = [];
    if (nearest) parts.push(`Nearest first, from ${this.place.from}.`);
    else parts.push(`Distances are from ${this.place.from}.`);
    if (placeless) {
      const which = plural(placeless, "service has", "services have");
      const where = nearest ? " They are listed last." : "";
      const keptIn = within ? ` They are kept in, whatever the distance.${where}` : where;
      parts.push(`${which} no venue to visit, or no known place.${keptIn}`);
    }
    return parts.join(" ");
  }

  // Add the distance, or why there is none, to a service's result card.
  markCard(card, data) {
    if (!this.place) return;
    const match = new URL(data.url, location.href).pathname.match(/\/services\/([^/]+)\/$/);
    const row = match && this.rows.get(match[1]);
    if (!row) return;
    const line = document.createElement("p");
    line.className = "lo-distance";
    if (row.miles !== null) {
      line.textContent = distanceText(row.miles);
    } else if (row.how !== undefined) {
      line.textContent = row.how ? `No venue to visit: ${row.how}` : "No venue to visit";
    } else {
      line.textContent = "Distance not known";
    }
    card.querySelector("h3, h2").after(line);
  }
}
