#include "app/cli/output_files.h"

#include "layers/io/temp_files.h"

#include <filesystem>
#include <iostream>

namespace tidemark::cli {
namespace fs = std::filesystem;
namespace {

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec) && !ec;
}

}  // namespace

std::string output_clobbers_input(const std::string& output, const std::vector<std::string>& inputs, bool overwrite,
                                  const std::string& option) {
    if (overwrite || output.empty()) return {};
    for (const std::string& input : inputs) {
        std::string file = input;
        std::error_code ec;
        if (!fs::exists(file, ec)) {
            const std::size_t colon = file.rfind(':');  // FILE:LAYER
            if (colon != std::string::npos) file = file.substr(0, colon);
        }
        if (same_file(output, file))
            return option + " " + output + " is the input " + input +
                   ": writing there would destroy it; choose another output, or give --overwrite to replace it";
    }
    return {};
}

void clean_stale_temporaries(const std::string& target) {
    for (const fs::path& p : layers::remove_stale_temporaries(target))
        std::cerr << "tidemark: note: removed " << p.string() << ", a temporary file left by an interrupted run\n";
}

}  // namespace tidemark::cli
