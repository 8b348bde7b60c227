#include "layers/ais/ais_sentence.h"

#include "geo/time.h"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace tidemark::layers::ais {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// XOR of text, compared with the two hex digits at `hex`. Eight bytes at a time (XOR is
// associative, so byte order within a word does not matter): this was a tenth of decoding.
bool checksum_ok(std::string_view text, std::string_view hex) {
    if (hex.size() < 2) return false;
    int hi = hex_digit(hex[0]), lo = hex_digit(hex[1]);
    if (hi < 0 || lo < 0) return false;
    const char* p = text.data();
    std::size_t n = text.size();
    std::uint64_t words = 0;
    for (; n >= 8; n -= 8, p += 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        words ^= w;
    }
    words ^= words >> 32;
    words ^= words >> 16;
    words ^= words >> 8;
    unsigned x = static_cast<unsigned>(words & 0xFF);
    for (; n > 0; --n) x ^= static_cast<unsigned char>(*p++);
    return x == static_cast<unsigned>(hi * 16 + lo);
}

// Every character is AIS six-bit ASCII, '0'-'W' or '`'-'w'. No branch per character, so the
// compiler can check many at once.
bool six_bit_ascii(std::string_view payload) {
    unsigned bad = 0;
    for (char ch : payload) {
        const unsigned v = static_cast<unsigned char>(ch) - 48u;  // '0'..'w' -> 0..71
        bad |= static_cast<unsigned>(v > 71u) | static_cast<unsigned>(v - 40u < 8u);  // 'X'..'_' are 40..47
    }
    return bad == 0;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

double unix_number(std::string_view s) {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return NAN;
    return v;
}

// Splits off the next comma-separated field of `rest`.
std::string_view next_field(std::string_view& rest) {
    std::size_t comma = rest.find(',');
    std::string_view f = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    return f;
}

LineResult reject(LineOutcome o, const char* reason) {
    LineResult r;
    r.outcome = o;
    r.reason = reason;
    return r;
}

// Gatehouse "$PGHP,1,yyyy,m,d,h,min,s,ms,..." gives the time of the following sentence.
double gatehouse_time(std::string_view body) {
    next_field(body);  // PGHP
    if (next_field(body) != "1") return NAN;
    int v[7];
    for (int& x : v) {
        std::string_view f = next_field(body);
        auto [p, ec] = std::from_chars(f.data(), f.data() + f.size(), x);
        if (ec != std::errc() || f.empty()) return NAN;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31) return NAN;
    return static_cast<double>(geo::days_from_civil(v[0], v[1], v[2])) * 86400.0 + v[3] * 3600.0 + v[4] * 60.0 + v[5] +
           v[6] / 1000.0;
}

}  // namespace

const char* outcome_name(LineOutcome o) {
    switch (o) {
        case LineOutcome::Message: return "message";
        case LineOutcome::Fragment: return "fragment";
        case LineOutcome::Skipped: return "skipped";
        case LineOutcome::BadChecksum: return "bad checksum";
        case LineOutcome::Malformed: return "malformed";
        case LineOutcome::IncompleteMultipart: return "incomplete multipart";
    }
    return "?";
}

double parse_time_prefix(std::string_view t) {
    while (!t.empty() && (t.back() == ' ' || t.back() == ',' || t.back() == '\t' || t.back() == ';' || t.back() == '|'))
        t.remove_suffix(1);
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    if (t.empty()) return NAN;
    if (t.find_first_not_of("0123456789.") == std::string_view::npos) {
        double v = unix_number(t);
        if (v > 1e11) v /= 1000.0;  // milliseconds, as some loggers write
        return v;
    }
    auto iso = geo::parse_iso8601(t);
    return iso ? *iso : NAN;
}

SentenceReader::SentenceReader() {
    for (Slot& s : slots_) s.payload.reserve(256);
}

std::size_t SentenceReader::finish() {
    std::size_t n = 0;
    for (Slot& s : slots_) {
        if (s.total != 0) ++n;
        s.total = s.next = 0;
    }
    return n;
}

LineResult SentenceReader::parse_line(std::string_view line, long line_number) {
    tag_block_bad_ = false;
    LineResult r = parse(line, line_number);
    r.tag_block_bad = tag_block_bad_;
    return r;
}

LineResult SentenceReader::parse(std::string_view line, long line_number) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    double time = NAN;
    std::string_view station;

    // Leading timestamp column: anything before the first '!' or '\'.
    std::size_t start = !line.empty() && (line[0] == '!' || line[0] == '\\') ? 0 : line.find_first_of("!\\");
    if (start == std::string_view::npos) {
        if (!line.empty() && line[0] == '$' && line.substr(1, 4) == "PGHP") {
            std::size_t star = line.rfind('*');
            if (star != std::string_view::npos && checksum_ok(line.substr(1, star - 1), line.substr(star + 1)))
                pending_time_ = gatehouse_time(line.substr(1, star - 1));
        }
        return reject(LineOutcome::Skipped, "");
    }
    if (start > 0) {
        if (line[0] == '#' || line[0] == '$') return reject(LineOutcome::Skipped, "");
        time = parse_time_prefix(line.substr(0, start));
        if (std::isnan(time))
            return reject(LineOutcome::Malformed,
                          "text before the sentence is not a timestamp; expected ISO 8601 or Unix seconds, then a separator");
        line.remove_prefix(start);
    }

    // IEC 61162-450 tag block(s): \key:value,key:value*hh\ .
    while (!line.empty() && line[0] == '\\') {
        std::size_t end = line.find('\\', 1);
        if (end == std::string_view::npos) return reject(LineOutcome::Malformed, "tag block not closed; expected \\...*hh\\ before the sentence");
        std::string_view block = line.substr(1, end - 1);
        line.remove_prefix(end + 1);
        std::size_t star = block.rfind('*');
        if (star != std::string_view::npos) {
            bool ok = checksum_ok(block.substr(0, star), block.substr(star + 1));
            block = block.substr(0, star);
            if (!ok) {  // the sentence itself may be fine (gpsd decodes it): keep it, trust nothing in the block
                tag_block_bad_ = true;
                continue;
            }
        }
        while (!block.empty()) {
            std::string_view f = next_field(block);
            if (f.size() < 2 || f[1] != ':') continue;
            if (f[0] == 'c') {
                std::string_view digits = f.substr(2);
                long long whole = 0;
                auto [stop, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), whole);
                double v = ec == std::errc() && stop == digits.data() + digits.size() ? static_cast<double>(whole)
                                                                                      : unix_number(digits);
                if (!std::isnan(v)) time = v > 1e11 ? v / 1000.0 : v;
            } else if (f[0] == 's') {
                station = f.substr(2);
            }
        }
    }

    if (line.size() < 7 || line[0] != '!') {
        if (!line.empty() && line[0] == '$') return reject(LineOutcome::Skipped, "");
        return reject(LineOutcome::Malformed, "expected an !xxVDM or !xxVDO sentence");
    }
    std::string_view tag = line.substr(3, 3);
    if (tag != "VDM" && tag != "VDO") return reject(LineOutcome::Skipped, "");
    std::size_t star = line.find('*');
    if (star == std::string_view::npos || star + 3 > line.size())
        return reject(LineOutcome::Malformed, "sentence has no *hh checksum; expected !AIVDM,...,fill*hh");
    if (!checksum_ok(line.substr(1, star - 1), line.substr(star + 1, 2)))
        return reject(LineOutcome::BadChecksum, "checksum does not match the sentence (XOR of the text between ! and *)");
    // USCG metadata after the checksum: the first 10-digit field is the receive time.
    if (std::isnan(time) && star + 3 < line.size() && line[star + 3] == ',') {
        std::string_view rest = line.substr(star + 4);
        while (!rest.empty()) {
            std::string_view f = next_field(rest);
            if (f.size() == 10 && all_digits(f)) {
                time = unix_number(f);
                break;
            }
        }
    }
    if (std::isnan(time) && !std::isnan(pending_time_)) time = pending_time_;
    pending_time_ = NAN;
    // A time decades off (1e20 s, a garbled digit) would be stored and drawn as if real.
    if (!std::isnan(time) && !geo::plausible_time(time))
        return reject(LineOutcome::Malformed,
                      "the line's time (tag block c:, leading timestamp or $PGHP) is outside 1970-01-01..2100-12-31; "
                      "expected Unix seconds or ISO 8601 in that span");

    std::string_view rest = line.substr(7, star - 7);
    std::string_view f_total = next_field(rest), f_num = next_field(rest), f_seq = next_field(rest),
                     f_chan = next_field(rest), f_payload = next_field(rest), f_fill = rest;
    if (f_total.size() != 1 || f_num.size() != 1 || f_total[0] < '1' || f_total[0] > '9' || f_num[0] < '1' ||
        f_num[0] > f_total[0] || f_seq.size() > 1 || f_chan.size() > 1 || f_fill.size() != 1)
        return reject(LineOutcome::Malformed,
                      "expected fields count,number,sequence id,channel,payload,fill bits (count and number 1-9)");
    if (f_fill[0] < '0' || f_fill[0] > '5') return reject(LineOutcome::Malformed, "fill bits must be 0..5");
    if (!six_bit_ascii(f_payload))
        return reject(LineOutcome::Malformed, "payload has a character outside AIS six-bit ASCII ('0'-'W', '`'-'w')");
    const int total = f_total[0] - '0', num = f_num[0] - '0', fill = f_fill[0] - '0';
    if (f_payload.empty() && total == 1) return reject(LineOutcome::Malformed, "empty payload");

    LineResult r;
    r.message.line = line_number;
    r.message.channel = f_chan.empty() ? 0 : f_chan[0];
    r.message.own_vessel = tag == "VDO";
    if (total == 1) {
        r.outcome = LineOutcome::Message;
        r.message.armored = f_payload;
        r.message.fill_bits = fill;
        r.message.time = time;
        r.message.station = station;
        return r;
    }
    int seq = f_seq.empty() ? 10 : f_seq[0] - '0';
    if (seq < 0 || seq > 10) return reject(LineOutcome::Malformed, "sequential message id must be a digit 0-9");
    int chan = f_chan.empty() ? 3 : f_chan[0] == 'A' || f_chan[0] == '1' ? 0 : f_chan[0] == 'B' || f_chan[0] == '2' ? 1 : 2;
    Slot& s = slots_[seq * 4 + chan];
    if (num == 1) {
        LineOutcome dropped = s.total != 0 ? LineOutcome::IncompleteMultipart : LineOutcome::Fragment;
        s.payload.assign(f_payload);
        s.station.assign(station);
        s.total = total;
        s.next = 2;
        s.time = time;
        // A restarted sequence drops the earlier unfinished one: report that at this line.
        if (dropped == LineOutcome::IncompleteMultipart)
            return reject(dropped, "a new multipart message started before the previous one with the same id and channel was complete");
        return reject(LineOutcome::Fragment, "");
    }
    if (s.total != total || s.next != num) {
        s.total = s.next = 0;
        return reject(LineOutcome::IncompleteMultipart,
                      "fragment out of sequence: its earlier fragments (same sequential id and channel) were not seen");
    }
    s.payload.append(f_payload);
    if (std::isnan(s.time)) s.time = time;
    if (num < total) {
        ++s.next;
        return reject(LineOutcome::Fragment, "");
    }
    s.total = s.next = 0;
    r.outcome = LineOutcome::Message;
    r.message.armored = s.payload;
    r.message.fill_bits = fill;
    r.message.time = s.time;
    r.message.station = s.station;
    return r;
}

}  // namespace tidemark::layers::ais
