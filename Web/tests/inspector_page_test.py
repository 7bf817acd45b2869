"""The inspector page in headless Chromium (Debian's), driven by Playwright.

Opens sigil-inspector.html from file://, pastes valid, expired, tampered, alg-none and RS256
tokens, enters keys, checks the verdicts and reasons shown, signs a token, checks that no
request left the page and that the layout does not jump, and saves screenshots.

    python3 Web/tests/inspector_page_test.py [PAGE] [SCREENSHOT_DIR]

Ends with "N passed, N failed"; exits 1 if anything failed.
"""

import base64
import hashlib
import hmac
import json
import pathlib
import sys
import time

from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "Web" / "sigil-inspector.html").resolve()
SHOTS = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "Web" / "screenshots")
CHROMIUM = "/usr/lib/chromium/chromium"

RFC = json.loads((ROOT / "Vectors" / "rfc" / "rfc7515_jws.json").read_text())["tests"]
RS256_TOKEN, RS256_PEM = RFC[3]["token"], RFC[3]["key"]["pem"]
ALG_NONE_TOKEN = RFC[4]["token"]
SECRET = "correct-horse-battery-staple-and-more-random-bytes-2026"

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition)))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hs256(claims, header=None):
    header = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = b64u(json.dumps(header).encode()) + "." + b64u(json.dumps(claims).encode())
    tag = hmac.new(SECRET.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64u(tag)


def main():
    now = int(time.time())
    valid = hs256({"iss": "https://auth.example", "sub": "user_alice", "aud": "blog-api", "iat": now - 60,
                   "exp": now + 3600, "jti": "9f1c", "roles": ["admin"]})
    expired = hs256({"sub": "user_bob", "iat": now - 4 * 3600, "exp": now - 3 * 3600})
    header, payload, signature = valid.split(".")
    forged = json.loads(base64.urlsafe_b64decode(payload + "=="))
    forged["roles"] = ["superuser"]
    tampered = header + "." + b64u(json.dumps(forged).encode()) + "." + signature
    SHOTS.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light",
                                      timezone_id="UTC", locale="en-GB")
        requests = []

        def route(route_request):
            requests.append(route_request.request.url)
            if route_request.request.url == PAGE.as_uri():
                route_request.continue_()
            else:
                route_request.abort()

        context.route("**/*", route)
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(PAGE.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=20000)
        verdict = page.locator("#verdict-title")
        detail = page.locator("#verdict-detail")

        def paste(token, key=None):
            page.fill("#token", token)
            if key is not None:
                page.fill("#key", key)

        check("the page loads with UNVERIFIED", verdict.inner_text() == "UNVERIFIED", verdict.inner_text())

        paste(valid, "")
        check("a token without a key is UNVERIFIED", verdict.inner_text() == "UNVERIFIED", verdict.inner_text())
        top_before = page.locator("#verdict").bounding_box()["y"]
        header_card_before = page.locator("#header").bounding_box()["y"]
        check("segments are colour-coded", page.locator("#segments .seg-h").count() == 1
              and page.locator("#segments .seg-p").count() == 1 and page.locator("#segments .seg-s").count() == 1)
        check("the payload is pretty-printed", '"sub": "user_alice"' in page.inner_text("#payload"),
              page.inner_text("#payload"))
        claims = page.inner_text("#claims")
        check("exp is explained as a date and a relative time", "expires in 1 h" in claims, claims)
        check("iat is explained", "issued 1 min ago" in claims, claims)
        check("iss, sub, aud and jti are shown", all(v in claims for v in
              ["https://auth.example", "user_alice", "blog-api", "9f1c"]), claims)
        page.screenshot(path=str(SHOTS / "inspector-unverified.png"))

        page.fill("#key", SECRET)
        # The token names an audience; with none entered, it is refused (RFC 7519 §4.1.3),
        # exactly as `sigil-token verify` refuses it without --audience.
        check("a token with aud and no audience entered is INVALID: audienceMismatch",
              verdict.inner_text() == "INVALID: audienceMismatch", verdict.inner_text())
        page.fill("#audience", "blog-api")
        check("a valid HS256 token with its secret and audience is VALID", verdict.inner_text() == "VALID",
              verdict.inner_text() + " " + detail.inner_text())
        check("the verdict does not move the layout", page.locator("#verdict").bounding_box()["y"] == top_before
              and page.locator("#header").bounding_box()["y"] == header_card_before)
        page.fill("#issuer", "https://auth.example")
        check("with the expected issuer and audience it stays VALID", verdict.inner_text() == "VALID",
              detail.inner_text())
        page.screenshot(path=str(SHOTS / "inspector-valid.png"), full_page=True)
        page.fill("#audience", "other-api")
        check("another audience gives audienceMismatch", verdict.inner_text() == "INVALID: audienceMismatch",
              verdict.inner_text())
        page.fill("#audience", "")
        page.fill("#issuer", "")

        paste(expired)
        check("an expired token shows INVALID: expired", verdict.inner_text() == "INVALID: expired",
              verdict.inner_text())
        check("its reason is the CLI's message", detail.inner_text() == "the token has expired", detail.inner_text())
        check("the expiry is explained relative to now", "expired 3 h ago" in page.inner_text("#claims"),
              page.inner_text("#claims"))

        paste(tampered)
        check("a tampered token shows INVALID: invalidSignature", verdict.inner_text() == "INVALID: invalidSignature",
              verdict.inner_text())
        page.fill("#key", "wrong-secret-but-long-enough-to-be-accepted-as-hs256")
        paste(valid)
        check("a wrong secret shows INVALID: invalidSignature", verdict.inner_text() == "INVALID: invalidSignature")
        page.fill("#key", "secret")
        check("a short secret shows INVALID: weakKey", verdict.inner_text() == "INVALID: weakKey", verdict.inner_text())
        check("and a weak-secret warning", "Weak HMAC secret" in page.inner_text("#warnings"),
              page.inner_text("#warnings"))
        page.fill("#key", SECRET)

        paste(ALG_NONE_TOKEN)
        check("an alg none token shows INVALID: algorithmNotAllowed",
              verdict.inner_text() == "INVALID: algorithmNotAllowed", verdict.inner_text())
        warnings = page.inner_text("#warnings")
        check("with an alg none warning", 'alg is "none"' in warnings, warnings)
        page.screenshot(path=str(SHOTS / "inspector-alg-none.png"), full_page=True)

        paste(hs256({"sub": "x", "iat": now, "exp": now + 90 * 86400},
                    {"alg": "HS256", "jku": "https://keys.example/jwks"}))
        warnings = page.inner_text("#warnings")
        check("a jku header and a very long lifetime are warned about",
              '"jku"' in warnings and "Very long lifetime" in warnings, warnings)
        paste(hs256({"sub": "x"}))
        check("a token without exp: missingClaim, and a warning", verdict.inner_text() == "INVALID: missingClaim"
              and "No exp" in page.inner_text("#warnings"), verdict.inner_text())

        paste(RS256_TOKEN, RS256_PEM)
        check("RS256 (RFC 7515 A.2) today: INVALID: expired", verdict.inner_text() == "INVALID: expired",
              verdict.inner_text())
        page.fill("#now", "2011-03-22T18:30:00")
        check("RS256 validated at 2011-03-22 with the PEM key: VALID", verdict.inner_text() == "VALID",
              verdict.inner_text() + " " + detail.inner_text())
        page.check("#algorithms input[value=RS512]")
        check("RS256 outside the allowed algorithms: algorithmNotAllowed",
              verdict.inner_text() == "INVALID: algorithmNotAllowed", verdict.inner_text())
        page.uncheck("#algorithms input[value=RS512]")
        page.fill("#key", json.dumps(RFC[3]["key"]["jwk"]))
        check("RS256 with the JWK: VALID", verdict.inner_text() == "VALID", verdict.inner_text())
        page.fill("#key", json.dumps({"keys": [RFC[3]["key"]["jwk"]]}))
        check("RS256 with a JWK Set: VALID", verdict.inner_text() == "VALID", verdict.inner_text())
        page.fill("#now", "")

        # Signing: an RS256 test token with the RFC private key, then inspected.
        page.click("#tab-sign")
        page.select_option("#sign-alg", "RS256")
        page.fill("#sign-key", json.dumps(RFC[3]["key"]["privateJwk"]))
        page.click("#sign-button")
        check("signing RS256 with a private JWK works", page.inner_text("#sign-title") == "Signed (RS256)",
              page.inner_text("#sign-title") + " " + page.inner_text("#sign-detail"))
        page.screenshot(path=str(SHOTS / "inspector-sign.png"))
        page.click("#sign-inspect")
        check("the signed token verifies in the inspector", verdict.inner_text() == "VALID",
              verdict.inner_text() + " " + detail.inner_text())
        page.click("#tab-sign")
        page.select_option("#sign-alg", "HS256")
        page.fill("#sign-key", "short")
        page.click("#sign-button")
        check("signing with a short secret is refused: weakKey", page.inner_text("#sign-title") == "Not signed: weakKey",
              page.inner_text("#sign-title"))
        page.click("#tab-inspect")

        # Keyboard: the tabs answer to the arrow keys; the token field is reachable by Tab.
        page.focus("#tab-inspect")
        page.keyboard.press("ArrowRight")
        check("arrow keys switch tabs", page.locator("#panel-sign").is_visible()
              and page.evaluate("document.activeElement.id") == "tab-sign")
        page.keyboard.press("ArrowLeft")
        page.keyboard.press("Tab")
        check("Tab moves from the tabs into the page", page.evaluate("document.activeElement.tagName") in
              ("BUTTON", "TEXTAREA"), page.evaluate("document.activeElement.id"))

        calls = page.evaluate("window.sigilInspector.sigil.wasiCalls")
        check("the WASI file stubs were never called", calls["fd_write"] == 0 and calls["fd_seek"] == 0
              and calls["fd_close"] == 0, calls)

        # Dark mode and phone width.
        dark = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark", timezone_id="UTC",
                                   locale="en-GB")
        dark.route("**/*", route)
        dark.on("request", lambda request: requests.append(request.url))
        dark_page = dark.new_page()
        dark_page.goto(PAGE.as_uri())
        dark_page.wait_for_selector("body[data-ready=true]", timeout=20000)
        dark_page.fill("#token", tampered)
        dark_page.fill("#key", SECRET)
        check("dark mode: a tampered token is INVALID", dark_page.inner_text("#verdict-title")
              == "INVALID: invalidSignature")
        background = dark_page.evaluate("getComputedStyle(document.body).backgroundColor")
        check("dark mode uses a dark background", background == "rgb(18, 20, 24)", background)
        dark_page.screenshot(path=str(SHOTS / "inspector-dark.png"), full_page=True)

        phone = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light", timezone_id="UTC",
                                    locale="en-GB", device_scale_factor=2, is_mobile=True, has_touch=True)
        phone.route("**/*", route)
        phone.on("request", lambda request: requests.append(request.url))
        phone_page = phone.new_page()
        phone_page.goto(PAGE.as_uri())
        phone_page.wait_for_selector("body[data-ready=true]", timeout=20000)
        phone_page.fill("#token", valid)
        phone_page.fill("#key", SECRET)
        phone_page.fill("#audience", "blog-api")
        check("phone width: VALID", phone_page.inner_text("#verdict-title") == "VALID")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        check("phone width: nothing scrolls sideways", width <= 390, width)
        phone_page.screenshot(path=str(SHOTS / "inspector-phone.png"), full_page=True)

        others = sorted({url for url in requests if url != PAGE.as_uri()})
        check("no request left the page (only the page itself was loaded)", not others, others)
        check("no script errors", not errors, errors)
        browser.close()

    passed = sum(1 for _, ok in results if ok)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
