import SigilJSON
import Testing

@Suite("JSONObject: ordered, unique members")
struct JSONObjectTests {
    @Test("insertion order, replace in place, remove")
    func editing() {
        var object = JSONObject()
        #expect(object.isEmpty)
        object["b"] = 1
        object["a"] = 2
        object["c"] = 3
        #expect(object.keys == ["b", "a", "c"])
        object["a"] = "two"
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["a"] == "two")
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        object["missing"] = nil
        #expect(object.count == 2)
        #expect(object.contains("c"))
        #expect(!object.contains("b"))
        #expect(object.values == ["two", 3])
        #expect(object.map(\.key) == ["a", "c"])
    }

    @Test("init keeps the first position and the last value of a repeated name")
    func initWithDuplicates() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
        let literal: JSONObject = ["x": 1, "y": 2]
        #expect(literal.keys == ["x", "y"])
    }

    @Test("large objects: indexed lookups, removal keeps the index consistent")
    func large() {
        var object = JSONObject()
        for number in 0..<1000 { object["k\(number)"] = .number(JSONNumber(number)) }
        #expect(object.count == 1000)
        #expect(object["k999"] == 999)
        for number in stride(from: 0, to: 1000, by: 2) { object["k\(number)"] = nil }
        #expect(object.count == 500)
        #expect(object["k998"] == nil)
        #expect(object["k999"] == 999)
        #expect(object.keys.first == "k1")
        for number in stride(from: 1, to: 990, by: 2) { object["k\(number)"] = nil }
        #expect(object.keys == ["k991", "k993", "k995", "k997", "k999"])
        #expect(object["k995"] == 995)
        object["new"] = true
        #expect(object.keys.last == "new")
    }

    @Test("a parsed large object's index stays consistent through edits")
    func parsedIndex() throws {
        let text = "{" + (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        var object = try #require(try JSONValue.parse(text).objectValue)
        for number in 0..<20 { #expect(object["k\(number)"] == .number(JSONNumber(number))) }
        object["k3"] = nil
        object["k19"] = "last"
        object["new"] = true
        #expect(object.count == 20)
        #expect(object["k3"] == nil)
        #expect(object["k4"] == 4)
        #expect(object["k19"] == "last")
        #expect(object["new"] == true)
        #expect(object.keys.last == "new")
        for _ in 0..<5 { object[object.keys[0]] = nil }
        #expect(object.count == 15)
        #expect(object.keys.first == "k6")
        #expect(object["k6"] == 6 && object["k5"] == nil && object["new"] == true)
    }

    @Test("equality and hashing ignore member order")
    func equality() {
        let first: JSONObject = ["a": 1, "b": [1, 2]]
        let second: JSONObject = ["b": [1, 2], "a": 1]
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != ["a": 1, "b": [2, 1]])
        #expect(first != ["a": 1])
        #expect(first != ["a": 1, "c": [1, 2]])
        #expect(Set<JSONValue>([.object(first), .object(second)]).count == 1)
    }
}
