#include "layers/ais/ais_log.h"

namespace tidemark::layers::ais {

std::string LogStats::summary() const {
    std::string s = "lines " + std::to_string(lines) + ", messages decoded " + std::to_string(messages);
    std::string types;
    for (std::size_t t = 0; t < per_type.size(); ++t)
        if (per_type[t]) types += (types.empty() ? "" : ", ") + std::string("type ") + std::to_string(t) + ": " + std::to_string(per_type[t]);
    if (!types.empty()) s += " (" + types + ")";
    s += "; rejected: bad checksum " + std::to_string(bad_checksum) + ", malformed " + std::to_string(malformed) +
         ", incomplete multipart " + std::to_string(incomplete_multipart) + ", truncated payload " +
         std::to_string(too_short) + "; tag blocks ignored for a bad checksum " +
         std::to_string(bad_tag_block) + "; unsupported types (counted, not errors) " + std::to_string(unsupported) +
         "; other lines skipped " + std::to_string(skipped);
    return s;
}

}  // namespace tidemark::layers::ais
