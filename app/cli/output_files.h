// What every command that writes a file checks first: that the output is not one of its
// inputs, and that temporaries a killed earlier run left beside it are gone (said on stderr).
#pragma once

#include <string>
#include <vector>

namespace tidemark::cli {

// "" when writing `output` destroys none of `inputs`; otherwise the message for fail().
// Files are compared by identity (device and inode: ./ws.gpkg, a symlink or a hard link to
// the input all count), not by name. An input may be FILE:LAYER. `overwrite` allows it.
std::string output_clobbers_input(const std::string& output, const std::vector<std::string>& inputs, bool overwrite,
                                  const std::string& option = "-o");

// Removes temporaries of `target` left by a killed run (layers/io/temp_files.h), with a note on
// stderr for each.
void clean_stale_temporaries(const std::string& target);

}  // namespace tidemark::cli
