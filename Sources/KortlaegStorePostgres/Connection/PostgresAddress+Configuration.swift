import Foundation
import KortlaegStore
import PostgresNIO

extension PostgresAddress {
    /// postgres-nio's configuration for this address: the password from the environment or the
    /// password file, TLS as `sslMode` says.
    func connectionConfiguration(environment: [String: String]) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch sslMode {
            case .disable:
                tls = .disable
            case .allow, .prefer:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none
                tls = .prefer(try NIOSSLContext(configuration: settings))
            case .require:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: settings))
            case .verifyCA, .verifyFull:
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
                if let sslRootCertificate { settings.trustRoots = .file(sslRootCertificate) }
                tls = .require(try NIOSSLContext(configuration: settings))
            }
        } catch {
            throw StoreError.database("TLS for \(self) cannot be set up: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user,
            password: PasswordFile.password(for: self, environment: environment), database: database, tls: tls)
        // verify-full checks the host name: postgres-nio sends it (SNI) and NIOSSL checks the
        // certificate against it for every host given by name (an IP address cannot be sent).
        configuration.options.additionalStartupParameters = [("application_name", "kortlaeg")]
        return configuration
    }
}
