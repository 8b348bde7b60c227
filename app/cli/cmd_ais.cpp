// `tidemark ais decode FILE... [--out FILE]`: AIS NMEA logs to gpsd-style JSON Lines, with a
// summary on stderr (lines, messages per type, rejects per reason). Bad lines never stop it.
#include "app/cli/commands.h"
#include "app/cli/json_lines_sink.h"
#include "app/cli/output_files.h"
#include "layers/ais/ais_json_lines.h"

#include <iostream>

namespace tidemark::cli {
namespace {

struct AisDecodeOptions {
    std::vector<std::string> files;
    std::string out;
    bool quiet = false;
    bool overwrite = false;
};

int decode(const AisDecodeOptions& opt) {
    if (auto clash = output_clobbers_input(opt.out, opt.files, opt.overwrite, "--out"); !clash.empty())
        return fail(clash);
    JsonLinesSink sink;
    std::string error;
    if (!sink.open(opt.out, &error)) return fail(error);
    int code = kOk;
    for (const std::string& path : opt.files) {
        layers::LineReader file;
        if (!file.open(path, &error)) {
            code = fail(error);
            continue;
        }
        layers::ais::LogStats stats;
        std::size_t shown = 0;
        layers::ais::decode_to_json_lines(
            file, stats, [&](std::string_view text) { sink.write(text); },
            [&](long line, layers::ais::LineOutcome o, const char* reason) {
                if (!opt.quiet && shown++ < 20)
                    std::cerr << path << ":" << line << ": " << layers::ais::outcome_name(o) << ": " << reason << "\n";
            });
        std::cerr << path << ": " << stats.summary() << "\n";
        // What was decoded before the file changed is kept and written; the exit code says so.
        if (!file.fault().empty()) code = fail(file.fault());
    }
    if (!sink.close(&error)) return fail(error);
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
    cmd->add_flag("--overwrite", opt->overwrite, "Allow --out to replace one of the input logs");
    cmd->callback([opt, &ctx] { ctx.exit_code = decode(*opt); });
}

}  // namespace tidemark::cli
