# native/app/visits — The assignments page: the visits of the enrolled rounds.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/visitlistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/visitlistmodel.h
)
