# native/app/photo — Photo evidence: the photo list of a finding and the image provider that
# decrypts thumbnails and photos for QML.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/photoimageprovider.cpp
    ${CMAKE_CURRENT_LIST_DIR}/photoimageprovider.h
    ${CMAKE_CURRENT_LIST_DIR}/photolistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/photolistmodel.h
)
