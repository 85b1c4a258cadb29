import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// Asked when an editor is left while the store refused its last change (a full disk, a value
// the rules reject): leaving silently would lose what was typed, so the person chooses.
Dialog {
    id: root

    /// Why the change is not saved (the editor's validationMessage).
    property string reason
    /// The person chose to leave without the change.
    signal leaveConfirmed()

    objectName: "unsavedChangeDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.max(Math.min(parent ? parent.width - 48 : 480, 560), 320)
    modal: true
    title: qsTr("Not saved yet")
    standardButtons: Dialog.Cancel | Dialog.Discard

    // The standard buttons, with words that say what happens.
    Component.onCompleted: {
        const stay = root.standardButton(Dialog.Cancel)
        stay.text = qsTr("Stay")
        stay.objectName = "stayButton"
        const leave = root.standardButton(Dialog.Discard)
        leave.text = qsTr("Leave without it")
        leave.objectName = "leaveButton"
    }
    onDiscarded: {
        root.close()
        root.leaveConfirmed()
    }

    Label {
        objectName: "unsavedChangeText"
        width: root.availableWidth
        // Only while shown: a wrapped text laid out in the closed dialog, as the page is made,
        // makes Qt 6.4 report a binding loop on the dialog's implicit height.
        text: !root.visible ? "" : qsTr("%1\n\nStay to keep what you typed: it is saved as soon "
                                        + "as it can be. Leaving now discards that change; "
                                        + "everything saved before stays.").arg(root.reason)
        wrapMode: Text.Wrap
    }
}
