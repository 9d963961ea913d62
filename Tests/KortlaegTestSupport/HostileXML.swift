import Foundation

/// Writes `hostile.xml` into `folder`: an ODM file with a DOCTYPE declaring an entity (the start
/// of a billion-laughs or external-entity attack), which every XML reader must refuse.
/// - Returns: The file's path.
public func writeHostileXML(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("hostile.xml").path
    try #"<?xml version="1.0"?><!DOCTYPE ODM [<!ENTITY lol "lol">]><ODM>&lol;</ODM>"#
        .write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
