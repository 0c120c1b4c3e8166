import Foundation
import GavelEngine

/// `logged_at`: UTC, RFC 3339, milliseconds. Text sorts in time order.
public enum LogClock {
    public static func timestamp(_ date: Date = Date()) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis / 1000
        let days = seconds / 86_400, secondsOfDay = seconds % 86_400
        let (year, month, day) = Instant.civil(fromDays: days)
        func pad(_ v: Int64, _ width: Int) -> String {
            let text = String(v)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondsOfDay / 3600, 2)):\(pad(secondsOfDay % 3600 / 60, 2)):"
            + "\(pad(secondsOfDay % 60, 2)).\(pad(millis % 1000, 3))Z"
    }
}
