import Foundation
import KortlaegProject
import KortlaegReaders

/// The error of an output that could not be written, for the command line: a ``CSVError`` says
/// which file and why itself; any other error is named with Foundation's description.
func writeFailure(_ error: any Error, output: String? = nil) -> KortlaegError {
    if let csv = error as? CSVError { return KortlaegError(.cannotWrite, csv.description) }
    return KortlaegError(.cannotWrite, "cannot write \(output ?? "the output"): \(error.localizedDescription)")
}
