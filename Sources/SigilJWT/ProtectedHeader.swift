import SigilJSON

/// A JOSE header that has passed the header rules (RFC 7515 §4.1, RFC 8725 §3).
struct ProtectedHeader: Sendable {
    /// The whole header.
    let object: JSONObject
    /// `alg`, an algorithm Sigil implements.
    let algorithm: JWTAlgorithm
    /// `kid`, if present.
    let keyID: String?

    /// The limits for header JSON: a header is a flat object of short members.
    static let jsonLimits = JSONLimits(
        maximumDepth: 8, maximumBytes: 8_192, maximumStringBytes: 4_096, maximumNumberBytes: 64)

    /// Parses and checks decoded header JSON.
    ///
    /// - `alg` must be a string; `none` in any casing is `.algorithmNotAllowed`, any other
    ///   name Sigil does not implement is `.unsupportedAlgorithm`.
    /// - `crit`, if present, must be a non-empty array of strings (else `.malformed`); since
    ///   Sigil implements no extension, any such `crit` is `.unsupportedCriticalHeader`
    ///   (RFC 7515 §4.1.11).
    /// - `kid` and `typ`, if present, must be strings; `typ` must match `expectedType` when
    ///   one is pinned.
    /// - `jku`, `x5u`, `jwk`, `x5c` are never read: trust comes from the verifier's keys only.
    init(json: UnsafeRawBufferPointer, expectedType: String?) throws(JWTError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(json, limits: ProtectedHeader.jsonLimits)
        } catch {
            throw JWTError(.malformed, "the header is not valid JSON (\(error.reason))")
        }
        guard case .object(let object) = value else {
            throw JWTError(.malformed, "the header is not a JSON object")
        }
        try self.init(object: object, expectedType: expectedType)
    }

    /// Checks an already parsed header object (see `init(json:expectedType:)`).
    init(object: JSONObject, expectedType: String?) throws(JWTError) {
        guard let algValue = object["alg"] else { throw JWTError(.malformed, "the header has no alg") }
        guard case .string(let name) = algValue else { throw JWTError(.malformed, "the header's alg is not a string") }
        guard let algorithm = JWTAlgorithm(rawValue: name) else {
            if ProtectedHeader.isNone(name) {
                throw JWTError(.algorithmNotAllowed, "alg none (an unsecured JWS) is never accepted")
            }
            throw JWTError(.unsupportedAlgorithm, "the header's alg is not an algorithm Sigil implements")
        }

        if let crit = object["crit"] {
            guard case .array(let names) = crit, !names.isEmpty else {
                throw JWTError(.malformed, "the header's crit is not a non-empty array (RFC 7515 §4.1.11)")
            }
            for name in names {
                guard case .string = name else {
                    throw JWTError(.malformed, "the header's crit has a member that is not a string")
                }
            }
            throw JWTError(.unsupportedCriticalHeader, "the header's crit names an extension Sigil does not implement")
        }

        var keyID: String?
        if let kid = object["kid"] {
            guard case .string(let value) = kid else { throw JWTError(.malformed, "the header's kid is not a string") }
            keyID = value
        }

        if let typ = object["typ"] {
            guard case .string(let type) = typ else { throw JWTError(.malformed, "the header's typ is not a string") }
            if let expectedType, !ProtectedHeader.sameMediaType(type, expectedType) {
                throw JWTError(.typeMismatch, "the header's typ is not the expected type")
            }
        } else if expectedType != nil {
            throw JWTError(.typeMismatch, "the header has no typ, and one is required")
        }

        self.object = object
        self.algorithm = algorithm
        self.keyID = keyID
    }

    /// Whether `name` is "none" in any ASCII casing.
    static func isNone(_ name: String) -> Bool {
        let lowered = name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return lowered.elementsEqual("none".utf8)
    }

    /// Media-type comparison for `typ` (RFC 7515 §4.1.9): ASCII case-insensitive, with the
    /// `application/` prefix optional on either side.
    static func sameMediaType(_ a: String, _ b: String) -> Bool {
        func normalized(_ text: String) -> [UInt8] {
            var bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let prefix = Array("application/".utf8)
            if bytes.count > prefix.count, bytes.starts(with: prefix) { bytes.removeFirst(prefix.count) }
            return bytes
        }
        return normalized(a) == normalized(b)
    }
}

extension ProtectedHeader {
    /// The header JSON that `JWTSigner` writes for a key: `{"alg":…,"kid":…,"typ":…}`, with
    /// the members in sorted order as PyJWT writes them, so that the verifier's cache of
    /// known headers also recognises PyJWT tokens.
    static func canonicalJSON(algorithm: JWTAlgorithm, keyID: String?, type: String?) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.writeRaw("{\"alg\":")
        writer.writeString(algorithm.rawValue)
        if let keyID {
            writer.writeRaw(",\"kid\":")
            writer.writeString(keyID)
        }
        if let type {
            writer.writeRaw(",\"typ\":")
            writer.writeString(type)
        }
        writer.writeRaw("}")
        return writer.bytes
    }

    /// The header JSON for a key with its members in every order: the forms that the
    /// verifier's cache of known headers recognises without parsing.
    ///
    /// Writers differ in member order (jwt-kit, for one, writes from a dictionary, so its
    /// order varies from process to process); with at most three members there are at most
    /// six forms. The first is ``canonicalJSON(algorithm:keyID:type:)``.
    static func jsonForms(algorithm: JWTAlgorithm, keyID: String?, type: String?) -> [[UInt8]] {
        var members: [(name: String, value: String)] = [("alg", algorithm.rawValue)]
        if let keyID { members.append(("kid", keyID)) }
        if let type { members.append(("typ", type)) }
        var orders: [[Int]] = [[]]
        for member in members.indices {
            orders = orders.flatMap { order in
                (0...order.count).map { position in
                    var order = order
                    order.insert(member, at: position)
                    return order
                }
            }
        }
        var forms = [canonicalJSON(algorithm: algorithm, keyID: keyID, type: type)]
        for order in orders {
            var writer = JSONWriter(capacity: 64)
            for (position, member) in order.enumerated() {
                writer.writeRaw(position == 0 ? "{" : ",")
                writer.writeString(members[member].name)
                writer.writeRaw(":")
                writer.writeString(members[member].value)
            }
            writer.writeRaw("}")
            if !forms.contains(writer.bytes) { forms.append(writer.bytes) }
        }
        return forms
    }
}
