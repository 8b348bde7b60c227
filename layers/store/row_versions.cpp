#include "layers/store/row_versions.h"

#include "layers/store/row_merge.h"

namespace tidemark::layers {

bool has_versions(const Layer& layer) {
    const int i = layer.field_index(kVersionField);
    return i >= 0 && layer.fields[static_cast<std::size_t>(i)].type == FieldType::Integer;
}

bool same_fields(const Layer& a, const Layer& b) {
    if (a.fields.size() != b.fields.size()) return false;
    for (std::size_t i = 0; i < a.fields.size(); ++i)
        if (a.fields[i].name != b.fields[i].name || a.fields[i].type != b.fields[i].type) return false;
    return true;
}

}  // namespace tidemark::layers
