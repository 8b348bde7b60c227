#include "app/cli/command.h"

#include <iostream>

namespace tidemark::cli {

int fail(const std::string& message) {
    std::cerr << "tidemark: " << message << "\n";
    return kBadInput;
}

}  // namespace tidemark::cli
