// Scanning a whole AIS NMEA log (a file read in chunks, or any buffer): framing, reassembly
// and payload decoding in one pass, with counts per message type and per reject reason.
#pragma once

#include "layers/ais/ais_payload.h"
#include "layers/ais/ais_sentence.h"
#include "layers/io/line_reader.h"

#include <array>
#include <cstddef>
#include <string>

namespace tidemark::layers::ais {

struct LogStats {
    std::size_t lines = 0;
    std::size_t messages = 0;                  // decoded messages of supported types
    std::array<std::size_t, 64> per_type{};    // every complete message, supported or not
    std::size_t unsupported = 0;               // complete messages of other types (not errors)
    std::size_t too_short = 0;                 // supported type, payload shorter than its fixed part
    std::size_t bad_checksum = 0, malformed = 0, incomplete_multipart = 0;
    std::size_t bad_tag_block = 0;             // sentence used, its tag block ignored
    std::size_t skipped = 0;                   // comments, blank lines, other NMEA sentences
    // "lines 115, messages 97 (type 1: 12, ...), rejected: bad checksum 1, ..."
    std::string summary() const;
};

// Handles one line of a log: framing, reassembly, decoding, counting. The pieces of scan_log,
// shared by the buffer and the file versions.
template <class OnMessage, class OnReject>
struct LineScanner {
    SentenceReader reader;
    Message m;
    LogStats& stats;
    OnMessage& on_message;
    OnReject& on_reject;

    void line(std::string_view line, long n) {
        ++stats.lines;
        LineResult r = reader.parse_line(line, n);
        if (r.tag_block_bad) {
            ++stats.bad_tag_block;
            on_reject(n, LineOutcome::BadChecksum,
                      "tag block checksum does not match its content; its time and station are ignored, the sentence is used");
        }
        switch (r.outcome) {
            case LineOutcome::Message:
                if (decode_payload(r.message, m)) {
                    ++stats.messages;
                    ++stats.per_type[static_cast<std::size_t>(m.type) & 63];
                    on_message(static_cast<const Message&>(m), static_cast<const Assembled&>(r.message));
                } else {
                    ++stats.per_type[static_cast<std::size_t>(m.type) & 63];
                    if (is_supported_type(m.type)) {
                        ++stats.too_short;
                        on_reject(n, LineOutcome::Malformed, "payload too short for its message type (truncated?)");
                    } else {
                        ++stats.unsupported;
                    }
                }
                break;
            case LineOutcome::Fragment: break;
            case LineOutcome::Skipped: ++stats.skipped; break;
            case LineOutcome::BadChecksum: ++stats.bad_checksum; on_reject(n, r.outcome, r.reason); break;
            case LineOutcome::Malformed: ++stats.malformed; on_reject(n, r.outcome, r.reason); break;
            case LineOutcome::IncompleteMultipart: ++stats.incomplete_multipart; on_reject(n, r.outcome, r.reason); break;
        }
    }
    void finish() {
        std::size_t left = reader.finish();
        if (left) {
            stats.incomplete_multipart += left;
            on_reject(static_cast<long>(stats.lines), LineOutcome::IncompleteMultipart,
                      "file ended before all fragments of a multipart message arrived");
        }
    }
};

// on_message(const Message&, const Assembled&) for each supported, fully decoded message;
// on_reject(long line, LineOutcome, const char* reason) for each rejected line or message.
template <class OnMessage, class OnReject>
void scan_log(std::string_view text, LogStats& stats, OnMessage&& on_message, OnReject&& on_reject) {
    LineScanner<OnMessage, OnReject> scan{{}, {}, stats, on_message, on_reject};
    for_each_line(text, [&](std::string_view line, long n) { scan.line(line, n); });
    scan.finish();
}

// As scan_log, reading the file through `file` chunk by chunk (bounded memory). A line over
// LineReader::kMaxLine is rejected as malformed. When the file changes under the reader,
// file.fault() says so afterwards; everything read up to then has been scanned.
template <class OnMessage, class OnReject>
void scan_log(LineReader& file, LogStats& stats, OnMessage&& on_message, OnReject&& on_reject) {
    LineScanner<OnMessage, OnReject> scan{{}, {}, stats, on_message, on_reject};
    LineReader::Line line;
    while (file.next(line)) {
        if (line.cut) {
            ++stats.lines;
            ++stats.malformed;
            on_reject(line.number, LineOutcome::Malformed, "line longer than 1 MiB; expected NMEA sentences of at most 82 characters");
            continue;
        }
        scan.line(line.text, line.number);
    }
    scan.finish();
}

}  // namespace tidemark::layers::ais
