// Messages every workspace store gives in the same words (GeoPackage and PostgreSQL alike).
#pragma once

#include <string>

namespace tidemark::layers {

// When another writer changed `moved` (items as describe_item names them) first.
inline std::string conflict_message(const std::string& moved) {
    return "another save changed " + moved +
           " since this workspace was opened. Nothing was written; "
           "open the workspace again (it holds that change) and redo yours";
}

}  // namespace tidemark::layers
