import SigilBase64
import SigilJSON
import SigilJWT
import Testing

/// The JOSE header rules: `alg` (never `none`), `crit`, `kid`, `typ`, duplicate members,
/// and the URL/embedded-key headers that must never be trusted.
@Suite("Header rules")
struct HeaderRuleTests {
    static let payload = #"{"sub":"alice","exp":1700003600}"#

    static func verify(header: String, key: JWTKey? = nil, verifier: JWTVerifier? = nil) throws -> JWTError? {
        let signingKey = try key ?? TokenForge.hs256Key()
        let token = try TokenForge.token(header: header, payload: payload, key: signingKey)
        let verifier = try verifier ?? TokenForge.verifier(key: signingKey)
        return TokenForge.error { () throws(JWTError) in try verifier.verify(token) }
    }

    @Test("alg none is refused in every casing, signed or not", arguments: ["none", "None", "NONE", "nOnE", "NoNe"])
    func algNone(name: String) throws {
        let header = Base64URL.encode(Array(#"{"alg":"\#(name)","typ":"JWT"}"#.utf8))
        let payload = Base64URL.encode(Array(Self.payload.utf8))
        let verifier = try TokenForge.verifier()
        // The unsecured form (empty signature), and with a MAC appended.
        let unsecured = header + "." + payload + "."
        #expect(
            TokenForge.error { () throws(JWTError) in try verifier.verify(unsecured) }?.code == .algorithmNotAllowed)
        let signed = try TokenForge.token(
            header: #"{"alg":"\#(name)"}"#, payload: Self.payload, key: TokenForge.hs256Key())
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(signed) }?.code == .algorithmNotAllowed)
        // Even a verifier whose allow-list is everything.
        let permissive = try TokenForge.verifier {
            $0.allowedAlgorithms = Set(JWTAlgorithm.hmacAlgorithms + JWTAlgorithm.rsaPKCS1Algorithms)
        }
        #expect(
            TokenForge.error { () throws(JWTError) in try permissive.verify(unsecured) }?.code == .algorithmNotAllowed)
    }

    @Test("an alg that is not a registered name is unsupportedAlgorithm", arguments: ["hs256", "HS256 ", "XS256", ""])
    func unknownAlgorithm(name: String) throws {
        #expect(try Self.verify(header: #"{"alg":"\#(name)"}"#)?.code == .unsupportedAlgorithm)
    }

    @Test(
        "alg missing or not a string is malformed",
        arguments: [#"{}"#, #"{"alg":null}"#, #"{"alg":256}"#, #"{"alg":["HS256"]}"#])
    func algShape(header: String) throws {
        #expect(try Self.verify(header: header)?.code == .malformed)
    }

    @Test(
        "a header that is not a JSON object is malformed",
        arguments: [#"[]"#, #""HS256""#, #"null"#, "{", "", #"{"alg":"HS256"} x"#])
    func headerNotObject(header: String) throws {
        #expect(try Self.verify(header: header)?.code == .malformed)
    }

    @Test("alg that differs from the key's algorithm is algorithmNotAllowed")
    func algorithmMismatch() throws {
        let key384 = try JWTKey.hmac(Array(repeating: 7, count: 48), algorithm: .hs384)
        // A token signed HS256 with the same bytes, presented to the HS384 key.
        let key256 = try JWTKey.hmac(Array(repeating: 7, count: 48), algorithm: .hs256)
        let token = try TokenForge.token(header: #"{"alg":"HS256"}"#, payload: Self.payload, key: key256)
        let verifier = try TokenForge.verifier(key: key384)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .algorithmNotAllowed)
    }

    @Test("alg outside the allow-list is algorithmNotAllowed, even for the key's own algorithm")
    func allowList() throws {
        let verifier = try TokenForge.verifier { $0.allowedAlgorithms = [.hs512] }
        #expect(try Self.verify(header: #"{"alg":"HS256"}"#, verifier: verifier)?.code == .algorithmNotAllowed)
        let allowed = try TokenForge.verifier { $0.allowedAlgorithms = [.hs256] }
        #expect(try Self.verify(header: #"{"alg":"HS256"}"#, verifier: allowed) == nil)
    }

    @Test("duplicate header members are malformed (RFC 7515 §5.2)")
    func duplicateMembers() throws {
        #expect(try Self.verify(header: #"{"alg":"HS256","alg":"HS256"}"#)?.code == .malformed)
        #expect(try Self.verify(header: #"{"alg":"none","alg":"HS256"}"#)?.code == .malformed)
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":"JWT","typ":"JWT"}"#)?.code == .malformed)
    }

    @Test("crit naming anything is unsupportedCriticalHeader (RFC 7515 §4.1.11)")
    func crit() throws {
        #expect(try Self.verify(header: #"{"alg":"HS256","crit":["exp"],"exp":1}"#)?.code == .unsupportedCriticalHeader)
        #expect(
            try Self.verify(header: #"{"alg":"HS256","crit":["b64"],"b64":false}"#)?.code == .unsupportedCriticalHeader)
        #expect(try Self.verify(header: #"{"alg":"HS256","crit":["x-unknown"]}"#)?.code == .unsupportedCriticalHeader)
        // Malformed crit values.
        #expect(try Self.verify(header: #"{"alg":"HS256","crit":[]}"#)?.code == .malformed)
        #expect(try Self.verify(header: #"{"alg":"HS256","crit":"x"}"#)?.code == .malformed)
        #expect(try Self.verify(header: #"{"alg":"HS256","crit":[1]}"#)?.code == .malformed)
    }

    @Test("typ can be pinned; compared as a media type")
    func typ() throws {
        let pinned = try TokenForge.verifier { $0.expectedType = "JWT" }
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":"JWT"}"#, verifier: pinned) == nil)
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":"jwt"}"#, verifier: pinned) == nil)
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":"application/jwt"}"#, verifier: pinned) == nil)
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":"at+jwt"}"#, verifier: pinned)?.code == .typeMismatch)
        #expect(try Self.verify(header: #"{"alg":"HS256"}"#, verifier: pinned)?.code == .typeMismatch)
        // Unpinned: any string typ is fine, a non-string one is malformed.
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":"at+jwt"}"#) == nil)
        #expect(try Self.verify(header: #"{"alg":"HS256","typ":7}"#)?.code == .malformed)
        // The signer's own header passes a pin on "JWT" (and the verifier's header cache agrees).
        let token = try JWTSigner(key: TokenForge.hs256Key()).sign(["exp": 1_700_003_600])
        #expect(try pinned.verify(token).header["typ"] == "JWT")
        let atPinned = try TokenForge.verifier { $0.expectedType = "at+jwt" }
        #expect(TokenForge.error { () throws(JWTError) in try atPinned.verify(token) }?.code == .typeMismatch)
    }

    /// The verifier recognises its keys' headers in every member order without parsing them
    /// (jwt-kit's order varies from process to process); each order must give what a full
    /// parse gives, pins included.
    @Test(
        "A header verifies alike in every member order",
        arguments: [
            ["alg", "kid", "typ"], ["alg", "typ", "kid"], ["kid", "alg", "typ"],
            ["kid", "typ", "alg"], ["typ", "alg", "kid"], ["typ", "kid", "alg"],
        ])
    func memberOrder(order: [String]) throws {
        let values = ["alg": "HS256", "kid": "k1", "typ": "JWT"]
        func header(_ names: [String]) -> String {
            "{" + names.map { #""\#($0)":"\#(values[$0] ?? "")""# }.joined(separator: ",") + "}"
        }
        let key = try TokenForge.hs256Key(keyID: "k1")
        let token = try TokenForge.token(header: header(order), payload: Self.payload, key: key)
        let verified = try TokenForge.verifier(key: key).verify(token)
        #expect(verified.keyID == "k1" && verified.algorithm == .hs256)
        #expect(verified.header == (try JSONValue.parse(header(order)).objectValue))
        let atPinned = try TokenForge.verifier(key: key) { $0.expectedType = "at+jwt" }
        #expect(TokenForge.error { () throws(JWTError) in try atPinned.verify(token) }?.code == .typeMismatch)

        // The same orders without kid, for a key without one; its verifier refuses the kid.
        let plainKey = try TokenForge.hs256Key()
        let plainHeader = header(order.filter { $0 != "kid" })
        let plainToken = try TokenForge.token(header: plainHeader, payload: Self.payload, key: plainKey)
        let plainVerified = try TokenForge.verifier(key: plainKey).verify(plainToken)
        #expect(plainVerified.keyID == nil && plainVerified.header["typ"] == "JWT")
        let plainVerifier = try TokenForge.verifier(key: plainKey)
        #expect(TokenForge.error { () throws(JWTError) in try plainVerifier.verify(token) }?.code == .unknownKeyID)
    }

    @Test("kid must be a string")
    func kidShape() throws {
        #expect(try Self.verify(header: #"{"alg":"HS256","kid":1}"#)?.code == .malformed)
    }

    /// jku, x5u, jwk and x5c name or carry keys.
    ///
    /// An attacker signs with their own key and points at it; Sigil never reads these members,
    /// so the signature fails.
    @Test("jku, x5u, jwk and x5c are never used to find a key")
    func embeddedKeyHeaders() throws {
        let attacker = try JWTKey.hmac(Array(repeating: 0x41, count: 32))
        let attackerJWK = #"{"kty":"oct","k":"\#(Base64URL.encode(Array(repeating: UInt8(0x41), count: 32)))"}"#
        let headers = [
            #"{"alg":"HS256","jku":"https://attacker.example/jwks.json"}"#,
            #"{"alg":"HS256","x5u":"https://attacker.example/cert.pem"}"#,
            #"{"alg":"HS256","jwk":\#(attackerJWK)}"#,
            #"{"alg":"HS256","x5c":["MIIB"]}"#,
        ]
        let verifier = try TokenForge.verifier()
        for header in headers {
            let token = try TokenForge.token(header: header, payload: Self.payload, key: attacker)
            #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(token) }?.code == .invalidSignature)
        }
    }

    @Test("header errors come before the signature check; claim errors never do")
    func order() throws {
        // A bad signature and an expired token: the signature is what is reported.
        let expired = try TokenForge.token(payload: #"{"exp":1}"#)
        let tampered = String(expired.dropLast(2)) + (expired.hasSuffix("AA") ? "BA" : "AA")
        let verifier = try TokenForge.verifier()
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(tampered) }?.code == .invalidSignature)
        // A bad signature over a payload that is not even JSON: still the signature.
        let garbage = try TokenForge.token(payload: "not json")
        let forged = String(garbage.dropLast(2)) + (garbage.hasSuffix("AA") ? "BA" : "AA")
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(forged) }?.code == .invalidSignature)
        // With the right signature, the payload's problems show.
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(garbage) }?.code == .malformed)
        #expect(TokenForge.error { () throws(JWTError) in try verifier.verify(expired) }?.code == .expired)
    }
}
