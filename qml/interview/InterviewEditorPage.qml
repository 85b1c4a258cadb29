pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Records or edits an interview note (谈话记录). No save button: each field is saved when it is
// left (or when the vault is about to lock); what the domain refuses is shown, not written.
Page {
    id: root

    property string interviewId
    property string visitId
    readonly property alias editor: editor

    signal backRequested()
    signal photoChosen(string photoId, string caption)

    InterviewEditor {
        id: editor

        services: AppServices
        interviewId: root.interviewId
        visitId: root.visitId
    }

    Connections {
        target: AppServices
        // Hands over what is being typed before the keys go.
        function onAboutToLock() { form.commit() }
    }

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            spacing: 4

            ToolButton {
                objectName: "backButton"
                text: qsTr("Back")
                onClicked: {
                    form.commit()
                    if (!editor.saved && editor.validationMessage.length > 0)
                        unsavedDialog.open()
                    else
                        root.backRequested()
                }
            }
            Label {
                Layout.fillWidth: true
                text: editor.isNew ? qsTr("New interview note") : qsTr("Interview note")
                font.pixelSize: 18
                elide: Text.ElideRight
            }
            Label {
                objectName: "saveState"
                Layout.rightMargin: 16
                Layout.maximumWidth: root.width / 2
                elide: Text.ElideRight
                text: editor.saved ? qsTr("Saved automatically")
                                   : (editor.isNew ? qsTr("Not saved yet") : qsTr("Not saved"))
            }
        }
    }

    Flickable {
        id: flick

        anchors.fill: parent
        contentHeight: content.implicitHeight + 48
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content

            x: 24
            y: 16
            width: Math.min(flick.width - 48, 1100)
            spacing: 12

            Pane {
                objectName: "validationPane"
                Layout.fillWidth: true
                visible: editor.validationMessage.length > 0
                Material.background: Material.color(Material.Red, Material.Shade50)

                Label {
                    objectName: "validationMessage"
                    width: parent.width
                    text: editor.validationMessage
                    color: Material.color(Material.Red, Material.Shade900)
                    wrapMode: Text.Wrap
                }
            }

            InterviewForm {
                id: form

                Layout.fillWidth: true
                editor: editor
                wide: root.width >= root.height
            }

            LinkedFindingsPanel {
                Layout.fillWidth: true
                editor: editor
            }

            PhotoStrip {
                Layout.fillWidth: true
                recordId: editor.interviewId
                unsavedHint: qsTr("Photos can be added once the note has the interviewee's "
                                  + "name and some content.")
                onPhotoChosen: (photoId, caption) => root.photoChosen(photoId, caption)
            }
        }
    }

    // Asked when Back would drop a change the store refused.
    UnsavedChangeDialog {
        id: unsavedDialog

        reason: editor.validationMessage
        onLeaveConfirmed: root.backRequested()
    }
}
