// Kraken reporter details on a team workspace. Who reported and how to reach them are personal
// data: they are not columns of the `reports` table, which every agency a report is shared with
// reads, but rows of `kraken_reporters` (fid = the report's fid, reporter, reporter_contact,
// owner_agency = the report's, shared_with empty). Row-level security lets only the owning agency
// and admins read or change them; their history rows are readable by the same people only; a
// person reads reports with the details joined back, NULL where they are not theirs.
#pragma once

#include "layers/layer.h"
#include "layers/team/pg_connection.h"
#include "layers/team/pg_layer_table.h"

#include <string>

namespace tidemark::layers::team {

inline constexpr const char* kReportersTable = "kraken_reporters";

// The table the details are kept in (no geometry; a sharing table).
TableShape reporters_shape();

// Creates the table (migration 6, push), its changes recorded in the history. Changes are not
// announced on the live-update channel: the announcement names the row to every member.
bool create_reporters_table(PgConnection& conn, std::string* error);
// Its history trigger alone (a push loads the details first: history starts after the load).
bool record_reporters_history(PgConnection& conn, std::string* error);

// Whether `layer` is the reports layer with reporter fields, which a team workspace splits.
bool holds_reporters(const Layer& layer);

// `reports` without the reporter fields: what the reports table holds. Features without a
// positive, unique fid get one from the table's sequence (or, before the table exists, after the
// largest), so that the details can name their report.
std::optional<Layer> reports_without_reporters(PgConnection& conn, const Layer& reports, std::string* error);

// Makes the details of the reports this person's agency owns those of `reports` (final fids, as
// reports_without_reporters gave them back): details of other agencies' reports are never written.
bool put_reporters(PgConnection& conn, const Layer& reports, const Layer& stored, std::string* error);

// Adds the reporter fields to a reports layer read from the table, from `details` (the rows of
// kraken_reporters the person may read): NULL where there are none.
void join_reporters(Layer& reports, const Layer& details);

}  // namespace tidemark::layers::team
