// NMEA 0183 AIS framing: `!xxVDM` / `!xxVDO` sentences from any talker, checksums, IEC 61162-450
// tag blocks (`\s:station,c:unix*hh\`), a leading timestamp column (ISO 8601 or Unix seconds),
// USCG trailing metadata (`...*hh,d-101,...,r003669946,1325394060`), Gatehouse `$PGHP` time
// sentences, and reassembly of multi-sentence messages by sequential id and channel.
//
// Hot path: `SentenceReader::parse_line` works on views into the caller's buffer. A one-sentence
// message's payload is a view into the line itself; multipart payloads are copied into
// per-slot buffers that are reused, so nothing is allocated per line once warm.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

namespace tidemark::layers::ais {

enum class LineOutcome {
    Message,              // `message` holds a complete payload
    Fragment,             // a fragment stored, waiting for the rest
    Skipped,              // blank, comment, or another NMEA sentence (not an error)
    BadChecksum,          // the sentence's or tag block's *hh does not match
    Malformed,            // not a well-formed VDM/VDO sentence (fields, fill bits, characters)
    IncompleteMultipart,  // a fragment out of order or missing its earlier parts
};
const char* outcome_name(LineOutcome outcome);

// A whole AIS payload ready for six-bit decoding. Views are valid until the next parse_line.
struct Assembled {
    std::string_view armored;  // six-bit ASCII characters, all fragments concatenated
    int fill_bits = 0;         // bits to ignore at the end (0..5)
    long line = 0;             // 1-based line of the last fragment
    double time = NAN;         // Unix seconds UTC from the line's time source; NaN when none
    char channel = 0;          // 'A', 'B', ... or 0 when empty
    bool own_vessel = false;   // VDO rather than VDM
    std::string_view station;  // tag block s: (first fragment), may be empty
};

struct LineResult {
    LineOutcome outcome = LineOutcome::Skipped;
    const char* reason = "";  // for rejects: what was wrong and what was expected (static text)
    Assembled message;        // when outcome == Message
    // A tag block whose checksum failed: the sentence is still used, the block's time and
    // station are not.
    bool tag_block_bad = false;
};

class SentenceReader {
public:
    SentenceReader();
    // `line` without its line break (a trailing '\r' is ignored).
    LineResult parse_line(std::string_view line, long line_number);
    // Multipart messages still waiting for fragments: call at end of input and count them
    // as incomplete. Clears the waiting state.
    std::size_t finish();

private:
    LineResult parse(std::string_view line, long line_number);
    bool tag_block_bad_ = false;
    struct Slot {
        std::string payload;
        std::string station;
        int total = 0, next = 0;
        double time = NAN;
    };
    static constexpr int kSlots = 11 * 4;  // sequential id 0..9 or none, channel A/B/other/none
    std::array<Slot, kSlots> slots_;
    double pending_time_ = NAN;  // from a $PGHP sentence, for the next AIS sentence
};

// Unix seconds from a leading timestamp column: "1418169601", "1418169601.25",
// "2014-12-10T00:00:01Z", "2014-12-10 00:00:01". NaN when it is none of these.
double parse_time_prefix(std::string_view text);

}  // namespace tidemark::layers::ais
