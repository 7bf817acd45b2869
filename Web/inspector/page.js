// The inspector page: everything runs here, on sigil.wasm embedded above. Nothing is
// fetched, stored or sent; token and key text only ever reach the DOM as text nodes.

const $ = (id) => document.getElementById(id);

/** Public example secrets that must never protect real tokens. */
const PUBLISHED_SECRETS = new Set([
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "secret",
    "sigil-demo-secret-PUBLIC-do-not-use-in-production",
]);
const KEY_HEADERS = ["jku", "x5u", "jwk", "x5c"];
const LONG_LIFETIME = 24 * 3600;

function wasmBytes() {
    const text = $("sigil-wasm").textContent.trim();
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
}

const sigil = await Sigil.load(wasmBytes());
const algorithms = sigil.algorithms();
window.sigilInspector = { sigil }; // for the browser test: WASI stub call counts

// ---------------------------------------------------------------- small helpers

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

function base64urlText(segment) {
    try {
        const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
        const binary = atob(base64 + "===".slice((base64.length + 3) % 4));
        const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        return null;
    }
}

/** Re-indents JSON text (already known to be valid) and colours it, keeping every literal exact. */
function prettyJSON(text) {
    const fragment = document.createDocumentFragment();
    const tokens = text.match(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/g) ?? [];
    let depth = 0;
    const indent = () => "\n" + "  ".repeat(depth);
    for (let index = 0; index < tokens.length; index += 1) {
        const token = tokens[index];
        const next = tokens[index + 1];
        if (token === "{" || token === "[") {
            const empty = next === (token === "{" ? "}" : "]");
            fragment.append(empty ? token + next : token);
            if (empty) index += 1;
            else { depth += 1; fragment.append(indent()); }
        } else if (token === "}" || token === "]") {
            depth -= 1;
            fragment.append(indent() + token);
        } else if (token === ",") {
            fragment.append("," + indent());
        } else if (token === ":") {
            fragment.append(": ");
        } else if (token.startsWith('"')) {
            fragment.append(element("span", next === ":" ? "j-key" : "j-str", token));
        } else if (token === "true" || token === "false" || token === "null") {
            fragment.append(element("span", "j-lit", token));
        } else {
            fragment.append(element("span", "j-num", token));
        }
    }
    return fragment;
}

function relative(seconds) {
    const magnitude = Math.abs(seconds);
    if (magnitude < 59.5) return `${Math.round(magnitude)} s`;
    if (Math.round(magnitude / 60) < 60) return `${Math.round(magnitude / 60)} min`;
    if (Math.round(magnitude / 3600) < 24) return `${Math.round(magnitude / 3600)} h`;
    if (Math.round(magnitude / 86400) < 365) return `${Math.round(magnitude / 86400)} d`;
    return `${(magnitude / (365.25 * 86400)).toFixed(1)} years`;
}

function localDate(seconds) {
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime())) return "out of range";
    return date.toLocaleString(undefined, {
        year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
        timeZoneName: "short",
    });
}

function secretBytes(text, format) {
    try {
        if (format === "hex") return /^[0-9a-fA-F]*$/.test(text.trim()) ? Math.floor(text.trim().length / 2) : null;
        if (format === "base64") return atob(text.trim().replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "")
            + "===".slice((text.trim().replace(/=+$/, "").length + 3) % 4)).length;
        return new TextEncoder().encode(text.replace(/\r?\n$/, "")).length;
    } catch {
        return null;
    }
}

function keyKind(text) {
    const start = text.trimStart();
    if (start.startsWith("-----BEGIN")) return "pem";
    if (start.startsWith("{")) return "json";
    return text.length ? "secret" : "none";
}

function checkedValue(name) {
    return document.querySelector(`input[name="${name}"]:checked`).value;
}

function nowSeconds() {
    const field = $("now").value;
    if (field) {
        const parsed = new Date(field).getTime();
        if (!Number.isNaN(parsed)) return Math.floor(parsed / 1000);
    }
    return Math.floor(Date.now() / 1000);
}

function showSegments(target, token) {
    target.replaceChildren();
    if (!token) return;
    const parts = token.split(".");
    const classes = ["seg-h", "seg-p", "seg-s"];
    parts.forEach((part, index) => {
        if (index > 0) target.append(element("span", "seg-dot", "."));
        target.append(element("span", classes[index] ?? "seg-x", part));
    });
}

function setVerdict(box, title, detail, kind) {
    box.className = `verdict ${kind}`;
    box.querySelector("strong").textContent = title;
    box.querySelector("span").textContent = detail;
}

let toastTimer = 0;
function toast(text) {
    let node = document.querySelector(".toast");
    if (!node) {
        node = element("div", "toast");
        node.setAttribute("role", "status");
        document.body.append(node);
    }
    node.textContent = text;
    node.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => node.classList.remove("show"), 1200);
}

async function copy(text) {
    try {
        await navigator.clipboard.writeText(text);
    } catch {
        const area = element("textarea");
        area.value = text;
        document.body.append(area);
        area.select();
        document.execCommand("copy");
        area.remove();
    }
    toast("Copied");
}

// ---------------------------------------------------------------- inspect and verify

function algorithmBoxes() {
    const set = $("algorithms");
    for (const algorithm of algorithms) {
        const label = element("label");
        const box = element("input");
        box.type = "checkbox";
        box.value = algorithm.name;
        box.name = "allowed-algorithm";
        label.append(box, algorithm.name);
        set.append(label);
    }
}

function claimRows(payload, now) {
    const list = $("claims");
    list.replaceChildren();
    if (!payload || typeof payload !== "object") {
        list.append(element("dd", "muted", "No claims to show."));
        return;
    }
    const add = (name, value, why, className) => {
        list.append(element("dt", null, name));
        const detail = element("dd", className);
        detail.append(value);
        detail.append(element("span", "why", why));
        list.append(detail);
    };
    const date = (name, why, phrase) => {
        const value = payload[name];
        if (value === undefined) return;
        if (typeof value !== "number" || !Number.isFinite(value)) {
            add(name, JSON.stringify(value), `${why}; not a NumericDate (wrongClaimType)`, "past");
            return;
        }
        const [text, past] = phrase(value - now);
        add(name, `${localDate(value)}: ${text}`, why, past ? "past" : "future");
    };
    date("exp", "Expiration time (RFC 7519 §4.1.4)", (delta) =>
        delta <= 0 ? [`expired ${relative(delta)} ago`, true] : [`expires in ${relative(delta)}`, false]);
    date("nbf", "Not before (RFC 7519 §4.1.5)", (delta) =>
        delta > 0 ? [`not valid for another ${relative(delta)}`, true] : [`valid since ${relative(delta)} ago`, false]);
    date("iat", "Issued at (RFC 7519 §4.1.6)", (delta) =>
        delta > 0 ? [`issued in the future (${relative(delta)} ahead)`, true] : [`issued ${relative(delta)} ago`, false]);
    const text = (name, why) => {
        if (payload[name] === undefined) return;
        const value = payload[name];
        add(name, typeof value === "string" ? value : JSON.stringify(value), why);
    };
    text("iss", "Issuer: who made the token (RFC 7519 §4.1.1)");
    text("sub", "Subject: whom the token is about (RFC 7519 §4.1.2)");
    text("aud", "Audience: who must accept it (RFC 7519 §4.1.3)");
    text("jti", "JWT ID: unique, for detecting replays (RFC 7519 §4.1.7)");
    if (!list.childElementCount) list.append(element("dd", "muted", "No registered claims."));
}

function warnings(header, payload, now) {
    const found = [];
    if (header && typeof header === "object") {
        const alg = typeof header.alg === "string" ? header.alg : "";
        if (alg.toLowerCase() === "none") {
            found.push(["danger", 'alg is "none": an unsigned token that anyone can write. Sigil never accepts it (RFC 8725 §3.1).']);
        } else if (!algorithms.some((known) => known.name === alg)) {
            found.push(["danger", `alg ${JSON.stringify(header.alg)} is not an algorithm Sigil implements.`]);
        }
        for (const name of KEY_HEADERS) {
            if (header[name] !== undefined) {
                found.push(["danger", `The header carries "${name}": a key (or where to fetch one) chosen by whoever made the token. A verifier must ignore it and use its own keys (RFC 8725 §3.10).`]);
            }
        }
    }
    if (payload && typeof payload === "object") {
        if (payload.exp === undefined) {
            found.push(["", "No exp: this token never expires, and a stolen copy works forever."]);
        } else if (typeof payload.exp === "number") {
            const start = typeof payload.iat === "number" ? payload.iat : now;
            const lifetime = payload.exp - start;
            if (lifetime > LONG_LIFETIME) {
                found.push(["", `Very long lifetime: ${relative(lifetime)} ${typeof payload.iat === "number" ? "from iat to exp" : "from now to exp"}. Access tokens usually live minutes to hours.`]);
            }
        }
    }
    const key = $("key").value;
    const alg = header && typeof header.alg === "string" ? header.alg : "";
    const hmac = algorithms.find((known) => known.name === alg && known.key === "secret");
    if (key && keyKind(key) === "secret") {
        const format = checkedValue("key-format");
        const count = secretBytes(key, format);
        const needed = hmac ? Number(hmac.name.slice(2)) / 8 : 32;
        if (PUBLISHED_SECRETS.has(key.replace(/\r?\n$/, ""))) {
            found.push(["danger", "Weak HMAC secret: this is a published example secret; anyone can forge tokens with it."]);
        } else if (count !== null && count < needed) {
            found.push(["danger", `Weak HMAC secret: ${count} bytes; ${hmac ? hmac.name : "HS256"} needs at least ${needed} random bytes (RFC 7518 §3.2). A short secret can be guessed offline from one token.`]);
        } else if (format === "text" && /^[a-z ]+$/i.test(key) && count < 64) {
            found.push(["", "The secret looks like words, not random bytes: prefer 32+ random bytes in base64 or hex."]);
        }
    }
    const list = $("warnings");
    list.replaceChildren();
    for (const [kind, text] of found) list.append(element("li", kind, text));
    if (!found.length) list.append(element("li", "none", "None."));
}

function inspect() {
    const token = $("token").value.trim();
    showSegments($("segments"), token);
    const now = nowSeconds();
    const verdict = $("verdict");
    $("header").replaceChildren();
    $("payload").replaceChildren();
    $("header-alg").textContent = "";
    $("segment-info").textContent = "";
    if (!token) {
        claimRows(null, now);
        warnings(null, null, now);
        setVerdict(verdict, "UNVERIFIED", "Paste a token, then a key, to check the signature and the claims.", "unverified");
        return;
    }
    const decoded = sigil.decode(token);
    if (decoded.error) {
        $("header").textContent = "—";
        $("payload").textContent = "—";
        claimRows(null, now);
        warnings(null, null, now);
        setVerdict(verdict, `INVALID: ${decoded.error}`, decoded.message, "invalid");
        return;
    }
    const [headerSegment, payloadSegment] = token.split(".");
    $("header").append(prettyJSON(base64urlText(headerSegment) ?? JSON.stringify(decoded.header)));
    if (typeof decoded.payload === "string") {
        $("payload").textContent = decoded.payload;
    } else {
        $("payload").append(prettyJSON(base64urlText(payloadSegment) ?? JSON.stringify(decoded.payload)));
    }
    if (typeof decoded.header.alg === "string") $("header-alg").textContent = decoded.header.alg;
    $("segment-info").textContent = decoded.signatureBytes === null
        ? "(the signature is not valid base64url)" : `(${token.length} characters, ${decoded.signatureBytes}-byte signature)`;
    claimRows(decoded.payload, now);
    warnings(decoded.header, decoded.payload, now);

    const key = $("key").value;
    if (!key.trim()) {
        setVerdict(verdict, "UNVERIFIED", "The signature has not been checked: paste a key. Do not trust the content shown.", "unverified");
        return;
    }
    const options = {
        key,
        keyFormat: checkedValue("key-format"),
        now,
        allowShortSecret: $("allow-short").checked,
        algorithms: [...document.querySelectorAll('input[name="allowed-algorithm"]:checked')].map((box) => box.value),
    };
    const issuer = $("issuer").value.trim();
    const audience = $("audience").value.trim();
    if (issuer) options.issuers = [issuer];
    if (audience) options.audiences = [audience];
    const leeway = $("leeway").value.trim();
    if (leeway !== "") options.leeway = Math.max(0, Math.floor(Number(leeway)) || 0);
    const result = sigil.verify(token, options);
    if (result.valid) {
        const kind = { secret: "the secret", pem: "the PEM key", jwk: "the JWK", jwks: "the JWK Set" }[result.keyType] ?? "the key";
        setVerdict(verdict, "VALID", `Signature verified with ${kind} (${result.algorithm}); claims valid at ${localDate(now)}.`, "valid");
    } else {
        setVerdict(verdict, `INVALID: ${result.error}`, result.message, "invalid");
    }
}

// ---------------------------------------------------------------- signing

function signKeyLabel() {
    const algorithm = algorithms.find((known) => known.name === $("sign-alg").value);
    const secret = algorithm?.key === "secret";
    $("sign-key-label").textContent = secret
        ? "Secret (at least as many bytes as the hash: 32, 48 or 64)"
        : "Private key: PEM (PRIVATE KEY or RSA PRIVATE KEY) or a private JWK";
    $("sign-key").placeholder = secret ? "a long random secret" : "-----BEGIN PRIVATE KEY----- …";
}

function setTimes() {
    let payload;
    try {
        payload = JSON.parse($("sign-payload").value || "{}");
    } catch {
        payload = {};
    }
    const now = Math.floor(Date.now() / 1000);
    payload.iat = now;
    payload.exp = now + 3600;
    $("sign-payload").value = JSON.stringify(payload, null, 2);
}

let signedToken = "";
function sign() {
    const result = sigil.sign($("sign-header").value, $("sign-payload").value, {
        key: $("sign-key").value,
        algorithm: $("sign-alg").value,
        keyFormat: checkedValue("sign-key-format"),
        allowShortSecret: $("sign-allow-short").checked,
    });
    const box = $("sign-result");
    if (result.error) {
        signedToken = "";
        setVerdict(box, `Not signed: ${result.error}`, result.message, "invalid");
        showSegments($("sign-output"), "");
    } else {
        signedToken = result.token;
        setVerdict(box, `Signed (${result.header.alg})`, "A test token. Inspect it, or copy it.", "valid");
        showSegments($("sign-output"), result.token);
    }
    $("sign-inspect").disabled = !signedToken;
    $("sign-copy").disabled = !signedToken;
}

function selectTab(name) {
    for (const tab of ["inspect", "sign"]) {
        const selected = tab === name;
        $(`tab-${tab}`).setAttribute("aria-selected", String(selected));
        $(`tab-${tab}`).tabIndex = selected ? 0 : -1;
        $(`panel-${tab}`).hidden = !selected;
    }
}

// ---------------------------------------------------------------- wiring

algorithmBoxes();
for (const algorithm of algorithms) {
    const option = element("option", null, algorithm.name);
    option.value = algorithm.name;
    $("sign-alg").append(option);
}
signKeyLabel();
setTimes();
$("sign-payload").value = JSON.stringify(
    { sub: "user_alice", name: "Alice", roles: ["viewer"], ...JSON.parse($("sign-payload").value) }, null, 2);

for (const id of ["token", "key", "issuer", "audience", "leeway", "now"]) $(id).addEventListener("input", inspect);
for (const node of document.querySelectorAll('#panel-inspect input[type="radio"], #panel-inspect input[type="checkbox"]')) {
    node.addEventListener("change", inspect);
}
document.addEventListener("change", (event) => {
    if (event.target.name === "allowed-algorithm") inspect();
});
$("clear-token").addEventListener("click", () => {
    $("token").value = "";
    inspect();
    $("token").focus();
});
for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => {
        const target = $(button.dataset.copy);
        if (button.dataset.copy === "sign-output") return copy(signedToken);
        copy(target.value ?? target.textContent);
    });
}
$("tab-inspect").addEventListener("click", () => selectTab("inspect"));
$("tab-sign").addEventListener("click", () => selectTab("sign"));
for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener("keydown", (event) => {
        if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
        const next = tab.id === "tab-inspect" ? "sign" : "inspect";
        selectTab(next);
        $(`tab-${next}`).focus();
    });
}
$("sign-alg").addEventListener("change", signKeyLabel);
$("sign-times").addEventListener("click", setTimes);
$("sign-button").addEventListener("click", sign);
for (const id of ["sign-header", "sign-payload", "sign-key"]) {
    $(id).addEventListener("keydown", (event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) sign();
    });
}
$("sign-inspect").addEventListener("click", () => {
    $("token").value = signedToken;
    $("key").value = $("sign-key").value;
    document.querySelector(`input[name="key-format"][value="${checkedValue("sign-key-format")}"]`).checked = true;
    $("allow-short").checked = $("sign-allow-short").checked;
    selectTab("inspect");
    inspect();
    $("token").focus();
});
$("build-info").textContent = `(${algorithms.map((known) => known.name).join(", ")})`;
inspect();
document.body.dataset.ready = "true";
