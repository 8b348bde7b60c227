// `tidemark ais decode FILE... [--out FILE]`: AIS NMEA logs to gpsd-style JSON Lines, with a
// summary on stderr (lines, messages per type, rejects per reason). Bad lines never stop it.
#include "app/cli/commands.h"
#include "app/cli/output_files.h"
#include "layers/ais_json.h"
#include "layers/ais_log.h"
#include "layers/temp_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace tidemark::cli {
namespace {

struct AisDecodeOptions {
    std::vector<std::string> files;
    std::string out;
    bool quiet = false;
    bool overwrite = false;
};

// JSON Lines to stdout, or to a temporary beside --out renamed over it only when complete.
// Written as decoded, in 64 KiB pieces, so memory does not grow with the log.
class JsonSink {
public:
    bool open(const std::string& out, std::string* error) {
        out_ = out;
        if (out.empty()) {
            file_ = stdout;
            return true;
        }
        clean_stale_temporaries(out);
        temp_ = layers::temporary_beside(out, ".jsonl").string();
        file_ = std::fopen(temp_.c_str(), "wb");
        if (!file_) *error = out + ": cannot write (" + std::strerror(errno) + "; check the folder exists and is writable)";
        return file_ != nullptr;
    }
    std::string& buffer() { return json_; }
    void flush_if_big() {
        if (json_.size() > (1u << 16)) flush();
    }
    void flush() {
        if (!json_.empty() && std::fwrite(json_.data(), 1, json_.size(), file_) != json_.size()) failed_ = true;
        json_.clear();
    }
    // Completes --out (fsync, rename), or removes the temporary when anything failed.
    bool close(std::string* error) {
        flush();
        if (out_.empty()) return std::fflush(stdout) == 0;
        bool ok = std::fflush(file_) == 0 && !failed_ && ::fsync(fileno(file_)) == 0;
        ok = std::fclose(file_) == 0 && ok;
        file_ = nullptr;
        std::error_code ec;
        if (ok) std::filesystem::rename(temp_, out_, ec);
        if (!ok || ec) {
            *error = out_ + ": write failed (" + (ec ? ec.message() : std::string("disk full?")) + ")";
            std::filesystem::remove(temp_, ec);
            return false;
        }
        return true;
    }

private:
    std::string out_, temp_, json_;
    std::FILE* file_ = nullptr;
    bool failed_ = false;
};

int decode(const AisDecodeOptions& opt) {
    if (auto clash = output_clobbers_input(opt.out, opt.files, opt.overwrite, "--out"); !clash.empty())
        return fail(clash);
    JsonSink sink;
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
        layers::ais::scan_log(
            file, stats,
            [&](const layers::ais::Message& m, const layers::ais::Assembled& a) {
                layers::ais::append_json(m, a, sink.buffer());
                sink.buffer() += '\n';
                sink.flush_if_big();
            },
            [&](long line, layers::ais::LineOutcome o, const char* reason) {
                if (!opt.quiet && shown++ < 20)
                    std::cerr << path << ":" << line << ": " << layers::ais::outcome_name(o) << ": " << reason << "\n";
            });
        sink.flush();
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
