# native/app/settings — Settings: passphrase change, preferences, auto-lock.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/preferences.cpp
    ${CMAKE_CURRENT_LIST_DIR}/preferences.h
    ${CMAKE_CURRENT_LIST_DIR}/settingscontroller.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settingscontroller.h
)
