# The dependency rule between the capability folders of layers/ (docs/architecture.md), checked
# on every `ctest`: a folder includes only from the folders before it in kOrder, the data model
# at the top of layers/, and (after `store`) the workspace headers. The workspace's own sources
# at the top of layers/ sit above everything: opening and saving go through every capability.
# Run as: cmake -DSOURCE_DIR=<checkout> -P check_layers_folders.cmake
cmake_minimum_required(VERSION 3.25)
set(kOrder io store ais tracks reports style coverage export scene team plan synthetic)
set(kModel layer layer_geometry_type roles coast_index)  # layers/<name>.h: below every folder
# layers/workspace*.h: the Workspace and what is found in one, from the folder after `store` on
# (workspace.h includes store/: the store itself must not include it).
set(kWorkspaceHeaders workspace workspace_damage workspace_places)
list(FIND kOrder store kStoreRank)

# The folder of a path under layers/ ("" for a file at the top) and its file name without extension.
function(split_layers_path path out_folder out_stem)
  string(REGEX REPLACE "^.*layers/" "" rel "${path}")
  get_filename_component(stem "${rel}" NAME_WE)
  get_filename_component(dir "${rel}" DIRECTORY)
  set(${out_folder} "${dir}" PARENT_SCOPE)
  set(${out_stem} "${stem}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE sources "${SOURCE_DIR}/layers/*.h" "${SOURCE_DIR}/layers/*.cpp")
set(violations "")
set(checked 0)
foreach(source IN LISTS sources)
  split_layers_path("${source}" from from_stem)
  if(from STREQUAL "")
    if(from_stem IN_LIST kModel)
      set(from_rank -1)  # the model includes nothing from the folders
    else()
      continue()  # the workspace's sources: anything
    endif()
  else()
    list(FIND kOrder "${from}" from_rank)
    if(from_rank EQUAL -1)
      string(APPEND violations "  ${source}: folder layers/${from} is not in the order; add it to kOrder and docs/architecture.md\n")
      continue()
    endif()
  endif()
  file(STRINGS "${source}" includes REGEX "^#include \"layers/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" included "${line}")
    split_layers_path("${included}" to to_stem)
    math(EXPR checked "${checked} + 1")
    if(to STREQUAL from)
      continue()
    elseif(to STREQUAL "")
      if(to_stem IN_LIST kModel)
        continue()
      elseif(to_stem IN_LIST kWorkspaceHeaders AND from_rank GREATER kStoreRank)
        continue()
      endif()
    else()
      list(FIND kOrder "${to}" to_rank)
      if(from_rank GREATER to_rank AND to_rank GREATER_EQUAL 0)
        continue()
      endif()
    endif()
    string(APPEND violations "  ${source}: includes ${included}\n")
  endforeach()
endforeach()

if(violations)
  message(FATAL_ERROR "layers/ folders include against their order (${kOrder}; docs/architecture.md):\n${violations}"
                      "Move the code to the folder it belongs to, or the include to the caller.")
endif()
list(LENGTH sources files)
message(STATUS "layers/: ${files} files, ${checked} includes of layers/ headers, all in order")
