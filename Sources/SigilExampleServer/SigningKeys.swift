import SigilJSON
import SigilJWT
import SigilMCP
import SigilSystem

/// How `sigil-server` signs and verifies tokens: an HS256 secret (the default), or a private
/// key from `--signing-key` (RSA, EC P-256/P-384/P-521 or Ed25519) whose public half is
/// published as a JWK Set.
struct SigningKeys {
    /// Issues and verifies the server's tokens.
    let provider: JWTProvider
    /// The JWK Set of the public key (`{"keys":[…]}`), or `nil` with an HMAC secret.
    let publishedKeys: JSONObject?

    /// The largest PEM file read for `--signing-key` (a 16384-bit PKCS#8 key is under 13 KB).
    static let maximumKeyFileBytes = 64 * 1024

    /// The algorithms `--signing-alg` may name: every asymmetric JWS algorithm Sigil signs
    /// (RFC 7518 §3.3–§3.5, RFC 8037 §3.1).
    ///
    /// Which of them a key allows, its family decides.
    static let asymmetricAlgorithms: [JWTAlgorithm] =
        JWTAlgorithm.rsaPKCS1Algorithms + JWTAlgorithm.rsaPSSAlgorithms + JWTAlgorithm.ecdsaAlgorithms
        + JWTAlgorithm.edDSAAlgorithms

    /// The keys for a command line: `--signing-key` (and `--signing-alg`), else the HS256
    /// secret from `SIGIL_JWT_SECRET` or the demo secret (with a warning on standard error).
    static func load(_ options: ServerOptions) -> Result<SigningKeys, CommandLineError> {
        if let path = options.signingKeyPath {
            return privateKey(path: path, algorithm: options.signingAlgorithm)
        }
        return hmac()
    }

    /// A private key from a PEM file, of any family SigilJWT reads: RSA (PKCS#8 or PKCS#1),
    /// EC P-256/P-384/P-521 (SEC 1 `EC PRIVATE KEY` or PKCS#8) or Ed25519 (PKCS#8).
    ///
    /// The algorithm is `algorithm` when given, which the key must support (an RSA key
    /// signs RS256/384/512 and PS256/384/512); otherwise the key's own: RS256 for RSA, the
    /// curve's ES256/ES384/ES512 for EC (RFC 7518 §3.4), EdDSA for Ed25519 (RFC 8037 §3.1).
    /// Tokens carry kid = the key's RFC 7638 thumbprint and are verified with the public key
    /// only. No message ever shows key material.
    static func privateKey(path: String, algorithm requested: JWTAlgorithm?) -> Result<SigningKeys, CommandLineError> {
        let bytes: [UInt8]
        do {
            bytes = try POSIXFile.readAll(path, maximumBytes: maximumKeyFileBytes)
        } catch {
            return .failure(CommandLineError(.invalidValue, "cannot read --signing-key: \(error)"))
        }
        let usable =
            "--signing-key \(path) is not a usable private key (PEM: PKCS#8 \"PRIVATE KEY\" of RSA, EC or "
            + "Ed25519; \"RSA PRIVATE KEY\" of at least 2048 bits; or \"EC PRIVATE KEY\" on P-256, P-384 or P-521)"
        let pem = String(decoding: bytes, as: UTF8.self)
        let key: JWTKey
        do {
            key = try JWTKey(pem: pem)
        } catch {
            // JWTError's reason never contains key material.
            return .failure(CommandLineError(.invalidValue, usable + ": \(error.reason)"))
        }
        guard key.canSign else {
            return .failure(
                CommandLineError(.invalidValue, usable + ": it holds a public key; signing needs the private key"))
        }
        let supported = asymmetricAlgorithms.filter { key.supports($0) }
        let algorithm = requested ?? key.algorithm
        guard key.supports(algorithm) else {
            return .failure(
                CommandLineError(
                    .invalidValue,
                    "--signing-alg \(algorithm) cannot be used with --signing-key \(path): this key signs "
                        + supported.map(\.rawValue).joined(separator: ", ")))
        }
        let keyID: String
        let signingKey: JWTKey
        let verificationKey: JWTKey
        do {
            let unnamed = try key.withAlgorithm(algorithm)
            keyID = unnamed.jwkThumbprint ?? ""
            signingKey = unnamed.withKeyID(keyID)
            // The verifier holds the public half only, read back from the JWK it publishes.
            guard let publicJWK = signingKey.publicJWK else {
                return .failure(CommandLineError(.invalidValue, usable + ": it has no public key to publish"))
            }
            verificationKey = try JWTKey(jwk: JSONValue.object(publicJWK).serialized())
        } catch {
            return .failure(CommandLineError(.invalidValue, "--signing-key: \(error.reason)"))
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

    /// The verifier's options.
    ///
    /// `iss`, `aud` and `jti` are checked by the blog itself, after verification (``BlogService``'s token rules),
    /// because with `--accept-legacy-tokens` a token may lack them; so the verifier lets `aud` through to that check.
    static var verificationOptions: JWTValidationOptions {
        var options = JWTValidationOptions()
        options.acceptsAudienceWithoutConfiguredAudiences = true
        return options
    }

    /// The HS256 secret: `SIGIL_JWT_SECRET` (at least 32 bytes), else the public demo secret.
    static func hmac() -> Result<SigningKeys, CommandLineError> {
        let secret: [UInt8]
        if let configured = Environment.value(SigilDemo.secretEnvironmentVariable) {
            secret = Array(configured.utf8)
            guard secret.count >= 32 else {
                return .failure(
                    CommandLineError(
                        .invalidValue,
                        "\(SigilDemo.secretEnvironmentVariable) is \(secret.count) bytes; "
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
            return .failure(CommandLineError(.invalidValue, "the secret cannot be used: \(error.reason)"))
        }
    }
}
