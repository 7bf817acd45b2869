import SigilJWT

/// Where `sigil-token` gets its keys: a secret file, `--key` (PEM, JWK or JWKS, recognised
/// by content), `SIGIL_JWT_SECRET`, or the demo secret with a warning.
enum KeyLoading {
    /// The HMAC secret: the file's bytes (one trailing newline removed), else
    /// `SIGIL_JWT_SECRET`, else the demo secret, with a warning on stderr.
    static func secret(file: String?, command: String) throws(UsageError) -> [UInt8] {
        if let file {
            var bytes = try SystemIO.readFile(file).get()
            if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            guard !bytes.isEmpty else { throw UsageError("the secret file \(file) is empty", command: command) }
            return bytes
        }
        if let secret = SystemIO.environment(SigilDemo.secretEnvironmentVariable), !secret.isEmpty {
            return Array(secret.utf8)
        }
        SystemIO.printError(
            "warning: \(SigilDemo.secretEnvironmentVariable) is not set; using the public demo secret. "
                + "Anyone can forge tokens with it.")
        return Array(SigilDemo.secret.utf8)
    }

    /// An HMAC key from a secret, with the error a user can act on.
    static func hmacKey(_ secret: [UInt8], algorithm: JWTAlgorithm, command: String) throws(UsageError) -> JWTKey {
        do {
            return try JWTKey.hmac(secret, algorithm: algorithm)
        } catch {
            throw UsageError(
                "the secret is unusable for \(algorithm): \(error.reason). "
                    + "Use at least \(algorithm.digestByteCount) random bytes.",
                command: command)
        }
    }

    /// What a `--key` file holds, recognised by content.
    enum KeyFileKind {
        case pem(String)
        case jwk(String)
        /// A JWK Set, parsed once when the file was recognised.
        case jwks(JWTKeySet)
    }

    static func keyFile(_ path: String, command: String) throws(UsageError) -> KeyFileKind {
        let bytes = try SystemIO.readFile(path).get()
        let text = String(decoding: bytes, as: UTF8.self)
        // "\r\n" is one Character in Swift: it must be listed on its own.
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }
        if trimmed.hasPrefix("-----BEGIN") { return .pem(text) }
        if trimmed.hasPrefix("{") {
            // A JWK Set has a "keys" member; parse to tell, without guessing from substrings,
            // and keep the parsed set so that it is not parsed a second time.
            if let set = try? JWTKeySet(jwks: text), set.count > 0 { return .jwks(set) }
            return .jwk(text)
        }
        throw UsageError("\(path) is neither a PEM key nor a JWK / JWK Set", command: command)
    }
}

extension KeyLoading {
    /// A signing key from `--key`: a JWK (an `oct` secret, or an RSA private key) or a PEM
    /// RSA private key.
    static func privateKey(_ path: String, algorithm: JWTAlgorithm?, command: String) throws(UsageError) -> JWTKey {
        switch try keyFile(path, command: command) {
        case .jwk(let text):
            do {
                return try JWTKey(jwk: text, algorithm: algorithm)
            } catch {
                throw UsageError("\(path): \(error.reason)", command: command)
            }
        case .jwks:
            throw UsageError("\(path) is a JWK Set; sign with a single JWK or a PEM private key", command: command)
        case .pem(let text):
            return try rsaPrivateKey(pem: text, algorithm: algorithm ?? .rs256, path: path, command: command)
        }
    }

    /// Verification keys for `verify`: `--key` (PEM public key, JWK or JWKS), else an HMAC
    /// secret. `algorithms` is the `--alg` list; for a PEM key or a secret the key's
    /// algorithm is taken from it (when it names one of the key's family), else the
    /// family's default. When the list names several algorithms of the family, the token's
    /// own `alg` picks among them (all are allowed, and the key material is the same).
    static func verificationKeys(
        keyPath: String?,
        secretFile: String?,
        algorithms: [JWTAlgorithm],
        tokenAlgorithm: JWTAlgorithm?,
        command: String
    ) throws(UsageError) -> JWTKeySet {
        func pick(rsa: Bool) -> JWTAlgorithm {
            let family = algorithms.filter { $0.isRSA == rsa }
            if let tokenAlgorithm, family.contains(tokenAlgorithm) { return tokenAlgorithm }
            return family.first ?? (rsa ? .rs256 : .hs256)
        }
        if let keyPath {
            guard secretFile == nil else { throw UsageError("give --key or --secret-file, not both", command: command) }
            switch try keyFile(keyPath, command: command) {
            case .jwks(let set):
                return set
            case .jwk(let text):
                do {
                    return JWTKeySet(try JWTKey(jwk: text))
                } catch {
                    throw UsageError("\(keyPath): \(error.reason)", command: command)
                }
            case .pem(let text):
                return JWTKeySet(
                    try rsaPublicKey(pem: text, algorithm: pick(rsa: true), path: keyPath, command: command))
            }
        }
        let secret = try secret(file: secretFile, command: command)
        return JWTKeySet(try hmacKey(secret, algorithm: pick(rsa: false), command: command))
    }
}
