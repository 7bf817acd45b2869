import SigilJSON
import SigilJWT
import SigilMCP
import SigilRSA

/// How `sigil-server` signs and verifies tokens: an HS256 secret (the default), or an RSA
/// private key from `--signing-key` whose public half is published as a JWK Set.
struct SigningKeys {
    /// Issues and verifies the server's tokens.
    let provider: JWTProvider
    /// The JWK Set of the public key (`{"keys":[…]}`), or `nil` with an HMAC secret.
    let publishedKeys: JSONObject?

    /// The largest PEM file read for `--signing-key` (a 16384-bit PKCS#8 key is under 13 KB).
    static let maxKeyFileBytes = 64 * 1024

    /// The keys for a command line: `--signing-key` (and `--signing-alg`), else the HS256
    /// secret from `SIGIL_JWT_SECRET` or the demo secret (with a warning on standard error).
    static func load(_ options: ServerOptions) -> Result<SigningKeys, ServerOptionsError> {
        if let path = options.signingKeyPath {
            return rsa(path: path, algorithm: options.signingAlgorithm)
        }
        return hmac()
    }

    /// An RSA private key from a PEM file; tokens carry kid = its RFC 7638 thumbprint and
    /// are verified with its public key only.
    static func rsa(path: String, algorithm: JWTAlgorithm) -> Result<SigningKeys, ServerOptionsError> {
        let bytes: [UInt8]
        do {
            bytes = try POSIXFile.readAll(path, maxBytes: maxKeyFileBytes)
        } catch {
            return .failure(ServerOptionsError(reason: "cannot read --signing-key: \(error)"))
        }
        let privateKey: RSA.PrivateKey
        do {
            privateKey = try RSA.PrivateKey(pemRepresentation: String(decoding: bytes, as: UTF8.self))
        } catch {
            // RSAError's reason never contains key material.
            return .failure(
                ServerOptionsError(
                    reason: "--signing-key \(path) is not a usable RSA private key (PEM \"PRIVATE KEY\" or "
                        + "\"RSA PRIVATE KEY\", at least 2048 bits): \(error.reason)"))
        }
        let keyID: String
        let signingKey: JWTKey
        let verificationKey: JWTKey
        do {
            let unnamed = try JWTKey.rsa(privateKey, algorithm: algorithm)
            keyID = unnamed.jwkThumbprint ?? ""
            signingKey = unnamed.withKeyID(keyID)
            verificationKey = try JWTKey.rsa(privateKey.publicKey, algorithm: algorithm, keyID: keyID)
        } catch {
            return .failure(ServerOptionsError(reason: "--signing-key: \(error.reason)"))
        }
        let verificationKeys = JWTKeySet(verificationKey)
        if Environment.value(SigilDemo.secretEnvironmentVariable) != nil {
            MCPLog.write(
                "sigil-server: note: \(SigilDemo.secretEnvironmentVariable) is ignored; tokens are signed with "
                    + "--signing-key (\(algorithm), kid \(keyID))")
        }
        return .success(
            SigningKeys(
                provider: JWTProvider(
                    signingKey: signingKey, verificationKeys: verificationKeys, options: verificationOptions),
                publishedKeys: verificationKeys.publicJWKS))
    }

    /// The verifier's options. `iss`, `aud` and `jti` are checked by the blog itself, after
    /// verification (``BlogService``'s token rules), because with `--accept-legacy-tokens`
    /// a token may lack them; so the verifier lets `aud` through to that check.
    static var verificationOptions: JWTValidationOptions {
        var options = JWTValidationOptions()
        options.acceptsAudienceWithoutConfiguredAudiences = true
        return options
    }

    /// The HS256 secret: `SIGIL_JWT_SECRET` (at least 32 bytes), else the public demo secret.
    static func hmac() -> Result<SigningKeys, ServerOptionsError> {
        let secret: [UInt8]
        if let configured = Environment.value(SigilDemo.secretEnvironmentVariable) {
            secret = Array(configured.utf8)
            guard secret.count >= 32 else {
                return .failure(
                    ServerOptionsError(
                        reason: "\(SigilDemo.secretEnvironmentVariable) is \(secret.count) bytes; "
                            + "at least 32 are required for HS256. Refusing to start."))
            }
        } else {
            secret = Array(SigilDemo.secret.utf8)
            MCPLog.write(
                "sigil-server: WARNING: \(SigilDemo.secretEnvironmentVariable) is not set; using the public demo "
                    + "secret. Anyone can forge tokens for this server.")
        }
        do {
            return .success(
                SigningKeys(provider: try JWTProvider(secret: secret, options: verificationOptions), publishedKeys: nil)
            )
        } catch {
            return .failure(ServerOptionsError(reason: "the secret cannot be used: \(error.reason)"))
        }
    }
}
