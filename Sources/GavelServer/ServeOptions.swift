import GavelEngine

/// `gavel serve`'s settings, as the command line gives them.
public struct ServeOptions: Sendable {
    public var policies: String
    /// `--log`: an SQLite path or a `postgres://` URL.
    public var log: String
    public var host: String
    /// 0 picks a free port; the one bound is printed.
    public var port: Int
    /// `--auth FILE`; nil only with `noAuth`.
    public var authFile: String?
    public var noAuth: Bool
    /// Largest request body (and largest line of a batch), in bytes.
    public var maxBodyBytes: Int
    /// How long a connection may send nothing before it is closed, in seconds.
    public var requestTimeout: Double
    /// Where screening indexes are kept between runs (see `EvaluateRun`).
    package var screeningCache = ScreeningIndexCache.standard()

    public init(
        policies: String, log: String, host: String = "127.0.0.1", port: Int = 8080, authFile: String? = nil, noAuth: Bool = false,
        maxBodyBytes: Int = 1 << 20, requestTimeout: Double = 30
    ) {
        self.policies = policies
        self.log = log
        self.host = host
        self.port = port
        self.authFile = authFile
        self.noAuth = noAuth
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
    }
}
