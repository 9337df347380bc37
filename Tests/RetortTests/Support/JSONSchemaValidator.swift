import Foundation

/// A JSON value, decoded strictly (a boolean is never a number).
enum JSONValue: Decodable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var object: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    var strings: [String]? {
        guard case .array(let a) = self else { return nil }
        return a.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
}

/// Validates JSON against the subset of JSON Schema that `schema/*.schema.json` use:
/// type, properties, required, additionalProperties, items, enum and local `$ref`s.
struct JSONSchemaValidator {
    let root: [String: JSONValue]

    init(file: URL) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: file)).object ?? [:]
    }

    /// Every violation, as `path: problem`; empty when the value is valid.
    func errors(in text: String) throws -> [String] {
        check(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), against: root, path: "$")
    }

    private func check(_ value: JSONValue, against schema: [String: JSONValue], path: String) -> [String] {
        if case .string(let ref)? = schema["$ref"] {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = root["$defs"]?.object?[name]?.object else { return ["\(path): bad $ref \(ref)"] }
            return check(value, against: target, path: path)
        }
        var errors: [String] = []
        if case .string(let type)? = schema["type"], !matches(value, type) { return ["\(path): expected \(type)"] }
        if case .array(let options)? = schema["enum"], !options.contains(where: { same($0, value) }) {
            errors.append("\(path): \(value) is not allowed")
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.object ?? [:]
            for key in schema["required"]?.strings ?? [] where object[key] == nil { errors.append("\(path): missing \(key)") }
            for (key, v) in object {
                if let sub = properties[key]?.object {
                    errors += check(v, against: sub, path: "\(path).\(key)")
                } else if case .bool(false)? = schema["additionalProperties"] {
                    errors.append("\(path): unexpected \(key)")
                }
            }
        }
        if case .array(let array) = value, let items = schema["items"]?.object {
            for (i, v) in array.enumerated() { errors += check(v, against: items, path: "\(path)[\(i)]") }
        }
        return errors
    }

    private func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        default: return false
        }
    }

    private func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            return true
        case ("integer", .number(let n)): return n.rounded() == n
        default: return false
        }
    }
}
