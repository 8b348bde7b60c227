// Any bytes as an AIS NMEA log: every line through the sentence reader and, for each complete
// message, the payload decoder and the JSON Lines writer. Decoding must never crash, hang or
// hit undefined behaviour, and every JSON line written must be one line.
#include "layers/ais/ais_json.h"
#include "layers/ais/ais_log.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace tidemark::layers::ais;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    LogStats stats;
    std::string json;
    scan_log(
        text, stats,
        [&](const Message& m, const Assembled& a) {
            json.clear();
            append_json(m, a, json);
            if (json.empty() || json.front() != '{' || json.back() != '}' || json.find('\n') != std::string::npos)
                std::abort();  // a decoded message must become exactly one JSON object on one line
            if (json.size() > kMaxJsonBytes) std::abort();  // the writer's callers size buffers by it
        },
        [](long, LineOutcome, const char* reason) {
            if (!reason) std::abort();
        });
    if (stats.messages > stats.lines) std::abort();
    (void)stats.summary();
    return 0;
}
