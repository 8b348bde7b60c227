#include "layers/team/change_listener.h"

#include <nlohmann/json.hpp>

#include <sys/select.h>

#include <cmath>

namespace tidemark::layers::team {

std::optional<ChangeListener> ChangeListener::open(const std::string& url, std::string* error) {
    auto conn = PgConnection::open(url, error);
    if (!conn) return std::nullopt;
    auto me = conn->exec("SELECT coalesce(tidemark_my_agency(), ''), tidemark_is_admin()", error);
    if (!me) return std::nullopt;
    const std::string agency = PQgetvalue(me.get(), 0, 0);
    const bool admin = PQgetvalue(me.get(), 0, 1)[0] == 't';
    std::string listen = std::string("LISTEN ") + kChangeChannel;
    if (!agency.empty()) listen += "; LISTEN " + quote_ident(std::string(kChangeChannel) + ":" + agency);
    if (admin) listen += "; LISTEN " + quote_ident(std::string(kChangeChannel) + ":admin");
    if (!conn->run(listen, error)) return std::nullopt;
    return ChangeListener(std::move(*conn));
}

bool ChangeListener::drain(std::vector<RowChange>* out, std::string* error) {
    if (PQconsumeInput(conn_.raw()) == 0) {
        *error = conn_.server() + ": the connection for live updates was lost (" + conn_.last_message() + ")";
        return false;
    }
    while (PGnotify* n = PQnotifies(conn_.raw())) {
        RowChange c;
        const nlohmann::json j = nlohmann::json::parse(n->extra ? n->extra : "", nullptr, /*allow_exceptions=*/false);
        if (j.is_object()) {
            c.table = j.value("table", "");
            if (j.contains("fid") && j["fid"].is_number_integer()) c.fid = j["fid"].get<std::int64_t>();
            if (j.contains("version") && j["version"].is_number_integer()) c.version = j["version"].get<std::int64_t>();
            c.who = j.value("who", "");
        }
        PQfreemem(n);
        out->push_back(std::move(c));
    }
    return true;
}

bool ChangeListener::wait(double timeout_s, std::vector<RowChange>* out, std::string* error) {
    const std::size_t before = out->size();
    if (!drain(out, error)) return false;  // notifications already read with an earlier result
    if (out->size() > before) return true;
    const int fd = PQsocket(conn_.raw());
    if (fd < 0) {
        *error = conn_.server() + ": the connection for live updates is closed";
        return false;
    }
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    timeval tv{};
    tv.tv_sec = static_cast<long>(std::floor(timeout_s));
    tv.tv_usec = static_cast<long>((timeout_s - std::floor(timeout_s)) * 1e6);
    if (select(fd + 1, &readable, nullptr, nullptr, &tv) < 0) return true;  // interrupted: the caller waits again
    return drain(out, error);
}

}  // namespace tidemark::layers::team
