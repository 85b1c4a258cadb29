pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The interview notes (谈话记录) of a visit, with a button for a new one.
Item {
    id: root

    property string visitId

    signal interviewChosen(string interviewId)
    signal newInterviewRequested()

    implicitHeight: 220

    InterviewListModel {
        id: interviews

        services: AppServices
        visitId: root.visitId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 8
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: qsTr("Interview notes (%1)", "list header with the number of notes")
                      .arg(interviews.count)
                font.bold: true
                color: Material.primary
                elide: Text.ElideRight
            }
            Button {
                objectName: "newInterviewButton"
                flat: true
                text: qsTr("New interview note")
                onClicked: root.newInterviewRequested()
            }
        }
        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            model: interviews
            clip: true
            delegate: InterviewDelegate {
                id: interview

                width: ListView.view.width
                onClicked: root.interviewChosen(interview.interviewId)
            }
            ScrollIndicator.vertical: ScrollIndicator {}

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 420)
                visible: list.count === 0
                title: qsTr("No interview notes yet")
                hint: qsTr("Record who was interviewed, when and where, and what was said.")
            }
        }
    }
}
