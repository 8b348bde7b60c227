// AIS decoder throughput against gpsd's gpsdecode on the same file, in one run.
// Builds a large NMEA log (default 3,000,000 lines: the shared corpora's sentences repeated,
// plus synthetic tag-blocked class A positions and two-part static messages), then times
//   1. tidemark: mmap + framing + reassembly + payload decode (fields read, nothing printed)
//   2. tidemark: the same plus gpsd-style JSON formatting into a buffer (no disk write)
//   3. `gpsdecode -c < file > /dev/null` (gpsd's own CSV output, its fastest mode)
// and prints messages/s for each and the ratio. Usage: ais_decode_bench [lines] [file].
#include "layers/ais/ais_encode.h"
#include "layers/ais/ais_json.h"
#include "layers/ais/ais_log.h"
#include "layers/io/csv_text.h"

#include <sys/resource.h>
#include <ctime>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

using namespace tidemark::layers;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> corpus_sentences() {
    std::vector<std::string> lines;
    for (const char* name : {"gpsd_sample.aivdm", "pyais_nmea_data_sample.txt", "libais_typeexamples.nmea", "pyais_mixed.txt"}) {
        std::ifstream in(std::string(TIDEMARK_SHARED_DATA) + "/ais/" + name);
        std::string l;
        while (std::getline(in, l))
            if (!l.empty() && (l[0] == '!' || l[0] == '\\')) lines.push_back(l);
    }
    return lines;
}

std::vector<std::string> synthetic_sentences(std::size_t n) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(-6, 2), lat(49.5, 56), spd(0, 25), crs(0, 359.9);
    std::vector<std::string> lines;
    long long t = 1772366400;
    for (std::size_t i = 0; lines.size() < n; ++i) {
        int fill = 0;
        if (i % 50 == 49) {
            ais::StaticA s;
            s.mmsi = 235000000 + static_cast<std::uint32_t>(i % 1000);
            s.shipname = "BENCH VESSEL " + std::to_string(i % 1000);
            s.callsign = "GB" + std::to_string(i % 100);
            s.destination = "DOVER";
            std::string p = ais::encode_static_a(s, &fill);
            for (auto& l : ais::nmea_sentences(p, fill, 'B', static_cast<int>(i % 10), "bench", t)) lines.push_back(l);
        } else {
            ais::PositionA p;
            p.mmsi = 235000000 + static_cast<std::uint32_t>(i % 1000);
            p.lon = lon(rng), p.lat = lat(rng), p.speed_kn = spd(rng), p.course_deg = crs(rng);
            p.heading = static_cast<int>(p.course_deg), p.second = static_cast<int>(t % 60);
            std::string payload = ais::encode_position_a(p, &fill);
            for (auto& l : ais::nmea_sentences(payload, fill, 'A', 0, "bench", t)) lines.push_back(l);
        }
        t += 1;
    }
    return lines;
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// CPU seconds of this process: on a shared machine wall time includes waiting for a core.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

double children_cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t target = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 3000000;
    std::string path = argc > 2 ? argv[2] : (std::filesystem::temp_directory_path() / "tidemark_ais_bench.nmea").string();
    {
        std::vector<std::string> corpus = corpus_sentences();
        std::vector<std::string> synth = synthetic_sentences(20000);
        std::ofstream out(path, std::ios::binary);
        std::size_t written = 0;
        while (written < target) {
            // Half corpus (real-world mix of types, bad lines included), half synthetic.
            for (const auto& l : corpus) { out << l << '\n'; if (++written >= target) break; }
            for (const auto& l : synth) { out << l << '\n'; if (++written >= target) break; }
        }
        std::cout << "file " << path << ": " << written << " lines, " << std::filesystem::file_size(path) / 1e6 << " MB ("
                  << corpus.size() << " corpus sentences and " << synth.size() << " synthetic ones, repeated)\n";
    }

    // Decode speed from memory: the file is read once, then scanned in place.
    std::string error;
    auto text = read_text_file(path, &error);
    if (!text) {
        std::cerr << error << "\n";
        return 1;
    }
    struct { std::string_view text() const { return t; } std::string_view t; } file{*text};
    volatile unsigned long sink = 0;

    double best_decode = 1e9, best_json = 1e9, cpu_decode = 1e9, cpu_json = 1e9;
    ais::LogStats stats;
    for (int run = 0; run < 3; ++run) {
        ais::LogStats s;
        unsigned long check = 0;
        auto t0 = Clock::now();
        double c0 = cpu_seconds();
        ais::scan_log(file.text(), s, [&](const ais::Message& m, const ais::Assembled&) { check += m.mmsi + static_cast<unsigned>(m.lat); },
                      [](long, ais::LineOutcome, const char*) {});
        cpu_decode = std::min(cpu_decode, cpu_seconds() - c0);
        best_decode = std::min(best_decode, seconds_since(t0));
        sink = sink + check;
        stats = s;
    }
    std::size_t complete = stats.messages + stats.unsupported + stats.too_short;
    for (int run = 0; run < 2; ++run) {
        ais::LogStats s;
        // As `ais decode` formats (one thread here): one writer, one reused buffer.
        std::vector<char> json((1 << 20) + ais::kMaxJsonBytes + 1);
        char* end = json.data();
        ais::JsonWriter writer;
        auto t0 = Clock::now();
        double c0 = cpu_seconds();
        ais::scan_log(file.text(), s, [&](const ais::Message& m, const ais::Assembled& a) {
            end = writer.write(m, a, end);
            *end++ = '\n';
            if (end - json.data() > (1 << 20)) end = json.data();
        }, [](long, ais::LineOutcome, const char*) {});
        cpu_json = std::min(cpu_json, cpu_seconds() - c0);
        best_json = std::min(best_json, seconds_since(t0));
    }
    std::cout << "tidemark: " << stats.summary() << "\n";

    std::string gpsd_out = path + ".gpsd.csv";
    auto t0 = Clock::now();
    double child0 = children_cpu_seconds();
    int rc = std::system(("gpsdecode -c < '" + path + "' > '" + gpsd_out + "' 2>/dev/null").c_str());
    double gpsd_s = seconds_since(t0);
    double gpsd_cpu = children_cpu_seconds() - child0;
    std::size_t gpsd_messages = 0;
    {
        std::ifstream in(gpsd_out);
        std::string l;
        while (std::getline(in, l)) ++gpsd_messages;
    }
    std::filesystem::remove(gpsd_out);

    auto rate = [](double n, double s) { return n / s; };
    std::printf("tidemark decode:        %zu messages, wall %.3f s, CPU %.3f s = %.2f M msg/s per CPU-second (wall %.2f M/s)\n",
                complete, best_decode, cpu_decode, rate(complete, cpu_decode) / 1e6, rate(complete, best_decode) / 1e6);
    std::printf("tidemark decode + JSON: %zu messages, wall %.3f s, CPU %.3f s = %.2f M msg/s per CPU-second\n", stats.messages,
                best_json, cpu_json, rate(stats.messages, cpu_json) / 1e6);
    if (rc != 0) {
        std::printf("gpsdecode: not run (exit %d; install Debian gpsd-clients)\n", rc);
        return 0;
    }
    std::printf("gpsdecode -c:           %zu messages, wall %.3f s, CPU %.3f s = %.3f M msg/s per CPU-second (wall %.3f M/s)\n",
                gpsd_messages, gpsd_s, gpsd_cpu, rate(gpsd_messages, gpsd_cpu) / 1e6, rate(gpsd_messages, gpsd_s) / 1e6);
    std::printf("ratio tidemark decode / gpsdecode -c (CPU): %.1fx; (wall) %.1fx  [goal >= 10x and >= 2 M msg/s]\n",
                rate(complete, cpu_decode) / rate(gpsd_messages, gpsd_cpu), rate(complete, best_decode) / rate(gpsd_messages, gpsd_s));
    std::printf("ratio tidemark decode+JSON / gpsdecode -c (CPU): %.1fx\n",
                rate(stats.messages, cpu_json) / rate(gpsd_messages, gpsd_cpu));
    if (argc <= 2) std::filesystem::remove(path);  // a log asked for by path is kept (scripts/bench-commands.sh)
    return 0;
}
