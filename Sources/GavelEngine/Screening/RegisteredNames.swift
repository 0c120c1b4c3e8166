/// A listed site's registered name under another public suffix
/// (`aqsatv.com`, `aqsa-tv.ps`, `aqsatv-ps.com` for a listed `aqsatv.ps`):
/// a site whose domain is seized or refused comes back under another
/// (Press TV from `presstv.com` to `presstv.ir` in 2021, the Daily Stormer
/// from `.com` to `.ru` in 2017). A `registered` variant, for review:
/// someone else may hold the name under the other suffix.
extension IdentifierMatcher {
    /// A registered name shorter than this (letters and digits, hyphens
    /// left out) is not compared under other suffixes: names of three to
    /// five letters (`bmi.ir`, `msc.ir`, `sadra.ir`, `davos.exchange`) are
    /// as often someone else's under another suffix (`bmi.com`, `msc.com`,
    /// `sadra.com`, `davos.ch`) as the listed party's.
    static let shortestRegisteredName = 6

    /// The last way `match` tries: the listed host whose registered name one
    /// of the value's hosts has (`registered`), or one of the hosts its
    /// links lead to (`linked`: the value only leads there).
    static func registeredHit(_ query: Prepared, _ candidate: ScreeningEntry) -> Hit? {
        guard let listed = candidate.registeredNames[query.kind] else { return nil }
        for (names, reading) in [(query.registeredNames, NameReading.registered), (query.linkedRegisteredNames, .linked)] {
            for name in names {
                // Under the same registrable domain a host is the listed one's parent or sibling, not another registration.
                let others = (listed[name.key] ?? []).filter { !listedNames($0).contains { $0.domain == name.domain } }
                if let host = others.min() { return Hit(score: lookAlikeScore, method: .variant, suffix: host, reading: reading) }
            }
        }
        return nil
    }

    /// A host's registered name (`PublicSuffixes.registered`) as it is
    /// compared (`registeredKey`), with its registrable domain; nil for a
    /// host that has none, or a name shorter than `shortestRegisteredName`.
    static func registeredName(_ host: String) -> (key: String, domain: String)? {
        guard let (name, suffix) = PublicSuffixes.registered(host),
            name.unicodeScalars.count(where: { $0 != "-" }) >= shortestRegisteredName
        else { return nil }
        return (registeredKey(name), "\(name).\(suffix)")
    }

    /// The distinct registered names of `hosts`, in order.
    static func registeredNames(of hosts: [String]) -> [(key: String, domain: String)] {
        var names: [(key: String, domain: String)] = []
        for host in hosts {
            if let name = registeredName(host), !names.contains(where: { $0 == name }) { names.append(name) }
        }
        return names
    }

    /// What two registered names are compared by: without hyphens and
    /// dots, each run of one character written once, as a typo-squat
    /// doubles a letter (`aqsa-tv`, `aqsattv` are `aqsatv`; `aqsatv.ps`
    /// run together, `aqsatvps`).
    static func registeredKey(_ text: some StringProtocol) -> String {
        var key = ""
        var last: Character?
        for character in text where character != "-" && character != "." {
            if character != last { key.append(character) }
            last = character
        }
        return key
    }

    /// Listed hosts by the keys of their registered names, per kind: the
    /// name, and the name run together with its suffix (`aqsatvps`, which
    /// `aqsatv-ps.com` has).
    static func registeredNames(of identifiers: [String: Set<String>]) -> [String: [String: Set<String>]] {
        var out: [String: [String: Set<String>]] = [:]
        for (kind, values) in identifiers where hostKinds.contains(kind) {
            for value in values {
                for name in listedNames(value) {
                    for key in [name.key, registeredKey(name.domain)] { out[kind, default: [:]][key, default: []].insert(value) }
                }
            }
        }
        return out
    }

    /// A listed host's registered names: its own and its skeleton's. Only
    /// for a host that is its registrable domain, or that with `www.`: the
    /// owner of `business.site` or `wordpress.com` is not the party listed
    /// with a site under it, and a platform missing from the Public Suffix
    /// List (`inma-maldives.business.site`) would make every site named
    /// `business` another registration of the listed one.
    private static func listedNames(_ host: String) -> [(key: String, domain: String)] {
        [host, lookAlikeSkeleton(host)].compactMap { host in
            guard let host, let name = registeredName(host), host == name.domain || host == "www." + name.domain else { return nil }
            return name
        }
    }
}
