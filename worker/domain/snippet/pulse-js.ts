/**
 * The first-party website snippet served at GET /snippet.js (a few hundred bytes, no dependencies):
 * `<script src="https://<pulse>/snippet.js" data-key="<ingest key>" async></script>`, then
 * `pulse.identify(email, traits)` and `pulse.track(name, properties)`. Calls made before it loads
 * (`window.pulse = window.pulse || []; pulse.push(["track", "Viewed"])`) are replayed. It posts
 * Segment-spec messages as text/plain with `writeKey` in the body, which needs no CORS preflight.
 */
export const PULSE_JS = `(function (w, d) {
  var s = d.currentScript, key = s && s.getAttribute("data-key"), base = s ? new URL(s.src).origin : "";
  var user = null, queued = Array.isArray(w.pulse) ? w.pulse : [];
  try { user = w.localStorage.getItem("pulse_user"); } catch (e) {}
  function send(type, body) {
    body.writeKey = key;
    body.messageId = (w.crypto && w.crypto.randomUUID) ? w.crypto.randomUUID() : String(Date.now()) + Math.random();
    body.timestamp = new Date().toISOString();
    body.context = { page: { url: w.location.href, referrer: d.referrer }, locale: w.navigator.language,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, library: { name: "pulse.js", version: "1" } };
    return w.fetch(base + "/v1/" + type, { method: "POST", headers: { "content-type": "text/plain" },
      body: JSON.stringify(body), keepalive: true }).then(function (r) { return r.json(); });
  }
  var pulse = {
    identify: function (email, traits) {
      user = String(email).trim().toLowerCase();
      try { w.localStorage.setItem("pulse_user", user); } catch (e) {}
      var t = {}; for (var k in traits || {}) t[k] = traits[k]; t.email = user;
      return send("identify", { userId: user, traits: t });
    },
    track: function (name, properties) {
      if (!user) return Promise.resolve({ success: false, reason: "identify first" });
      return send("track", { userId: user, event: name, properties: properties || {} });
    }
  };
  w.pulse = pulse;
  for (var i = 0; i < queued.length; i++) pulse[queued[i][0]].apply(pulse, queued[i].slice(1));
})(window, document);
`;
