/// The parts of a PKCS#8 private key document that every key type shares (RFC 5208 §5,
/// RFC 5958 §2), read strictly; the key type checks the algorithm and decodes the private
/// key octets.
///
/// ```
/// OneAsymmetricKey ::= SEQUENCE {
///     version              INTEGER,                -- 0 (v1) or 1 (v2)
///     privateKeyAlgorithm  AlgorithmIdentifier,
///     privateKey           OCTET STRING,           -- the key type's own encoding
///     attributes       [0] IMPLICIT Attributes OPTIONAL,   -- skipped
///     publicKey        [1] IMPLICIT BIT STRING OPTIONAL }  -- version 1 only
/// ```
package struct PrivateKeyInfo {
    /// A reader over the contents of the AlgorithmIdentifier SEQUENCE (the OID, then any
    /// parameters).
    package var algorithm: DERReader
    /// The contents of the privateKey OCTET STRING.
    package var privateKey: [UInt8]
    /// The public key stored beside the private key (version 1 only), not yet validated.
    package var publicKey: [UInt8]?

    /// Reads a whole DER document; nothing may follow the structure.
    ///
    /// - Throws: `DERError` with `.invalidDER` for malformed DER or a public key in a
    ///   version 0 document, `.unsupportedKeyType` for a version other than 0 or 1.
    package init(der: [UInt8]) throws(DERError) {
        var document = DERReader(der)
        var info = try document.readConstructed()
        try document.finish()
        let version = try info.readUnsignedInteger()
        guard version.count == 1, let versionNumber = version.first, versionNumber <= 1 else {
            throw DERError(.unsupportedKeyType, "the PKCS#8 version is neither 0 nor 1")
        }
        algorithm = try info.readConstructed()
        privateKey = try info.readOctetString()
        if info.nextTag == DERReader.Tag.contextConstructed0 {
            _ = try info.readElement(tag: DERReader.Tag.contextConstructed0)
        }
        publicKey = nil
        if info.nextTag == DERReader.Tag.contextPrimitive1 {
            guard versionNumber == 1 else {
                throw DERError(.invalidDER, "a PKCS#8 version 0 key cannot carry a public key")
            }
            publicKey = try info.readByteAlignedBitString(tag: DERReader.Tag.contextPrimitive1)
        }
        try info.finish()
    }

    /// A version 0 document (RFC 5208 §5) from an encoded AlgorithmIdentifier and the key
    /// type's private key encoding.
    ///
    /// - Parameters:
    ///   - algorithmIdentifier: The whole AlgorithmIdentifier element.
    ///   - privateKey: The contents of the privateKey OCTET STRING.
    /// - Returns: The DER bytes.
    package static func encode(algorithmIdentifier: [UInt8], privateKey: [UInt8]) -> [UInt8] {
        DERWriter.sequence(
            DERWriter.unsignedInteger([0]), algorithmIdentifier,
            DERWriter.element(DERReader.Tag.octetString, privateKey))
    }
}
