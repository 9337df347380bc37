import ArgumentParser
import Foundation
import Retort

/// Exit statuses every Retort command uses.
public enum ExitStatus {
    /// The command did what it was asked; `check` found nothing.
    public static let ok: Int32 = 0
    /// `check` found differences between the models and the database.
    public static let differences: Int32 = 1
    /// Bad input: a malformed URL, an unknown revision, an invalid model or usage error.
    public static let badInput: Int32 = 2
    /// The database could not be reached or refused a statement.
    public static let database: Int32 = 3
    /// A revision failed and was rolled back.
    public static let migrationFailed: Int32 = 4
    /// An applied revision was edited or deleted (`upgrade` refuses; see --accept-changed).
    public static let integrity: Int32 = 5
    /// A downgrade would delete rows and neither `--backup` nor `--accept-data-loss` was given.
    public static let dataLoss: Int32 = 6
    /// `check`: revisions are not yet applied to the database.
    public static let pendingRevisions: Int32 = 10
    /// `check`: the models differ from the schema the revision history produces (a model edited without `autogen`).
    public static let modelsAheadOfHistory: Int32 = 11
    /// `check`: an applied revision's file was edited or deleted.
    public static let editedRevisions: Int32 = 12
    /// A fleet: some targets failed (or were busy); the others reached the wanted revision.
    public static let fleetFailures: Int32 = 20
    /// A fleet: the rollout stopped early (a canary failed, or `--max-failures` targets did);
    /// targets not started are left for the rerun.
    public static let fleetStopped: Int32 = 21
}

/// Thrown by a command to exit with a status after printing its output.
struct CommandExit: Error {
    var status: Int32
}

/// Runs a command tree with Retort's error reporting: one line on stderr and a stable exit status.
public enum CommandRunner {
    /// Parses and runs; returns the exit status.
    public static func run(_ root: any ParsableCommand.Type, arguments: [String]) -> Int32 {
        if let unknown = unknownCommand(root, arguments) {
            Console.error(unknown)
            return ExitStatus.badInput
        }
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
            return ExitStatus.ok
        } catch let exit as CommandExit {
            return exit.status
        } catch {
            if let status = status(for: error) {
                Console.error(message(for: error))
                return status
            }
            let code = root.exitCode(for: error).rawValue
            if code == 0 {
                print(root.fullMessage(for: error))
                return 0
            }
            Console.error(root.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "error")
            if code == ExitCode.validationFailure.rawValue { return ExitStatus.badInput }
            return code
        }
    }

    static func status(for error: any Error) -> Int32? {
        switch error {
        case is ModelError, is UnsupportedChange, is RevisionError, is DatabaseURLError, is IrreversibleOperation, is ReplayError, is UsageError:
            return ExitStatus.badInput
        case is DatabaseError: return ExitStatus.database
        case is MigrationError, is HistoryReplayError, is VerificationError, is TransferError: return ExitStatus.migrationFailed
        case is IntegrityError, is BookkeepingError: return ExitStatus.integrity
        case is DataLossError: return ExitStatus.dataLoss
        default: return nil
        }
    }

    /// "unknown command 'upgarde'; did you mean 'upgrade'?" when the first argument names no
    /// subcommand (the parser alone would only count unexpected arguments).
    static func unknownCommand(_ root: any ParsableCommand.Type, _ arguments: [String]) -> String? {
        let names = root.configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
        guard let first = arguments.first, !first.hasPrefix("-"), !names.isEmpty, !names.contains(first), first != "help" else { return nil }
        let nearest = names.map { ($0, editDistance(first.lowercased(), $0)) }.min { $0.1 < $1.1 }
        let hint = nearest.flatMap { $0.1 <= max(2, first.count / 3) ? "; did you mean '\($0.0)'?" : nil }
            ?? "; the commands are \(names.joined(separator: ", "))"
        return "unknown command '\(first)'" + hint
    }

    /// Levenshtein distance, with a swap of two neighbouring letters counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    static func message(for error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// A command used the wrong way.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

/// stdout for data, stderr for diagnostics; colour only on a terminal and never with NO_COLOR.
enum Console {
    static func out(_ line: String) {
        print(line)
    }

    static func error(_ line: String) {
        let prefix = useColor ? "\u{1B}[31merror:\u{1B}[0m " : "error: "
        FileHandle.standardError.write(Data((prefix + line + "\n").utf8))
    }

    static func info(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var useColor: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) == 1
    }
}
