// An AIS log to gpsd-style JSON Lines (ais_json.h) on two threads, the engine of
// `tidemark ais decode`. The calling thread reads, frames and decodes the log (scan_log: the
// same statistics, and rejects reported from this thread in line order); a second thread
// formats the decoded messages and hands the text to `write`, in line order, in pieces of
// about 1 MiB. Reading and decoding take about as long as formatting and writing, so on two
// cores a log takes a little over half the time it takes on one.
#pragma once

#include "layers/ais/ais_log.h"

#include <functional>
#include <string_view>

namespace tidemark::layers::ais {

// Called on the formatting thread, never on two threads at once: whole JSON Lines, each
// ending in '\n'.
using WriteJsonLines = std::function<void(std::string_view text)>;
using OnReject = std::function<void(long line, LineOutcome outcome, const char* reason)>;

// As scan_log(file, ...), writing each decoded message as one line of JSON. Returns once all
// of it has been handed to `write`. An exception from `write` is rethrown here.
void decode_to_json_lines(LineReader& file, LogStats& stats, const WriteJsonLines& write, const OnReject& on_reject);

}  // namespace tidemark::layers::ais
