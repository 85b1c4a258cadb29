pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The fields of a finding, each written to its editor when it is left.
GridLayout {
    id: root

    required property FindingEditor editor
    property bool wide: true

    // Writes what is typed in every text field (before a lock, on leaving the page).
    function commit() {
        root.editor.title = title.text
        root.editor.setDeductionText(deduction.text)
        root.editor.category = category.text
        root.editor.responsibleParty = responsible.text
        root.editor.dueDate = dueDate.text
        root.editor.description = description.text
    }

    columns: wide ? 2 : 1
    columnSpacing: 24
    rowSpacing: 4

    ChecklistModel {
        id: checklist

        services: AppServices
        visitId: root.editor.visitId
    }

    Label {
        Layout.columnSpan: root.columns
        text: qsTr("Checklist item")
        opacity: 0.7
    }
    ComboBox {
        id: item

        objectName: "itemBox"
        Layout.columnSpan: root.columns
        Layout.fillWidth: true
        model: checklist
        textRole: "label"
        valueRole: "itemId"
        currentIndex: checklist.count, checklist.rowOf(root.editor.checklistItemId)
        displayText: currentIndex < 0 ? qsTr("Choose the item this finding falls under")
                                      : currentText
        onActivated: root.editor.checklistItemId = currentValue
    }
    Label {
        Layout.columnSpan: root.columns
        Layout.fillWidth: true
        visible: root.editor.checklistItemId.length > 0
        text: qsTr("%1 · deduction at most %2", "checklist level · maximum deduction")
              .arg(root.editor.levelName).arg(root.editor.maxDeduction)
        opacity: 0.7
        wrapMode: Text.Wrap
    }

    Label { text: qsTr("Title"); opacity: 0.7; Layout.topMargin: 8 }
    Label { text: qsTr("Severity"); opacity: 0.7; visible: root.wide; Layout.topMargin: 8 }
    TextField {
        id: title

        objectName: "titleField"
        Layout.fillWidth: true
        text: root.editor.title
        placeholderText: qsTr("What is wrong, in one line")
        onEditingFinished: root.editor.title = text
    }
    Label { text: qsTr("Severity"); opacity: 0.7; visible: !root.wide; Layout.topMargin: 8 }
    ComboBox {
        objectName: "severityBox"
        Layout.fillWidth: true
        model: root.editor.severityNames
        currentIndex: root.editor.severity
        onActivated: index => root.editor.severity = index
    }

    Label { text: qsTr("Deduction (points)"); opacity: 0.7; Layout.topMargin: 8 }
    Label { text: qsTr("Category"); opacity: 0.7; visible: root.wide; Layout.topMargin: 8 }
    TextField {
        id: deduction

        objectName: "deductionField"
        Layout.fillWidth: true
        text: root.editor.deductionText
        inputMethodHints: Qt.ImhFormattedNumbersOnly
        placeholderText: qsTr("0 to %1").arg(root.editor.maxDeduction)
        onEditingFinished: root.editor.setDeductionText(text)
    }
    Label { text: qsTr("Category"); opacity: 0.7; visible: !root.wide; Layout.topMargin: 8 }
    TextField {
        id: category

        Layout.fillWidth: true
        text: root.editor.category
        onEditingFinished: root.editor.category = text
    }

    Label { text: qsTr("Responsible unit or person"); opacity: 0.7; Layout.topMargin: 8 }
    Label { text: qsTr("Due date"); opacity: 0.7; visible: root.wide; Layout.topMargin: 8 }
    TextField {
        id: responsible

        Layout.fillWidth: true
        text: root.editor.responsibleParty
        onEditingFinished: root.editor.responsibleParty = text
    }
    Label { text: qsTr("Due date"); opacity: 0.7; visible: !root.wide; Layout.topMargin: 8 }
    TextField {
        id: dueDate

        objectName: "dueDateField"
        Layout.fillWidth: true
        text: root.editor.dueDate
        placeholderText: qsTr("YYYY-MM-DD")
        inputMethodHints: Qt.ImhDate
        onEditingFinished: root.editor.dueDate = text
    }

    Label {
        Layout.columnSpan: root.columns
        Layout.topMargin: 8
        text: qsTr("Description")
        opacity: 0.7
    }
    TextArea {
        id: description

        Layout.columnSpan: root.columns
        Layout.fillWidth: true
        Layout.minimumHeight: 120
        text: root.editor.description
        wrapMode: TextEdit.Wrap
        placeholderText: qsTr("What was seen, where, and on what evidence")
        onEditingFinished: root.editor.description = text
    }

    LocationField {
        Layout.columnSpan: root.columns
        Layout.fillWidth: true
        Layout.topMargin: 8
        editor: root.editor
    }

    Label {
        Layout.columnSpan: root.columns
        Layout.topMargin: 8
        visible: !root.editor.isNew
        text: qsTr("Rectification status: %1").arg(root.editor.statusName)
        opacity: 0.7
    }
}
