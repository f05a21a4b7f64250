# Fails when a front end includes a core header other than the facade's.
# Run by the build (target check_front_end_includes, part of ALL) with
# -DSOURCE_DIR=... -DSTAMP=...
#
# Who may include what under core/ (every front-end header: api/ only):
#   ui/, remote/                          api/ only
#   app/paydesk, app/paydesk-core,        api/, and sandbox/ (the sandbox's own
#   app/paydesk-scan (.cpp)               customer-side API, demo mode only)
#   app/server (.cpp)                     api/, sandbox/, common/: it carries HTTP
#                                         to the sandbox's fronts (SandboxFronts)
#                                         and reads their key files
set(violations "")
file(GLOB_RECURSE sources ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/app/*.cpp
     ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/remote/*.cpp ${SOURCE_DIR}/remote/*.h)
foreach(source ${sources})
    file(RELATIVE_PATH rel ${SOURCE_DIR} ${source})
    set(allowed "api/")
    if(rel MATCHES "\\.h$")
        # A front end's headers show nothing of the core but its facade.
    elseif(rel MATCHES "^app/server/")
        set(allowed "api/" "sandbox/" "common/")
    elseif(rel MATCHES "^app/")
        set(allowed "api/" "sandbox/")
    endif()
    file(STRINGS ${source} lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line ${lines})
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
        if(NOT EXISTS ${SOURCE_DIR}/core/${header})
            continue() # not a core header (the front end's own, or Qt's)
        endif()
        set(ok FALSE)
        foreach(prefix ${allowed})
            string(FIND "${header}" "${prefix}" at)
            if(at EQUAL 0)
                set(ok TRUE)
            endif()
        endforeach()
        if(NOT ok)
            list(APPEND violations "${rel}: #include \"${header}\" (may use: ${allowed})")
        endif()
    endforeach()
endforeach()
if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "front ends reach the core only through its facade (core/api):\n  ${text}")
endif()
file(WRITE ${STAMP} "ok\n")
