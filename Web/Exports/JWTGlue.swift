import SigilBase64
import SigilJSON
import SigilJWT

/// Everything the module asks of SigilJWT, in one place: key material to keys, options to
/// `JWTValidationOptions`, and the verify and sign calls, with key handling as in
/// `sigil-token verify` and `generate`, so that both give the same verdicts.
enum JWTGlue {
    /// An algorithm this build implements.
    struct Algorithm {
        let name: String
        /// Whether its key is a shared secret (else a public/private key pair).
        let usesSecret: Bool
    }

    /// The algorithms of every family this build links, HMAC first (`Web/build --families`
    /// leaves families out with the compilation conditions SigilJWT's key readers use).
    static let implemented: [JWTAlgorithm] = {
        var algorithms = JWTAlgorithm.hmacAlgorithms
        #if !SIGIL_WITHOUT_RSA
        algorithms += JWTAlgorithm.rsaPKCS1Algorithms + JWTAlgorithm.rsaPSSAlgorithms
        #endif
        #if !SIGIL_WITHOUT_ECDSA
        algorithms += JWTAlgorithm.ecdsaAlgorithms
        #endif
        #if !SIGIL_WITHOUT_EDDSA
        algorithms += JWTAlgorithm.edDSAAlgorithms
        #endif
        return algorithms
    }()

    /// Every algorithm this build implements.
    static func algorithms() -> [Algorithm] {
        implemented.map { Algorithm(name: $0.rawValue, usesSecret: JWTAlgorithm.hmacAlgorithms.contains($0)) }
    }

    /// Verifies as `sigil-token verify` does.
    static func verify(_ request: VerifyRequest) -> [UInt8] {
        do throws(JWTError) {
            var algorithms: [JWTAlgorithm] = []
            for name in request.algorithms {
                guard let algorithm = implemented.first(where: { $0.rawValue == name }) else {
                    throw JWTError(.unsupportedAlgorithm, "the allowed algorithm \(name) is not one Sigil implements")
                }
                algorithms.append(algorithm)
            }
            var options = JWTValidationOptions()
            if !algorithms.isEmpty { options.allowedAlgorithms = Set(algorithms) }
            if let issuers = request.issuers { options.issuers = Set(issuers) }
            if let audiences = request.audiences { options.audiences = Set(audiences) }
            if let leeway = request.leeway { options.leeway = leeway }
            options.clock = .fixed(request.now)
            options.requiredClaims = Set(request.requiredClaims)
            options.expectedType = request.type
            options.requireExpiration = request.requireExpiration

            let (keys, keyType) = try verificationKeys(request.key, allowShortSecret: request.allowShortSecret)
            let verified = try JWTVerifier(keys: keys, options: options).verify(request.token)

            var writer = JSONWriter(capacity: 512)
            writer.writeRaw("{\"valid\":true,\"header\":")
            writer.write(.object(verified.header))
            writer.writeRaw(",\"payload\":")
            writer.write(.object(verified.claims.object))
            writer.writeRaw(",\"algorithm\":")
            writer.writeString(verified.algorithm.rawValue)
            writer.writeRaw(",\"keyType\":")
            writer.writeString(keyType)
            writer.writeRaw("}")
            return writer.bytes
        } catch {
            return failure(verification: true, code: error.code.description, message: error.reason)
        }
    }

    /// Signs `request.header` and `request.payload`, setting the header's `alg` (and its
    /// `kid` from a JWK's, when the header has none).
    static func sign(_ request: SignRequest) -> [UInt8] {
        do throws(JWTError) {
            guard let algorithm = implemented.first(where: { $0.rawValue == request.algorithm }) else {
                throw JWTError(
                    isNone(request.algorithm) ? .algorithmNotAllowed : .unsupportedAlgorithm,
                    "Sigil does not sign with \(request.algorithm)")
            }
            let key = try signingKey(request.key, algorithm: algorithm, allowShortSecret: request.allowShortSecret)
            var header = request.header
            header["alg"] = .string(algorithm.rawValue)
            if header["kid"] == nil, let keyID = key.keyID { header["kid"] = .string(keyID) }

            var headerJSON = JSONWriter(capacity: 128)
            headerJSON.write(.object(header))
            var payloadJSON = JSONWriter(capacity: 256)
            payloadJSON.write(request.payload)
            var token: [UInt8] = []
            headerJSON.bytes.withUnsafeBytes { Base64URL.encode($0, into: &token) }
            token.append(UInt8(ascii: "."))
            payloadJSON.bytes.withUnsafeBytes { Base64URL.encode($0, into: &token) }
            let signature = try key.signature(for: token)
            token.append(UInt8(ascii: "."))
            signature.withUnsafeBytes { Base64URL.encode($0, into: &token) }

            var writer = JSONWriter(capacity: token.count + 256)
            writer.writeRaw("{\"token\":\"")
            writer.writeRaw(token)
            writer.writeRaw("\",\"header\":")
            writer.writeRaw(headerJSON.bytes)
            writer.writeRaw(",\"payload\":")
            writer.writeRaw(payloadJSON.bytes)
            writer.writeRaw("}")
            return writer.bytes
        } catch {
            return failure(verification: false, code: error.code.description, message: error.reason)
        }
    }

    /// Whether `name` is `none` in any letter case (the unsecured JWS, RFC 7518 §3.6),
    /// comparing ASCII bytes: `String.lowercased()` would link the Unicode case-mapping
    /// tables, and no other character lowercases to these letters.
    static func isNone(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count == 4 else { return false }
        return zip(bytes, "none".utf8).allSatisfy { $0 | 0x20 == $1 }
    }

    /// The keys for `verify`, chosen as `sigil-token verify --key / --secret-file` chooses
    /// them: a PEM key named by its RFC 7638 thumbprint, a JWK, a JWK Set, or an HMAC secret;
    /// a PEM key, a secret and a JWK without `alg` are not pinned: they verify whichever
    /// allowed algorithm of their family the token names (the family's default when no
    /// algorithm is allowed explicitly).
    static func verificationKeys(_ key: KeyText, allowShortSecret: Bool) throws(JWTError) -> (JWTKeySet, String) {
        switch key {
        case .pem(let text):
            let key = try JWTKey(pem: text)
            return (JWTKeySet(key.withKeyID(key.jwkThumbprint)), "pem")
        case .json(let text):
            if case .object(let object)? = try? JSONValue.parse(text), object["keys"] != nil {
                return (try JWTKeySet(jwks: object), "jwks")
            }
            return (JWTKeySet(try JWTKey(jwk: text)), "jwk")
        case .secret(let bytes):
            let key = allowShortSecret ? try JWTKey.unsafeShortHMAC(bytes) : try JWTKey.hmac(bytes)
            return (JWTKeySet(key), "secret")
        }
    }

    /// The key for `sign`: an HMAC secret, a PEM private key or a single JWK.
    static func signingKey(_ key: KeyText, algorithm: JWTAlgorithm, allowShortSecret: Bool) throws(JWTError) -> JWTKey {
        switch key {
        case .pem(let text):
            return try JWTKey(pem: text, algorithm: algorithm)
        case .json(let text):
            return try JWTKey(jwk: text, algorithm: algorithm)
        case .secret(let bytes):
            guard JWTAlgorithm.hmacAlgorithms.contains(algorithm) else {
                throw JWTError(.invalidKey, "\(algorithm) signs with a private key (PEM or JWK), not a secret")
            }
            return allowShortSecret
                ? try JWTKey.unsafeShortHMAC(bytes, algorithm: algorithm) : try JWTKey.hmac(bytes, algorithm: algorithm)
        }
    }
}
