// A person's answer to a refused save (workspace_store.h RowConflict): for each field both sides
// changed, keep mine or take theirs. The row to save is theirs (the other writer's committed row,
// the new base) with every change only I made and each conflicting field as chosen — the same
// three-way merge as row_merge.h, with the choices settling what it could not.
#pragma once

#include "layers/store/workspace_store.h"

#include <vector>

namespace tidemark::layers {

// `take_mine[i]` answers `conflict.fields[i]` (missing answers take theirs). Stamped as mine
// (updated_by, updated_at) and at the version after theirs (as an edit of theirs); theirs unchanged, stamps included, when the
// choices and my other changes leave nothing of mine in it (then there is nothing to save).
Feature resolve_row(const std::vector<Field>& fields, const RowConflict& conflict, const std::vector<bool>& take_mine);

}  // namespace tidemark::layers
