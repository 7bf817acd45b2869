import SigilConstantTime
import SigilDER

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
        let point = try readingDER(as: ECError.self) { () throws(DERError) in
            var document = DERReader(der)
            var info = try document.readConstructed()
            try document.finish()
            try Self.readAlgorithmIdentifier(try info.readConstructed())
            let point = try info.readByteAlignedBitString()
            try info.finish()
            return point
        }
        try self.init(x963: point)
    }

    /// Requires the contents of an AlgorithmIdentifier to be id-ecPublicKey with `C`'s named
    /// curve (RFC 5480 §2.1.1).
    static func readAlgorithmIdentifier(_ contents: DERReader) throws(DERError) {
        var algorithm = contents
        guard try algorithm.readObjectIdentifier().elementsEqual(idECPublicKey) else {
            throw DERError(.unsupportedKeyType, "the key is not an elliptic-curve key")
        }
        try readNamedCurve(&algorithm)
        try algorithm.finish()
    }

    /// Reads ECParameters and requires `C`'s named curve (RFC 5480 §2.1.1: specifiedCurve
    /// and implicitCurve are refused).
    static func readNamedCurve(_ reader: inout DERReader) throws(DERError) {
        guard reader.nextTag == DERReader.Tag.objectIdentifier else {
            throw DERError(.unsupportedKeyType, "only named curves are accepted, not explicit parameters")
        }
        guard try reader.readObjectIdentifier().elementsEqual(C.objectIdentifier) else {
            throw DERError(.unsupportedKeyType, "the key is for another curve")
        }
    }

    /// x ‖ y.
    var rawBytes: [UInt8] { x.bigEndianBytes(count: C.byteCount) + y.bigEndianBytes(count: C.byteCount) }

    /// 0x04 ‖ x ‖ y.
    var x963Bytes: [UInt8] { [0x04] + rawBytes }

    /// AlgorithmIdentifier { id-ecPublicKey, namedCurve }.
    static var algorithmIdentifier: [UInt8] {
        DERWriter.sequence(
            DERWriter.element(DERReader.Tag.objectIdentifier, idECPublicKey),
            DERWriter.element(DERReader.Tag.objectIdentifier, C.objectIdentifier))
    }

    /// The SubjectPublicKeyInfo DER.
    var spkiDER: [UInt8] {
        DERWriter.sequence(Self.algorithmIdentifier, DERWriter.element(DERReader.Tag.bitString, [0] + x963Bytes))
    }

    /// The `PUBLIC KEY` PEM document (RFC 7468 §13).
    var spkiPEM: String { PEMDocument.encode(spkiDER, label: "PUBLIC KEY") }

    /// From a `PUBLIC KEY` PEM document holding a SubjectPublicKeyInfo.
    init(pem: String) throws(ECError) {
        let der = try readingDER(as: ECError.self) { () throws(DERError) in
            try PEMDocument.body(of: pem, labels: ["PUBLIC KEY"]).der
        }
        try self.init(spki: der)
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.x == rhs.x && lhs.y == rhs.y }
}

/// A private key of curve `C`: d in [1, n − 1] and its public key.
struct ECPrivateKeyValue<C: WeierstrassCurve>: Sendable {
    typealias Limbs = C.Field.Storage

    let d: Limbs
    let publicKey: ECPublicKeyValue<C>

    /// From big-endian bytes of d, at most the curve's length (shorter encodings are left-padded);
    /// d must be in [1, n − 1].
    ///
    /// The public key is computed.
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

    /// From SEC 1 `ECPrivateKey` DER or PKCS#8 `PrivateKeyInfo` DER, told apart by what
    /// follows the version field: an AlgorithmIdentifier SEQUENCE only in PKCS#8.
    init(der: [UInt8]) throws(ECError) {
        let isPKCS8 = try readingDER(as: ECError.self) { () throws(DERError) in
            var document = DERReader(der)
            var probe = try document.readConstructed()
            try document.finish()
            _ = try probe.readUnsignedInteger()
            return probe.nextTag == DERReader.Tag.sequence
        }
        if isPKCS8 {
            try self.init(pkcs8: der)
        } else {
            try self.init(sec1: der, curveKnown: false)
        }
    }

    /// From a PEM `EC PRIVATE KEY` (SEC 1, RFC 5915 §4) or `PRIVATE KEY` (PKCS#8, RFC 7468
    /// §10) document.
    init(pem: String) throws(ECError) {
        let (der, label) = try readingDER(as: ECError.self) { () throws(DERError) in
            try PEMDocument.body(of: pem, labels: ["EC PRIVATE KEY", "PRIVATE KEY"])
        }
        if label == 0 {
            try self.init(sec1: der, curveKnown: false)
        } else {
            try self.init(pkcs8: der)
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
    ///
    /// - Parameters:
    ///   - der: The `ECPrivateKey` DER.
    ///   - curveKnown: true inside PKCS#8, whose AlgorithmIdentifier already named
    ///     the curve; otherwise the parameters are required.
    /// - Throws: `ECError` when the DER is malformed, names another curve (or, without
    ///   `curveKnown`, none), holds a d outside [1, n − 1], or stores a public key other than d·G.
    init(sec1 der: [UInt8], curveKnown: Bool) throws(ECError) {
        let (scalar, storedPoint) = try readingDER(as: ECError.self) {
            () throws(DERError) -> ([UInt8], [UInt8]?) in
            var document = DERReader(der)
            var key = try document.readConstructed()
            try document.finish()
            guard try key.readVersion(1) else { throw DERError(.invalidDER, "ECPrivateKey version is not 1") }
            let scalar = try key.readOctetString()
            var sawCurve = curveKnown
            if key.nextTag == DERReader.Tag.contextConstructed0 {
                var parameters = try key.readConstructed(tag: DERReader.Tag.contextConstructed0)
                try ECPublicKeyValue<C>.readNamedCurve(&parameters)
                try parameters.finish()
                sawCurve = true
            }
            guard sawCurve else {
                throw DERError(.unsupportedKeyType, "the EC private key does not name its curve")
            }
            var storedPoint: [UInt8]?
            if key.nextTag == DERReader.Tag.contextConstructed1 {
                var wrapper = try key.readConstructed(tag: DERReader.Tag.contextConstructed1)
                storedPoint = try wrapper.readByteAlignedBitString()
                try wrapper.finish()
            }
            try key.finish()
            return (scalar, storedPoint)
        }
        let storedPublicKey = try storedPoint.map { (point) throws(ECError) in try ECPublicKeyValue<C>(x963: point) }
        try self.init(scalar: scalar)
        try checkMatches(storedPublicKey)
    }

    /// From PKCS#8 `PrivateKeyInfo` DER (RFC 5208 §5; RFC 5958 §2 version 1 and 2) whose
    /// algorithm is id-ecPublicKey with `C`'s named curve and whose private key is an
    /// `ECPrivateKey` (RFC 5915 §3); a public key stored beside it must match d·G.
    init(pkcs8 der: [UInt8]) throws(ECError) {
        let info = try readingDER(as: ECError.self) { () throws(DERError) in
            let info = try PrivateKeyInfo(der: der)
            try ECPublicKeyValue<C>.readAlgorithmIdentifier(info.algorithm)
            return info
        }
        let outerPublicKey = try info.publicKey.map { (point) throws(ECError) in
            try ECPublicKeyValue<C>(x963: point)
        }
        try self.init(sec1: info.privateKey, curveKnown: true)
        try checkMatches(outerPublicKey)
    }

    /// Throws unless `stored`, a public key found beside the private key, is absent or d·G.
    private func checkMatches(_ stored: ECPublicKeyValue<C>?) throws(ECError) {
        if let stored, !(stored == publicKey) {
            throw ECError(.invalidPrivateKey, "the stored public key does not match the private key")
        }
    }

    /// d as big-endian bytes of the curve's length.
    var scalarBytes: [UInt8] { d.bigEndianBytes(count: C.byteCount) }

    /// SEC 1 `ECPrivateKey` DER with the named curve and the public key.
    var sec1DER: [UInt8] { ecPrivateKeyDER(namingCurve: true) }

    /// PKCS#8 `PrivateKeyInfo` DER (version 0) wrapping an `ECPrivateKey` with the public key
    /// and without the (already named) curve.
    var pkcs8DER: [UInt8] {
        PrivateKeyInfo.encode(
            algorithmIdentifier: ECPublicKeyValue<C>.algorithmIdentifier,
            privateKey: ecPrivateKeyDER(namingCurve: false))
    }

    /// The SEC 1 PEM `EC PRIVATE KEY` document.
    var sec1PEM: String { PEMDocument.encode(sec1DER, label: "EC PRIVATE KEY") }

    /// The PKCS#8 PEM `PRIVATE KEY` document.
    var pkcs8PEM: String { PEMDocument.encode(pkcs8DER, label: "PRIVATE KEY") }

    /// `ECPrivateKey` (RFC 5915 §3): version 1, d, the named curve when asked, the public key.
    private func ecPrivateKeyDER(namingCurve: Bool) -> [UInt8] {
        let curve = DERWriter.element(DERReader.Tag.objectIdentifier, C.objectIdentifier)
        let parameters = namingCurve ? DERWriter.element(DERReader.Tag.contextConstructed0, curve) : []
        return DERWriter.sequence(
            DERWriter.unsignedInteger([1]),
            DERWriter.element(DERReader.Tag.octetString, scalarBytes),
            parameters,
            DERWriter.element(
                DERReader.Tag.contextConstructed1,
                DERWriter.element(DERReader.Tag.bitString, [0] + publicKey.x963Bytes)))
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
    /// Strict DER (minimal INTEGERs, nothing after the SEQUENCE); r and s must each be in
    /// [1, n − 1] (FIPS 186-5 §6.4.2 step 1).
    static func rawFromDER(_ der: [UInt8]) throws(ECError) -> [UInt8] {
        let (r, s) = try readingDER(as: ECError.self) { () throws(DERError) in
            var document = DERReader(der)
            var sequence = try document.readConstructed()
            try document.finish()
            let r = try sequence.readUnsignedInteger()
            let s = try sequence.readUnsignedInteger()
            try sequence.finish()
            return (r, s)
        }
        guard r.count <= C.byteCount, s.count <= C.byteCount else {
            throw ECError(.invalidSignature, "r or s is longer than the curve's order")
        }
        let raw =
            [UInt8](repeating: 0, count: C.byteCount - r.count) + r
            + [UInt8](repeating: 0, count: C.byteCount - s.count) + s
        let rLimbs = C.Field.Storage(bigEndian: raw[0..<C.byteCount])
        let sLimbs = C.Field.Storage(bigEndian: raw[C.byteCount...])
        guard ECDSA<C>.inScalarRangeMask(rLimbs) != 0, ECDSA<C>.inScalarRangeMask(sLimbs) != 0 else {
            throw ECError(.invalidSignature, "r or s is not in [1, n − 1]")
        }
        return raw
    }

    /// Encodes r ‖ s as a DER `ECDSA-Sig-Value`.
    static func derFromRaw(_ raw: [UInt8]) -> [UInt8] {
        DERWriter.sequence(
            DERWriter.unsignedInteger(Array(raw[0..<C.byteCount])),
            DERWriter.unsignedInteger(Array(raw[C.byteCount...])))
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
