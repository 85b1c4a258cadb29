pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldLedger

// The fields of an interview note, each written to its editor when it is left.
GridLayout {
    id: root

    required property InterviewEditor editor
    property bool wide: true

    // Writes what is typed in every text field (before a lock, on leaving the page).
    function commit() {
        root.editor.interviewee = interviewee.text
        root.editor.role = role.text
        root.editor.at = at.text
        root.editor.place = place.text
        root.editor.content = content.text
    }

    columns: wide ? 2 : 1
    columnSpacing: 24
    rowSpacing: 4

    Label { text: qsTr("Interviewee"); opacity: 0.7 }
    Label { text: qsTr("Position", "the interviewee's post (职务)"); opacity: 0.7; visible: root.wide }
    TextField {
        id: interviewee

        objectName: "intervieweeField"
        Layout.fillWidth: true
        text: root.editor.interviewee
        placeholderText: qsTr("Name of the person interviewed")
        onEditingFinished: root.editor.interviewee = text
    }
    Label {
        text: qsTr("Position", "the interviewee's post (职务)")
        opacity: 0.7
        visible: !root.wide
        Layout.topMargin: 8
    }
    TextField {
        id: role

        objectName: "roleField"
        Layout.fillWidth: true
        text: root.editor.role
        placeholderText: qsTr("For example: secretary of the organ party committee")
        onEditingFinished: root.editor.role = text
    }

    Label { text: qsTr("Time"); opacity: 0.7; Layout.topMargin: 8 }
    Label { text: qsTr("Place"); opacity: 0.7; visible: root.wide; Layout.topMargin: 8 }
    TextField {
        id: at

        objectName: "atField"
        Layout.fillWidth: true
        text: root.editor.at
        placeholderText: qsTr("YYYY-MM-DD HH:MM")
        inputMethodHints: Qt.ImhDate | Qt.ImhTime
        onEditingFinished: root.editor.at = text
    }
    Label { text: qsTr("Place"); opacity: 0.7; visible: !root.wide; Layout.topMargin: 8 }
    TextField {
        id: place

        objectName: "placeField"
        Layout.fillWidth: true
        text: root.editor.place
        onEditingFinished: root.editor.place = text
    }

    Label {
        Layout.columnSpan: root.columns
        Layout.topMargin: 8
        text: qsTr("What was said")
        opacity: 0.7
    }
    TextArea {
        id: content

        objectName: "contentField"
        Layout.columnSpan: root.columns
        Layout.fillWidth: true
        Layout.minimumHeight: 200
        text: root.editor.content
        wrapMode: TextEdit.Wrap
        placeholderText: qsTr("The conversation in the interviewee's words, as noted")
        onEditingFinished: root.editor.content = text
    }
}
