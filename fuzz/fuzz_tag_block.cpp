// Line time sources on their own: an IEC 61162-450 tag block, a Gatehouse $PGHP sentence and a
// leading timestamp column, each given a correct checksum here so the fuzzer reaches what the
// checksum guards. Input: tag block / $PGHP body, '\n', leading timestamp text. A message's
// time must be NaN or plausible (1970-2100), never a value decades off.
#include "geo/time.h"
#include "layers/ais/ais_encode.h"
#include "layers/ais/ais_sentence.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace tidemark;
using namespace tidemark::layers::ais;

namespace {

// A valid one-part position report (type 1) for the time sources to be attached to.
constexpr std::string_view kSentence = "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23";

void check(const LineResult& r) {
    if (r.outcome == LineOutcome::Message && !std::isnan(r.message.time) && !geo::plausible_time(r.message.time))
        std::abort();
    if (r.outcome != LineOutcome::Message && r.outcome != LineOutcome::Fragment && r.outcome != LineOutcome::Skipped &&
        (!r.reason || !*r.reason))
        std::abort();  // a reject says why
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    const std::size_t nl = in.find('\n');
    const std::string_view body = in.substr(0, nl), prefix = nl == std::string_view::npos ? "" : in.substr(nl + 1);

    const double t = parse_time_prefix(prefix);
    if (std::isinf(t)) std::abort();

    SentenceReader reader;
    const std::string tagged = "\\" + std::string(body) + nmea_checksum(body) + "\\" + std::string(kSentence);
    check(reader.parse_line(tagged, 1));

    const std::string gatehouse = "PGHP," + std::string(body);
    check(reader.parse_line("$" + gatehouse + nmea_checksum(gatehouse), 2));
    check(reader.parse_line(kSentence, 3));  // takes the $PGHP time, if any

    check(reader.parse_line(std::string(prefix) + "," + std::string(kSentence), 4));
    reader.finish();
    return 0;
}
