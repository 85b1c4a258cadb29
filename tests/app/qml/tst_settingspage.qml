import QtQuick
import QtQuick.Controls
import QtTest
import FieldLedger

// The settings page: auto-lock choice, runtime language switch, passphrase change, and
// enrolment errors shown in plain words. Its sections never overlap.
Item {
    id: root

    width: 1280
    height: 800

    SettingsPage {
        id: page

        anchors.fill: parent
    }

    Component {
        id: freshPage

        SettingsPage {}
    }
    Component {
        id: stackComponent

        StackView {
            anchors.fill: parent
        }
    }

    SignalSpy {
        id: switched

        target: page
        signalName: "languageSwitched"
    }

    TestCase {
        id: testCase

        name: "SettingsPage"
        when: windowShown

        readonly property string passphrase: "app test passphrase"

        function child(name) {
            const item = findChild(page, name)
            verify(item, name)
            return item
        }

        // The page as first shown: its sections do not overlap (in Qt 6.4 a ColumnLayout of
        // layouts once kept a wrapped label at the height of an earlier width).
        function checkLayout(p) {
            const state = findChild(p, "enrolmentState")
            const button = findChild(p, "enrolButton")
            const language = findChild(p, "language_en")
            compare(state.height, state.implicitHeight)
            const buttonBottom = button.mapToItem(p, 0, button.height).y
            const languageTop = language.mapToItem(p, 0, 0).y
            verify(buttonBottom < languageTop,
                   "enrol button ends at " + buttonBottom + ", language starts at " + languageTop)
        }

        function initTestCase() {
            AppServices.unlock(testCase.passphrase)
            tryCompare(AppServices, "unlocked", true, 5000)
            wait(100) // the layouts' polish
            checkLayout(page)
        }

        function test_sectionsDoNotOverlapWhenPushed() {
            const stack = createTemporaryObject(stackComponent, root)
            verify(stack)
            stack.push(freshPage)
            tryCompare(stack, "busy", false)
            wait(100)
            checkLayout(stack.currentItem)
        }

        function test_autoLockChoiceApplies() {
            const box = child("autoLockBox")
            const before = AppServices.autoLockMinutes
            const index = page.controller.autoLockChoices.indexOf(10)
            verify(index >= 0)
            box.activated(index)
            compare(AppServices.autoLockMinutes, 10)
            compare(page.controller.autoLockIndex, index)
            compare(box.currentIndex, index)
            compare(page.controller.autoLockMinutes, 10)
            page.controller.autoLockMinutes = before
            compare(AppServices.autoLockMinutes, before)
        }

        function test_languageSwitchesAtRuntime() {
            const english = child("language_en")
            const chinese = child("language_zh_CN")
            page.controller.language = "en" // English texts are the source texts
            switched.clear()
            mouseClick(chinese)
            compare(page.controller.language, "zh_CN")
            compare(switched.count, 1)
            verify(chinese.checked)
            verify(!english.checked)
            mouseClick(english)
            compare(page.controller.language, "en")
            compare(switched.count, 2)
            verify(english.checked)
            page.controller.language = "fr" // not offered: ignored
            compare(page.controller.language, "en")
            compare(switched.count, 2)
        }

        function test_passphraseChangeChecksTheCurrentOne() {
            const c = page.controller
            c.changePassphrase("not the passphrase", "another good passphrase 42",
                               "another good passphrase 42")
            verify(c.busy)
            tryCompare(c, "busy", false, 10000)
            verify(!c.passphraseChanged)
            verify(child("passphraseMessage").visible)
            // Different repeats are refused at once.
            c.changePassphrase(testCase.passphrase, "another good passphrase 42", "another")
            verify(!c.busy)
            verify(!c.passphraseChanged)
            // The right one changes it; changing it back leaves the fixture as it was.
            c.changePassphrase(testCase.passphrase, "another good passphrase 42",
                               "another good passphrase 42")
            tryCompare(c, "busy", false, 10000)
            verify(c.passphraseChanged, c.passphraseMessage)
            c.changePassphrase("another good passphrase 42", testCase.passphrase,
                               testCase.passphrase)
            tryCompare(c, "busy", false, 10000)
            verify(c.passphraseChanged, c.passphraseMessage)
        }

        function test_enrolmentErrorsInPlainWords() {
            child("serverField").text = "ftp://example.org"
            child("codeField").text = "ABCD-EFGH"
            verify(child("enrolButton").enabled)
            mouseClick(child("enrolButton"))
            tryCompare(SyncStatus, "enrolling", false, 10000)
            compare(SyncStatus.enrolled, false)
            verify(SyncStatus.enrolError.length > 0)
            verify(child("enrolError").visible)
            compare(child("enrolError").text, SyncStatus.enrolError)
        }
    }
}
