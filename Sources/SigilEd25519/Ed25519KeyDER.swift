// Ed25519 keys in X.509 SubjectPublicKeyInfo and PKCS#8 form (RFC 8410), DER and PEM.

import SigilDER

/// The DER encodings of RFC 8410 for Ed25519 keys.
enum Ed25519KeyDER {
    /// id-Ed25519, 1.3.101.112 (RFC 8410 §3), as OBJECT IDENTIFIER contents.
    static let objectIdentifier: [UInt8] = [0x2b, 0x65, 0x70]

    /// AlgorithmIdentifier ::= SEQUENCE { algorithm id-Ed25519 } — parameters absent (RFC 8410 §3).
    static var algorithmIdentifier: [UInt8] {
        DERWriter.element(DERReader.Tag.sequence, DERWriter.element(DERReader.Tag.objectIdentifier, objectIdentifier))
    }

    /// Reads an AlgorithmIdentifier and requires id-Ed25519 with no parameters.
    static func readAlgorithm(_ reader: inout DERReader) throws(DERError) {
        try readAlgorithmContents(try reader.readConstructed())
    }

    /// Requires the contents of an AlgorithmIdentifier to be id-Ed25519 with no parameters.
    private static func readAlgorithmContents(_ contents: DERReader) throws(DERError) {
        var algorithm = contents
        let identifier = try algorithm.readObjectIdentifier()
        guard Array(identifier) == objectIdentifier else {
            throw DERError(.unsupportedKeyType, "the key's algorithm is not Ed25519")
        }
        guard algorithm.isAtEnd else {
            throw DERError(.unsupportedKeyType, "Ed25519 algorithm parameters must be absent")
        }
    }

    /// The public key of a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RFC 8410 §4), not yet
    /// checked for length or validity.
    ///
    /// ```
    /// SubjectPublicKeyInfo ::= SEQUENCE {
    ///     algorithm         AlgorithmIdentifier,    -- id-Ed25519, no parameters
    ///     subjectPublicKey  BIT STRING }            -- the 32-byte encoding
    /// ```
    static func publicKey(fromSubjectPublicKeyInfo der: [UInt8]) throws(DERError) -> [UInt8] {
        var document = DERReader(der)
        var info = try document.readConstructed()
        try document.finish()
        try readAlgorithm(&info)
        let key = try info.readByteAlignedBitString()
        try info.finish()
        return key
    }

    /// The secret of a PKCS#8 OneAsymmetricKey (RFC 5958 §2, RFC 8410 §7), and the public key
    /// stored beside it if any, neither yet checked for length.
    ///
    /// ```
    /// privateKeyAlgorithm  AlgorithmIdentifier,  -- id-Ed25519, no parameters
    /// privateKey           OCTET STRING,         -- CurvePrivateKey ::= OCTET STRING
    /// ```
    static func privateKey(fromPKCS8 der: [UInt8]) throws(DERError) -> (secret: [UInt8], publicKey: [UInt8]?) {
        let info = try PrivateKeyInfo(der: der)
        try readAlgorithmContents(info.algorithm)
        var inner = DERReader(info.privateKey)
        let secret = try inner.readOctetString()
        try inner.finish()
        return (secret, info.publicKey)
    }

    /// SubjectPublicKeyInfo DER for a 32-byte public key.
    static func subjectPublicKeyInfo(_ publicKey: [UInt8]) -> [UInt8] {
        DERWriter.element(
            DERReader.Tag.sequence, algorithmIdentifier + DERWriter.element(DERReader.Tag.bitString, [0] + publicKey))
    }

    /// PKCS#8 version 0 DER for a 32-byte secret (RFC 8410 §7's first example).
    static func pkcs8(_ secret: [UInt8]) -> [UInt8] {
        PrivateKeyInfo.encode(
            algorithmIdentifier: algorithmIdentifier, privateKey: DERWriter.element(DERReader.Tag.octetString, secret))
    }
}

extension Ed25519Error: DERMappableError {
    /// The module's error for a DER or PEM problem; the reason is carried over (it never
    /// holds key material).
    package init(_ error: DERError, file: String, line: Int) {
        let code = error.moduleCode(
            invalidDER: Code.invalidDER, invalidPEM: .invalidPEM, unsupportedKeyType: .unsupportedKeyType)
        self.init(code, error.reason, file: file, line: line)
    }
}
