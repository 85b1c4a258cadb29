# native/app/finding — The finding editor and the position fix it records.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/findingeditor.cpp
    ${CMAKE_CURRENT_LIST_DIR}/findingeditor.h
    ${CMAKE_CURRENT_LIST_DIR}/positionfinder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/positionfinder.h
)
