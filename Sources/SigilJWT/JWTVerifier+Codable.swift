#if !hasFeature(Embedded)
import SigilJSON
import SigilJSONCodable

extension JWTVerifier {
    /// Verifies a token and decodes its payload as `type`.
    ///
    /// Everything `verify(_:)` does happens first: signature, header rules, and the
    /// registered claims against the options. Then the payload is decoded from that same
    /// parse (`SigilJSONDecoder`: exact numbers, no second reading of the text) and its
    /// `verify(using:)` runs.
    ///
    /// - Parameters:
    ///   - token: The compact serialization.
    ///   - type: The payload type.
    /// - Returns: The decoded payload.
    /// - Throws: `JWTError` from verification; for a payload that does not decode,
    ///   `JWTError` with `.missingClaim` (a required property is absent), `.wrongClaimType`
    ///   (a property has another type) or `.malformed`; any error from the payload's own
    ///   `verify(using:)`.
    public func verify<Payload: JWTPayload>(_ token: String, as type: Payload.Type = Payload.self) throws -> Payload {
        let (key, claims) = try withBytes(of: token) { (bytes) throws(JWTError) in
            try validatedTape(bytes: bytes)
        }
        let payload: Payload
        do {
            payload = try SigilJSONDecoder().decode(Payload.self, from: claims)
        } catch let error as DecodingError {
            throw JWTError(decoding: error)
        }
        try payload.verify(using: key)
        return payload
    }
}

extension JWTError {
    /// A `DecodingError` of a verified payload, told in claim terms (without values).
    init(decoding error: DecodingError) {
        func name(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let claim = name(context.codingPath + [key])
            self.init(.missingClaim, "the payload has no \(claim) claim", claim: claim)
        case .valueNotFound(_, let context):
            let claim = name(context.codingPath)
            self.init(.missingClaim, "the payload's \(claim) claim is null", claim: claim)
        case .typeMismatch(_, let context):
            let claim = name(context.codingPath)
            self.init(.wrongClaimType, "the payload's \(claim) claim has the wrong type", claim: claim)
        case .dataCorrupted(let context):
            self.init(.malformed, "the payload does not decode (at \(name(context.codingPath)))")
        @unknown default:
            self.init(.malformed, "the payload does not decode")
        }
    }
}
#endif
