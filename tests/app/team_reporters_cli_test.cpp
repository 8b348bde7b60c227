// Kraken reporter details on a team workspace: who reported and how to reach them are read only
// by the agency that owns the report. Kent, with Border Force's reports shared, reads the reports
// but not the details: not through raw SQL, `export` or `team pull`, nor in their history; Kent's
// save of the reports keeps Border Force's details. Against the throwaway server.
#include "geo/time.h"
#include "layers/io/ogr_reader.h"
#include "layers/reports/report_store.h"
#include "layers/reports/reports.h"
#include "layers/team/pg_connection.h"
#include "layers/workspace.h"
#include "app/team_two_agencies.h"
#include "support/pg_scratch.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;
using test::run_tidemark;

namespace {


// Two reports off Dover with their reporters, as Border Force's workspace holds them.
void border_force_reports(const test::ScratchDir& dir, const std::string& path) {
    const std::string csv =
        "report_id,observed_at,easting,northing,category,source,reported_by,phone\n"
        "K-1,2026-03-01T02:10:00Z,632000,141000,small craft,public,Jane Walker,07700 900123\n"
        "K-2,2026-03-01T03:40:00Z,633500,140200,landing,fisher,Tom Price,07700 900456\n";
    auto read = layers::read_reports(dir.write("kraken.csv", csv), geo::Crs::british_national_grid());
    ASSERT_TRUE(read.ok) << read.error;
    ASSERT_EQ(read.reports.size(), 2u);
    ASSERT_EQ(read.reports[0].reporter, "Jane Walker");
    ASSERT_EQ(read.reports[1].reporter_contact, "07700 900456");
    layers::Workspace ws;
    layers::store_reports(ws, read.reports);
    std::string error;
    ASSERT_TRUE(ws.save(&error, path)) << error;
}

}  // namespace

TEST(TeamReporters, OnlyTheOwningAgencyReadsWhoReportedAndKentsSaveKeepsThem) {
    TIDEMARK_REQUIRE_PG(db);
    test::ScratchDir dir;
    border_force_reports(dir, dir.file("ws.gpkg"));
    const std::string bf = db.login("bf"), kent = db.login("kent");
    test::push_as_border_force_with_kent(db, dir.file("ws.gpkg"));
    auto share = run_tidemark({"team", "share", db.url(), "reports", "--with", "KENT"});
    ASSERT_EQ(share.exit_code, 0) << share.err;
    const std::string as_bf = db.url_as(bf), as_kent = db.url_as(kent);
    // The reports table has no reporter columns; the details are Border Force's rows only.
    EXPECT_EQ(test::pg_value(db.url(), "SELECT count(*) FROM information_schema.columns WHERE table_name = 'reports' "
                            "AND column_name IN ('reporter', 'reporter_contact')"),
              "0");
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM reports"), "2");
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM kraken_reporters"), "0");
    EXPECT_EQ(test::pg_value(as_bf, "SELECT string_agg(reporter, ',' ORDER BY fid) FROM kraken_reporters"), "Jane Walker,Tom Price");

    // What Kent's commands write: the reports, no reporter.
    auto kent_export = run_tidemark({"export", as_kent, "-l", "reports", "-f", "csv", "-o", dir.file("kent.csv")});
    ASSERT_EQ(kent_export.exit_code, 0) << kent_export.err;
    const std::string kent_csv = test::read_file(dir.file("kent.csv"));
    EXPECT_NE(kent_csv.find("K-1"), std::string::npos);
    for (const char* personal : {"Jane Walker", "Tom Price", "07700"}) EXPECT_EQ(kent_csv.find(personal), std::string::npos) << personal;
    auto kent_pull = run_tidemark({"team", "pull", as_kent, dir.file("kent.gpkg")});
    ASSERT_EQ(kent_pull.exit_code, 0) << kent_pull.err;
    EXPECT_EQ(test::read_file(dir.file("kent.gpkg")).find("Jane Walker"), std::string::npos);
    auto bf_export = run_tidemark({"export", as_bf, "-l", "reports", "-f", "csv", "-o", dir.file("bf.csv")});
    ASSERT_EQ(bf_export.exit_code, 0) << bf_export.err;
    EXPECT_NE(test::read_file(dir.file("bf.csv")).find("Jane Walker"), std::string::npos);

    // Kent adds a note to a shared report and saves: Border Force's details stay.
    std::string error;
    auto kent_ws = layers::Workspace::open(as_kent, &error);
    ASSERT_TRUE(kent_ws) << error;
    layers::Layer* reports = kent_ws->find("reports");
    ASSERT_NE(reports, nullptr);
    ASSERT_EQ(reports->features().size(), 2u);
    const int description = reports->field_index("description");
    ASSERT_GE(description, 0);
    EXPECT_EQ(layers::to_string(reports->value(reports->features()[0], "reporter")), "");
    reports->features()[0].values[static_cast<std::size_t>(description)] = std::string("Kent: seen from Shakespeare Cliff");
    ASSERT_TRUE(kent_ws->save(&error)) << error;
    EXPECT_EQ(test::pg_value(as_bf, "SELECT description FROM reports WHERE report_id = 'K-1'"), "Kent: seen from Shakespeare Cliff");
    EXPECT_EQ(test::pg_value(as_bf, "SELECT count(*) FROM kraken_reporters"), "2");

    // Border Force corrects a phone number: its history is Border Force's to read, not Kent's.
    auto bf_ws = layers::Workspace::open(as_bf, &error);
    ASSERT_TRUE(bf_ws) << error;
    layers::Layer* bf_reports = bf_ws->find("reports");
    ASSERT_NE(bf_reports, nullptr);
    EXPECT_EQ(layers::to_string(bf_reports->value(bf_reports->features()[0], "reporter")), "Jane Walker");
    const int contact = bf_reports->field_index("reporter_contact");
    ASSERT_GE(contact, 0);
    bf_reports->features()[0].values[static_cast<std::size_t>(contact)] = std::string("07700 900999");
    ASSERT_TRUE(bf_ws->save(&error)) << error;
    const std::string fid = test::pg_value(as_bf, "SELECT fid FROM reports WHERE report_id = 'K-1'");
    EXPECT_EQ(test::pg_value(as_bf, "SELECT reporter_contact FROM kraken_reporters WHERE fid = " + fid), "07700 900999");
    EXPECT_EQ(test::pg_value(as_bf, "SELECT count(*) FROM tidemark_row_history('kraken_reporters', " + fid + ")"), "1");
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM tidemark_row_history('kraken_reporters', " + fid + ")"), "0");
    // The report's own history (shared with Kent, Kent's note) holds no reporter detail.
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM tidemark_row_history('reports', " + fid + ")"), "2");
    EXPECT_EQ(test::pg_value(as_kent, "SELECT count(*) FROM tidemark_row_history('reports', " + fid + ") h "
                           "WHERE h.new_row::text LIKE '%Jane%' OR h.new_row::text LIKE '%07700%'"),
              "0");
}
