# native/app/interview — The interview-note editor.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/intervieweditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/intervieweditor.h
)
