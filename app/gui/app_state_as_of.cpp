// AppState's time travel on a team workspace: the workspace as it was known at T, read through
// the database's history with only what this login could see then (layers/team/pg_as_of.h), shown
// read-only until the person goes back to live.
#include "app/gui/app_state.h"

#include "geo/time.h"
#include "layers/store_location.h"
#include "layers/team/pg_as_of.h"
#include "layers/team/pg_connection.h"

#include <chrono>

namespace tidemark::gui {

bool AppState::open_as_of(geo::UnixTime at, std::string* error) {
    if (!workspace) {
        *error = "open a team workspace first";
        return false;
    }
    const std::string url = as_of_ ? live_url_ : workspace->path();
    if (!layers::is_server_location(url)) {
        *error = url + " is a GeoPackage file, which keeps no history: only a team workspace (postgresql://) can be viewed as of a time";
        return false;
    }
    if (dirty()) {
        *error = workspace->path() + " has unsaved changes: save them first (File > Save), they would be lost";
        return false;
    }
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (at > now) {
        *error = geo::format_iso8601(at) + " has not come yet: what will be known then cannot be read now";
        return false;
    }
    auto ws = layers::Workspace::open(layers::team::as_of_store(url, at), error,
                                      "it is the team workspace as it was at " + geo::format_iso8601(at) +
                                          " (File > View as of), which cannot be changed");
    if (!ws) return false;
    as_of_ = at;  // before adopt: no live updates for the past
    live_url_ = url;
    adopt(std::move(*ws), url);
    status = "Viewing as known at " + geo::format_iso8601(at) + " (read-only)";
    return true;
}

bool AppState::back_to_live(std::string* error, bool drop_unsaved) {
    if (!as_of_) return true;
    if (dirty() && !drop_unsaved) {
        *error = "changes made while viewing the past (styles, layers) are not saved: Save As a GeoPackage to keep them, "
                 "or go back to live dropping them";
        return false;
    }
    const std::string url = live_url_;
    if (!open(url, error)) return false;  // clears as_of_
    status = "Back to live: " + url;
    return true;
}

std::string AppState::as_of_banner() const {
    if (!as_of_) return {};
    return "Viewing " + layers::team::redact_url(live_url_) + " as known at " + geo::format_iso8601(*as_of_) + ": read-only";
}

}  // namespace tidemark::gui
