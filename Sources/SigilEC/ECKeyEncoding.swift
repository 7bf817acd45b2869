import SigilConstantTime

// EC key encodings, written once over the curve type:
// - public keys: raw x ‖ y, X9.62/SEC 1 §2.3.3 uncompressed points (0x04 ‖ x ‖ y), and
//   SubjectPublicKeyInfo (RFC 5480 §2) with id-ecPublicKey and a named curve;
// - private keys: the raw scalar, SEC 1 `ECPrivateKey` (RFC 5915 §3), and PKCS#8
//   `PrivateKeyInfo` (RFC 5208 §5, RFC 5958 §2) wrapping an `ECPrivateKey`.

/// id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480 §2.1.1).
let idECPublicKey: [UInt8] = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]

/// A validated public key of curve `C`: canonical affine coordinates and the point.
struct ECPublicKeyValue<C: WeierstrassCurve>: Sendable {
    typealias Limbs = C.Field.Storage

    let x: Limbs
    let y: Limbs
    let point: ProjectivePoint<C>

    /// From big-endian coordinates of exactly the curve's length, validated (below p, on
    /// the curve; the identity has no such encoding).
    init<X: Collection, Y: Collection>(x: X, y: Y) throws(ECError) where X.Element == UInt8, Y.Element == UInt8 {
        point = try ECDSA<C>.validatedPoint(x: x, y: y)
        self.x = Limbs(bigEndian: x)
        self.y = Limbs(bigEndian: y)
    }

    /// From canonical limbs already known to be a valid point (derived from a private key).
    init(trustedX x: Limbs, y: Limbs) {
        self.x = x
        self.y = y
        point = ProjectivePoint(
            x: ModularElement(canonical: x), y: ModularElement(canonical: y), z: .one)
    }

    /// From x ‖ y.
    init<Bytes: Collection>(raw bytes: Bytes) throws(ECError) where Bytes.Element == UInt8 {
        guard bytes.count == 2 * C.byteCount else {
            throw ECError(.invalidPublicKey, "a raw public key is two coordinates of the curve's length")
        }
        let split = bytes.index(bytes.startIndex, offsetBy: C.byteCount)
        try self.init(x: bytes[..<split], y: bytes[split...])
    }

    /// From 0x04 ‖ x ‖ y (SEC 1 §2.3.4; compressed points are not accepted).
    init<Bytes: Collection>(x963 bytes: Bytes) throws(ECError) where Bytes.Element == UInt8 {
        guard bytes.count == 1 + 2 * C.byteCount, bytes.first == 0x04 else {
            throw ECError(.invalidPublicKey, "not an uncompressed point (0x04 ‖ x ‖ y) of this curve")
        }
        try self.init(raw: bytes.dropFirst())
    }

    /// From a SubjectPublicKeyInfo (RFC 5480 §2).
    ///
    /// ```
    /// SubjectPublicKeyInfo ::= SEQUENCE {
    ///   algorithm         SEQUENCE { algorithm OBJECT IDENTIFIER, -- id-ecPublicKey
    ///                                parameters ECParameters },  -- namedCurve only
    ///   subjectPublicKey  BIT STRING }                            -- the X9.62 point
    /// ```
    init(spki der: [UInt8]) throws(ECError) {
        var document = ECDERReader(der)
        var info = try document.readConstructed()
        try document.finish()
        var algorithm = try info.readConstructed()
        guard try algorithm.readObjectIdentifier().elementsEqual(idECPublicKey) else {
            throw ECError(.unsupportedKeyType, "the key is not an elliptic-curve key")
        }
        try Self.readNamedCurve(&algorithm)
        try algorithm.finish()
        let point = try info.readByteAlignedBitString()
        try info.finish()
        try self.init(x963: point)
    }

    /// Reads ECParameters and requires `C`'s named curve (RFC 5480 §2.1.1: specifiedCurve
    /// and implicitCurve are refused).
    static func readNamedCurve(_ reader: inout ECDERReader) throws(ECError) {
        guard reader.nextTag == ECDERReader.Tag.objectIdentifier else {
            throw ECError(.unsupportedKeyType, "only named curves are accepted, not explicit parameters")
        }
        guard try reader.readObjectIdentifier().elementsEqual(C.objectIdentifier) else {
            throw ECError(.unsupportedKeyType, "the key is for another curve")
        }
    }

    /// x ‖ y.
    var rawBytes: [UInt8] { x.bigEndianBytes(count: C.byteCount) + y.bigEndianBytes(count: C.byteCount) }

    /// 0x04 ‖ x ‖ y.
    var x963Bytes: [UInt8] { [0x04] + rawBytes }

    /// AlgorithmIdentifier { id-ecPublicKey, namedCurve }.
    static var algorithmIdentifier: [UInt8] {
        ECDERWriter.sequence(
            ECDERWriter.element(ECDERReader.Tag.objectIdentifier, idECPublicKey),
            ECDERWriter.element(ECDERReader.Tag.objectIdentifier, C.objectIdentifier))
    }

    /// The SubjectPublicKeyInfo DER.
    var spkiDER: [UInt8] {
        ECDERWriter.sequence(
            Self.algorithmIdentifier, ECDERWriter.element(ECDERReader.Tag.bitString, [0] + x963Bytes))
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.x == rhs.x && lhs.y == rhs.y }
}

/// A private key of curve `C`: d in [1, n − 1] and its public key.
struct ECPrivateKeyValue<C: WeierstrassCurve>: Sendable {
    typealias Limbs = C.Field.Storage

    let d: Limbs
    let publicKey: ECPublicKeyValue<C>

    /// From big-endian bytes of d, at most the curve's length (shorter encodings are
    /// left-padded); d must be in [1, n − 1]. The public key is computed.
    init<Bytes: Collection>(scalar bytes: Bytes) throws(ECError) where Bytes.Element == UInt8 {
        guard bytes.count <= C.byteCount, !bytes.isEmpty else {
            throw ECError(.invalidPrivateKey, "a private key is a scalar of the curve's length")
        }
        let d = Limbs(bigEndian: bytes)
        // Whether the key loads is public (the caller gets a key or this error), so the
        // range check may decide a branch.
        guard declassify(ECDSA<C>.inScalarRangeMask(d)) else {
            throw ECError(.invalidPrivateKey, "the private scalar is not in [1, n − 1]")
        }
        self.init(validatedScalar: d)
    }

    /// From a scalar already known to be in [1, n − 1].
    init(validatedScalar d: Limbs) {
        self.d = d
        let (x, y) = ECDSA<C>.publicPoint(privateScalar: d)
        publicKey = ECPublicKeyValue(trustedX: x, y: y)
    }

    /// From SEC 1 `ECPrivateKey` DER or PKCS#8 `PrivateKeyInfo` DER, told apart by the
    /// version field (1 for SEC 1, 0 or 1 followed by an AlgorithmIdentifier for PKCS#8).
    init(der: [UInt8]) throws(ECError) {
        var document = ECDERReader(der)
        var probe = try document.readConstructed()
        try document.finish()
        _ = try probe.readUnsignedInteger()
        if probe.nextTag == ECDERReader.Tag.sequence {
            try self.init(pkcs8: der)
        } else {
            try self.init(sec1: der, curveKnown: false)
        }
    }

    /// From SEC 1 `ECPrivateKey` DER (RFC 5915 §3).
    ///
    /// ```
    /// ECPrivateKey ::= SEQUENCE {
    ///   version        INTEGER { ecPrivkeyVer1(1) },
    ///   privateKey     OCTET STRING,                -- d, big-endian
    ///   parameters [0] ECParameters OPTIONAL,       -- namedCurve only
    ///   publicKey  [1] BIT STRING OPTIONAL }        -- must match d·G when present
    /// ```
    /// - Parameter curveKnown: true inside PKCS#8, whose AlgorithmIdentifier already named
    ///   the curve; otherwise the parameters are required.
    init(sec1 der: [UInt8], curveKnown: Bool) throws(ECError) {
        var document = ECDERReader(der)
        var key = try document.readConstructed()
        try document.finish()
        guard try key.readVersion(1) else { throw ECError(.invalidDER, "ECPrivateKey version is not 1") }
        let scalar = try key.readOctetString()
        var sawCurve = curveKnown
        if key.nextTag == ECDERReader.Tag.contextZero {
            var parameters = try key.readConstructed(tag: ECDERReader.Tag.contextZero)
            try ECPublicKeyValue<C>.readNamedCurve(&parameters)
            try parameters.finish()
            sawCurve = true
        }
        guard sawCurve else { throw ECError(.unsupportedKeyType, "the EC private key does not name its curve") }
        var storedPublicKey: ECPublicKeyValue<C>?
        if key.nextTag == ECDERReader.Tag.contextOne {
            var wrapper = try key.readConstructed(tag: ECDERReader.Tag.contextOne)
            storedPublicKey = try ECPublicKeyValue<C>(x963: try wrapper.readByteAlignedBitString())
            try wrapper.finish()
        }
        try key.finish()
        try self.init(scalar: scalar)
        if let storedPublicKey, !(storedPublicKey == publicKey) {
            throw ECError(.invalidPrivateKey, "the stored public key does not match the private key")
        }
    }

    /// From PKCS#8 `PrivateKeyInfo` DER (RFC 5208 §5; RFC 5958 §2 version 1 and 2).
    ///
    /// ```
    /// PrivateKeyInfo ::= SEQUENCE {
    ///   version              INTEGER (0 or 1),
    ///   privateKeyAlgorithm  SEQUENCE { id-ecPublicKey, namedCurve },
    ///   privateKey           OCTET STRING,          -- an ECPrivateKey
    ///   attributes       [0] Attributes OPTIONAL,   -- ignored
    ///   publicKey        [1] BIT STRING OPTIONAL }  -- must match d·G when present
    /// ```
    init(pkcs8 der: [UInt8]) throws(ECError) {
        var document = ECDERReader(der)
        var info = try document.readConstructed()
        try document.finish()
        let version = try info.readUnsignedInteger()
        guard version.count == 1, version.first == 0 || version.first == 1 else {
            throw ECError(.invalidDER, "PrivateKeyInfo version is not 0 or 1")
        }
        var algorithm = try info.readConstructed()
        guard try algorithm.readObjectIdentifier().elementsEqual(idECPublicKey) else {
            throw ECError(.unsupportedKeyType, "the key is not an elliptic-curve key")
        }
        try ECPublicKeyValue<C>.readNamedCurve(&algorithm)
        try algorithm.finish()
        let inner = Array(try info.readOctetString())
        if info.nextTag == ECDERReader.Tag.contextZero {
            _ = try info.readElement(tag: ECDERReader.Tag.contextZero)
        }
        var outerPublicKey: ECPublicKeyValue<C>?
        if info.nextTag == 0x81 {  // [1] IMPLICIT BIT STRING
            let range = try info.readElement(tag: 0x81)
            guard !range.isEmpty, der[range.lowerBound] == 0 else {
                throw ECError(.invalidDER, "DER BIT STRING with unused bits")
            }
            outerPublicKey = try ECPublicKeyValue<C>(x963: der[(range.lowerBound + 1)..<range.upperBound])
        }
        try info.finish()
        try self.init(sec1: inner, curveKnown: true)
        if let outerPublicKey, !(outerPublicKey == publicKey) {
            throw ECError(.invalidPrivateKey, "the stored public key does not match the private key")
        }
    }

    /// d as big-endian bytes of the curve's length.
    var scalarBytes: [UInt8] { d.bigEndianBytes(count: C.byteCount) }

    /// SEC 1 `ECPrivateKey` DER with the named curve and the public key.
    var sec1DER: [UInt8] {
        ECDERWriter.sequence(
            ECDERWriter.element(ECDERReader.Tag.integer, [1]),
            ECDERWriter.element(ECDERReader.Tag.octetString, scalarBytes),
            ECDERWriter.element(
                ECDERReader.Tag.contextZero, ECDERWriter.element(ECDERReader.Tag.objectIdentifier, C.objectIdentifier)),
            ECDERWriter.element(
                ECDERReader.Tag.contextOne,
                ECDERWriter.element(ECDERReader.Tag.bitString, [0] + publicKey.x963Bytes)))
    }

    /// PKCS#8 `PrivateKeyInfo` DER (version 0) wrapping an `ECPrivateKey` with the public key
    /// and without the (already named) curve.
    var pkcs8DER: [UInt8] {
        let inner = ECDERWriter.sequence(
            ECDERWriter.element(ECDERReader.Tag.integer, [1]),
            ECDERWriter.element(ECDERReader.Tag.octetString, scalarBytes),
            ECDERWriter.element(
                ECDERReader.Tag.contextOne,
                ECDERWriter.element(ECDERReader.Tag.bitString, [0] + publicKey.x963Bytes)))
        return ECDERWriter.sequence(
            ECDERWriter.element(ECDERReader.Tag.integer, [0]),
            ECPublicKeyValue<C>.algorithmIdentifier,
            ECDERWriter.element(ECDERReader.Tag.octetString, inner))
    }

    /// Signs the digest bytes: RFC 6979 nonces, hedged with `additionalData` when it is not
    /// empty; the signature is verified before it is returned (a fault check).
    func sign<Digest: Collection>(digest: Digest, additionalData: [UInt8]) throws(ECError) -> [UInt8]
    where Digest.Element == UInt8 {
        let e = ECDSA<C>.bitsToScalar(digest)
        var nonces = DeterministicNonce<C>(privateScalar: d, digest: digest, additionalData: additionalData)
        var observer = UnobservedScalarMultiplication()
        while true {
            let k = nonces.next()
            guard let (r, s) = ECDSA<C>.sign(e: e, privateScalar: d, nonce: k, observer: &observer) else { continue }
            guard ECDSA<C>.isValid(r: r, s: s, e: e, publicKey: publicKey.point) else {
                throw ECError(.signingFailed, "the signature did not verify")
            }
            return r.bigEndianBytes(count: C.byteCount) + s.bigEndianBytes(count: C.byteCount)
        }
    }
}

/// ECDSA signature encodings for curve `C`.
enum ECDSASignatureEncoding<C: WeierstrassCurve> {
    /// Checks the length of r ‖ s (2 × the curve's byte length).
    static func checkedRaw<Bytes: Collection>(_ bytes: Bytes) throws(ECError) -> [UInt8] where Bytes.Element == UInt8 {
        guard bytes.count == 2 * C.byteCount else {
            throw ECError(.invalidSignature, "a raw signature is r ‖ s, each of the curve's length")
        }
        return Array(bytes)
    }

    /// Parses a DER `ECDSA-Sig-Value` (RFC 3279 §2.2.3) into r ‖ s.
    ///
    /// ```
    /// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
    /// ```
    /// Strict DER; r and s must be non-negative and fit the curve's length (their range is
    /// checked by verification).
    static func rawFromDER(_ der: [UInt8]) throws(ECError) -> [UInt8] {
        var document = ECDERReader(der)
        var sequence = try document.readConstructed()
        try document.finish()
        let r = try sequence.readUnsignedInteger()
        let s = try sequence.readUnsignedInteger()
        try sequence.finish()
        guard r.count <= C.byteCount, s.count <= C.byteCount else {
            throw ECError(.invalidSignature, "r or s is longer than the curve's order")
        }
        return [UInt8](repeating: 0, count: C.byteCount - r.count) + r
            + [UInt8](repeating: 0, count: C.byteCount - s.count) + s
    }

    /// Encodes r ‖ s as a DER `ECDSA-Sig-Value`.
    static func derFromRaw(_ raw: [UInt8]) -> [UInt8] {
        ECDERWriter.sequence(
            ECDERWriter.unsignedInteger(raw[0..<C.byteCount]), ECDERWriter.unsignedInteger(raw[C.byteCount...]))
    }

    /// Whether r ‖ s is a valid signature of `digest` under `publicKey`.
    static func isValid<Digest: Collection>(raw: [UInt8], digest: Digest, publicKey: ECPublicKeyValue<C>) -> Bool
    where Digest.Element == UInt8 {
        guard raw.count == 2 * C.byteCount else { return false }
        let r = C.Field.Storage(bigEndian: raw[0..<C.byteCount])
        let s = C.Field.Storage(bigEndian: raw[C.byteCount...])
        return ECDSA<C>.isValid(r: r, s: s, e: ECDSA<C>.bitsToScalar(digest), publicKey: publicKey.point)
    }
}
