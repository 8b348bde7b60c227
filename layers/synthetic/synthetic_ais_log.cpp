#include "layers/synthetic/synthetic_ais_log.h"

#include "layers/ais/ais_encode.h"
#include "layers/io/temp_files.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace tidemark::layers {
namespace {

constexpr double kStaticEveryS = 7200;

struct SentenceWriter {
    std::ofstream& out;
    std::uint32_t mmsi;
    std::size_t sentences = 0;
    int sequence = 0;
    long long last_second = -1;

    void write(const std::string& payload, int fill, char channel, int sequence_id, long long secs) {
        for (const auto& l : ais::nmea_sentences(payload, fill, channel, sequence_id, "tidemark-synthetic", secs))
            out << l << '\n', ++sentences;
    }
    void position(const SyntheticFix& f) {
        const auto secs = static_cast<long long>(std::floor(f.t));
        if (secs <= last_second) return;  // one report a second at most, as a transponder
        last_second = secs;
        ais::PositionA p;
        p.mmsi = mmsi;
        p.status = f.moored ? 5 : 0;
        p.lon = f.lonlat.x;
        p.lat = f.lonlat.y;
        p.speed_kn = std::clamp(f.speed_kn, 0.0, 102.2);
        p.course_deg = std::fmod(f.course_deg + 360.0, 360.0);
        if (p.course_deg >= 359.95) p.course_deg = 0;
        p.heading = static_cast<int>(std::lround(p.course_deg)) % 360;
        p.second = static_cast<int>(secs % 60);
        int fill = 0;
        const std::string payload = ais::encode_position_a(p, &fill);
        write(payload, fill, 'A', 0, secs);
    }
    void statics(geo::UnixTime t, const ais::StaticA& s) {
        int fill = 0;
        const std::string payload = ais::encode_static_a(s, &fill);
        write(payload, fill, 'B', sequence, static_cast<long long>(t));
        sequence = (sequence + 1) % 10;
    }
};

}  // namespace

std::string file_slug(const std::string& name) {
    std::string s;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!s.empty() && s.back() != '_') s += '_';
    }
    while (!s.empty() && s.back() == '_') s.pop_back();
    return s;
}

std::string write_synthetic_ais_log(const std::string& path, const Vessel& vessel, const std::vector<std::string>& header,
                                    const std::vector<SyntheticFix>& fixes, std::size_t* sentences) {
    remove_stale_temporaries(path);
    const std::filesystem::path tmp = temporary_beside(path, ".nmea");
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return path + ": cannot write (check the folder is writable)";
    for (const auto& h : header) out << "# " << h << '\n';
    SentenceWriter w{out, vessel.mmsi};
    ais::StaticA st;
    st.mmsi = vessel.mmsi;
    st.shipname = vessel.name.substr(0, 20);
    st.callsign = "SYN" + std::to_string(vessel.mmsi % 10000);
    st.shiptype = 55;  // law enforcement
    st.destination = "PATROL";
    geo::UnixTime next_static = -1;
    bool was_moored = true;
    for (const SyntheticFix& f : fixes) {
        // Statics on leaving port and every 2 h under way, as a transponder repeats them.
        if (!f.moored && (was_moored || f.t >= next_static)) {
            w.statics(f.t, st);
            next_static = f.t + kStaticEveryS;
        }
        was_moored = f.moored;
        w.position(f);
    }
    out.close();
    std::error_code ec;
    if (!out) {
        std::filesystem::remove(tmp, ec);
        return path + ": write failed (disk full?)";
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return path + ": cannot replace the file: " + ec.message();
    }
    if (sentences) *sentences = w.sentences;
    return "";
}

}  // namespace tidemark::layers
