import SigilExampleServer
import SigilJSON
import SigilJWT
import SigilSystem

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
        if let secret = Environment.value(SigilDemo.secretEnvironmentVariable) {
            return Array(secret.utf8)
        }
        SystemIO.printError(
            "warning: \(SigilDemo.secretEnvironmentVariable) is not set; using the public demo secret. "
                + "Anyone can forge tokens with it.")
        return Array(SigilDemo.secret.utf8)
    }

    /// An HMAC key from a secret, with the error a user can act on.
    ///
    /// With `algorithm: nil` the key is not pinned: it verifies whichever HS algorithm the
    /// verifier allows.
    static func hmacKey(_ secret: [UInt8], algorithm: JWTAlgorithm?, command: String) throws(UsageError) -> JWTKey {
        do {
            return try JWTKey.hmac(secret, algorithm: algorithm)
        } catch {
            throw UsageError(
                "the secret is unusable for \(algorithm ?? .hs256): \(error.reason). "
                    + "Use at least 32 random bytes (48 for HS384, 64 for HS512).",
                command: command)
        }
    }

    /// What a `--key` file holds, recognised by content.
    enum KeyFileKind {
        case pem(String)
        case jwk(String)
        case jwks(JWTKeySet)
    }

    /// Reads `--key` once and tells a PEM document, a JWK and a JWK Set apart: a JSON
    /// object with a `keys` member is a JWK Set (read here, the only time it is parsed),
    /// any other JSON object a JWK.
    ///
    /// Entries of a JWK Set that cannot be used are reported on stderr.
    static func keyFile(_ path: String, command: String) throws(UsageError) -> KeyFileKind {
        let bytes = try SystemIO.readFile(path).get()
        let text = String(decoding: bytes, as: UTF8.self)
        // "\r\n" is one Character in Swift: it must be listed on its own.
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }
        if trimmed.hasPrefix("-----BEGIN") { return .pem(text) }
        guard trimmed.hasPrefix("{") else {
            throw UsageError("\(path) is neither a PEM key nor a JWK / JWK Set", command: command)
        }
        guard case .object(let object)? = try? JSONValue.parse(text), object["keys"] != nil else {
            return .jwk(text)
        }
        do {
            let set = try JWTKeySet(jwks: object)
            for entry in set.skippedEntries { SystemIO.printError("warning: \(path): skipped \(entry)") }
            return .jwks(set)
        } catch {
            throw UsageError("\(path): \(error.reason)", command: command)
        }
    }
}

extension KeyLoading {
    /// A signing key from `--key`: a JWK (an `oct` secret, or an RSA, EC or OKP private key)
    /// or a PEM private key (RSA, EC or Ed25519).
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
            return try privateKey(pem: text, algorithm: algorithm, path: path, command: command)
        }
    }

    /// Verification keys for `verify`: `--key` (PEM public key, JWK or JWKS), else an HMAC
    /// secret.
    ///
    /// A PEM key, a secret and a JWK without `alg` have no algorithm of their own: they verify
    /// whichever algorithm of their family the `--alg` list allows (only the family's default,
    /// HS256 or RS256, without `--alg`). A JWK with `alg` keeps it.
    static func verificationKeys(
        keyPath: String?,
        secretFile: String?,
        command: String
    ) throws(UsageError) -> JWTKeySet {
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
                return JWTKeySet(try publicKey(pem: text, path: keyPath, command: command))
            }
        }
        let secret = try secret(file: secretFile, command: command)
        return JWTKeySet(try hmacKey(secret, algorithm: nil, command: command))
    }
}
