// `tidemark ais decode FILE... [--out FILE]`: AIS NMEA logs to gpsd-style JSON Lines, with a
// summary on stderr (lines, messages per type, rejects per reason). Bad lines never stop it.
#include "app/cli/commands.h"
#include "layers/ais_json.h"
#include "layers/ais_log.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace tidemark::cli {
namespace {

struct AisDecodeOptions {
    std::vector<std::string> files;
    std::string out;
    bool quiet = false;
};

// Whole output to a temporary beside `path`, renamed over it only when complete.
bool write_text_atomically(const std::string& path, const std::string& text, std::string* error) {
    std::string tmp = path + ".tmp-tidemark";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) {
            *error = path + ": cannot write (check the folder exists and is writable)";
            return false;
        }
        f.write(text.data(), static_cast<std::streamsize>(text.size()));
        f.flush();
        if (!f) {
            *error = path + ": write failed (disk full?)";
            std::filesystem::remove(tmp);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        *error = path + ": cannot replace the file: " + ec.message();
        std::filesystem::remove(tmp);
        return false;
    }
    return true;
}

int decode(const AisDecodeOptions& opt) {
    std::string json;
    int code = kOk;
    for (const std::string& path : opt.files) {
        layers::MappedFile file;
        std::string error;
        if (!file.open(path, &error)) {
            code = fail(error);
            continue;
        }
        layers::ais::LogStats stats;
        std::size_t shown = 0;
        layers::ais::scan_log(
            file.text(), stats,
            [&](const layers::ais::Message& m, const layers::ais::Assembled& a) {
                layers::ais::append_json(m, a, json);
                json += '\n';
                if (opt.out.empty() && json.size() > (1u << 16)) {
                    std::fwrite(json.data(), 1, json.size(), stdout);
                    json.clear();
                }
            },
            [&](long line, layers::ais::LineOutcome o, const char* reason) {
                if (!opt.quiet && shown++ < 20)
                    std::cerr << path << ":" << line << ": " << layers::ais::outcome_name(o) << ": " << reason << "\n";
            });
        if (opt.out.empty()) {
            std::fwrite(json.data(), 1, json.size(), stdout);
            json.clear();
        }
        std::cerr << path << ": " << stats.summary() << "\n";
    }
    if (!opt.out.empty()) {
        std::string error;
        if (!write_text_atomically(opt.out, json, &error)) return fail(error);
    }
    std::fflush(stdout);
    return code;
}

}  // namespace

void add_ais_command(CLI::App& app, Context& ctx) {
    CLI::App* ais = app.add_subcommand("ais", "AIS NMEA logs (!AIVDM/!AIVDO)");
    ais->require_subcommand(1);
    auto opt = std::make_shared<AisDecodeOptions>();
    CLI::App* cmd = ais->add_subcommand("decode", "Decode AIS NMEA logs to gpsd-style JSON Lines (one object per message)");
    cmd->add_option("files", opt->files, "AIS NMEA log files (tag blocks and leading timestamps understood)")->required();
    cmd->add_option("--out,-o", opt->out, "Write JSON Lines here instead of standard output");
    cmd->add_flag("--quiet,-q", opt->quiet, "Only the summary on stderr, not each rejected line");
    cmd->callback([opt, &ctx] { ctx.exit_code = decode(*opt); });
}

}  // namespace tidemark::cli
