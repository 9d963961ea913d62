extension AnswerParser {
    /// Parses the UTF-8 bytes of a field for the item at `index` into the code form
    /// ``Scorer/score(codes:scratch:into:)`` reads: the code, ``Scorer/unanswered`` or
    /// ``Scorer/answeredWithoutCode``. The same answers and problems as ``parse(_:item:)``;
    /// an empty field or one ASCII digit makes no String.
    /// - Throws: ``AnswerProblem`` when the text is not a valid answer.
    package func parseCode(_ bytes: UnsafeBufferPointer<UInt8>, item index: Int) throws(AnswerProblem) -> Int {
        if bytes.isEmpty { return Scorer.unanswered }
        let fastRule = fast[index]
        if fastRule.coded, bytes.count == 1, bytes[0] >= 0x30, bytes[0] <= 0x39 {
            let bit = UInt64(1) << UInt64(bytes[0] - 0x30)
            if fastRule.missingMask & bit != 0 { return Scorer.unanswered }
            if fastRule.validMask & bit != 0 { return Int(bytes[0] - 0x30) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let answer = try parse(text[...], item: index) else { return Scorer.unanswered }
        return answer.code ?? Scorer.answeredWithoutCode
    }
}
