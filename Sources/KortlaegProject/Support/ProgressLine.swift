/// The text of the progress line a terminal shows while a file is read:
/// `skema.csv: 120000 records read, 45 %, about 2 min left`.
///
/// The percentage is of the file's bytes (when the reader knows them); the time left is the
/// time so far scaled to the bytes still to read, shown once at least 1 % and 1 second have
/// passed (before that it would be a guess).
public enum ProgressLine {
    /// The line for `update`, `elapsed` seconds after the file was started.
    public static func text(_ update: ProgressUpdate, elapsed: Double) -> String {
        var text = "\(update.subject): \(update.records) records read"
        guard let bytes = update.bytes, let total = update.totalBytes, total > 0 else { return text }
        let fraction = min(1, Double(bytes) / Double(total))
        text += ", \(Int(fraction * 100)) %"
        if fraction >= 0.01, fraction < 1, elapsed >= 1 {
            text += ", about \(duration(elapsed * (1 - fraction) / fraction)) left"
        }
        return text
    }

    /// `8 s`, `2 min`, `1 h 5 min`: seconds below a minute, then whole minutes rounded up.
    static func duration(_ seconds: Double) -> String {
        if seconds < 59.5 { return "\(max(1, Int(seconds.rounded()))) s" }
        let minutes = Int((seconds / 60).rounded(.up))
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }
}
