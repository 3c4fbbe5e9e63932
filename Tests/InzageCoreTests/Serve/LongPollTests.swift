import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import InzageCore
import Testing

/// The live-reload long poll (`/__inzage/versie`) of `inzage serve`: open pages wait for a new
/// version without keeping page requests waiting.
@Suite("inzage serve: long poll")
struct LongPollTests {
    @Test func pagesAnswerQuicklyWhileManyPagesWaitForReload() throws {
        let preview = try RunningPreview()
        let version = preview.state.current.version
        let polls = (0..<40).map { _ in preview.startGet("/__inzage/versie?v=\(version)") }
        defer { polls.forEach { close($0) } }
        #expect(polls.allSatisfy { $0 >= 0 })
        Thread.sleep(forTimeInterval: 0.3)
        let page = preview.get("/", timeout: 5)
        #expect(page.status == 200)
        #expect(page.body.contains("Welkom"))
        #expect(page.seconds < 1, "the page took \(page.seconds) s while 40 pages waited for a reload")
    }

    @Test func waitingPagesHearOfANewVersionAtOnce() throws {
        let preview = try RunningPreview()
        let version = preview.state.current.version
        let polls = (0..<40).map { _ in preview.startGet("/__inzage/versie?v=\(version)", timeout: 5) }
        Thread.sleep(forTimeInterval: 0.3)
        let started = Date()
        preview.state.publish(problems: nil)
        let answers = polls.map { RunningPreview.readAnswer($0) }
        #expect(answers.allSatisfy { $0.status == 200 && $0.body == "\(version + 1)" }, "\(answers.prefix(3))")
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func anOutdatedVersionIsAnsweredImmediately() throws {
        let preview = try RunningPreview()
        let answer = preview.get("/__inzage/versie?v=0", timeout: 5)
        #expect(answer.status == 200)
        #expect(answer.body == "\(preview.state.current.version)")
        #expect(answer.seconds < 1)
    }

    @Test func closedPagesStopWaiting() throws {
        let preview = try RunningPreview()
        let version = preview.state.current.version
        let polls = (0..<20).map { _ in preview.startGet("/__inzage/versie?v=\(version)") }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(preview.server.waitingCount == 20)
        polls.forEach { close($0) }
        let deadline = Date().addingTimeInterval(3)
        while preview.server.waitingCount > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(preview.server.waitingCount == 0)
    }
}
