# Fails if the core executable depends on Qt Gui/Widgets libraries.
execute_process(COMMAND ldd ${BINARY} OUTPUT_VARIABLE deps RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ldd failed on ${BINARY}")
endif()
if(deps MATCHES "libQt6(Gui|Widgets|OpenGL|Multimedia)")
    message(FATAL_ERROR "paydesk-core links a GUI library:\n${deps}")
endif()
message(STATUS "paydesk-core links no GUI library")
