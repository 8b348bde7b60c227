// What a row's history shows: the fields that differ between two versions of the row.
#include "layers/team/row_history.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using tidemark::layers::team::FieldChange;
using tidemark::layers::team::row_differences;

namespace {

std::vector<std::string> lines(const std::vector<FieldChange>& changes) {
    std::vector<std::string> out;
    for (const FieldChange& c : changes) out.push_back(c.field + ": '" + c.before + "' -> '" + c.after + "'");
    return out;
}

}  // namespace

TEST(RowHistory, OnlyTheFieldsThatDifferAreListedByNameWithoutBookkeeping) {
    const auto before = nlohmann::json::parse(
        R"({"fid": 1, "version": 1, "status": "accepted", "notes": null, "agency": "BFMC", "effort_h": 4.5,
            "shared_with": ["KENT"], "owner_agency": "BFMC", "geom": "0102000020346C0000"})");
    const auto after = nlohmann::json::parse(
        R"({"fid": 1, "version": 2, "updated_by": "kent", "updated_at": "2026-11-30T21:03:00+00:00", "status": "done", "notes": "tide too low", "agency": "BFMC", "effort_h": 6,
            "shared_with": ["KENT", "DSFC"], "owner_agency": "BFMC", "geom": "0102000020346C0001"})");
    EXPECT_EQ(lines(row_differences(before, after)),
              (std::vector<std::string>{"effort_h: '4.5' -> '6'", "geometry: '(shape)' -> '(new shape)'",
                                        "notes: '' -> 'tide too low'", "shared with: 'KENT' -> 'KENT, DSFC'",
                                        "status: 'accepted' -> 'done'"}));
}

TEST(RowHistory, AnAddedRowListsItsValuesAndAColumnGoneIsListedToo) {
    const auto after = nlohmann::json::parse(R"({"fid": 7, "version": 1, "status": "planned", "notes": null})");
    EXPECT_EQ(lines(row_differences(nullptr, after)), (std::vector<std::string>{"status: '' -> 'planned'"}));
    const auto before = nlohmann::json::parse(R"({"fid": 7, "status": "planned", "vessel": "Valiant"})");
    EXPECT_EQ(lines(row_differences(before, nlohmann::json::parse(R"({"fid": 7, "status": "planned"})"))),
              (std::vector<std::string>{"vessel: 'Valiant' -> ''"}));
    EXPECT_TRUE(row_differences(before, before).empty());
}
