import ArgumentParser
import Foundation
import Retort

extension DialectName: ExpressibleByArgument {}
