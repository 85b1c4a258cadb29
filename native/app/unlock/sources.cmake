# native/app/unlock — Unlocking the vault: the passphrase strength meter (the unlock page itself
# is QML over AppServices).
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/passphrasemeter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/passphrasemeter.h
)
