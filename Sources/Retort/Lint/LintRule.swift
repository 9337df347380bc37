/// A dangerous-migration rule: a stable code, what it is about, and a check over one operation.
/// Each rule lives in its own file under `Lint/Rules/`, with its documentation.
public struct LintRule: Sendable {
    /// The rule's stable code (`RT102`).
    public let code: LintCode
    /// What the rule finds, in a few words.
    public let title: String
    /// The kind of danger.
    public let category: LintCategory
    /// The dialects the rule applies to.
    public let dialects: Set<DialectName>
    /// Why the operation is dangerous (one line).
    public let why: String
    /// The safe way (one line).
    public let fix: String
    /// The finding's severity and table, or nil when the operation is fine.
    let check: @Sendable (MigrationOperation, LintContext) -> (LintSeverity, String?)?

    init(
        _ code: LintCode, _ title: String, category: LintCategory, dialects: Set<DialectName> = [.postgres, .sqlite],
        why: String, fix: String, check: @escaping @Sendable (MigrationOperation, LintContext) -> (LintSeverity, String?)?
    ) {
        self.code = code
        self.title = title
        self.category = category
        self.dialects = dialects
        self.why = why
        self.fix = fix
        self.check = check
    }
}

extension LintRule {
    /// Every rule, in code order.
    public static let all: [LintRule] = [
        dropTable, dropColumn, narrowingType, enumValueRemoved, valuesReplacedByGeneration,
        indexWithoutConcurrently, dropIndexWithoutConcurrently, foreignKeyWithoutNotValid, checkWithoutNotValid,
        setNotNullByScan, notNullColumnWithoutDefault, volatileDefault, rewritingTypeChange, uniqueByLockingIndexBuild,
        generatedColumnRewrite, triggerCreated, materializedViewFilledUnderLock, partitionAttachScan, partitionDetachLock,
        rowLevelSecurityWithoutPolicy,
        renameColumn, renameTable, functionReplaced, viewDropped, hiddenReferences, extensionDropped,
        sqliteRebuild,
    ].sorted { $0.code < $1.code }
}

extension LintRule {
    /// Every rule documented in Markdown (`docs/lint.md` holds exactly this).
    public static var documentation: String {
        var out = [
            "# Lint rules", "",
            "`lint` (and `autogen`, on what it writes) reports these findings. Each has a stable code; an",
            "**error** fails `lint` (exit 1) unless the revision acknowledges it with `static let allow: [LintCode] = [\"RT…\"]`",
            "(the finding is then reported as `allowed`); a **warning** never fails. Lock and rewrite findings are warnings,",
            "and errors on tables of `--large-table-rows` rows or more (100,000 by default) when `lint` reads sizes from a",
            "live database (PostgreSQL: the planner's estimates; SQLite: counts of the tables the revisions touch).", "",
        ]
        var category: LintCategory?
        for rule in all {
            if rule.category != category {
                out += ["## \(rule.category.rawValue.prefix(1).uppercased() + rule.category.rawValue.dropFirst())", ""]
                category = rule.category
            }
            let dialects = [DialectName.postgres, .sqlite].filter(rule.dialects.contains)
                .map { $0 == .postgres ? "PostgreSQL" : "SQLite" }.joined(separator: " and ")
            out += [
                "### \(rule.code): \(rule.title)", "", "- Applies to: \(dialects).", "- Why: \(rule.why).",
                "- Safe way: \(rule.fix).", "",
            ]
        }
        return out.joined(separator: "\n")
    }
}
