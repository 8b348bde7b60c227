#include "app/cli/command.h"

#include <iostream>

namespace tidemark::cli {

int fail(const std::string& message) {
    std::cerr << "tidemark: " << message << "\n";
    return kBadInput;
}

std::optional<int> parse(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return std::nullopt;
}

}  // namespace tidemark::cli
