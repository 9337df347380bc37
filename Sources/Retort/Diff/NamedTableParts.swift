/// The parts of a table known by name that are objects of their own (triggers, policies,
/// exclusion constraints): created, dropped, and when their definitions differ, replaced in place
/// where `inPlace` says the database can, dropped and created otherwise. Each part comes with its
/// normalized form, on which the decisions are taken; operations carry the given one.
enum NamedTableParts {
    typealias Part<T> = (given: T, normalized: T)

    static func compare<T: Equatable>(
        old: [Part<T>], new: [Part<T>], name: (T) -> String, object: (T) -> SchemaObject, inPlace: (_ was: T, _ now: T) -> Bool
    ) -> [MigrationOperation] {
        let oldByName = Dictionary(old.map { (name($0.normalized), $0) }) { a, _ in a }
        let newNames = Set(new.map { name($0.normalized) })
        var ops: [MigrationOperation] = []
        for part in new {
            guard let was = oldByName[name(part.normalized)] else {
                ops.append(.createObject(object(part.given)))
                continue
            }
            guard was.normalized != part.normalized else { continue }
            if inPlace(was.normalized, part.normalized) {
                ops.append(.replaceObject(from: object(was.given), to: object(part.given)))
            } else {
                ops.append(.dropObject(object(was.given)))
                ops.append(.createObject(object(part.given)))
            }
        }
        for part in old where !newNames.contains(name(part.normalized)) { ops.append(.dropObject(object(part.given))) }
        return ops
    }

    /// The given parts with their normalized forms, matched by name (normalizing keeps names).
    static func byName<T>(_ given: [T], _ normalized: [T], name: (T) -> String) -> [Part<T>] {
        let forms = Dictionary(normalized.map { (name($0), $0) }) { a, _ in a }
        return given.compactMap { g in forms[name(g)].map { (g, $0) } }
    }
}
