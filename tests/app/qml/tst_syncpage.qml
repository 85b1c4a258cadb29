import QtQuick
import QtTest
import FieldLedger

// The sync page on a device that is not enrolled: it says so in plain words with the way to
// settings, has no conflicts to show, and "Sync now" never blocks the UI.
Item {
    id: root

    width: 1280
    height: 800

    SyncPage {
        id: page

        anchors.fill: parent
    }

    SignalSpy {
        id: settingsRequested

        target: page
        signalName: "settingsRequested"
    }

    TestCase {
        id: testCase

        name: "SyncPage"
        when: windowShown

        function child(name) {
            const item = findChild(page, name)
            verify(item, name)
            return item
        }

        function initTestCase() {
            AppServices.unlock("app test passphrase")
            tryCompare(AppServices, "unlocked", true, 5000)
        }

        function test_notEnrolledSaysWhatToDo() {
            compare(SyncStatus.enrolled, false)
            // The engine starts with the unlock and finds no server to talk to.
            tryVerify(() => SyncStatus.errorString.length > 0, 5000)
            verify(child("errorPane").visible)
            compare(child("errorLabel").text, SyncStatus.errorString)
            verify(child("errorHint").text.length > 0)
            compare(SyncStatus.state, SyncStatus.Offline)
            compare(child("stateLabel").text, SyncStatus.stateText)
            // Wrapped texts are as tall as they need (Qt 6.4 layouts can keep stale heights).
            for (const name of ["errorLabel", "errorHint", "pendingLabel"]) {
                const label = child(name)
                compare(label.height, label.implicitHeight, name)
            }
        }

        function test_syncNowDoesNotBlock() {
            const button = child("syncNowButton")
            verify(button.enabled)
            const before = Date.now()
            mouseClick(button)
            verify(Date.now() - before < 1000, "the click returned at once")
            tryCompare(SyncStatus, "syncing", false, 5000)
            verify(SyncStatus.errorString.length > 0)
        }

        function test_pendingAndConflicts() {
            compare(SyncStatus.pendingChanges, AppServices.pendingCount)
            verify(SyncStatus.pendingChanges > 0, "the fixture's round is not synced")
            verify(child("pendingLabel").text.length > 0)
            compare(child("conflictList").count, 0)
        }
    }
}
