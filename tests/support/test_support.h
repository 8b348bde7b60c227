// Helpers shared by all suites: scratch folders, fixture files written by the tests,
// running the real `tidemark` executable, and the shared real data.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace tidemark::test {

// A fresh folder under the system temp dir, removed when the object dies.
class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    std::filesystem::path path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Writes `content` to `name` in the folder and returns its path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs the built `tidemark` with `args` (each passed as one argument, no shell).
CommandResult run_tidemark(const std::vector<std::string>& args);

// Path of a file in ../shared/data, or "" when the shared data is not there.
std::string shared_data(const std::string& relative);

std::string read_file(const std::string& path);

}  // namespace tidemark::test

// Skips the test, saying what is missing, when a shared data file is absent.
#define TIDEMARK_REQUIRE_SHARED(var, relative)                                                      \
    const std::string var = ::tidemark::test::shared_data(relative);                                 \
    if (var.empty()) GTEST_SKIP() << "shared data file ../shared/data/" << relative                  \
                                  << " not found beside the checkout: skipping this real-data test"
