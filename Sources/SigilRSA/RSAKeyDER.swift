import SigilDER

// The DER structures of RSA keys: reading with `DERReader`, and writing public keys.

/// The contents of the rsaEncryption OBJECT IDENTIFIER, 1.2.840.113549.1.1.1 (RFC 8017 A.1).
let rsaEncryptionObjectIdentifier: [UInt8] = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]

/// The integers of a two-prime RSA private key, big-endian magnitudes as read.
struct RSAPrivateKeyComponents {
    var modulus: ArraySlice<UInt8>
    var publicExponent: ArraySlice<UInt8>
    var privateExponent: ArraySlice<UInt8>
    var prime1: ArraySlice<UInt8>
    var prime2: ArraySlice<UInt8>
    var exponent1: ArraySlice<UInt8>
    var exponent2: ArraySlice<UInt8>
    var coefficient: ArraySlice<UInt8>
}

enum RSAKeyDER {
    /// Reads a public key in either DER form and returns the modulus and exponent.
    ///
    /// SubjectPublicKeyInfo (RFC 5280 §4.1, with RFC 3279 §2.3.1 / RFC 4055 §1.2 for RSA):
    /// ```
    /// SubjectPublicKeyInfo ::= SEQUENCE {
    ///     algorithm            AlgorithmIdentifier,
    ///     subjectPublicKey     BIT STRING }        -- contains RSAPublicKey
    /// AlgorithmIdentifier ::= SEQUENCE {
    ///     algorithm            OBJECT IDENTIFIER,  -- rsaEncryption
    ///     parameters           ANY DEFINED BY algorithm OPTIONAL }  -- MUST be NULL
    /// ```
    /// PKCS#1 RSAPublicKey (RFC 8017 A.1.1):
    /// ```
    /// RSAPublicKey ::= SEQUENCE {
    ///     modulus           INTEGER,  -- n
    ///     publicExponent    INTEGER   -- e }
    /// ```
    /// The two are told apart by the first element inside the outer SEQUENCE: a SEQUENCE
    /// (AlgorithmIdentifier) or an INTEGER (modulus). With `acceptingPKCS1: false` (a PEM
    /// labelled `PUBLIC KEY`) only SubjectPublicKeyInfo is accepted.
    static func readPublicKey(
        _ der: [UInt8], acceptingPKCS1: Bool = true
    ) throws(DERError) -> (modulus: ArraySlice<UInt8>, publicExponent: ArraySlice<UInt8>) {
        var document = DERReader(der)
        var outer = try document.readConstructed()
        try document.finish()
        if acceptingPKCS1, outer.nextTag == DERReader.Tag.integer {
            return try readRSAPublicKeyFields(&outer)
        }
        try readRSAAlgorithmIdentifier(&outer)
        let keyBytes = try outer.readByteAlignedBitString()
        try outer.finish()
        return try readPKCS1PublicKey(keyBytes)
    }

    /// Reads a PKCS#1 RSAPublicKey document.
    static func readPKCS1PublicKey(
        _ der: [UInt8]
    ) throws(DERError) -> (modulus: ArraySlice<UInt8>, publicExponent: ArraySlice<UInt8>) {
        var document = DERReader(der)
        var sequence = try document.readConstructed()
        try document.finish()
        return try readRSAPublicKeyFields(&sequence)
    }

    private static func readRSAPublicKeyFields(
        _ sequence: inout DERReader
    ) throws(DERError) -> (modulus: ArraySlice<UInt8>, publicExponent: ArraySlice<UInt8>) {
        let modulus = try sequence.readUnsignedInteger()
        let exponent = try sequence.readUnsignedInteger()
        try sequence.finish()
        return (modulus, exponent)
    }

    /// Reads `AlgorithmIdentifier { rsaEncryption, NULL }`; the NULL is required (RFC 4055 §1.2).
    private static func readRSAAlgorithmIdentifier(_ reader: inout DERReader) throws(DERError) {
        var algorithm = try reader.readConstructed()
        let identifier = try algorithm.readObjectIdentifier()
        guard identifier.elementsEqual(rsaEncryptionObjectIdentifier) else {
            throw DERError(.unsupportedKeyType, "the algorithm identifier is not rsaEncryption")
        }
        try algorithm.readNull()
        try algorithm.finish()
    }

    /// Reads a private key in either DER form.
    ///
    /// PKCS#8 PrivateKeyInfo (RFC 5208 §5; RFC 5958 §2 calls version 0 "v1"):
    /// ```
    /// PrivateKeyInfo ::= SEQUENCE {
    ///     version                   Version,              -- 0
    ///     privateKeyAlgorithm       AlgorithmIdentifier,  -- rsaEncryption, NULL
    ///     privateKey                OCTET STRING,         -- contains RSAPrivateKey
    ///     attributes           [0]  IMPLICIT Attributes OPTIONAL }
    /// ```
    /// PKCS#1 RSAPrivateKey (RFC 8017 A.1.2):
    /// ```
    /// RSAPrivateKey ::= SEQUENCE {
    ///     version           Version,  -- 0 (two-prime); 1 (multi-prime) is not supported
    ///     modulus           INTEGER,  -- n
    ///     publicExponent    INTEGER,  -- e
    ///     privateExponent   INTEGER,  -- d
    ///     prime1            INTEGER,  -- p
    ///     prime2            INTEGER,  -- q
    ///     exponent1         INTEGER,  -- d mod (p-1)
    ///     exponent2         INTEGER,  -- d mod (q-1)
    ///     coefficient       INTEGER,  -- (inverse of q) mod p
    ///     otherPrimeInfos   OtherPrimeInfos OPTIONAL }
    /// ```
    /// Told apart by the second element: a SEQUENCE (AlgorithmIdentifier) or an INTEGER.
    /// With `acceptingPKCS1: false` (a PEM labelled `PRIVATE KEY`) only PKCS#8 is accepted.
    static func readPrivateKey(_ der: [UInt8], acceptingPKCS1: Bool = true) throws(DERError) -> RSAPrivateKeyComponents
    {
        var document = DERReader(der)
        var outer = try document.readConstructed()
        try document.finish()
        guard try outer.readVersion(0) else {
            throw DERError(.unsupportedKeyType, "unsupported private key version")
        }
        if acceptingPKCS1, outer.nextTag == DERReader.Tag.integer {
            return try readRSAPrivateKeyFields(&outer)
        }
        try readRSAAlgorithmIdentifier(&outer)
        let keyBytes = try outer.readOctetString()
        if outer.nextTag == 0xa0 {  // [0] IMPLICIT Attributes: not used, skipped whole
            _ = try outer.readElement(tag: 0xa0)
        }
        try outer.finish()
        return try readPKCS1PrivateKey(keyBytes)
    }

    /// Reads a PKCS#1 RSAPrivateKey document.
    static func readPKCS1PrivateKey(_ der: [UInt8]) throws(DERError) -> RSAPrivateKeyComponents {
        var document = DERReader(der)
        var sequence = try document.readConstructed()
        try document.finish()
        guard try sequence.readVersion(0) else {
            throw DERError(.unsupportedKeyType, "multi-prime or unknown RSAPrivateKey version")
        }
        return try readRSAPrivateKeyFields(&sequence)
    }

    private static func readRSAPrivateKeyFields(_ sequence: inout DERReader) throws(DERError) -> RSAPrivateKeyComponents
    {
        let components = RSAPrivateKeyComponents(
            modulus: try sequence.readUnsignedInteger(),
            publicExponent: try sequence.readUnsignedInteger(),
            privateExponent: try sequence.readUnsignedInteger(),
            prime1: try sequence.readUnsignedInteger(),
            prime2: try sequence.readUnsignedInteger(),
            exponent1: try sequence.readUnsignedInteger(),
            exponent2: try sequence.readUnsignedInteger(),
            coefficient: try sequence.readUnsignedInteger())
        try sequence.finish()  // otherPrimeInfos only exists with version 1
        return components
    }

    // MARK: - Writing

    /// The PKCS#1 RSAPublicKey encoding of (n, e), given as minimal big-endian magnitudes.
    static func pkcs1PublicKey(modulus: [UInt8], publicExponent: [UInt8]) -> [UInt8] {
        DERWriter.element(
            DERReader.Tag.sequence,
            DERWriter.unsignedInteger(modulus) + DERWriter.unsignedInteger(publicExponent))
    }

    /// The SubjectPublicKeyInfo encoding of (n, e).
    static func subjectPublicKeyInfo(modulus: [UInt8], publicExponent: [UInt8]) -> [UInt8] {
        let algorithm = DERWriter.element(
            DERReader.Tag.sequence,
            DERWriter.element(DERReader.Tag.objectIdentifier, rsaEncryptionObjectIdentifier)
                + DERWriter.element(DERReader.Tag.null, []))
        let key = DERWriter.element(
            DERReader.Tag.bitString, [0] + pkcs1PublicKey(modulus: modulus, publicExponent: publicExponent))
        return DERWriter.element(DERReader.Tag.sequence, algorithm + key)
    }
}

extension RSAError {
    /// The RSA error for a DER or PEM reading failure, with the same reason.
    init(_ error: DERError, file: String = #fileID, line: Int = #line) {
        let code: Code =
            switch error.code {
            case .invalidPEM: .invalidPEM
            case .unsupportedKeyType: .unsupportedKeyType
            default: .invalidDER
            }
        self.init(code, error.reason, file: file, line: line)
    }
}

/// Runs a DER or PEM read and reports its failure as an `RSAError`.
func readingDER<Result>(
    file: String = #fileID, line: Int = #line, _ body: () throws(DERError) -> Result
) throws(RSAError) -> Result {
    do {
        return try body()
    } catch {
        throw RSAError(error, file: file, line: line)
    }
}
