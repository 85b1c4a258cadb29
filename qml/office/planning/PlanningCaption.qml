import QtQuick
import QtQuick.Controls

// What a form field holds, above it: a field's placeholder goes away once it has text.
Label {
    font.pixelSize: 13
    opacity: 0.7
    elide: Text.ElideRight
    topPadding: 4
}
