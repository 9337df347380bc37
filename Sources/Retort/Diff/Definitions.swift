/// What counts when two schema objects of a kind are compared: the value itself, with what is
/// compared elsewhere cleared. `DifferCoverageTests` mutates every stored property of each type and
/// requires a difference, so a new field counts unless it is cleared here on purpose.
extension Index: ComparedByDefinition {
    /// The index without its name (indexes are paired by name) and comment (`setIndexComment`), its
    /// key options one per key, or none when every key is plain.
    var definition: Index {
        var d = self
        d.name = nil
        d.comment = nil
        let options = keys.indices.map { self.options(at: $0) }
        d.keyOptions = options.allSatisfy { $0.isDefault } ? [] : options
        return d
    }
}

extension UniqueConstraint: ComparedByDefinition {
    /// The constraint without its name (a changed name is a rename).
    var definition: UniqueConstraint {
        var d = self
        d.name = nil
        return d
    }
}

extension ForeignKey: ComparedByDefinition {
    /// The key without its name (a rename) and without `NOT VALID` (validated separately).
    var definition: ForeignKey {
        var d = self
        d.name = nil
        d.notValid = false
        return d
    }
}

extension CheckConstraint: ComparedByDefinition {
    /// The check without its name (a rename) and without `NOT VALID` (validated separately).
    var definition: CheckConstraint {
        var d = self
        d.name = nil
        d.notValid = false
        return d
    }
}
