import QtQuick
import QtTest
import FieldLedger

// The unlock page: wrong and right passphrases, and the strength hint when creating.
Item {
    id: root

    width: 800
    height: 600

    UnlockPage {
        id: page

        anchors.fill: parent
    }

    SignalSpy {
        id: busySpy

        target: AppServices
        signalName: "busyChanged"
    }

    TestCase {
        id: testCase

        name: "UnlockPage"
        when: windowShown

        readonly property string passphrase: "app test passphrase"

        function field(name) {
            const item = findChild(page, name)
            verify(item, name)
            return item
        }

        function type(fieldName, text) {
            const f = field(fieldName)
            f.forceActiveFocus()
            f.text = text
        }

        function init() {
            AppServices.lock()
            tryCompare(AppServices, "busy", false)
            page.creating = Qt.binding(() => !AppServices.vaultExists)
            field("passphraseField").text = ""
            field("repeatField").text = ""
            busySpy.clear()
        }

        function test_unlocksWithTheRightPassphrase() {
            compare(page.creating, false)
            verify(!field("submitButton").enabled, "nothing typed yet")
            type("passphraseField", testCase.passphrase)
            verify(field("submitButton").enabled)
            mouseClick(field("submitButton"))
            // Busy from the tap on; the key is derived on a worker, which may already be done.
            verify(busySpy.count >= 1)
            tryCompare(AppServices, "unlocked", true, 5000)
            compare(field("passphraseField").text, "", "the passphrase does not linger")
            compare(field("errorLabel").visible, false)
        }

        function test_wrongPassphraseShowsWhy() {
            type("passphraseField", "not the passphrase")
            keyClick(Qt.Key_Return)
            verify(busySpy.count >= 1)
            tryCompare(AppServices, "busy", false, 5000)
            compare(AppServices.unlocked, false)
            verify(field("errorLabel").visible)
            verify(field("errorLabel").text.length > 0)
        }

        function test_creatingShowsStrengthAndNeedsTheRepeat() {
            page.creating = true
            type("passphraseField", "abc")
            verify(field("strengthHint").visible)
            verify(field("strengthHint").text.length > 0)
            verify(!field("submitButton").enabled, "too short")
            type("passphraseField", "correct horse battery staple")
            verify(field("repeatField").visible)
            verify(!field("submitButton").enabled, "not repeated yet")
            type("repeatField", "correct horse battery staple")
            verify(field("submitButton").enabled)
        }
    }
}
