#include "layers/synthetic/synthetic_reports.h"

#include "geo/crs.h"
#include "geo/os_grid_ref.h"
#include "layers/reports/report_fields.h"
#include "layers/io/temp_files.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <random>
#include <sstream>
#include <unistd.h>

namespace tidemark::layers {
namespace {

// mt19937_64's output sequence is fixed by the standard; the std:: distributions are not,
// so the draws below are written out to give the same file on every platform.
class Draw {
public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double normal() {  // Box-Muller
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    }
    double normal_within(double limit) {  // truncated at +-limit
        double x = normal();
        while (std::abs(x) > limit) x = normal();
        return x;
    }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.size() - 1;
    }

private:
    std::mt19937_64 engine_;
};

struct Category {
    const char* name;
    double share;
    double spread_m;  // how far from the landing place such a sighting typically is
    std::vector<const char*> descriptions;
};

const std::vector<Category>& categories() {
    static const std::vector<Category> list = {
        {"small craft", 0.24, 1500, {"RIB running without lights close inshore", "small boat heading in fast towards the beach",
                                     "inflatable with several people aboard, no lifejackets seen"}},
        {"vessel loitering", 0.14, 2000, {"vessel holding position offshore for hours", "yacht drifting with no one visible on deck",
                                          "fishing vessel not fishing, repeatedly circling"}},
        {"landing or embarkation", 0.15, 400, {"people and bags carried from a boat up the beach", "boat met at the slipway at night",
                                               "torch signalling from the shore to a vessel offshore"}},
        {"people on shore", 0.12, 500, {"group waiting on the beach at an odd hour", "people seen filming the harbour entrance",
                                        "person repeatedly walking the slipway watching the sea"}},
        {"goods on shore", 0.08, 500, {"wrapped packages washed up above the tideline", "lifejackets and a marker buoy left on the beach",
                                       "holdalls hidden in the dunes"}},
        {"vehicle at coast", 0.13, 400, {"van parked at the remote slipway with engine running", "vehicle with trailer waiting at the beach car park at night",
                                         "same car seen at the coast three nights running"}},
        {"aircraft or drone", 0.05, 1500, {"drone flying low over the bay after dark", "light aircraft circling low over the coast"}},
        {"other", 0.09, 800, {"cash offered for a mooring extension, no questions asked", "abandoned dinghy found in the creek",
                              "crew seemed unaware of normal harbour practice"}},
    };
    return list;
}

struct Source {
    const char* name;
    double share;
    double evaluation[3];  // probabilities of 1, 2, 3
};

const std::vector<Source>& sources() {
    static const std::vector<Source> list = {
        {"public", 0.35, {0.10, 0.75, 0.15}},      {"harbour or marina staff", 0.15, {0.45, 0.50, 0.05}},
        {"fisher", 0.20, {0.30, 0.60, 0.10}},      {"coastguard", 0.12, {0.75, 0.25, 0.0}},
        {"police", 0.08, {0.85, 0.15, 0.0}},       {"Border Force", 0.05, {0.90, 0.10, 0.0}},
        {"other", 0.05, {0.10, 0.60, 0.30}}};
    return list;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
    return line + "\n";
}

const std::vector<std::string> kHeader = {"report_id", "reported_at", "observed_at", "lat", "lon", "grid_ref", "category",
                                          "description", "source", "source_evaluation", "assessment", "handling", "synthetic"};

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Only beaches, landing places and slipways: plausible places to land people or goods
// unseen (ports, harbours and marinas are watched anyway, and some lie far up estuaries).
// Quiet or remote ones draw twice as many. When the file has none of these kinds, all places count.
std::vector<double> place_weights(const std::vector<Place>& places, Draw& draw) {
    std::vector<double> w;
    bool any = false;
    for (const Place& p : places) {
        double x = p.kind == "landing_place" || p.kind == "beach" ? 3 : p.kind == "slipway" ? 2 : 0;
        const std::string notes = lower(p.notes);
        if (notes.find("quiet") != std::string::npos || notes.find("remote") != std::string::npos) x *= 2;
        any = any || x > 0;
        w.push_back(x);
    }
    if (!any) std::fill(w.begin(), w.end(), 1.0);
    // A few hot spots, so the density map shows clusters rather than an even sprinkle.
    // Picked from the base weights, each boosted once (boosting as we pick would snowball onto one place).
    const std::vector<double> base = w;
    const std::size_t hot = std::min<std::size_t>(6, places.size());
    for (std::size_t k = 0; k < hot; ++k) {
        const std::size_t i = draw.weighted(base);
        w[i] = base[i] * 8;
    }
    return w;
}

}  // namespace

std::vector<Place> read_places(const std::string& path, std::vector<std::string>* problems, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = path + ": cannot open for reading";
        return {};
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const auto records = report_fields::parse_csv(ss.str());
    if (records.empty()) {
        *error = path + ": empty; expected a header name,kind,lat,lon,...";
        return {};
    }
    int name = -1, kind = -1, lat = -1, lon = -1, notes = -1;
    for (int i = 0; i < static_cast<int>(records[0].fields.size()); ++i) {
        const std::string h = lower(records[0].fields[i]);
        if (h == "name") name = i;
        if (h == "kind") kind = i;
        if (h == "lat" || h == "latitude") lat = i;
        if (h == "lon" || h == "longitude") lon = i;
        if (h == "notes") notes = i;
    }
    if (name < 0 || kind < 0 || lat < 0 || lon < 0) {
        *error = path + ": expected columns name, kind, lat, lon in the header";
        return {};
    }
    std::vector<Place> places;
    const int needed = std::max({name, kind, lat, lon});
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        char* end_lat = nullptr;
        char* end_lon = nullptr;
        Place p;
        if (static_cast<int>(f.size()) > needed) {
            p.name = f[name];
            p.kind = lower(f[kind]);
            p.lat = std::strtod(f[lat].c_str(), &end_lat);
            p.lon = std::strtod(f[lon].c_str(), &end_lon);
            if (notes >= 0 && notes < static_cast<int>(f.size())) p.notes = f[notes];
        }
        if (!end_lat || *end_lat || !end_lon || *end_lon || std::abs(p.lat) > 90 || std::abs(p.lon) > 180 || f[lat].empty()) {
            if (problems)
                problems->push_back(path + ":" + std::to_string(records[r].line) +
                                    ": expected name,kind,lat,lon with decimal degrees: place skipped");
            continue;
        }
        places.push_back(std::move(p));
    }
    return places;
}

std::string synthetic_reports_csv(const std::vector<Place>& places, const SyntheticOptions& options) {
    std::string out = csv_line(kHeader);
    if (places.empty() || options.count <= 0 || !(options.to > options.from)) return out;
    Draw draw(options.seed);
    const std::vector<double> weights = place_weights(places, draw);
    std::vector<double> category_shares, source_shares;
    for (const auto& c : categories()) category_shares.push_back(c.share);
    for (const auto& s : sources()) source_shares.push_back(s.share);
    const geo::Transformer to_bng(geo::Crs::wgs84(), geo::Crs::british_national_grid());

    struct Previous { double lat, lon, t; std::size_t category; };
    std::vector<Previous> previous;
    for (int n = 0; n < options.count; ++n) {
        std::size_t category = draw.weighted(category_shares);
        double lat = 0, lon = 0, observed = 0;
        std::string place_name;
        const bool repeat = !previous.empty() && draw.uniform() < 0.05;
        if (repeat) {
            // A second witness to an earlier sighting: a possible duplicate the importer flags.
            const Previous& p = previous[static_cast<std::size_t>(draw.uniform() * previous.size())];
            category = p.category;
            lat = p.lat + draw.normal() * 60 / 111320.0;
            lon = p.lon + draw.normal() * 60 / (111320.0 * std::cos(p.lat * std::numbers::pi / 180));
            observed = p.t + draw.uniform() * 900;
            place_name = "an earlier sighting";
        } else {
            const Place& place = places[draw.weighted(weights)];
            place_name = place.name;
            const double spread = categories()[category].spread_m;
            // Truncated at 2 sigma: the importer's inland/offshore checks must accept every good row.
            lat = place.lat + draw.normal_within(2) * spread / 111320.0;
            lon = place.lon + draw.normal_within(2) * spread / (111320.0 * std::cos(place.lat * std::numbers::pi / 180));
            // Two thirds of sightings at night (21:00-05:00 UTC), the rest any time.
            const double day = std::floor(options.from / 86400 + draw.uniform() * (options.to - options.from) / 86400);
            const double hour = draw.uniform() < 0.67 ? std::fmod(21 + draw.uniform() * 8, 24) : draw.uniform() * 24;
            observed = day * 86400 + hour * 3600;
            if (observed < options.from || observed >= options.to)
                observed = options.from + draw.uniform() * (options.to - options.from);
        }
        previous.push_back({lat, lon, observed, category});
        const double reported = observed + 300 + draw.exponential(2400);
        const Source& source = sources()[draw.weighted(source_shares)];
        const int evaluation = 1 + static_cast<int>(draw.weighted({source.evaluation[0], source.evaluation[1], source.evaluation[2]}));
        const char assessment = "ABCDE"[draw.weighted({0.15, 0.25, 0.35, 0.20, 0.05})];
        const char handling = draw.uniform() < 0.85 ? 'P' : 'C';
        const auto& texts = categories()[category].descriptions;
        const std::string text = texts[static_cast<std::size_t>(draw.uniform() * texts.size())];

        std::string lat_s, lon_s, grid;
        if (draw.uniform() < 0.3) {  // some reporters give an OS grid reference instead
            if (auto g = geo::format_os_grid_ref(to_bng.forward({lon, lat}), 8)) grid = *g;
        }
        if (grid.empty()) {
            lat_s = fixed(lat, 5);
            lon_s = fixed(lon, 5);
        }
        char id[32];
        std::snprintf(id, sizeof id, "SYN-%05d", n + 1);
        out += csv_line({id, geo::format_iso8601(reported), geo::format_iso8601(observed), lat_s, lon_s, grid,
                         categories()[category].name, "SYNTHETIC demo report: " + text + " (near " + place_name + ")",
                         source.name, std::to_string(evaluation), std::string(1, assessment), std::string(1, handling), "yes"});
    }
    return out;
}

std::string synthetic_bad_reports_csv(const std::vector<Place>& places, const SyntheticOptions& options) {
    const double t = options.to > options.from ? (options.from + options.to) / 2 : options.from;
    const std::string when = geo::format_iso8601(t);
    const Place shore = places.empty() ? Place{"Dover", "port", "", 51.123, 1.329} : places.front();
    const std::string lat = fixed(shore.lat, 5), lon = fixed(shore.lon, 5);
    auto row = [&](const char* id, const std::string& time, const std::string& la, const std::string& lo,
                   const std::string& grid, const std::string& category, const std::string& why) {
        return csv_line({id, time, time, la, lo, grid, category, "SYNTHETIC bad row: " + why, "public", "2", "C", "P", "yes"});
    };
    std::string out = csv_line(kHeader);
    out += row("BAD-001", when, "", "", "", "small craft", "no position at all");
    out += row("BAD-002", "last Tuesday night", lat, lon, "", "small craft", "time that is not ISO 8601");
    out += row("BAD-003", when, lat, lon, "", "sea monster", "category not in the list");
    out += row("BAD-004", when, "", "", "JA 1234 5678", "vessel loitering", "grid square JA is north of the National Grid");
    out += row("BAD-005", when, "", "", "TR 323 4030", "vessel loitering", "grid reference with an odd number of digits");
    out += row("BAD-006", when, "52.48620", "-1.89040", "", "vehicle at coast", "Birmingham city centre: far inland");
    out += row("BAD-007", when, "55.50000", "3.50000", "", "vessel loitering", "middle of the North Sea: far offshore");
    out += row("BAD-008", when, "95.00000", lon, "", "people on shore", "latitude out of range");
    return out;
}

bool write_text_atomically(const std::string& path, const std::string& text, std::string* error) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    remove_stale_temporaries(target);
    const fs::path temp = temporary_beside(target, "");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            *error = path + ": cannot write (" + temp.string() + ")";
            std::error_code ec;
            fs::remove(temp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        *error = path + ": cannot replace with the new file (" + ec.message() + ")";
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

}  // namespace tidemark::layers
