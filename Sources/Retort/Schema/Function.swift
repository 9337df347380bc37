/// A function or procedure (PostgreSQL): arguments, what it returns, its language and body (SQL
/// text, as between `$$ … $$`), and its options. Overloads are distinct objects: one is known by
/// its name and the types of its input arguments (`film_in_stock(integer, integer)`), as
/// PostgreSQL knows it. Compared by meaning: the models' functions are created in the rolled-back
/// scratch schema and read back (arguments and result as the server prints them); the body as
/// written, but for the blank space around it. SQLite has none: not created there, with a note.
public struct Function: Hashable, Sendable {
    /// A function returns a value; a procedure (`CALL`) does not.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// `CREATE FUNCTION`: returns a value.
        case function
        /// `CREATE PROCEDURE`: run with `CALL`, may commit.
        case procedure
    }

    /// What the planner may assume of the function's result.
    public enum Volatility: String, Hashable, Sendable, Codable {
        /// May return another result for the same arguments, may change the database (the default).
        case volatile
        /// The same result for the same arguments within one statement.
        case stable
        /// The same result for the same arguments, always.
        case immutable
    }

    /// Whether the function may run in parallel workers.
    public enum Parallel: String, Hashable, Sendable, Codable {
        /// Never runs in a parallel query (the default).
        case unsafe
        /// Runs only in the parallel group leader.
        case restricted
        /// Runs in parallel workers.
        case safe
    }

    /// One argument.
    public struct Argument: Hashable, Sendable {
        /// How the argument passes.
        public enum Mode: String, Hashable, Sendable, Codable {
            /// Passed in (the default).
            case `in`
            /// Returned, part of the result.
            case out
            /// Passed in and returned.
            case `inout`
            /// Any number of trailing values, passed as an array.
            case variadic
        }

        /// Its name, if it has one.
        public var name: String?
        /// Its type, in PostgreSQL's spelling.
        public var type: String
        /// `IN` (the default), `OUT`, `INOUT` or `VARIADIC`.
        public var mode: Mode
        /// Its default, an SQL expression, if any.
        public var defaultValue: String?

        /// An argument: `.init("p_film_id", "integer")`.
        public init(_ name: String?, _ type: String, mode: Mode = .in, default defaultValue: String? = nil) {
            self.name = name
            self.type = type
            self.mode = mode
            self.defaultValue = defaultValue
        }

        /// True for arguments the caller passes (all but `OUT`): they make the function's identity.
        public var isInput: Bool { mode != .out }
    }

    /// The function's name.
    public var name: String
    /// Function or procedure.
    public var kind: Kind
    /// The arguments, in order.
    public var arguments: [Argument]
    /// The result type (`integer`, `SETOF customer`, `TABLE(a integer, b text)`, `trigger`); nil
    /// for a procedure, or for a function whose `OUT` arguments make its result.
    public var returns: String?
    /// The language (`sql`, `plpgsql`).
    public var language: String
    /// The body, as it stands between the dollar quotes.
    public var body: String
    /// `VOLATILE` (the default), `STABLE` or `IMMUTABLE`.
    public var volatility: Volatility
    /// `STRICT`: NULL in any argument returns NULL without running it.
    public var strict: Bool
    /// `SECURITY DEFINER`: it runs with its owner's privileges.
    public var securityDefiner: Bool
    /// `PARALLEL UNSAFE` (the default), `RESTRICTED` or `SAFE`.
    public var parallel: Parallel
    /// `LEAKPROOF`.
    public var leakproof: Bool
    /// `SET name = value` for the time it runs (`["search_path": "public, pg_temp"]`).
    public var settings: [String: String]
    /// The function's comment.
    public var comment: String?

    /// A function: `Function("inventory_in_stock", arguments: [.init("p_inventory_id", "integer")],
    /// returns: "boolean", language: "plpgsql", body: "BEGIN … END")`.
    public init(
        _ name: String, kind: Kind = .function, arguments: [Argument] = [], returns: String? = nil, language: String = "sql",
        body: String, volatility: Volatility = .volatile, strict: Bool = false, securityDefiner: Bool = false,
        parallel: Parallel = .unsafe, leakproof: Bool = false, settings: [String: String] = [:], comment: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.arguments = arguments
        self.returns = returns
        self.language = language
        self.body = body
        self.volatility = volatility
        self.strict = strict
        self.securityDefiner = securityDefiner
        self.parallel = parallel
        self.leakproof = leakproof
        self.settings = settings
        self.comment = comment
    }

    /// A procedure, run with `CALL`.
    public static func procedure(
        _ name: String, arguments: [Argument] = [], language: String = "sql", body: String, securityDefiner: Bool = false,
        settings: [String: String] = [:], comment: String? = nil
    ) -> Function {
        Function(name, kind: .procedure, arguments: arguments, language: language, body: body, securityDefiner: securityDefiner,
                 settings: settings, comment: comment)
    }

    /// How PostgreSQL knows it: `name(integer, character varying)`, the input arguments' types as
    /// `format_type` prints them without modifiers.
    public var signature: String {
        FunctionSignature.signature(name, arguments.filter(\.isInput).map(\.type))
    }
}

/// An aggregate (PostgreSQL): a state type and the function that folds each row into the state,
/// and optionally a final function. Known by name and input types, as functions are.
public struct Aggregate: Hashable, Sendable {
    /// The aggregate's name.
    public var name: String
    /// The input types, in order.
    public var arguments: [String]
    /// The state transition function (`SFUNC`), by name.
    public var stateFunction: String
    /// The state's type (`STYPE`).
    public var stateType: String
    /// The final function (`FINALFUNC`), by name, if any.
    public var finalFunction: String?
    /// The state's initial value as text (`INITCOND`), if any.
    public var initialCondition: String?
    /// The aggregate's comment.
    public var comment: String?

    /// An aggregate: `Aggregate("group_concat", ["text"], stateFunction: "_group_concat", stateType: "text")`.
    public init(
        _ name: String, _ arguments: [String], stateFunction: String, stateType: String, finalFunction: String? = nil,
        initialCondition: String? = nil, comment: String? = nil
    ) {
        self.name = name
        self.arguments = arguments
        self.stateFunction = stateFunction
        self.stateType = stateType
        self.finalFunction = finalFunction
        self.initialCondition = initialCondition
        self.comment = comment
    }

    /// How PostgreSQL knows it: `name(text)`.
    public var signature: String { FunctionSignature.signature(name, arguments) }
}

/// The identity of a function or aggregate, spelled as PostgreSQL prints it, so that the models'
/// `int` and the catalog's `integer` name the same overload.
enum FunctionSignature {
    /// `name(type, type)` with each type as `format_type` prints it without modifiers.
    static func signature(_ name: String, _ types: [String]) -> String {
        name + "(" + types.map(typeName).joined(separator: ", ") + ")"
    }

    /// Aliases PostgreSQL accepts, by the name `format_type` prints.
    private static let aliases: [String: String] = [
        "int": "integer", "int4": "integer", "int8": "bigint", "int2": "smallint", "bool": "boolean",
        "float8": "double precision", "float": "double precision", "float4": "real", "varchar": "character varying",
        "char": "character", "bpchar": "character", "decimal": "numeric", "timestamptz": "timestamp with time zone",
        "timestamp": "timestamp without time zone", "timetz": "time with time zone", "time": "time without time zone",
        "varbit": "bit varying", "serial": "integer", "bigserial": "bigint", "smallserial": "smallint",
        "timestamp with time zone": "timestamp with time zone", "time with time zone": "time with time zone",
        "timestamp without time zone": "timestamp without time zone", "time without time zone": "time without time zone",
    ]

    /// A type as `format_type(oid, NULL)` prints it: modifiers dropped, aliases resolved, unquoted
    /// names folded to lower case, array brackets kept.
    static func typeName(_ spelling: String) -> String {
        var text = "", depth = 0, quoted = false
        for ch in spelling.trimmingCharacters(in: .whitespacesAndNewlines) {
            if ch == "\"" { quoted.toggle() }
            if !quoted, ch == "(" { depth += 1; continue }
            if !quoted, ch == ")" { depth -= 1; continue }
            if depth == 0 { text.append(quoted || ch == "\"" ? ch : Character(ch.lowercased())) }
        }
        var dims = 0
        var base = text.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("[]") {
            dims += 1
            base = String(base.dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
        if base.hasPrefix("\""), base.hasSuffix("\""), base.count > 2 {
            let inner = String(base.dropFirst().dropLast())
            if inner == inner.lowercased(), inner.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { base = inner }
        }
        base = base.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        base = aliases[base] ?? base
        return base + String(repeating: "[]", count: dims)
    }
}

extension Function.Argument: Codable {
    private enum CodingKeys: String, CodingKey { case name, type, mode, defaultValue }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeUnlessDefault(mode, forKey: .mode, default: .in)
        try c.encodeIfPresent(defaultValue, forKey: .defaultValue)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decodeIfPresent(String.self, forKey: .name), try c.decode(String.self, forKey: .type),
            mode: try c.decodeIfPresent(Mode.self, forKey: .mode) ?? .in, default: try c.decodeIfPresent(String.self, forKey: .defaultValue))
    }
}

extension Function: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, kind, arguments, returns, language, body, volatility, strict, securityDefiner, parallel, leakproof, settings, comment
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeUnlessDefault(kind, forKey: .kind, default: .function)
        try c.encodeUnlessDefault(arguments, forKey: .arguments)
        try c.encodeIfPresent(returns, forKey: .returns)
        try c.encode(language, forKey: .language)
        try c.encode(body, forKey: .body)
        try c.encodeUnlessDefault(volatility, forKey: .volatility, default: .volatile)
        try c.encodeUnlessDefault(strict, forKey: .strict)
        try c.encodeUnlessDefault(securityDefiner, forKey: .securityDefiner)
        try c.encodeUnlessDefault(parallel, forKey: .parallel, default: .unsafe)
        try c.encodeUnlessDefault(leakproof, forKey: .leakproof)
        try c.encodeUnlessDefault(settings, forKey: .settings)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), kind: try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .function,
            arguments: try c.decodeIfPresent([Argument].self, forKey: .arguments) ?? [],
            returns: try c.decodeIfPresent(String.self, forKey: .returns), language: try c.decode(String.self, forKey: .language),
            body: try c.decode(String.self, forKey: .body),
            volatility: try c.decodeIfPresent(Volatility.self, forKey: .volatility) ?? .volatile,
            strict: try c.decodeIfPresent(Bool.self, forKey: .strict) ?? false,
            securityDefiner: try c.decodeIfPresent(Bool.self, forKey: .securityDefiner) ?? false,
            parallel: try c.decodeIfPresent(Parallel.self, forKey: .parallel) ?? .unsafe,
            leakproof: try c.decodeIfPresent(Bool.self, forKey: .leakproof) ?? false,
            settings: try c.decodeIfPresent([String: String].self, forKey: .settings) ?? [:],
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension Aggregate: Codable {
    private enum CodingKeys: String, CodingKey { case name, arguments, stateFunction, stateType, finalFunction, initialCondition, comment }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(arguments, forKey: .arguments)
        try c.encode(stateFunction, forKey: .stateFunction)
        try c.encode(stateType, forKey: .stateType)
        try c.encodeIfPresent(finalFunction, forKey: .finalFunction)
        try c.encodeIfPresent(initialCondition, forKey: .initialCondition)
        try c.encodeIfPresent(comment, forKey: .comment)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .name), try c.decode([String].self, forKey: .arguments),
            stateFunction: try c.decode(String.self, forKey: .stateFunction), stateType: try c.decode(String.self, forKey: .stateType),
            finalFunction: try c.decodeIfPresent(String.self, forKey: .finalFunction),
            initialCondition: try c.decodeIfPresent(String.self, forKey: .initialCondition),
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
    }
}

extension Function: SchemaElement {
    /// Declares a function or procedure.
    public func apply(to schema: inout Schema) { schema.functions.append(self) }
}

extension Aggregate: SchemaElement {
    /// Declares an aggregate.
    public func apply(to schema: inout Schema) { schema.aggregates.append(self) }
}
