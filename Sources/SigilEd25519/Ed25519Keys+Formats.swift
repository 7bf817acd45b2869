// SubjectPublicKeyInfo and PKCS#8 forms of Ed25519 keys (RFC 8410), DER and PEM.

import SigilDER

extension Curve25519.Signing.PublicKey {
    /// A public key from a DER SubjectPublicKeyInfo with the id-Ed25519 algorithm (RFC 8410 §4).
    ///
    /// - Parameter derRepresentation: The DER bytes; nothing may follow the structure.
    /// - Throws: `Ed25519Error` with `.invalidDER` for malformed DER, `.unsupportedKeyType`
    ///   for another algorithm or present parameters, `.invalidKeyLength` or
    ///   `.invalidPublicKey` for a key that is not 32 bytes encoding a curve point.
    public init<Bytes: Collection>(derRepresentation: Bytes) throws(Ed25519Error) where Bytes.Element == UInt8 {
        let raw = try readingDER(as: Ed25519Error.self) { () throws(DERError) in
            try Ed25519KeyDER.publicKey(fromSubjectPublicKeyInfo: Array(derRepresentation))
        }
        try self.init(rawRepresentation: raw)
    }

    /// A public key from PEM: one `-----BEGIN PUBLIC KEY-----` block (RFC 7468 §13) holding a
    /// SubjectPublicKeyInfo.
    ///
    /// - Parameter pemRepresentation: The PEM text.
    /// - Throws: `Ed25519Error` with `.invalidPEM` for text that is not one such block, and
    ///   otherwise as `init(derRepresentation:)`.
    public init(pemRepresentation: String) throws(Ed25519Error) {
        let der = try readingDER(as: Ed25519Error.self) { () throws(DERError) in
            try PEMDocument.body(of: pemRepresentation, labels: ["PUBLIC KEY"]).der
        }
        try self.init(derRepresentation: der)
    }

    /// The key as a DER SubjectPublicKeyInfo (RFC 8410 §4).
    public var derRepresentation: [UInt8] { Ed25519KeyDER.subjectPublicKeyInfo(encoded) }

    /// The key as a `PUBLIC KEY` PEM block.
    public var pemRepresentation: String { PEMDocument.encode(derRepresentation, label: "PUBLIC KEY") }
}

extension Curve25519.Signing.PrivateKey {
    /// A private key from a DER PKCS#8 OneAsymmetricKey with the id-Ed25519 algorithm
    /// (RFC 8410 §7, RFC 5958 §2).
    ///
    /// Version 0 and version 1 are accepted; attributes are ignored. When the structure also
    /// holds the public key (version 1), it must be the one the secret derives.
    /// - Parameter derRepresentation: The DER bytes; nothing may follow the structure.
    /// - Throws: `Ed25519Error` with `.invalidDER` for malformed DER, `.unsupportedKeyType`
    ///   for another algorithm or version, `.invalidKeyLength` for a secret that is not 32
    ///   bytes, `.invalidPrivateKey` if the stored public key does not match.
    public init<Bytes: Collection>(derRepresentation: Bytes) throws(Ed25519Error) where Bytes.Element == UInt8 {
        let parts = try readingDER(as: Ed25519Error.self) { () throws(DERError) in
            try Ed25519KeyDER.privateKey(fromPKCS8: Array(derRepresentation))
        }
        try self.init(rawRepresentation: parts.secret)
        if let stored = parts.publicKey, stored != publicKey.rawRepresentation {
            throw Ed25519Error(.invalidPrivateKey, "the stored public key is not the one the private key derives")
        }
    }

    /// A private key from PEM: one `-----BEGIN PRIVATE KEY-----` block (RFC 7468 §10)
    /// holding a PKCS#8 structure.
    ///
    /// - Parameter pemRepresentation: The PEM text.
    /// - Throws: `Ed25519Error` with `.invalidPEM` for text that is not one such block, and
    ///   otherwise as `init(derRepresentation:)`.
    public init(pemRepresentation: String) throws(Ed25519Error) {
        let der = try readingDER(as: Ed25519Error.self) { () throws(DERError) in
            try PEMDocument.body(of: pemRepresentation, labels: ["PRIVATE KEY"]).der
        }
        try self.init(derRepresentation: der)
    }

    /// The key as DER PKCS#8, version 0 (RFC 8410 §7).
    ///
    /// Handle it as the key itself.
    public var derRepresentation: [UInt8] { Ed25519KeyDER.pkcs8(rawRepresentation) }

    /// The key as a `PRIVATE KEY` PEM block.
    ///
    /// Handle it as the key itself.
    public var pemRepresentation: String { PEMDocument.encode(derRepresentation, label: "PRIVATE KEY") }
}
