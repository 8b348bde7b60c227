#include "layers/ais_json.h"

#include "geo/time.h"

#include <charconv>
#include <cmath>

namespace tidemark::layers::ais {
namespace {

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    void key(const char* k) {
        out_ += first_ ? "{\"" : ",\"";
        first_ = false;
        out_ += k;
        out_ += "\":";
    }
    void integer(const char* k, long long v) {
        key(k);
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, r.ptr);
    }
    void boolean(const char* k, bool v) {
        key(k);
        out_ += v ? "true" : "false";
    }
    void fixed(const char* k, double v, int decimals) {
        key(k);
        char buf[48];
        auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
        out_.append(buf, r.ptr);
    }
    void fixed_or_null(const char* k, const std::optional<double>& v, int decimals) {
        if (v) fixed(k, *v, decimals);
        else null(k);
    }
    void null(const char* k) {
        key(k);
        out_ += "null";
    }
    // AIS text is six-bit ASCII (0x20-0x5F): of JSON's escapes only '"' and '\\' can occur.
    // Runs between them are appended whole (this was a tenth of `ais decode`'s time char by char).
    void text(const char* k, std::string_view s) {
        key(k);
        out_ += '"';
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] != '"' && s[i] != '\\') continue;
            out_.append(s.data() + run, i - run);
            out_ += '\\';
            run = i;
        }
        out_.append(s.data() + run, s.size() - run);
        out_ += '"';
    }
    void close() { out_ += first_ ? "{}" : "}"; }

private:
    std::string& out_;
    bool first_ = true;
};

void turn(Writer& w, int t) {
    if (t == -128) return w.null("turn");
    if (t == -127) return w.text("turn", "fastleft");
    if (t == 127) return w.text("turn", "fastright");
    // gpsd's scaling: ROT[deg/min] = (raw / 4.733)^2 with the sign of raw, whole degrees.
    double r = t / 4.733;
    double rot = std::round(r * r);
    w.integer("turn", static_cast<long long>(t < 0 ? -rot : rot));
}

// null only for the standard's "not available"; other out-of-range values are shown as sent.
void position(Writer& w, const Message& m, int decimals) {
    if (m.lon_available()) w.fixed("lon", m.lon_raw_deg(), decimals);
    else w.null("lon");
    if (m.lat_available()) w.fixed("lat", m.lat_raw_deg(), decimals);
    else w.null("lat");
}

void heading(Writer& w, int h) {
    if (h == 511) w.null("heading");
    else w.integer("heading", h);
}

void second(Writer& w, int s) {
    if (s == 60) w.null("second");
    else w.integer("second", s);
}

void dims(Writer& w, const Message& m) {
    w.integer("to_bow", m.to_bow);
    w.integer("to_stern", m.to_stern);
    w.integer("to_port", m.to_port);
    w.integer("to_starboard", m.to_starboard);
}

void two(std::string& s, int v) {
    s += static_cast<char>('0' + (v / 10) % 10);
    s += static_cast<char>('0' + v % 10);
}

// "YYYY-MM-DDTHH:MM:SSZ" without snprintf (the JSON writer's hot spot); same result as
// geo::format_iso8601 (fractions dropped toward negative infinity).
std::string iso_time(double t) {
    long long secs = static_cast<long long>(std::floor(t));
    long long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    long long sod = secs - days * 86400;
    const auto [y, m, d] = geo::civil_from_days(days);
    if (y < 0 || y > 9999) return geo::format_iso8601(t);
    std::string s;
    s.reserve(20);
    two(s, static_cast<int>(y / 100));
    two(s, static_cast<int>(y % 100));
    s += '-'; two(s, m); s += '-'; two(s, d); s += 'T';
    two(s, static_cast<int>(sod / 3600)); s += ':'; two(s, static_cast<int>(sod / 60 % 60)); s += ':';
    two(s, static_cast<int>(sod % 60)); s += 'Z';
    return s;
}

}  // namespace

void append_json(const Message& m, const Assembled& src, std::string& out) {
    Writer w(out);
    w.integer("type", m.type);
    w.integer("repeat", m.repeat);
    w.integer("mmsi", m.mmsi);
    switch (m.type) {
        case 1: case 2: case 3:
            w.integer("status", m.status);
            w.text("status_text", status_text(m.status));
            turn(w, m.turn);
            w.fixed_or_null("speed", m.speed_kn(), 1);
            w.boolean("accuracy", m.accuracy);
            position(w, m, 6);
            w.fixed_or_null("course", m.course_deg(), 1);
            heading(w, m.heading);
            second(w, m.second);
            w.integer("maneuver", m.maneuver);
            w.boolean("raim", m.raim);
            w.integer("radio", m.radio);
            break;
        case 4: {
            std::string ts = std::to_string(m.year);
            while (ts.size() < 4) ts.insert(ts.begin(), '0');
            ts += '-'; two(ts, m.month); ts += '-'; two(ts, m.day);
            ts += 'T'; two(ts, m.hour); ts += ':'; two(ts, m.minute); ts += ':'; two(ts, m.utc_second); ts += 'Z';
            w.text("timestamp", ts);
            w.boolean("accuracy", m.accuracy);
            position(w, m, 6);
            w.integer("epfd", m.epfd);
            w.boolean("raim", m.raim);
            w.integer("radio", m.radio);
            break;
        }
        case 5: {
            w.integer("imo", m.imo);
            w.integer("ais_version", m.ais_version);
            w.text("callsign", m.callsign);
            w.text("shipname", m.shipname);
            w.integer("shiptype", m.shiptype);
            dims(w, m);
            w.integer("epfd", m.epfd);
            std::string eta;
            two(eta, m.eta_month); eta += '-'; two(eta, m.eta_day); eta += 'T';
            two(eta, m.eta_hour); eta += ':'; two(eta, m.eta_minute); eta += 'Z';
            w.text("eta", eta);
            w.fixed("draught", m.draught / 10.0, 1);
            w.text("destination", m.destination);
            w.integer("dte", m.dte);
            break;
        }
        case 18: case 19:
            w.integer("reserved", m.reserved);
            w.fixed_or_null("speed", m.speed_kn(), 1);
            w.boolean("accuracy", m.accuracy);
            position(w, m, 6);
            w.fixed_or_null("course", m.course_deg(), 1);
            heading(w, m.heading);
            second(w, m.second);
            w.integer("regional", m.regional);
            if (m.type == 18) {
                w.boolean("cs", m.cs);
                w.boolean("display", m.display);
                w.boolean("dsc", m.dsc);
                w.boolean("band", m.band);
                w.boolean("msg22", m.msg22);
                w.boolean("assigned", m.assigned);
                w.boolean("raim", m.raim);
                w.integer("radio", m.radio);
            } else {
                w.text("shipname", m.shipname);
                w.integer("shiptype", m.shiptype);
                dims(w, m);
                w.integer("epfd", m.epfd);
                w.boolean("raim", m.raim);
                w.integer("dte", m.dte);
                w.boolean("assigned", m.assigned);
            }
            break;
        case 24:
            w.integer("partno", m.partno);
            if (m.partno == 0) {
                w.text("shipname", m.shipname);
            } else {
                w.integer("shiptype", m.shiptype);
                w.text("vendorid", m.vendorid);
                w.integer("model", m.model);
                w.integer("serial", m.serial);
                w.text("callsign", m.callsign);
                if (m.mothership_mmsi) w.integer("mothership_mmsi", m.mothership_mmsi);
                else dims(w, m);
            }
            break;
        case 27:
            w.integer("status", m.status);
            w.text("status_text", status_text(m.status));
            w.boolean("accuracy", m.accuracy);
            position(w, m, 4);
            if (auto s = m.speed_kn()) w.integer("speed", static_cast<long long>(*s));
            else w.null("speed");
            if (auto c = m.course_deg()) w.integer("course", static_cast<long long>(*c));
            else w.null("course");
            w.boolean("raim", m.raim);
            w.boolean("gnss", m.gnss);
            break;
        default: break;
    }
    w.integer("line", src.line);
    if (!std::isnan(src.time)) w.text("time", iso_time(src.time));
    w.close();
}

}  // namespace tidemark::layers::ais
