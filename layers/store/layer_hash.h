// A 64-bit fingerprint of everything a save writes for one layer: name, role, metadata, fields,
// and every feature's geometry and values. Taken when a workspace is opened or saved and again
// when it is saved next, so a layer changed by any caller (Workspace::put, or code that edits
// `ws.layers` or a layer's features in place) is written and an untouched one is not.
// Not cryptographic: it guards against forgetting to save, not against an adversary
// (a collision would need two contents whose mixed words cancel, ~2^-64 per edit).
// Feature fids are left out: they are identities from the source, not content we write.
#pragma once

#include "layers/layer.h"

#include <cstdint>
#include <vector>

namespace tidemark::layers {

std::uint64_t content_hash(const Layer& layer);
// Its two halves, for a layer whose rows are read after its metadata (a lazily opened workspace):
// everything but the rows, and the rows; content_hash(metadata, rows) joins them as content_hash(layer).
std::uint64_t metadata_hash(const Layer& layer);
std::uint64_t rows_hash(const std::vector<Feature>& features);
std::uint64_t content_hash(std::uint64_t metadata, std::uint64_t rows);

}  // namespace tidemark::layers
