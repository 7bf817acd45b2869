// SigilJSON's strict reader and its writer.
//
// Oracles:
// - parsing never traps, whatever the bytes;
// - parse → serialize → parse gives an equal value, and serializing that value again gives
//   byte-identical output;
// - the String, collection and raw-buffer entry points agree;
// - tighter limits only ever turn a success into a depth or size error;
// - the number accessors (int64Value, doubleValue, isInteger) never trap;
// - the flat reader (JSONTape) gives the same value, or the same error code and offset,
//   under the default and the tight limits, and finds every member of a top-level object.
import SigilJSON

/// The tape reader must agree with the tree reader on `bytes` under `limits`.
private func checkTape(_ bytes: [UInt8], limits: JSONLimits, against tree: Result<JSONValue, JSONError>) {
    let tape = Result { () throws(JSONError) -> JSONTape in try JSONTape(parsing: bytes, limits: limits) }
    switch (tape, tree) {
    case (.success(let tape), .success(let value)):
        guard tape.value(at: 0) == value, tape.after(0) == tape.entries.count else {
            fatalError("json: the tape reads another value")
        }
        if case .object(let object) = value {
            for (key, member) in object {
                guard let index = tape.member(named: key, in: 0), tape.value(at: index) == member else {
                    fatalError("json: the tape does not find a member")
                }
            }
        }
    case (.failure(let a), .failure(let b)):
        guard a.code == b.code, a.offset == b.offset else { fatalError("json: the tape reports another error") }
    default:
        fatalError("json: the tape and the tree reader disagree on acceptance")
    }
}

private func parseOrError(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) -> Result<JSONValue, JSONError> {
    Result { () throws(JSONError) -> JSONValue in try JSONValue.parse(bytes, limits: limits) }
}

/// Touches every number accessor and member lookup; the walk is bounded by the depth limit.
private func walk(_ value: JSONValue) {
    switch value {
    case .number(let number):
        let integer = number.int64Value
        _ = number.doubleValue
        if integer != nil, !number.isInteger { fatalError("json: int64Value for a non-integer literal") }
        if let integer, let round = JSONNumber(literal: String(integer)), round.int64Value != integer {
            fatalError("json: Int64 literal does not round-trip")
        }
        guard JSONNumber(literal: number.literal) != nil else {
            fatalError("json: parsed literal rejected by JSONNumber")
        }
    case .array(let elements):
        for element in elements { walk(element) }
    case .object(let object):
        for (key, member) in object {
            guard object[key] == member, object.contains(key) else { fatalError("json: member lookup disagrees") }
            walk(member)
        }
    default:
        break
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = parseOrError(input)

    let viaBuffer = Result { () throws(JSONError) -> JSONValue in
        try JSONValue.parse(UnsafeRawBufferPointer(start: data, count: size))
    }
    guard viaBuffer == parsed else { fatalError("json: raw-buffer and array entry points disagree") }
    if let text = String(validating: input, as: UTF8.self) {
        let viaString = Result { () throws(JSONError) -> JSONValue in try JSONValue.parse(text) }
        guard viaString == parsed else { fatalError("json: String and byte entry points disagree") }
    }

    let tightLimits = JSONLimits(maximumDepth: 4, maximumBytes: 512, maximumStringBytes: 64, maximumNumberBytes: 16)
    let tight = parseOrError(input, limits: tightLimits)
    checkTape(input, limits: JSONLimits(), against: parsed)
    checkTape(input, limits: tightLimits, against: tight)
    switch (tight, parsed) {
    case (.success(let a), .success(let b)):
        guard a == b else { fatalError("json: tight limits changed the value") }
    case (.success, .failure):
        fatalError("json: tight limits accepted what the defaults reject")
    case (.failure(let error), .success):
        guard error.code == .depthLimitExceeded || error.code == .sizeLimitExceeded else {
            fatalError("json: tight limits failed with \(error.code)")
        }
    case (.failure, .failure):
        break
    }

    guard case .success(let value) = parsed else { return 0 }
    walk(value)
    let serialized = value.serializedBytes()
    guard Array(value.serialized().utf8) == serialized else { fatalError("json: serialized() != serializedBytes()") }
    guard case .success(let reparsed) = parseOrError(serialized) else {
        fatalError("json: the writer's output does not parse")
    }
    guard reparsed == value else { fatalError("json: parse → serialize → parse changed the value") }
    guard reparsed.serializedBytes() == serialized else { fatalError("json: serialization is not stable") }
    var writer = JSONWriter()
    writer.write(value)
    guard writer.bytes == serialized else { fatalError("json: JSONWriter and serializedBytes disagree") }
    return 0
}
