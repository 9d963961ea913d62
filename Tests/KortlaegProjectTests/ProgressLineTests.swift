import KortlaegProject
import Testing

/// The progress line's text (issue 13): records read, percent of the file's bytes, time left.
/// Time left = elapsed × (1 − f) / f for the fraction f of the bytes read.
struct ProgressLineTests {
    @Test(arguments: [
        // Nothing known about the bytes: the records only.
        (ProgressUpdate(subject: "a.xml", records: 3000), 5.0, "a.xml: 3000 records read"),
        // 25 % after 10 s: 10 × 0.75 / 0.25 = 30 s left.
        (ProgressUpdate(subject: "a.csv", records: 1000, bytes: 250, totalBytes: 1000), 10.0, "a.csv: 1000 records read, 25 %, about 30 s left"),
        // 10 % after 20 s: 180 s = 3 min.
        (ProgressUpdate(subject: "a.csv", records: 1000, bytes: 100, totalBytes: 1000), 20.0, "a.csv: 1000 records read, 10 %, about 3 min left"),
        // 1 % after 50 s: 4950 s = 82.5 min, rounded up to 83 min = 1 h 23 min.
        (ProgressUpdate(subject: "b.xml", records: 61_000, bytes: 1, totalBytes: 100), 50.0, "b.xml: 61000 records read, 1 %, about 1 h 23 min left"),
        // Under 1 % or under a second: no guess yet.
        (ProgressUpdate(subject: "a.csv", records: 1000, bytes: 5, totalBytes: 1000), 30.0, "a.csv: 1000 records read, 0 %"),
        (ProgressUpdate(subject: "a.csv", records: 1000, bytes: 500, totalBytes: 1000), 0.5, "a.csv: 1000 records read, 50 %"),
        // The reader reads ahead in whole chunks: never more than 100 %, no time left at the end.
        (ProgressUpdate(subject: "a.csv", records: 1000, bytes: 1200, totalBytes: 1000), 9.0, "a.csv: 1000 records read, 100 %"),
    ] as [(ProgressUpdate, Double, String)])
    func text(update: ProgressUpdate, elapsed: Double, expected: String) {
        #expect(ProgressLine.text(update, elapsed: elapsed) == expected)
    }
}
